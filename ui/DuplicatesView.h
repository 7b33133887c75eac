#pragma once
// The duplicates view (issue 5): records flagged as duplicates when they met through sync
// (the same email, phone or INN imported offline on two machines), side by side. One click
// merges the pair: the chosen record stays (its empty fields filled from the other), the
// other becomes a tombstone with merged_into, and references move (Store::mergeRecords),
// as ordinary writes that sync like any edit.
//
// "Not duplicates" dismisses the flag (a tombstone on the flag record, which syncs too).
//
// objectNames for the GUI tests: duplicatesTable, mergeKeepFirst, mergeKeepSecond,
// notDuplicates, duplicatesEmpty.

#include <QDialog>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace gamix {

class Store;

class DuplicatesView : public QDialog
{
    Q_OBJECT
public:
    enum Column { KindColumn, FirstColumn, SecondColumn, ColumnCount };
    static constexpr int FirstIdRole = Qt::UserRole + 1;
    static constexpr int SecondIdRole = Qt::UserRole + 2;
    static constexpr int EntityRole = Qt::UserRole + 3;
    static constexpr int FlagIdRole = Qt::UserRole + 4;

    explicit DuplicatesView(Store *store, QWidget *parent = nullptr);

    QStandardItemModel *model() const { return m_model; }
    int duplicateCount() const;

public slots:
    void reload();
    // Merges the pair in `row` (the selected one when -1), keeping the first or the second
    // record. False when nothing was written (the error is shown).
    bool merge(bool keepFirst, int row = -1);
    // Dismisses the flag in `row` (the selected one when -1): the two are different records.
    bool dismiss(int row = -1);

private:
    void updateButtons();
    int selectedRow() const;

    Store *m_store;
    QStandardItemModel *m_model;
    QTableView *m_view;
    QLabel *m_empty;
    QPushButton *m_keepFirst;
    QPushButton *m_keepSecond;
    QPushButton *m_dismiss;
    bool m_notifying = false; // our own merge's change notices: one reload at the end
};

} // namespace gamix
