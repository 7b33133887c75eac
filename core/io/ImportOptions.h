#pragma once
// What an import is asked to do (ImportOptions), what it did to each row
// (ImportRowReport) and in total (ImportSummary). Shared by ImportJob, the CLI's
// `import` command and the wizard.

#include "HeaderMatcher.h"
#include "ValueParsers.h"

#include <QByteArray>
#include <QChar>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gamix {

struct EntityDef;

enum class OnDuplicate {
    Skip, // keep the record already there (the default)
    Update, // fill the empty fields of the existing record, and overwrite updateFields
    Create, // create a new record anyway
};

struct ImportOptions
{
    const EntityDef *entity = nullptr;
    QString file;
    QString preset; // empty or "auto": recognise from the header
    QByteArray encoding; // empty: detect
    QChar delimiter; // null: detect
    QHash<QString, QString> userMap; // folded header -> target (--map 'Header=field')
    QList<ColumnMapping> mapping; // a complete mapping (the wizard); used when not empty
    ValueParsers::DateOptions dates;
    OnDuplicate onDuplicate = OnDuplicate::Skip;
    // With Update: fields the file's non-empty values overwrite (field names of the
    // entity; `company` stands for company_id). Other fields are only filled when empty.
    QStringList updateFields;
    bool dryRun = false; // everything is done in a transaction rolled back at the end
    QString rejectsFile; // rejected rows, as read, plus an error column
    int batchSize = 50000; // rows per committed transaction (fewer, larger commits: see ImportJob)
    bool precheck = true; // read the whole file once first: a broken file writes nothing
    bool unmappedToNotes = true; // unmapped non-empty cells become "Header: value" lines in notes
};

struct ImportRowReport
{
    enum class Action { Create, Update, Skip, Reject };

    qint64 line = 0; // physical line where the record began
    Action action = Action::Create;
    QString id; // created, updated or matched record
    int column = 0; // 1-based column of the first error (0: the row as a whole)
    QString message; // why it was skipped or rejected (translated)

    static QString actionName(Action a);
};

struct ImportSummary
{
    qint64 rows = 0;
    qint64 created = 0;
    qint64 updated = 0;
    qint64 skipped = 0;
    qint64 rejected = 0;
    qint64 companiesCreated = 0;
    qint64 contactsCreated = 0; // a deal file's contacts
    bool cancelled = false;
    bool dryRun = false;
    QString fatalError; // one line naming file, line and column; nothing was written
    QString preset; // id of the preset used ("" = none recognised)
    QByteArray encoding;
    QChar delimiter;
    double seconds = 0;

    bool ok() const { return fatalError.isEmpty(); }
};

} // namespace gamix
