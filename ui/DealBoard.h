#pragma once
// The deals board: a Kanban of one pipeline, one column per stage with its count and the
// sum of its open deals' amounts. Dragging a card to another column moves the deal
// (an undoable stage move); a card's menu closes a deal as won or lost (with a reason).

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QUndoStack;

namespace gamix {

class Store;
class StageList;

class DealBoard : public QWidget
{
    Q_OBJECT
public:
    DealBoard(Store *store, QUndoStack *undo, QWidget *parent = nullptr);

    // What a drop does; public so tests and keyboard users reach it too.
    bool moveDeal(const QString &dealId, const QString &stageId);
    bool closeDeal(const QString &dealId, bool won, const QString &reason = QString());
    QString headerText(int column) const;
    StageList *column(int index) const { return m_lists.value(index); }
    int columnCount() const { return int(m_lists.size()); }

public slots:
    void rebuild();

signals:
    void openRecord(const QString &entity, const QString &id);

private:
    void showCardMenu(StageList *list, const QPoint &pos);

    Store *m_store;
    QUndoStack *m_undo;
    QComboBox *m_pipeline;
    QHBoxLayout *m_columns;
    QList<StageList *> m_lists;
    QList<QLabel *> m_headers;
    QList<QWidget *> m_columnWidgets;
};

} // namespace gamix
