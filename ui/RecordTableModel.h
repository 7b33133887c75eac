#pragma once
// The table model behind every list: the ordered rowids of the whole (filtered) table are
// built by SQL on indexed columns off the UI thread, so the row count is known and the
// scrollbar covers everything; rows are read in windows of kWindow as the view asks, and
// a few windows are kept (least recently used first out). A million contacts cost 8 MB of
// rowids and a handful of windows.

#include "store/ListModelQueries.h"
#include "store/Record.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QVector>

#include <atomic>
#include <memory>

namespace gamix {

class Store;

class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kWindow = 200;
    static constexpr int kCachedWindows = 6;
    enum Roles { IdRole = Qt::UserRole + 1, RawRole };

    RecordTableModel(Store *store, const EntityDef &entity, QObject *parent = nullptr);
    ~RecordTableModel() override;

    const EntityDef &entity() const { return m_entity; }
    // Columns are schema field indexes; all user fields by default.
    QList<int> columnFields() const { return m_fields; }
    void setFilter(const ListFilter &filter);
    ListFilter filter() const { return m_filter; }
    ListOrder order() const { return m_order; }
    void setOrder(const ListOrder &order);
    // Re-reads the row ids (after writes); keeps nothing stale.
    void reload();
    bool isLoading() const { return m_loading; }
    int totalRows() const { return int(m_rowids.size()); }

    QString idAt(int row) const;
    Record recordAt(int row) const;
    int rowOfId(const QString &id) const; // only within cached windows; -1 otherwise

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void loaded(); // the full row id list is in

private:
    const QList<Record> &window(int index) const;
    void startFullLoad();

    Store *m_store;
    const EntityDef &m_entity;
    QList<int> m_fields;
    ListFilter m_filter;
    ListOrder m_order;
    QVector<qint64> m_rowids;
    mutable QHash<int, QList<Record>> m_windows;
    mutable QList<int> m_lru;
    mutable QHash<QString, QString> m_refNames; // reference id -> display name
    bool m_loading = false;
    int m_generation = 0;
    std::shared_ptr<std::atomic_int> m_latest;
    QFutureWatcher<QVector<qint64>> *m_watcher = nullptr;
};

} // namespace gamix
