#pragma once
// One signal for "records of this entity changed", so every open list, board and page
// refreshes after a write, an undo or a redo, without knowing who wrote.

#include <QObject>

namespace gamix {

class DataEvents : public QObject
{
    Q_OBJECT
public:
    static DataEvents *instance();
    void notify(const QString &entity) { emit changed(entity); }

signals:
    void changed(const QString &entity);
};

} // namespace gamix
