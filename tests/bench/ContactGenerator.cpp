#include "ContactGenerator.h"

#include <QIODevice>
#include <QStringList>

#include <array>

using namespace Qt::StringLiterals;

namespace gamix::bench {

namespace {

// A father's name gives the patronymic: {name, son's form, daughter's form}.
struct MaleName
{
    const char16_t *name, *patronymicMale, *patronymicFemale;
};

const MaleName kMaleNames[] = {
    {u"Александр", u"Александрович", u"Александровна"},
    {u"Сергей", u"Сергеевич", u"Сергеевна"},
    {u"Иван", u"Иванович", u"Ивановна"},
    {u"Пётр", u"Петрович", u"Петровна"},
    {u"Семён", u"Семёнович", u"Семёновна"},
    {u"Фёдор", u"Фёдорович", u"Фёдоровна"},
    {u"Артём", u"Артёмович", u"Артёмовна"},
    {u"Дмитрий", u"Дмитриевич", u"Дмитриевна"},
    {u"Андрей", u"Андреевич", u"Андреевна"},
    {u"Алексей", u"Алексеевич", u"Алексеевна"},
    {u"Михаил", u"Михайлович", u"Михайловна"},
    {u"Николай", u"Николаевич", u"Николаевна"},
    {u"Владимир", u"Владимирович", u"Владимировна"},
    {u"Евгений", u"Евгеньевич", u"Евгеньевна"},
    {u"Игорь", u"Игоревич", u"Игоревна"},
    {u"Олег", u"Олегович", u"Олеговна"},
    {u"Юрий", u"Юрьевич", u"Юрьевна"},
    {u"Павел", u"Павлович", u"Павловна"},
    {u"Константин", u"Константинович", u"Константиновна"},
    {u"Илья", u"Ильич", u"Ильинична"},
    {u"Никита", u"Никитич", u"Никитична"},
    {u"Лев", u"Львович", u"Львовна"},
    {u"Григорий", u"Григорьевич", u"Григорьевна"},
    {u"Виктор", u"Викторович", u"Викторовна"},
    {u"Роман", u"Романович", u"Романовна"},
    {u"Максим", u"Максимович", u"Максимовна"},
    {u"Кирилл", u"Кириллович", u"Кирилловна"},
    {u"Егор", u"Егорович", u"Егоровна"},
    {u"Денис", u"Денисович", u"Денисовна"},
    {u"Антон", u"Антонович", u"Антоновна"},
    {u"Василий", u"Васильевич", u"Васильевна"},
    {u"Геннадий", u"Геннадьевич", u"Геннадьевна"},
    {u"Ярослав", u"Ярославович", u"Ярославовна"},
    {u"Тимофей", u"Тимофеевич", u"Тимофеевна"},
    {u"Матвей", u"Матвеевич", u"Матвеевна"},
    {u"Вадим", u"Вадимович", u"Вадимовна"},
};

const char16_t *const kFemaleNames[] = {
    u"Анна",      u"Мария",     u"Елена",  u"Ольга",   u"Наталья",   u"Татьяна", u"Ирина",  u"Светлана",
    u"Екатерина", u"Юлия",      u"Алёна",  u"Дарья",   u"Анастасия", u"Ксения",  u"Полина", u"Марина",
    u"Виктория",  u"Людмила",   u"Галина", u"Надежда", u"Вера",      u"Любовь",  u"Софья",  u"Алина",
    u"Кристина",  u"Валентина", u"Ульяна", u"Варвара", u"Евгения",   u"Лидия",   u"Зоя",    u"Фёкла",
};

// Male forms; the female form follows the usual rules (see femaleSurname).
const char16_t *const kSurnames[] = {
    u"Иванов",      u"Смирнов",     u"Кузнецов",   u"Попов",      u"Васильев",   u"Петров",     u"Соколов",
    u"Михайлов",    u"Новиков",     u"Фёдоров",    u"Морозов",    u"Волков",     u"Алексеев",   u"Лебедев",
    u"Семёнов",     u"Егоров",      u"Павлов",     u"Козлов",     u"Степанов",   u"Николаев",   u"Орлов",
    u"Андреев",     u"Макаров",     u"Никитин",    u"Захаров",    u"Зайцев",     u"Соловьёв",   u"Борисов",
    u"Яковлев",     u"Григорьев",   u"Романов",    u"Воробьёв",   u"Сергеев",    u"Кузьмин",    u"Фролов",
    u"Александров", u"Дмитриев",    u"Королёв",    u"Гусев",      u"Киселёв",    u"Ильин",      u"Максимов",
    u"Поляков",     u"Сорокин",     u"Виноградов", u"Ковалёв",    u"Белов",      u"Медведев",   u"Антонов",
    u"Тарасов",     u"Жуков",       u"Баранов",    u"Филиппов",   u"Комаров",    u"Давыдов",    u"Беляев",
    u"Герасимов",   u"Богданов",    u"Осипов",     u"Сидоров",    u"Матвеев",    u"Титов",      u"Марков",
    u"Миронов",     u"Крылов",      u"Куликов",    u"Карпов",     u"Власов",     u"Мельников",  u"Денисов",
    u"Гаврилов",    u"Тихонов",     u"Казаков",    u"Афанасьев",  u"Данилов",    u"Савельев",   u"Тимофеев",
    u"Фомин",       u"Чернов",      u"Абрамов",    u"Мартынов",   u"Ефимов",     u"Федотов",    u"Щербаков",
    u"Назаров",     u"Калинин",     u"Исаев",      u"Чернышёв",   u"Быков",      u"Маслов",     u"Родионов",
    u"Коновалов",   u"Лазарев",     u"Воронин",    u"Климов",     u"Филатов",    u"Пономарёв",  u"Голубев",
    u"Кудрявцев",   u"Прохоров",    u"Наумов",     u"Потапов",    u"Журавлёв",   u"Овчинников", u"Трофимов",
    u"Леонов",      u"Соболев",     u"Ермаков",    u"Колесников", u"Гончаров",   u"Емельянов",  u"Никифоров",
    u"Грачёв",      u"Котов",       u"Гришин",     u"Ефремов",    u"Архипов",    u"Громов",     u"Кириллов",
    u"Малышев",     u"Панов",       u"Моисеев",    u"Румянцев",   u"Акимов",     u"Кондратьев", u"Бирюков",
    u"Горбунов",    u"Анисимов",    u"Ерёмин",     u"Тихомиров",  u"Галкин",     u"Лукьянов",   u"Михеев",
    u"Скворцов",    u"Юдин",        u"Белоусов",   u"Нестеров",   u"Симонов",    u"Прокофьев",  u"Харитонов",
    u"Князев",      u"Цветков",     u"Левин",      u"Аксёнов",    u"Мальцев",    u"Логинов",    u"Горшков",
    u"Савин",       u"Краснов",     u"Майоров",    u"Демидов",    u"Елисеев",    u"Рыбаков",    u"Дёмин",
    u"Хохлов",      u"Достоевский", u"Чайковский", u"Вишневский", u"Островский", u"Толстой",    u"Ковальчук",
    u"Шевченко",    u"Бондаренко",  u"Черных",     u"Седых",      u"Кравченко",  u"Ткаченко",
};

const char16_t *const kCities[] = {
    u"Москва",         u"Москва",    u"Москва",          u"Санкт-Петербург", u"Санкт-Петербург", u"Новосибирск",
    u"Екатеринбург",   u"Казань",    u"Нижний Новгород", u"Челябинск",       u"Самара",          u"Омск",
    u"Ростов-на-Дону", u"Уфа",       u"Красноярск",      u"Воронеж",         u"Пермь",           u"Волгоград",
    u"Краснодар",      u"Саратов",   u"Тюмень",          u"Тольятти",        u"Ижевск",          u"Барнаул",
    u"Иркутск",        u"Хабаровск", u"Ярославль",       u"Владивосток",     u"Томск",           u"Оренбург",
    u"Королёв",        u"Орёл",      u"Щёлково",
};

const char16_t *const kPositions[] = {
    u"Генеральный директор",
    u"Коммерческий директор",
    u"Финансовый директор",
    u"Главный бухгалтер",
    u"Бухгалтер",
    u"Менеджер по продажам",
    u"Менеджер по продажам",
    u"Старший менеджер по продажам",
    u"Руководитель отдела продаж",
    u"Менеджер по закупкам",
    u"Инженер",
    u"Главный инженер",
    u"Юрист",
    u"Офис-менеджер",
    u"Маркетолог",
    u"Логист",
    u"Начальник склада",
    u"Менеджер, отдел снабжения",
    u"Технический директор",
    u"Директор по развитию",
    u"Администратор",
    u"Специалист по кадрам",
    u"Программист",
    u"Аналитик",
    u"Помощник руководителя",
};

const char16_t *const kCompanyRoots[] = {
    u"Ромашка", u"Вектор",   u"Альфа",    u"Север",    u"Техно",  u"Гранит",   u"Мега",  u"Ёлка",    u"Берёзка",
    u"Сибирь",  u"Волга",    u"Урал",     u"Прогресс", u"Спектр", u"Инвест",   u"Агро",  u"Транс",   u"Лидер",
    u"Эталон",  u"Горизонт", u"Меридиан", u"Орион",    u"Квант",  u"Стандарт", u"Профи", u"Импульс", u"Атлант",
    u"Феникс",  u"Звезда",   u"Союз",     u"Восток",   u"Пётр",   u"Заря",     u"Кедр",  u"Алмаз",
};

const char16_t *const kCompanySuffixes[] = {
    u"",     u"",     u"Строй", u"Сервис", u"Трейд",  u"Групп", u"Логистик", u"Плюс",
    u"Софт", u"Пром", u"Снаб",  u"Маркет", u"Энерго", u"Тех",   u"Мед",      u"Консалт",
};

const char16_t *const kLegalForms[] = {u"ООО", u"ООО", u"ООО", u"ООО", u"ООО", u"ООО", u"АО", u"АО", u"ПАО", u"ЗАО"};

const char *const kMailDomains[] = {"mail.ru", "mail.ru", "yandex.ru", "yandex.ru",  "gmail.com",
                                    "bk.ru",   "list.ru", "inbox.ru",  "rambler.ru", "ya.ru"};

// Mobile ranges of the big operators and landline codes of big cities.
const int kMobileCodes[]
    = {900, 901, 903, 904, 905, 906, 909, 910, 911, 912, 913, 914, 915, 916, 917, 918, 919, 920, 921, 922,
       925, 926, 929, 950, 951, 952, 953, 960, 961, 962, 964, 965, 977, 978, 980, 981, 985, 987, 999};
const int kLandlineCodes[] = {495, 499, 812, 383, 343, 843, 831, 351, 846, 863, 861};

const int kInnRegions[] = {77, 78, 50, 66, 54, 16, 52, 74, 63, 61, 23, 24, 2, 59};

template<typename T, size_t N> constexpr int countOf(const T (&)[N])
{
    return int(N);
}

QString femaleSurname(const QString &male)
{
    if (male.endsWith(u"ий"))
        return male.left(male.size() - 2) + u"ая";
    if (male.endsWith(u"ой"))
        return male.left(male.size() - 2) + u"ая";
    if (male.endsWith(u"ов") || male.endsWith(u"ев") || male.endsWith(u"ёв") || male.endsWith(u"ин")
        || male.endsWith(u"ын"))
        return male + u'а';
    return male; // Ковальчук, Шевченко, Черных: the same for both
}

void appendCsvField(QString &line, const QString &field)
{
    const bool quote = field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r');
    if (!quote) {
        line += field;
        return;
    }
    line += u'"';
    for (QChar c : field) {
        if (c == u'"')
            line += u'"';
        line += c;
    }
    line += u'"';
}

} // namespace

std::uint64_t ContactGenerator::mix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

ContactGenerator::ContactGenerator(std::uint64_t seed, int companyCount)
    : m_seed(seed)
    , m_state(mix(seed))
    , m_companyCount(companyCount < 1 ? 1 : companyCount)
{ }

std::uint64_t ContactGenerator::nextRandom()
{
    m_state += 0x9E3779B97F4A7C15ull;
    return mix(m_state);
}

QString ContactGenerator::makeInn(std::uint64_t bits)
{
    static constexpr std::array<int, 9> kWeights {2, 4, 10, 3, 5, 9, 4, 6, 8};
    std::array<int, 10> d {};
    const int region = kInnRegions[bits % countOf(kInnRegions)];
    bits /= countOf(kInnRegions);
    d[0] = region / 10;
    d[1] = region % 10;
    for (int i = 2; i < 9; ++i) {
        d[i] = int(bits % 10);
        bits /= 10;
    }
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += kWeights[i] * d[i];
    d[9] = sum % 11 % 10;
    QString inn(10, u'0');
    for (int i = 0; i < 10; ++i)
        inn[i] = QChar(char16_t(u'0' + d[i]));
    return inn;
}

QString ContactGenerator::transliterate(const QString &cyrillic)
{
    // Passport-style romanisation (ё -> e, й -> i), the form most mailboxes end up with.
    static const char *const kTable[]
        = {"a", "b", "v", "g", "d", "e",  "zh", "z",  "i",  "i",    "k", "l", "m", "n", "o",  "p",
           "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",  "y", "",  "e", "iu", "ia"};
    QString out;
    out.reserve(cyrillic.size() + 4);
    for (QChar c : cyrillic) {
        const char16_t u = c.toLower().unicode();
        if (u >= u'а' && u <= u'я')
            out += QLatin1String(kTable[u - u'а']);
        else if (u == u'ё')
            out += u'e';
        else if (u < 0x80 && c.isLetterOrNumber())
            out += QChar(u);
        else if (u == u'-' || u == u' ')
            out += u'-';
    }
    return out;
}

GeneratedCompany ContactGenerator::company(int index) const
{
    ContactGenerator g(m_seed ^ (0xC0FFEEull * std::uint64_t(index + 1)), 1);
    QString name = QString::fromUtf16(kCompanyRoots[g.below(countOf(kCompanyRoots))]);
    const QString suffix = QString::fromUtf16(kCompanySuffixes[g.below(countOf(kCompanySuffixes))]);
    if (!suffix.isEmpty())
        name += g.below(3) == 0 ? u'-' + suffix : suffix;
    if (g.below(4) == 0)
        name += u' ' + QString::number(g.below(99) + 1);
    const QString form = QString::fromUtf16(kLegalForms[g.below(countOf(kLegalForms))]);
    GeneratedCompany c;
    // Mostly «ёлочки», sometimes plain ASCII quotes (which the CSV has to escape).
    c.name = g.below(7) == 0 ? form + u" \"" + name + u'"' : form + u" «" + name + u'»';
    c.inn = makeInn(g.nextRandom());
    c.city = QString::fromUtf16(kCities[g.below(countOf(kCities))]);
    return c;
}

QString ContactGenerator::phoneText(bool mobile)
{
    const int code
        = mobile ? kMobileCodes[below(countOf(kMobileCodes))] : kLandlineCodes[below(countOf(kLandlineCodes))];
    const int rest = below(10'000'000);
    const QString a = QString::number(code);
    const QString n = QStringLiteral("%1").arg(rest, 7, 10, QLatin1Char('0'));
    const QString b = n.left(3), c = n.mid(3, 2), d = n.mid(5, 2);
    switch (below(7)) {
    case 0:
        return u"+7 "_s + a + u' ' + b + u'-' + c + u'-' + d;
    case 1:
        return u"8 ("_s + a + u") "_s + n;
    case 2:
        return u"8"_s + a + n;
    case 3:
        return a + u'-' + b + u'-' + c + u'-' + d;
    case 4:
        return u"+7"_s + a + n;
    case 5:
        return u"+7 ("_s + a + u") "_s + b + u'-' + c + u'-' + d;
    default:
        return u"8-"_s + a + u'-' + b + u'-' + c + u'-' + d;
    }
}

GeneratedContact ContactGenerator::next()
{
    GeneratedContact c;
    const bool female = below(2) == 0;
    const MaleName &father = kMaleNames[below(countOf(kMaleNames))];
    const QString surname = QString::fromUtf16(kSurnames[below(countOf(kSurnames))]);
    if (female) {
        c.firstName = QString::fromUtf16(kFemaleNames[below(countOf(kFemaleNames))]);
        c.middleName = QString::fromUtf16(father.patronymicFemale);
        c.lastName = femaleSurname(surname);
    } else {
        c.firstName = QString::fromUtf16(kMaleNames[below(countOf(kMaleNames))].name);
        c.middleName = QString::fromUtf16(father.patronymicMale);
        c.lastName = surname;
    }
    if (below(12) == 0)
        c.middleName.clear();
    c.company = below(4) == 0 ? -1 : below(m_companyCount);

    if (below(10) != 0) {
        const QString first = transliterate(c.firstName), last = transliterate(c.lastName);
        QString local;
        switch (below(6)) {
        case 0:
            local = first + u'.' + last;
            break;
        case 1:
            local = first.left(1) + u'.' + last;
            break;
        case 2:
            local = last + QString::number(below(90) + 10);
            break;
        case 3:
            local = first + u'_' + last;
            break;
        case 4:
            local = last + u'.' + first.left(1);
            break;
        default:
            local = first + last.left(1) + QString::number(below(1000));
            break;
        }
        c.email = local + u'@' + QLatin1String(kMailDomains[below(countOf(kMailDomains))]);
        if (below(20) == 0)
            c.email[0] = c.email[0].toUpper();
    }
    if (below(10) < 6)
        c.phone = phoneText(below(3) != 0);
    if (below(20) < 17)
        c.mobile = phoneText(true);
    c.city = QString::fromUtf16(kCities[below(countOf(kCities))]);
    if (below(5) != 0)
        c.position = QString::fromUtf16(kPositions[below(countOf(kPositions))]);
    return c;
}

QByteArray ContactGenerator::csvHeader()
{
    return "first_name,middle_name,last_name,email,phone,mobile,city,position,company\r\n";
}

QByteArray ContactGenerator::csvLine(const GeneratedContact &c, const QString &companyName)
{
    QString line;
    line.reserve(160);
    const QString *fields[]
        = {&c.firstName, &c.middleName, &c.lastName, &c.email, &c.phone, &c.mobile, &c.city, &c.position};
    for (const QString *f : fields) {
        appendCsvField(line, *f);
        line += u',';
    }
    appendCsvField(line, companyName);
    line += u"\r\n";
    return line.toUtf8();
}

qint64 writeContactsCsv(QIODevice &out, std::uint64_t seed, int companyCount, qint64 count)
{
    ContactGenerator g(seed, companyCount);
    QStringList companies;
    companies.reserve(g.companyCount());
    for (int i = 0; i < g.companyCount(); ++i)
        companies << g.company(i).name;
    QByteArray buffer = ContactGenerator::csvHeader();
    qint64 written = 0;
    for (qint64 i = 0; i < count; ++i) {
        const GeneratedContact c = g.next();
        buffer += ContactGenerator::csvLine(c, c.company >= 0 ? companies.at(c.company) : QString());
        if (buffer.size() > (1 << 20)) {
            written += out.write(buffer);
            buffer.clear();
        }
    }
    written += out.write(buffer);
    return written;
}

} // namespace gamix::bench
