#pragma once
// A list of one entity: quick filter bar (text through the search index, owner,
// status/stage, period), a column chooser, and the table on RecordTableModel. Enter or a
// double click opens the record.

#include "store/Store.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QToolButton;
class QLabel;

namespace gamix {

class RecordTableModel;
class Store;
struct EntityDef;

class ListPage : public QWidget
{
    Q_OBJECT
public:
    ListPage(Store *store, const EntityDef &entity, QWidget *parent = nullptr);
    ~ListPage() override;

    RecordTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString currentId() const;
    void focusFilter();
    void saveLayout();
    // The list as the user sees it (quick filter text, status/stage, owner, sort order) as
    // a Store query, for "export the current view". ListQuery has no date range: when the
    // period filter is on, `*exact` is set false and the query covers the wider set.
    ListQuery currentQuery(bool *exact = nullptr) const;
    // True when any quick filter narrows the list.
    bool isFiltered() const;
    // Shows records created between the two days (both included): "Custom range…".
    void setCustomPeriod(const QDate &from, const QDate &to);

signals:
    void openRecord(const QString &entity, const QString &id);

private:
    void applyFilter();
    void periodChosen(int index);
    void buildColumnMenu();

    Store *m_store;
    const EntityDef &m_entity;
    RecordTableModel *m_model;
    QTableView *m_view;
    QLineEdit *m_filterEdit;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_ownerFilter;
    QComboBox *m_periodFilter;
    int m_periodIndex = 0; // the period shown before "Custom range…" was picked
    QDate m_rangeFrom;
    QDate m_rangeTo;
    QToolButton *m_columns;
    QLabel *m_count;
};

} // namespace gamix
