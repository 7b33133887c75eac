#pragma once
// The global search box (Ctrl+K): instant results across every entity as the user types,
// through Store::search (the same call the benchmark measures). Up/Down move through the
// results, Enter opens the selected (or first) one, Esc closes the list.

#include <QLineEdit>

class QListWidget;

namespace gamix {

class Store;

class SearchBox : public QLineEdit
{
    Q_OBJECT
public:
    SearchBox(Store *store, QWidget *popupParent, QWidget *parent = nullptr);
    QListWidget *results() const { return m_results; }

signals:
    void openRecord(const QString &entity, const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void runSearch();
    void placeResults();
    void openCurrent();

    Store *m_store;
    QListWidget *m_results;
};

} // namespace gamix
