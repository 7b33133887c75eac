#include "DemoData.h"

#include "Store.h"

#include <QRandomGenerator>
#include <QStringList>

namespace gamix {

namespace {

const char *const kMaleFirst[] = {"Александр", "Дмитрий", "Максим",   "Сергей", "Андрей", "Алексей", "Иван", "Михаил",
                                  "Николай",   "Павел",   "Владимир", "Егор",   "Кирилл", "Олег",    "Юрий"};
const char *const kFemaleFirst[] = {"Анна",  "Мария",    "Елена", "Ольга", "Наталья", "Екатерина", "Татьяна",
                                    "Ирина", "Светлана", "Юлия",  "Дарья", "Алёна",   "Ксения",    "Вера"};
const char *const kPatronymicRoot[] = {"Александров", "Дмитриев", "Сергеев", "Андреев",    "Алексеев", "Иванов",
                                       "Михайлов",    "Николаев", "Павлов",  "Владимиров", "Петров",   "Викторов"};
const char *const kLast[] = {"Иванов",   "Смирнов", "Кузнецов", "Попов",   "Васильев", "Петров",   "Соколов",
                             "Михайлов", "Новиков", "Фёдоров",  "Морозов", "Волков",   "Алексеев", "Лебедев",
                             "Семёнов",  "Егоров",  "Павлов",   "Козлов",  "Степанов", "Николаев", "Орлов",
                             "Андреев",  "Макаров", "Никитин",  "Захаров", "Зайцев",   "Соловьёв", "Борисов"};
const char *const kCities[] = {"Москва",          "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань",
                               "Нижний Новгород", "Самара",          "Краснодар",   "Воронеж",      "Пермь"};
const char *const kCompanyWords[] = {"Техно", "Строй", "Агро",     "Мед",  "Транс", "Энерго",  "Инфо",
                                     "Торг",  "Пром",  "Логистик", "Фарм", "Нефте", "Электро", "Снаб"};
const char *const kCompanySuffix[] = {"сервис", "групп", "комплект", "системы", "ресурс", "маркет", "лайн", "проект"};
const char *const kForms[] = {"ООО", "АО", "ООО", "ПАО", "ООО"};
const char *const kPositions[] = {"Генеральный директор",
                                  "Коммерческий директор",
                                  "Менеджер по закупкам",
                                  "Главный бухгалтер",
                                  "Руководитель отдела продаж",
                                  "Инженер",
                                  "Финансовый директор",
                                  "Офис-менеджер",
                                  "ИТ-директор"};
const char *const kDealWhat[] = {"Поставка оборудования",
                                 "Внедрение CRM",
                                 "Годовой контракт на обслуживание",
                                 "Лицензии на ПО",
                                 "Поставка расходных материалов",
                                 "Аудит инфраструктуры",
                                 "Монтаж систем вентиляции",
                                 "Обучение персонала",
                                 "Аренда техники"};
const char *const kTaskWhat[] = {"Позвонить",           "Отправить КП",     "Согласовать договор", "Встреча",
                                 "Напомнить об оплате", "Подготовить счёт", "Уточнить потребность"};
const char *const kNoteBodies[] = {"Обсудили объём поставки, клиент ждёт коммерческое предложение до пятницы.",
                                   "Клиент просит скидку 5% при оплате авансом.",
                                   "Отправил презентацию и прайс-лист.",
                                   "Встреча в офисе клиента: показали демо, вопросы по интеграции с 1С.",
                                   "Не дозвонился, перезвонить после обеда.",
                                   "Согласовали сроки: запуск в следующем месяце.",
                                   "Бухгалтерия подтвердила получение счёта."};
const char *const kSources[] = {"Сайт", "Выставка", "Рекомендация", "Холодный звонок", "Яндекс.Директ"};
const char *const kLostReasons[] = {"Дорого", "Выбрали конкурента", "Проект отложен"};

const char *const kStages[] = {"00000000-0000-7000-8000-000000000011", "00000000-0000-7000-8000-000000000012",
                               "00000000-0000-7000-8000-000000000013", "00000000-0000-7000-8000-000000000014",
                               "00000000-0000-7000-8000-000000000015"};

template<typename T, size_t N> QString pick(QRandomGenerator &rng, T (&array)[N])
{
    return QString::fromUtf8(array[rng.bounded(int(N))]);
}

QString translit(const QString &text)
{
    static const char *const table[]
        = {"a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "y",    "k", "l", "m", "n", "o",  "p",
           "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "yu", "ya"};
    QString out;
    for (QChar c : text.toLower()) {
        const ushort u = c.unicode();
        if (u >= 0x0430 && u <= 0x044F)
            out += QLatin1String(table[u - 0x0430]);
        else if (u == 0x0451)
            out += QLatin1String("e");
        else if (c.isLetterOrNumber() && u < 128)
            out += c;
    }
    return out;
}

QString phone(QRandomGenerator &rng)
{
    return QStringLiteral("+7 9%1 %2-%3-%4")
        .arg(rng.bounded(10, 100))
        .arg(rng.bounded(100, 1000))
        .arg(rng.bounded(10, 100))
        .arg(rng.bounded(10, 100));
}

struct Person
{
    QString first, middle, last;
};

Person person(QRandomGenerator &rng)
{
    const bool female = rng.bounded(2) == 1;
    Person p;
    p.first = female ? pick(rng, kFemaleFirst) : pick(rng, kMaleFirst);
    const QString root = pick(rng, kPatronymicRoot);
    p.middle = root + (female ? QStringLiteral("на") : QStringLiteral("ич"));
    if (p.middle.startsWith(QStringLiteral("Никола")) || p.middle.startsWith(QStringLiteral("Андре"))
        || p.middle.startsWith(QStringLiteral("Алексе")) || p.middle.startsWith(QStringLiteral("Дмитри"))
        || p.middle.startsWith(QStringLiteral("Сергее")))
        p.middle = root.left(root.size() - 2) + (female ? QStringLiteral("евна") : QStringLiteral("евич"));
    p.last = pick(rng, kLast) + (female ? QStringLiteral("а") : QString());
    return p;
}

QString isoDay(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

QString DemoData::innFromDigits(const QString &nine)
{
    static const int w[] = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += w[i] * nine.at(i).digitValue();
    return nine + QString::number((sum % 11) % 10);
}

DemoCounts DemoData::fill(Store &store, const QDate &today, quint32 seed)
{
    const Schema &s = Schema::instance();
    const EntityDef &company = *s.entity(u"company");
    const EntityDef &contact = *s.entity(u"contact");
    const EntityDef &deal = *s.entity(u"deal");
    const EntityDef &task = *s.entity(u"task");
    const EntityDef &note = *s.entity(u"note");
    const EntityDef &lead = *s.entity(u"lead");
    QRandomGenerator rng(seed);
    DemoCounts n;
    QStringList companies, contacts, contactCompany, deals;

    store.beginBatch();
    for (int i = 0; i < 30; ++i) {
        const QString word = pick(rng, kCompanyWords) + pick(rng, kCompanySuffix);
        const QString name = pick(rng, kForms) + QStringLiteral(" «") + word + QStringLiteral("»");
        const QString inn = innFromDigits(QStringLiteral("77%1").arg(rng.bounded(1000000, 9999999)));
        const QString domain = translit(word) + QStringLiteral(".ru");
        const WriteResult r = store.create(company,
                                           {{QStringLiteral("name"), name},
                                            {QStringLiteral("inn"), inn},
                                            {QStringLiteral("website"), QStringLiteral("https://") + domain},
                                            {QStringLiteral("email"), QStringLiteral("info@") + domain},
                                            {QStringLiteral("phone"),
                                             QStringLiteral("+7 495 %1-%2-%3")
                                                 .arg(rng.bounded(100, 1000))
                                                 .arg(rng.bounded(10, 100))
                                                 .arg(rng.bounded(10, 100))},
                                            {QStringLiteral("city"), pick(rng, kCities)}});
        if (r.ok) {
            companies << r.id;
            ++n.companies;
        }
    }
    for (int i = 0; i < 120; ++i) {
        const Person p = person(rng);
        const QString companyId = companies.isEmpty() ? QString() : companies.at(rng.bounded(int(companies.size())));
        const QString login = translit(p.first).left(1) + QStringLiteral(".") + translit(p.last);
        QList<FieldWrite> w {{QStringLiteral("first_name"), p.first},
                             {QStringLiteral("middle_name"), p.middle},
                             {QStringLiteral("last_name"), p.last},
                             {QStringLiteral("email"), login + QStringLiteral("%1@example.ru").arg(i)},
                             {QStringLiteral("mobile"), phone(rng)},
                             {QStringLiteral("company_id"), companyId},
                             {QStringLiteral("position"), pick(rng, kPositions)},
                             {QStringLiteral("city"), pick(rng, kCities)}};
        if (rng.bounded(3) == 0)
            w << FieldWrite {QStringLiteral("telegram"), QStringLiteral("@") + translit(p.first) + QString::number(i)};
        if (rng.bounded(2) == 0)
            w << FieldWrite {QStringLiteral("birthday"),
                             isoDay(QDate(1965 + rng.bounded(35), 1 + rng.bounded(12), 1 + rng.bounded(28)))};
        const WriteResult r = store.create(contact, w);
        if (r.ok) {
            contacts << r.id;
            contactCompany << companyId;
            ++n.contacts;
        }
    }
    for (int i = 0; i < 45 && !contacts.isEmpty(); ++i) {
        const int c = rng.bounded(int(contacts.size()));
        const int stage = rng.bounded(5);
        QString status = QStringLiteral("open");
        if (i % 9 == 7)
            status = QStringLiteral("won");
        else if (i % 9 == 8)
            status = QStringLiteral("lost");
        QList<FieldWrite> w {{QStringLiteral("title"), pick(rng, kDealWhat)},
                             {QStringLiteral("amount"), QString::number(rng.bounded(50, 5000) * 1000)},
                             {QStringLiteral("stage_id"), QString::fromLatin1(kStages[stage])},
                             {QStringLiteral("contact_id"), contacts.at(c)},
                             {QStringLiteral("company_id"), contactCompany.at(c)},
                             {QStringLiteral("expected_close"), isoDay(today.addDays(rng.bounded(-10, 60)))},
                             {QStringLiteral("status"), status}};
        if (status == u"lost")
            w << FieldWrite {QStringLiteral("lost_reason"), pick(rng, kLostReasons)};
        const WriteResult r = store.create(deal, w);
        if (r.ok) {
            deals << r.id;
            ++n.deals;
        }
    }
    const QDateTime now = QDateTime(today, QTime(9, 0));
    for (int i = 0; i < 36 && !contacts.isEmpty(); ++i) {
        const int c = rng.bounded(int(contacts.size()));
        const Record who = store.get(contact, contacts.at(c));
        const int offset = i < 8 ? 0 : (i < 15 ? -rng.bounded(1, 8) : rng.bounded(1, 20));
        const bool allDay = i % 3 != 0;
        const QDate day = today.addDays(offset);
        const QString due
            = allDay ? isoDay(day) : QDateTime(day, QTime(10 + i % 8, (i % 2) * 30)).toUTC().toString(Qt::ISODate);
        QList<FieldWrite> w {
            {QStringLiteral("title"),
             pick(rng, kTaskWhat) + QStringLiteral(" — ") + who.text(u"first_name") + u' ' + who.text(u"last_name")},
            {QStringLiteral("due_at"), due},
            {QStringLiteral("contact_id"), contacts.at(c)},
            {QStringLiteral("priority"), i % 5 == 0 ? QStringLiteral("high") : QStringLiteral("normal")}};
        if (i >= 30)
            w << FieldWrite {QStringLiteral("done"), QStringLiteral("true")};
        if (!deals.isEmpty() && i % 2 == 0)
            w << FieldWrite {QStringLiteral("deal_id"), deals.at(rng.bounded(int(deals.size())))};
        if (store.create(task, w).ok)
            ++n.tasks;
    }
    static const char *const kinds[] = {"note", "call", "email", "meeting"};
    for (int i = 0; i < 80 && !contacts.isEmpty(); ++i) {
        const int c = i < 20 ? i : rng.bounded(int(contacts.size()));
        const QDateTime when = now.addSecs(-qint64(rng.bounded(1, 24 * 30)) * 3600);
        if (store
                .create(note,
                        {{QStringLiteral("kind"), QString::fromLatin1(kinds[i % 4])},
                         {QStringLiteral("body"), pick(rng, kNoteBodies)},
                         {QStringLiteral("occurred_at"), when.toUTC().toString(Qt::ISODate)},
                         {QStringLiteral("contact_id"), contacts.at(c)},
                         {QStringLiteral("company_id"), contactCompany.at(c)}})
                .ok)
            ++n.notes;
    }
    static const char *const statuses[] = {"new", "new", "working", "working", "lost"};
    for (int i = 0; i < 15; ++i) {
        const Person p = person(rng);
        const QString firm
            = QStringLiteral("ООО «") + pick(rng, kCompanyWords) + pick(rng, kCompanySuffix) + QStringLiteral("»");
        if (store
                .create(lead,
                        {{QStringLiteral("title"), QStringLiteral("Заявка: ") + pick(rng, kDealWhat).toLower()},
                         {QStringLiteral("first_name"), p.first},
                         {QStringLiteral("last_name"), p.last},
                         {QStringLiteral("email"), translit(p.last) + QStringLiteral(".lead%1@example.ru").arg(i)},
                         {QStringLiteral("phone"), phone(rng)},
                         {QStringLiteral("company_name"), firm},
                         {QStringLiteral("source"), pick(rng, kSources)},
                         {QStringLiteral("status"), QString::fromLatin1(statuses[i % 5])},
                         {QStringLiteral("consent"), QStringLiteral("true")}})
                .ok)
            ++n.leads;
    }
    store.commitBatch();
    return n;
}

void DemoData::fillContacts(Store &store, int count, quint32 seed)
{
    const EntityDef &contact = *Schema::instance().entity(u"contact");
    QRandomGenerator rng(seed);
    for (int done = 0; done < count;) {
        store.beginBatch(true);
        const int end = qMin(count, done + 10000);
        for (; done < end; ++done) {
            const Person p = person(rng);
            store.create(contact,
                         {{QStringLiteral("first_name"), p.first},
                          {QStringLiteral("middle_name"), p.middle},
                          {QStringLiteral("last_name"), p.last},
                          {QStringLiteral("email"), translit(p.last) + QStringLiteral("%1@example.ru").arg(done)},
                          {QStringLiteral("mobile"), phone(rng)},
                          {QStringLiteral("city"), pick(rng, kCities)}});
        }
        store.commitBatch();
    }
}

} // namespace gamix
