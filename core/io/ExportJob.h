#pragma once
// Exports one entity to a file: CSV with the Excel profile (labels as headers, `;`, CRLF,
// UTF-8 with BOM or windows-1251, formula injection neutralised, names instead of ids) or
// the Data profile (RFC 4180, UTF-8, `,`, field names, values untouched, and beside each
// reference id the referenced record's name: `company` beside `company_id`, so an import
// into another database can fall back to the name); vCard 3.0/4.0 for contacts;
// iCalendar VTODO for tasks. Rows stream from SQL; the file appears complete or not at all
// (QSaveFile).

#include "store/Store.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>

namespace gamix {

struct ExportOptions
{
    enum class Format { Csv, VCard, ICalendar };
    enum class Profile { Excel, Data };

    const EntityDef *entity = nullptr;
    QString file;
    Format format = Format::Csv;
    Profile profile = Profile::Excel;
    QByteArray encoding; // empty: the profile's (UTF-8); "windows-1251" for old Excel
    int vcardVersion = 3; // 3 or 4
    // The current filtered view of the UI (search, where, sort); null exports everything.
    const ListQuery *query = nullptr;
};

class ExportJob
{
public:
    ExportJob(Store &store, ExportOptions options);

    // False with a one-line error naming the file; the file is then left as it was.
    bool run(QString *error);

    qint64 rowsWritten() const { return m_rows; }
    // Characters the chosen encoding could not hold (written as '?').
    qint64 unmappableCount() const { return m_unmappable; }

    std::function<void(qint64 rows)> onProgress;
    std::atomic_bool *cancelFlag = nullptr;

    // The CSV header for an entity and profile (exposed for the tests and the wizard).
    static QStringList csvHeader(const EntityDef &entity, ExportOptions::Profile profile);

private:
    bool writeCsv(QIODevice *device, QString *error);
    bool writeDataUtf8(QIODevice *device, QString *error);
    bool writeVCard(QIODevice *device, QString *error);
    bool writeICalendar(QIODevice *device, QString *error);
    // Streams records (SQL for everything, Store::list for a view) as Record objects.
    bool forEachRecord(const std::function<bool(const Record &, const QStringList &refNames)> &fn, QString *error);

    Store &m_store;
    ExportOptions m_options;
    qint64 m_rows = 0;
    qint64 m_unmappable = 0;
};

} // namespace gamix
