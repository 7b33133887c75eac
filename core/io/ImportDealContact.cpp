#include "ImportDealContact.h"

#include "ImportResolver.h"
#include "schema/PhoneNumber.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QSet>

namespace gamix {

namespace {

bool isEmailField(const QString &f)
{
    return f == u"email" || f == u"email2";
}

bool isPhoneField(const QString &f)
{
    return f == u"phone" || f == u"mobile";
}

} // namespace

ImportDealContact::ImportDealContact(Store &store, ImportResolver &resolver, const ImportOptions &options,
                                     bool surnameFirst)
    : m_store(store)
    , m_resolver(resolver)
    , m_options(options)
    , m_contact(*Schema::instance().entity(u"contact"))
    , m_surnameFirst(surnameFirst)
{ }

bool ImportDealContact::wanted(const ImportRow &row)
{
    return !row.pseudo.value(QStringLiteral("contact")).isEmpty() || !row.contactValues.isEmpty();
}

QMap<QString, QString> ImportDealContact::values(const ImportRow &row, const QString &companyId) const
{
    QMap<QString, QString> v = row.contactValues;
    const QString name = row.pseudo.value(QStringLiteral("contact")).simplified();
    auto fillFirstFree = [&](const QString &a, const QString &b, const QString &text) {
        if (v.value(a).isEmpty())
            v.insert(a, text);
        else if (v.value(b).isEmpty() && v.value(a) != text)
            v.insert(b, text);
    };
    // The contact column may hold an address or a number instead of a name (ImportResolver
    // ::contact reads it the same way).
    if (name.contains(u'@')) {
        const QString text = ValueParsers::toFieldText(*m_contact.field(u"email"), name, m_options.dates);
        const QString key = ValueParsers::emailKey(text);
        if (ValueParsers::emailKey(v.value(QStringLiteral("email"))) != key
            && ValueParsers::emailKey(v.value(QStringLiteral("email2"))) != key)
            fillFirstFree(QStringLiteral("email"), QStringLiteral("email2"), text);
    } else if (!name.isEmpty() && !phoneToE164(name).isEmpty()) {
        const QString e164 = phoneToE164(name);
        if (phoneToE164(v.value(QStringLiteral("phone"))) != e164
            && phoneToE164(v.value(QStringLiteral("mobile"))) != e164)
            fillFirstFree(QStringLiteral("phone"), QStringLiteral("mobile"), name);
    } else if (!name.isEmpty() && v.value(QStringLiteral("first_name")).isEmpty()
               && v.value(QStringLiteral("last_name")).isEmpty()) {
        QString first, middle, last;
        ImportRowBuilder::splitFullName(name, &first, &middle, &last, m_surnameFirst);
        const QList<QPair<QString, QString>> parts = {{QStringLiteral("first_name"), first},
                                                      {QStringLiteral("middle_name"), middle},
                                                      {QStringLiteral("last_name"), last}};
        for (const auto &[field, value] : parts) {
            if (!value.isEmpty() && v.value(field).isEmpty())
                v.insert(field, value);
        }
    }
    if (!companyId.isEmpty() && v.value(QStringLiteral("company_id")).isEmpty())
        v.insert(QStringLiteral("company_id"), companyId);
    return v;
}

QString ImportDealContact::find(const ImportRow &row, const QMap<QString, QString> &values)
{
    // An email or phone is the better key: one that matches nothing is a new person, as in
    // a contact import, even when someone of that name exists.
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!it.value().isEmpty() && (isEmailField(it.key()) || isPhoneField(it.key())))
            return m_resolver.findDuplicate(m_contact, values);
    }
    // By name: "Фамилия Имя" either way round (as tasks find theirs), then the same name at
    // the same company.
    const QString id = m_resolver.contact(row.pseudo.value(QStringLiteral("contact")));
    return id.isEmpty() ? m_resolver.findDuplicate(m_contact, values) : id;
}

bool ImportDealContact::create(const ImportRow &row, const QMap<QString, QString> &values, QString *id, QString *error,
                               int *column)
{
    QList<FieldWrite> writes;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        writes.append({it.key(), it.value()});
    const WriteResult r = m_store.create(m_contact, writes);
    if (!r.ok) {
        *error = QCoreApplication::translate("Import", "contact: %1").arg(r.errorText());
        const QString first = r.errors.value(0);
        const QString field = first.left(first.indexOf(u':'));
        *column = row.contactColumns.value(field, row.columns.value(QStringLiteral("contact"), -1));
        return false;
    }
    m_resolver.noteWritten(m_contact, r.id, values);
    ++m_created;
    *id = r.id;
    return true;
}

QStringList ImportDealContact::link(const ImportRow &row, const QString &id, QString *error)
{
    const Record existing = m_store.get(m_contact, id);
    QSet<QString> emails, phones;
    for (const char *f : {"email", "email2"}) {
        const QString t = existing.text(QString::fromLatin1(f));
        if (!t.isEmpty())
            emails.insert(ValueParsers::emailKey(t));
    }
    for (const char *f : {"phone", "mobile"}) {
        const QString t = existing.text(QString::fromLatin1(f));
        if (!t.isEmpty())
            phones.insert(phoneToE164(t).isEmpty() ? t : phoneToE164(t));
    }
    QList<FieldWrite> fill;
    QMap<QString, QString> filled;
    QStringList lines;
    // Only the row's own contact columns: a name split from the contact column is how the
    // contact was found, not news about it.
    for (auto it = row.contactValues.cbegin(); it != row.contactValues.cend(); ++it) {
        const QString &field = it.key();
        const QString &text = it.value();
        bool held = existing.text(field) == text;
        if (isEmailField(field))
            held = held || emails.contains(ValueParsers::emailKey(text));
        else if (isPhoneField(field))
            held = held || phones.contains(phoneToE164(text).isEmpty() ? text : phoneToE164(text));
        if (held)
            continue;
        if (m_options.onDuplicate == OnDuplicate::Update && existing.text(field).isEmpty()) {
            fill.append({field, text});
            filled.insert(field, text);
            continue;
        }
        lines << row.contactHeaders.value(field, field) + QStringLiteral(": ") + text;
    }
    if (!fill.isEmpty()) {
        const WriteResult r = m_store.update(m_contact, id, fill);
        if (!r.ok) {
            *error = QCoreApplication::translate("Import", "contact: %1").arg(r.errorText());
            return {};
        }
        m_resolver.noteWritten(m_contact, id, filled);
    }
    return lines;
}

} // namespace gamix
