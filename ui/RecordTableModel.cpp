#include "RecordTableModel.h"

#include "Format.h"
#include "store/Store.h"

#include <QBrush>
#include <QDate>
#include <QGuiApplication>
#include <QPalette>
#include <QTimer>
#include <QtConcurrent>

namespace gamix {

namespace {

// Reads the whole ordered rowid list on its own connection: a Store's connection belongs
// to its thread.
QVector<qint64> loadRowIds(const QString &path, const EntityDef *entity, const ListFilter &filter,
                           const ListOrder &order, std::shared_ptr<std::atomic_int> latest, int generation)
{
    try {
        SqliteDb db;
        db.open(path, false, true);
        return ListModelQueries::sortedRowIds(db, *entity, filter, order, -1,
                                              [&] { return latest->load() != generation; });
    } catch (const SqliteError &) {
        return {};
    }
}

} // namespace

RecordTableModel::RecordTableModel(Store *store, const EntityDef &entity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_entity(entity)
    , m_order(ListModelQueries::defaultOrder(entity))
    , m_latest(std::make_shared<std::atomic_int>(0))
{
    for (int i = 0; i < entity.fields.size(); ++i) {
        if (!entity.fields.at(i).system)
            m_fields << i;
    }
    m_fields << entity.fieldIndex(QLatin1String(kCreatedField));
    reload();
}

RecordTableModel::~RecordTableModel()
{
    m_latest->store(-1);
    if (m_watcher)
        m_watcher->waitForFinished();
}

void RecordTableModel::setFilter(const ListFilter &filter)
{
    m_filter = filter;
    reload();
}

void RecordTableModel::setOrder(const ListOrder &order)
{
    m_order = order;
    reload();
}

void RecordTableModel::reload()
{
    ++m_generation;
    m_latest->store(m_generation);
    if (!m_filter.search.trimmed().isEmpty())
        m_store->catchUpSearchIndex();
    // The first window comes straight from the index (LIMIT stops the walk early), so the
    // list is on screen at once; the rest arrives from the background job.
    QVector<qint64> first;
    const bool quick = ListModelQueries::isIndexedOrder(m_entity, m_order, m_filter)
        || ListModelQueries::isSmall(m_store->db(), m_entity, kWindow * 10);
    try {
        if (quick)
            first = ListModelQueries::sortedRowIds(m_store->db(), m_entity, m_filter, m_order, kWindow);
    } catch (const SqliteError &) { }
    beginResetModel();
    m_rowids = first;
    m_windows.clear();
    m_lru.clear();
    m_refNames.clear();
    endResetModel();
    if (quick && first.size() < kWindow) {
        m_loading = false;
        emit loaded();
        return;
    }
    // Start the full read once the event loop runs, so the first window is painted
    // before a background walk of the table competes with it for the CPU and the disk.
    m_loading = true;
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation == m_generation)
            startFullLoad();
    });
}

void RecordTableModel::startFullLoad()
{
    m_loading = true;
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
    }
    m_watcher = new QFutureWatcher<QVector<qint64>>(this);
    const int generation = m_generation;
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, generation] {
        if (generation != m_generation)
            return;
        QVector<qint64> all = m_watcher->result();
        m_loading = false;
        const bool samePrefix
            = all.size() >= m_rowids.size() && std::equal(m_rowids.cbegin(), m_rowids.cend(), all.cbegin());
        if (samePrefix && all.size() > m_rowids.size()) {
            beginInsertRows(QModelIndex(), int(m_rowids.size()), int(all.size()) - 1);
            m_rowids = std::move(all);
            endInsertRows();
        } else if (!samePrefix) {
            beginResetModel();
            m_rowids = std::move(all);
            m_windows.clear();
            m_lru.clear();
            endResetModel();
        }
        emit loaded();
    });
    m_watcher->setFuture(
        QtConcurrent::run(loadRowIds, m_store->path(), &m_entity, m_filter, m_order, m_latest, generation));
}

const QList<Record> &RecordTableModel::window(int index) const
{
    auto it = m_windows.find(index);
    if (it != m_windows.end()) {
        if (m_lru.last() != index) {
            m_lru.removeOne(index);
            m_lru.append(index);
        }
        return *it;
    }
    if (m_windows.size() >= kCachedWindows) {
        m_windows.remove(m_lru.takeFirst());
    }
    const int from = index * kWindow;
    const int n = qMin(kWindow, int(m_rowids.size()) - from);
    QList<Record> rows;
    try {
        rows = ListModelQueries::readRows(m_store->db(), m_entity, m_rowids.mid(from, n));
    } catch (const SqliteError &) {
        rows = QList<Record>(n);
    }
    m_lru.append(index);
    return *m_windows.insert(index, rows);
}

QString RecordTableModel::idAt(int row) const
{
    return recordAt(row).id;
}

Record RecordTableModel::recordAt(int row) const
{
    if (row < 0 || row >= m_rowids.size())
        return Record();
    return window(row / kWindow).value(row % kWindow);
}

int RecordTableModel::rowOfId(const QString &id) const
{
    for (auto it = m_windows.cbegin(); it != m_windows.cend(); ++it) {
        for (int i = 0; i < it->size(); ++i) {
            if (it->at(i).id == id)
                return it.key() * kWindow + i;
        }
    }
    return -1;
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rowids.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != IdRole && role != RawRole
        && role != Qt::TextAlignmentRole && role != Qt::ForegroundRole)
        return QVariant();
    const FieldDef &f = m_entity.fields.at(m_fields.at(index.column()));
    if (role == Qt::TextAlignmentRole) {
        const bool number = f.type == FieldType::Money || f.type == FieldType::Integer || f.type == FieldType::Percent;
        return number ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    }
    const Record r = recordAt(index.row());
    if (!r.isValid())
        return QVariant();
    if (role == IdRole)
        return r.id;
    const QVariant v = r.values.value(m_fields.at(index.column()));
    if (role == RawRole)
        return v;
    if (role == Qt::ForegroundRole) {
        if (f.type == FieldType::DueDate && !v.isNull() && !r.value(u"done").toLongLong()
            && v.toString().left(10) < QDate::currentDate().toString(Qt::ISODate))
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        return QVariant();
    }
    if (f.type == FieldType::Reference && !v.isNull()) {
        const QString key = v.toString();
        auto it = m_refNames.constFind(key);
        if (it == m_refNames.cend())
            it = m_refNames.insert(key, Format::value(f, v, m_store));
        return *it;
    }
    return Format::value(f, v, m_store);
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_fields.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_entity.fields.at(m_fields.at(section)).translatedLabel();
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_fields.size())
        return;
    const ListOrder wanted {m_entity.fields.at(m_fields.at(column)).name, order == Qt::DescendingOrder};
    if (wanted.field == m_order.field && wanted.descending == m_order.descending)
        return;
    setOrder(wanted);
}

} // namespace gamix
