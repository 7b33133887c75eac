#include "ImportResolver.h"

#include "HeaderMatcher.h"
#include "ValueParsers.h"
#include "schema/PhoneNumber.h"
#include "store/Store.h"

#include <QCoreApplication>

namespace gamix {

namespace {

const QString kDefaultPipeline = QStringLiteral("00000000-0000-7000-8000-000000000001");

QString key(const QString &name)
{
    return HeaderMatcher::fold(name);
}

} // namespace

ImportResolver::ImportResolver(Store &store)
    : m_store(store)
{ }

void ImportResolver::clearCaches()
{
    m_companyByName.clear();
    m_companyByInn.clear();
    m_pipelines.clear();
    m_stages.clear();
}

QString ImportResolver::scalarText(const QString &sql, const QString &a, const QString &b, const QString &c)
{
    SqliteStmt &st = m_store.db().cached(sql);
    st.bind(1, a);
    if (sql.contains(QLatin1String("?2")))
        st.bind(2, b);
    if (sql.contains(QLatin1String("?3")))
        st.bind(3, c);
    const QString out = st.step() ? st.text(0) : QString();
    st.reset();
    return out;
}

bool ImportResolver::exists(const EntityDef &entity, const QString &id)
{
    return !scalarText(QStringLiteral("SELECT id FROM \"") + entity.name
                           + QStringLiteral("\" WHERE id = ?1 AND deleted = 0"),
                       id.toLower())
                .isEmpty();
}

QString ImportResolver::company(const QString &rawName, const QString &rawInn, bool create, QString *error,
                                bool *created)
{
    if (created)
        *created = false;
    const QString name = rawName.trimmed();
    QString inn = rawInn.trimmed();
    inn.remove(u' ');
    if (!inn.isEmpty()) {
        auto it = m_companyByInn.constFind(inn);
        if (it != m_companyByInn.constEnd())
            return *it;
        const QString id
            = scalarText(QStringLiteral("SELECT id FROM company WHERE inn = ?1 AND deleted = 0 LIMIT 1"), inn);
        if (!id.isEmpty()) {
            m_companyByInn.insert(inn, id);
            return id;
        }
    }
    if (!name.isEmpty()) {
        const QString k = key(name);
        auto it = m_companyByName.constFind(k);
        if (it != m_companyByName.constEnd())
            return *it;
        const QString id = scalarText(QStringLiteral("SELECT id FROM company WHERE name = ?1 COLLATE NOCASE "
                                                     "AND deleted = 0 ORDER BY rowid LIMIT 1"),
                                      name);
        if (!id.isEmpty()) {
            m_companyByName.insert(k, id);
            return id;
        }
    }
    if (!create || name.isEmpty())
        return {};
    QList<FieldWrite> writes {{QStringLiteral("name"), name}};
    if (!inn.isEmpty())
        writes.append({QStringLiteral("inn"), inn});
    const WriteResult r = m_store.create(*Schema::instance().entity(u"company"), writes);
    if (!r.ok) {
        *error = QCoreApplication::translate("Import", "company “%1”: %2").arg(name, r.errorText());
        return {};
    }
    m_companyByName.insert(key(name), r.id);
    if (!inn.isEmpty())
        m_companyByInn.insert(inn, r.id);
    if (created)
        *created = true;
    return r.id;
}

QString ImportResolver::pipeline(const QString &rawName, QString *error)
{
    const QString name = rawName.trimmed();
    if (name.isEmpty())
        return {};
    const QString k = key(name);
    if (m_pipelines.contains(k))
        return m_pipelines.value(k);
    QString id = scalarText(QStringLiteral("SELECT id FROM pipeline WHERE name = ?1 COLLATE NOCASE AND deleted = 0 "
                                           "ORDER BY rowid LIMIT 1"),
                            name);
    if (id.isEmpty()) {
        const WriteResult r = m_store.create(*Schema::instance().entity(u"pipeline"), {{QStringLiteral("name"), name}});
        if (!r.ok) {
            *error = r.errorText();
            return {};
        }
        id = r.id;
    }
    m_pipelines.insert(k, id);
    return id;
}

QString ImportResolver::stage(const QString &pipelineId, const QString &rawName, QString *error)
{
    const QString name = rawName.trimmed();
    if (name.isEmpty())
        return {};
    const QString k = pipelineId + u'\n' + key(name);
    if (m_stages.contains(k))
        return m_stages.value(k);
    QString id;
    if (pipelineId.isEmpty()) {
        id = scalarText(QStringLiteral("SELECT id FROM stage WHERE name = ?1 COLLATE NOCASE AND deleted = 0 "
                                       "ORDER BY pipeline_id <> ?2, position LIMIT 1"),
                        name, kDefaultPipeline);
    } else {
        id = scalarText(QStringLiteral("SELECT id FROM stage WHERE name = ?1 COLLATE NOCASE AND pipeline_id = ?2 "
                                       "AND deleted = 0 ORDER BY position LIMIT 1"),
                        name, pipelineId);
    }
    if (id.isEmpty()) {
        // A stage the file knows and we do not: add it at the end of its pipeline, so the
        // deal keeps its place instead of falling back to the first stage.
        const QString pid = pipelineId.isEmpty() ? kDefaultPipeline : pipelineId;
        const QString last = scalarText(QStringLiteral("SELECT COALESCE(MAX(position), 0) FROM stage "
                                                       "WHERE pipeline_id = ?1 AND deleted = 0"),
                                        pid);
        const WriteResult r = m_store.create(*Schema::instance().entity(u"stage"),
                                             {{QStringLiteral("pipeline_id"), pid},
                                              {QStringLiteral("name"), name},
                                              {QStringLiteral("position"), QString::number(last.toLongLong() + 1)}});
        if (!r.ok) {
            *error = r.errorText();
            return {};
        }
        id = r.id;
    }
    m_stages.insert(k, id);
    return id;
}

QString ImportResolver::contact(const QString &rawName)
{
    const QString name = rawName.simplified();
    if (name.isEmpty())
        return {};
    if (name.contains(u'@')) {
        return scalarText(QStringLiteral("SELECT id FROM contact WHERE ((lower(email) = ?1 AND email IS NOT NULL) "
                                         "OR (lower(email2) = ?1 AND email2 IS NOT NULL)) AND deleted = 0 LIMIT 1"),
                          ValueParsers::emailKey(name));
    }
    const QString e164 = phoneToE164(name);
    if (!e164.isEmpty()) {
        QString id
            = scalarText(QStringLiteral("SELECT id FROM contact WHERE phone_e164 = ?1 AND deleted = 0 LIMIT 1"), e164);
        if (id.isEmpty())
            id = scalarText(QStringLiteral("SELECT id FROM contact WHERE mobile_e164 = ?1 AND deleted = 0 LIMIT 1"),
                            e164);
        return id;
    }
    const QStringList parts = name.split(u' ');
    // Gamix writes "Фамилия Имя Отчество"; other programs often "Имя Фамилия": try both.
    const QString sql = QStringLiteral("SELECT id FROM contact WHERE last_name = ?1 COLLATE NOCASE AND "
                                       "(?2 IS NULL OR first_name = ?2 COLLATE NOCASE) AND deleted = 0 LIMIT 1");
    QString id = scalarText(sql, parts.at(0), parts.value(1));
    if (id.isEmpty() && parts.size() >= 2)
        id = scalarText(sql, parts.at(1), parts.at(0));
    return id;
}

QString ImportResolver::byTitle(const EntityDef &entity, const QString &title)
{
    if (title.trimmed().isEmpty())
        return {};
    return scalarText(QStringLiteral("SELECT id FROM \"") + entity.name
                          + QStringLiteral("\" WHERE title = ?1 AND deleted = 0 ORDER BY rowid LIMIT 1"),
                      title.trimmed());
}

const ImportResolver::DedupePlan &ImportResolver::dedupePlan(const EntityDef &entity)
{
    auto it = m_plans.find(entity.name);
    if (it != m_plans.end())
        return *it;
    DedupePlan plan;
    plan.table = entity.name;
    // Which columns an index answers: all of them (migration 5 indexed contact.email2),
    // except while a bulk import has set them aside (SuspendedIndexes); those are looked
    // up in the side index.
    QString indexes;
    {
        SqliteStmt &st = m_store.db().cached(
            QStringLiteral("SELECT group_concat(sql, ' ') FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1"));
        st.bind(1, entity.name);
        indexes = st.step() ? st.text(0) : QString();
        st.reset();
    }
    for (const FieldDef &f : entity.fields) {
        if (f.system)
            continue;
        if (f.type == FieldType::Email) {
            plan.emailFields << f.name;
            const bool indexed = indexes.contains(QStringLiteral("(lower(") + f.name + QStringLiteral("))"));
            plan.emailColumns << Column {f.name, indexed};
        } else if (f.type == FieldType::Phone) {
            plan.phoneFields << f.name;
            const QString column = f.name + QStringLiteral("_e164");
            const bool indexed = indexes.contains(u'(' + column + u')');
            plan.phoneColumns << Column {column, indexed};
        }
    }
    // One statement per kind for the indexed columns: SQLite answers the OR from each index.
    // "email IS NOT NULL" lets SQLite use the partial index on lower(email).
    QStringList emailTerms, phoneTerms;
    for (const Column &c : std::as_const(plan.emailColumns)) {
        if (c.indexed)
            emailTerms << QStringLiteral("(lower(%1) = ?1 AND %1 IS NOT NULL)").arg(c.name);
    }
    for (const Column &c : std::as_const(plan.phoneColumns)) {
        if (c.indexed)
            phoneTerms << c.name + QStringLiteral(" = ?1");
    }
    auto select = [&](const QStringList &terms) {
        return terms.isEmpty() ? QString()
                               : QStringLiteral("SELECT id FROM \"") + entity.name + QStringLiteral("\" WHERE (")
                + terms.join(QStringLiteral(" OR ")) + QStringLiteral(") AND deleted = 0 LIMIT 1");
    };
    plan.emailSql = select(emailTerms);
    plan.phoneSql = select(phoneTerms);
    return *m_plans.insert(entity.name, plan);
}

size_t ImportResolver::sideKey(const QString &column, const QString &key)
{
    return qHash(key, qHash(column, size_t(0x9e3779b9)));
}

void ImportResolver::loadSideIndex(const DedupePlan &plan)
{
    if (m_sideLoaded.contains(plan.table))
        return;
    m_sideLoaded.insert(plan.table);
    // One pass over the table for the columns no index answers (a bulk import set them
    // aside): the side index holds hashes and rowids only, so a million addresses cost some
    // 30 MB; every hit is confirmed by rowid below. lower() is CaseFold's, the same folding
    // as ValueParsers::emailKey on the file's side.
    auto load = [&](const Column &c, bool phone) {
        if (c.indexed)
            return;
        const QString sql = QStringLiteral("SELECT rowid, ")
            + (phone ? c.name : QStringLiteral("lower(") + c.name + u')') + QStringLiteral(" FROM \"") + plan.table
            + QStringLiteral("\" WHERE ") + c.name + QStringLiteral(" IS NOT NULL AND deleted = 0");
        SqliteStmt &st = m_store.db().cached(sql);
        while (st.step())
            m_side.insert(sideKey(plan.table + u'.' + c.name, st.text(1)), st.int64(0));
        st.reset();
    };
    for (const Column &c : plan.emailColumns)
        load(c, false);
    for (const Column &c : plan.phoneColumns)
        load(c, true);
}

QString ImportResolver::lookUp(const DedupePlan &plan, const QList<Column> &columns, const QString &key, bool phone)
{
    const QString &sql = phone ? plan.phoneSql : plan.emailSql;
    if (!sql.isEmpty()) {
        const QString id = scalarText(sql, key);
        if (!id.isEmpty())
            return id;
    }
    for (const Column &c : columns) {
        if (c.indexed)
            continue;
        loadSideIndex(plan);
        const size_t hash = sideKey(plan.table + u'.' + c.name, key);
        for (auto it = m_side.constFind(hash); it != m_side.constEnd() && it.key() == hash; ++it) {
            SqliteStmt &st = m_store.db().cached(QStringLiteral("SELECT id FROM \"") + plan.table
                                                 + QStringLiteral("\" WHERE rowid = ?1 AND ")
                                                 + (phone ? c.name : QStringLiteral("lower(") + c.name + u')')
                                                 + QStringLiteral(" = ?2 AND deleted = 0"));
            st.bind(1, it.value());
            st.bind(2, key);
            const QString id = st.step() ? st.text(0) : QString();
            st.reset();
            if (!id.isEmpty())
                return id;
        }
    }
    return {};
}

QString ImportResolver::keyOf(const QMap<QString, QString> &values, const QString &field,
                              const QHash<QString, QString> *keys, KeyKind kind)
{
    // The row builder worked the key out already (ImportRow::keys); otherwise normalise here.
    if (keys) {
        const auto it = keys->constFind(field);
        if (it != keys->constEnd())
            return *it;
    }
    const QString v = values.value(field);
    if (v.isEmpty())
        return QString();
    return kind == KeyKind::Email ? ValueParsers::emailKey(v) : phoneToE164(v);
}

void ImportResolver::noteWritten(const EntityDef &entity, const QString &id, const QMap<QString, QString> &values,
                                 qint64 rowid, const QHash<QString, QString> *keys)
{
    if (entity.name != u"contact" && entity.name != u"lead")
        return;
    const DedupePlan &plan = dedupePlan(entity);
    if (!m_sideLoaded.contains(plan.table))
        return; // loaded later from the table itself
    auto add = [&](const Column &c, const QString &key) {
        if (c.indexed || key.isEmpty())
            return;
        if (rowid < 0) {
            SqliteStmt &st = m_store.db().cached(QStringLiteral("SELECT rowid FROM \"") + plan.table
                                                 + QStringLiteral("\" WHERE id = ?1"));
            st.bind(1, id);
            rowid = st.step() ? st.int64(0) : 0;
            st.reset();
        }
        if (rowid > 0)
            m_side.insert(sideKey(plan.table + u'.' + c.name, key), rowid);
    };
    for (int i = 0; i < plan.emailColumns.size(); ++i)
        add(plan.emailColumns.at(i), keyOf(values, plan.emailFields.at(i), keys, KeyKind::Email));
    for (int i = 0; i < plan.phoneColumns.size(); ++i)
        add(plan.phoneColumns.at(i), keyOf(values, plan.phoneFields.at(i), keys, KeyKind::Phone));
}

QString ImportResolver::findDuplicate(const EntityDef &entity, const QMap<QString, QString> &values,
                                      const QHash<QString, QString> *keys)
{
    auto v = [&](const char *field) {
        return values.value(QString::fromLatin1(field));
    };
    const QString &name = entity.name;
    if (name == u"contact" || name == u"lead") {
        // Every email and phone of the row (primary and secondary) against every email
        // and phone column of the table (primary and secondary).
        const DedupePlan &plan = dedupePlan(entity);
        bool anyKey = false;
        for (const QString &field : plan.emailFields) {
            if (values.value(field).isEmpty())
                continue;
            anyKey = true;
            const QString id = lookUp(plan, plan.emailColumns, keyOf(values, field, keys, KeyKind::Email), false);
            if (!id.isEmpty())
                return id;
        }
        for (const QString &field : plan.phoneFields) {
            const QString e164 = keyOf(values, field, keys, KeyKind::Phone);
            if (e164.isEmpty())
                continue;
            anyKey = true;
            const QString id = lookUp(plan, plan.phoneColumns, e164, true);
            if (!id.isEmpty())
                return id;
        }
        if (anyKey)
            return {}; // an email or phone that matches nothing is a new person
        // Nothing better to go by: the same name (at the same company) is the same person,
        // which keeps a re-run of an interrupted import from doubling name-only rows.
        if (v("last_name").isEmpty() && v("first_name").isEmpty())
            return {};
        if (name == u"lead") {
            return scalarText(QStringLiteral("SELECT id FROM lead WHERE last_name IS ?1 AND first_name IS ?2 "
                                             "AND title IS ?3 AND deleted = 0 LIMIT 1"),
                              v("last_name"), v("first_name"), v("title"));
        }
        return scalarText(
            QStringLiteral("SELECT id FROM contact WHERE last_name = ?1 COLLATE NOCASE AND "
                           "first_name IS ?2 COLLATE NOCASE AND company_id IS ?3 AND deleted = 0 LIMIT 1"),
            v("last_name").isEmpty() ? QString() : v("last_name"), v("first_name"), v("company_id"));
    }
    if (name == u"company") {
        if (!v("inn").isEmpty()) {
            return scalarText(QStringLiteral("SELECT id FROM company WHERE inn = ?1 AND deleted = 0 LIMIT 1"),
                              v("inn"));
        }
        return scalarText(
            QStringLiteral("SELECT id FROM company WHERE name = ?1 COLLATE NOCASE AND deleted = 0 LIMIT 1"), v("name"));
    }
    if (name == u"deal") {
        return scalarText(
            QStringLiteral("SELECT id FROM deal WHERE title = ?1 AND company_id IS ?2 AND contact_id IS ?3 "
                           "AND deleted = 0 LIMIT 1"),
            v("title"), v("company_id"), v("contact_id"));
    }
    if (name == u"task") {
        return scalarText(QStringLiteral("SELECT id FROM task WHERE title = ?1 AND due_at IS ?2 AND contact_id IS ?3 "
                                         "AND deleted = 0 LIMIT 1"),
                          v("title"), v("due_at"), v("contact_id"));
    }
    if (name == u"note") {
        return scalarText(
            QStringLiteral("SELECT id FROM note WHERE body = ?1 AND occurred_at IS ?2 AND contact_id IS ?3 "
                           "AND deleted = 0 LIMIT 1"),
            v("body"), v("occurred_at"), v("contact_id"));
    }
    if (entity.fieldIndex(u"name") >= 0) {
        return scalarText(QStringLiteral("SELECT id FROM \"") + name
                              + QStringLiteral("\" WHERE name = ?1 AND deleted = 0 LIMIT 1"),
                          v("name"));
    }
    return {};
}

} // namespace gamix
