#pragma once
// The conflicts view: every unresolved conflict record (a concurrent edit that lost in
// sync, DESIGN.md §3) with the value that was kept and the one that lost, who wrote each
// (the user's name through SiteAuthors; a short replica id until the server has named it)
// and when. One click keeps the current value (the conflict is marked resolved) or
// restores the other value (the field is written back through the store, then the
// conflict is marked resolved); both are one undoable step on the app's stack.
//
// objectNames for the GUI tests: conflictsTable, keepCurrent, restoreOther, conflictsEmpty.

#include <QDialog>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QUndoStack;

namespace gamix {

class Store;

class ConflictsView : public QDialog
{
    Q_OBJECT
public:
    enum Column { RecordColumn, FieldColumn, CurrentColumn, CurrentByColumn, OtherColumn, OtherByColumn, ColumnCount };
    static constexpr int ConflictIdRole = Qt::UserRole + 1;

    ConflictsView(Store *store, QUndoStack *undo, QWidget *parent = nullptr);

    QStandardItemModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    int conflictCount() const;

public slots:
    void reload();
    // Act on the conflict in `row` (the selected one when -1). False when nothing was written.
    bool keepCurrent(int row = -1);
    bool restoreOther(int row = -1);

signals:
    void conflictCountChanged(int count);

private:
    QString conflictIdAt(int row) const;
    bool markResolved(const QString &conflictId, const QString &text);
    void updateButtons();

    Store *m_store;
    QUndoStack *m_undo;
    QStandardItemModel *m_model;
    QTableView *m_view;
    QLabel *m_empty;
    QPushButton *m_keep;
    QPushButton *m_restore;
};

} // namespace gamix
