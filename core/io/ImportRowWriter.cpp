#include "ImportRowWriter.h"

#include "CsvRow.h"
#include "store/Store.h"

#include <QCoreApplication>

namespace gamix {

ImportRowWriter::ImportRowWriter(Store &store, const ImportOptions &options, const QList<ColumnMapping> &mapping)
    : m_store(store)
    , m_options(options)
    , m_entity(*options.entity)
    , m_builder(options, mapping)
    , m_resolver(store)
{
    m_notesField = m_builder.notesField();
    // A deal file carries its contact (amoCRM, Pipedrive): found or created with the deal.
    if (m_entity.name == u"deal")
        m_dealContact = std::make_unique<ImportDealContact>(store, m_resolver, options, m_builder.surnameFirst());
}

ImportRowWriter::~ImportRowWriter() = default;

qint64 ImportRowWriter::contactsCreated() const
{
    return m_dealContact ? m_dealContact->created() : 0;
}

bool ImportRowWriter::checkUpdateFields(const EntityDef &entity, QStringList *fields, QString *unknown)
{
    QStringList out;
    for (QString f : std::as_const(*fields)) {
        f = f.trimmed();
        if (f.isEmpty())
            continue;
        if (f == u"company" && entity.fieldIndex(u"company_id") >= 0)
            f = QStringLiteral("company_id");
        const FieldDef *def = entity.field(f);
        if (!def || def->system || f == u"id") {
            *unknown = f;
            return false;
        }
        if (!out.contains(f))
            out << f;
    }
    *fields = out;
    return true;
}

QStringList ImportRowWriter::updatableFields(const EntityDef &entity)
{
    QStringList out;
    for (const FieldDef &f : entity.fields) {
        if (!f.system && f.name != u"id")
            out << f.name;
    }
    return out;
}

bool ImportRowWriter::resolveReferences(ImportRow &b, QString *error, int *column)
{
    const Schema &schema = Schema::instance();
    // Ids from another database (a Data export) fall back to the names beside them.
    // One pass over the row's fields (most rows have no id field at all) instead of a look-up
    // per kind of reference.
    static const QStringList refs = {QStringLiteral("company"), QStringLiteral("contact"), QStringLiteral("pipeline"),
                                     QStringLiteral("stage"),   QStringLiteral("deal"),    QStringLiteral("lead")};
    for (auto it = b.values.begin(); it != b.values.end();) {
        const QStringView field = it.key();
        if (!it.value().isEmpty() && field.endsWith(QLatin1String("_id")) && refs.contains(field.chopped(3))
            && !m_resolver.exists(*schema.entity(field.chopped(3)), it.value()))
            it = b.values.erase(it);
        else
            ++it;
    }
    auto pseudo = [&](const char *name) {
        return b.pseudo.isEmpty() ? QString() : b.pseudo.value(QString::fromLatin1(name));
    };
    auto unresolved = [&](const char *name) {
        // Not found: keep the name in the notes rather than lose it.
        const QString v = pseudo(name);
        if (!v.isEmpty() && !m_notesField.isEmpty())
            b.notes << QCoreApplication::translate("Schema", schema.entity(QString::fromLatin1(name))->label)
                    + QStringLiteral(": ") + v;
    };
    if (!pseudo("pipeline").isEmpty() || !pseudo("stage").isEmpty())
        beginSideEffects(); // they may be created
    if (m_entity.fieldIndex(u"pipeline_id") >= 0 && b.values.value(QStringLiteral("pipeline_id")).isEmpty()
        && !pseudo("pipeline").isEmpty()) {
        const QString id = m_resolver.pipeline(pseudo("pipeline"), error);
        if (id.isEmpty()) {
            *column = b.columns.value(QStringLiteral("pipeline"), -1);
            return false;
        }
        b.values.insert(QStringLiteral("pipeline_id"), id);
    }
    if (m_entity.fieldIndex(u"stage_id") >= 0 && b.values.value(QStringLiteral("stage_id")).isEmpty()
        && !pseudo("stage").isEmpty()) {
        const QString id = m_resolver.stage(b.values.value(QStringLiteral("pipeline_id")), pseudo("stage"), error);
        if (id.isEmpty()) {
            *column = b.columns.value(QStringLiteral("stage"), -1);
            return false;
        }
        b.values.insert(QStringLiteral("stage_id"), id);
    }
    // A deal's contact is looked up with its phones and emails in writeBuilt (ImportDealContact).
    if (!m_dealContact && m_entity.fieldIndex(u"contact_id") >= 0
        && b.values.value(QStringLiteral("contact_id")).isEmpty() && !pseudo("contact").isEmpty()) {
        const QString id = m_resolver.contact(pseudo("contact"));
        if (id.isEmpty())
            unresolved("contact");
        else
            b.values.insert(QStringLiteral("contact_id"), id);
    }
    for (const char *ref : {"deal", "lead"}) {
        const QString field = QString::fromLatin1(ref) + QStringLiteral("_id");
        if (m_entity.fieldIndex(field) < 0 || !b.values.value(field).isEmpty() || pseudo(ref).isEmpty())
            continue;
        const QString id = m_resolver.byTitle(*schema.entity(QString::fromLatin1(ref)), pseudo(ref));
        if (id.isEmpty())
            unresolved(ref);
        else
            b.values.insert(field, id);
    }
    return true;
}

int ImportRowWriter::columnForError(const ImportRow &b, const QString &error) const
{
    const qsizetype colon = error.indexOf(u':');
    if (colon <= 0)
        return -1;
    const QString field = error.left(colon);
    if (b.columns.contains(field))
        return b.columns.value(field);
    if (field == u"company_id")
        return b.columns.value(QStringLiteral("company"), -1);
    return -1;
}

ImportRowReport ImportRowWriter::write(const CsvRow &row, qint64 line)
{
    ImportRow b = m_builder.build(row);
    // A row that creates companies, pipelines or stages before its own record writes under
    // a savepoint (opened by beginSideEffects), so a rejected row leaves nothing behind.
    m_savepoint = false;
    ImportRowReport report;
    try {
        report = writeBuilt(b, line);
    } catch (...) {
        if (m_savepoint)
            m_store.db().exec(QStringLiteral("ROLLBACK TO import_row; RELEASE import_row"));
        throw;
    }
    if (m_savepoint) {
        if (report.action == ImportRowReport::Action::Reject) {
            m_store.db().exec(QStringLiteral("ROLLBACK TO import_row; RELEASE import_row"));
            m_resolver.clearCaches();
        } else {
            m_store.db().exec(QStringLiteral("RELEASE import_row"));
        }
    }
    return report;
}

void ImportRowWriter::beginSideEffects()
{
    if (m_savepoint)
        return;
    m_store.db().exec(QStringLiteral("SAVEPOINT import_row"));
    m_savepoint = true;
}

ImportRowReport ImportRowWriter::writeBuilt(ImportRow &b, qint64 line)
{
    ImportRowReport report;
    report.line = line;
    auto reject = [&](const QString &message, int column) {
        report.action = ImportRowReport::Action::Reject;
        report.message = message;
        report.column = column + 1;
        return report;
    };
    QString error;
    int column = -1;
    if (!resolveReferences(b, &error, &column))
        return reject(error, column);

    // Companies: found now by INN or name; created only when the row is written.
    const bool wantsCompany = m_entity.fieldIndex(u"company_id") >= 0
        && b.values.value(QStringLiteral("company_id")).isEmpty()
        && (!b.pseudo.value(QStringLiteral("company")).isEmpty()
            || !b.pseudo.value(QStringLiteral("company_inn")).isEmpty());
    if (wantsCompany) {
        const QString id = m_resolver.company(b.pseudo.value(QStringLiteral("company")),
                                              b.pseudo.value(QStringLiteral("company_inn")), false, &error);
        if (!id.isEmpty())
            b.values.insert(QStringLiteral("company_id"), id);
    }

    // A deal's contact: found now (a re-run links the same one, so the deal is found a
    // duplicate); created only when the row is written.
    const bool wantsContact
        = m_dealContact && b.values.value(QStringLiteral("contact_id")).isEmpty() && ImportDealContact::wanted(b);
    bool contactFound = false;
    if (wantsContact) {
        const QString id
            = m_dealContact->find(b, m_dealContact->values(b, b.values.value(QStringLiteral("company_id"))));
        if (!id.isEmpty()) {
            b.values.insert(QStringLiteral("contact_id"), id);
            contactFound = true;
        }
    }

    QString duplicate;
    if (!b.id.isEmpty() && m_resolver.exists(m_entity, b.id))
        duplicate = b.id.toLower();
    else
        duplicate = m_resolver.findDuplicate(m_entity, b.values, &b.keys);
    if (!duplicate.isEmpty() && m_options.onDuplicate == OnDuplicate::Skip) {
        report.action = ImportRowReport::Action::Skip;
        report.id = duplicate;
        report.message = QCoreApplication::translate("Import", "duplicate of %1").arg(duplicate);
        return report;
    }

    if (wantsCompany && b.values.value(QStringLiteral("company_id")).isEmpty()) {
        beginSideEffects();
        bool created = false;
        const QString id = m_resolver.company(b.pseudo.value(QStringLiteral("company")),
                                              b.pseudo.value(QStringLiteral("company_inn")), true, &error, &created);
        if (!error.isEmpty()) {
            const int col
                = b.columns.value(QStringLiteral("company_inn"), b.columns.value(QStringLiteral("company"), -1));
            return reject(error, col);
        }
        if (!id.isEmpty())
            b.values.insert(QStringLiteral("company_id"), id);
        else if (!m_notesField.isEmpty() && !b.pseudo.value(QStringLiteral("company_inn")).isEmpty())
            b.notes << QCoreApplication::translate("Schema", "INN") + QStringLiteral(": ")
                    + b.pseudo.value(QStringLiteral("company_inn"));
        m_companiesCreated += created ? 1 : 0;
    }

    if (wantsContact) {
        beginSideEffects();
        if (contactFound) {
            b.notes << m_dealContact->link(b, b.values.value(QStringLiteral("contact_id")), &error);
        } else {
            QString id;
            m_dealContact->create(b, m_dealContact->values(b, b.values.value(QStringLiteral("company_id"))), &id,
                                  &error, &column);
            if (!id.isEmpty())
                b.values.insert(QStringLiteral("contact_id"), id);
        }
        if (!error.isEmpty())
            return reject(error, column);
    }

    QList<FieldWrite> writes;
    const QString notes = b.notes.join(u'\n');
    if (!duplicate.isEmpty() && m_options.onDuplicate == OnDuplicate::Update) {
        // Empty fields of the record take the file's value; the fields the user chose
        // (updateFields) take it even over what is there.
        const Record existing = m_store.get(m_entity, duplicate);
        QStringList filled, replaced;
        for (auto it = b.values.begin(); it != b.values.end(); ++it) {
            const QString have = existing.text(it.key());
            if (have.isEmpty())
                filled << it.key();
            else if (have != it.value() && m_options.updateFields.contains(it.key()))
                replaced << it.key();
            else
                continue;
            writes.append({it.key(), it.value()});
        }
        if (!notes.isEmpty() && !m_notesField.isEmpty()) {
            const QString have = existing.text(m_notesField);
            if (have.isEmpty() || (have != notes && m_options.updateFields.contains(m_notesField))) {
                (have.isEmpty() ? filled : replaced) << m_notesField;
                writes.append({m_notesField, notes});
            }
        }
        report.id = duplicate;
        if (writes.isEmpty()) {
            report.action = ImportRowReport::Action::Skip;
            report.message = QCoreApplication::translate("Import", "duplicate of %1; its fields are already filled")
                                 .arg(duplicate);
            return report;
        }
        const WriteResult r = m_store.update(m_entity, duplicate, writes);
        if (!r.ok)
            return reject(r.errorText(), columnForError(b, r.errors.value(0)));
        m_resolver.noteWritten(m_entity, duplicate, b.values, -1, &b.keys);
        report.action = ImportRowReport::Action::Update;
        QStringList parts;
        if (!filled.isEmpty())
            parts << QCoreApplication::translate("Import", "fills %1").arg(filled.join(QStringLiteral(", ")));
        if (!replaced.isEmpty())
            parts << QCoreApplication::translate("Import", "replaces %1").arg(replaced.join(QStringLiteral(", ")));
        report.message = QCoreApplication::translate("Import", "duplicate of %1: %2")
                             .arg(duplicate, parts.join(QStringLiteral("; ")));
        return report;
    }

    for (auto it = b.values.begin(); it != b.values.end(); ++it)
        writes.append({it.key(), it.value()});
    if (!notes.isEmpty() && !m_notesField.isEmpty())
        writes.append({m_notesField, notes});
    const WriteResult r = m_store.create(m_entity, writes, duplicate.isEmpty() ? b.id : QString());
    if (!r.ok)
        return reject(r.errorText(), columnForError(b, r.errors.value(0)));
    // With the search index deferred, Store::create inserted nothing after the row. (A wrong
    // rowid could only hide a duplicate, never invent one: every side-index hit is confirmed
    // against the table.)
    m_resolver.noteWritten(m_entity, r.id, b.values, m_indexDeferred ? m_store.db().lastInsertRowid() : -1, &b.keys);
    report.action = ImportRowReport::Action::Create;
    report.id = r.id;
    return report;
}

} // namespace gamix
