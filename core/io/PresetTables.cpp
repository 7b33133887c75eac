#include "PresetTables.h"

#include "HeaderMatcher.h"
#include "schema/Schema.h"

#include <QCoreApplication>

namespace gamix {

namespace {

struct Column
{
    const char16_t *header;
    const char *target;
};

void add(Preset &p, std::initializer_list<Column> columns)
{
    for (const Column &c : columns)
        p.columns.insert(HeaderMatcher::fold(QStringView(c.header)), QString::fromLatin1(c.target));
}

// Outlook's own bookkeeping columns: never worth a line in the notes.
const std::initializer_list<Column> kOutlookIgnoredEn = {
    {u"Title", "-"},
    {u"Suffix", "-"},
    {u"E-mail Type", "-"},
    {u"E-mail Display Name", "-"},
    {u"E-mail 2 Type", "-"},
    {u"E-mail 2 Display Name", "-"},
    {u"E-mail 3 Type", "-"},
    {u"E-mail 3 Display Name", "-"},
    {u"Gender", "-"},
    {u"Initials", "-"},
    {u"Priority", "-"},
    {u"Private", "-"},
    {u"Sensitivity", "-"},
    {u"Internet Free Busy", "-"},
    {u"Mileage", "-"},
    {u"Billing Information", "-"},
    {u"Directory Server", "-"},
    {u"Language", "-"},
    {u"Account", "-"},
    {u"Business Street", "-"},
    {u"Business Street 2", "-"},
    {u"Business Street 3", "-"},
    {u"Business State", "-"},
    {u"Business Postal Code", "-"},
    {u"Business Country/Region", "-"},
    {u"Business Country", "-"},
    {u"Home Street", "-"},
    {u"Home Street 2", "-"},
    {u"Home Street 3", "-"},
    {u"Home State", "-"},
    {u"Home Postal Code", "-"},
    {u"Home Country/Region", "-"},
    {u"Home Country", "-"},
    {u"Other Street", "-"},
    {u"Other Street 2", "-"},
    {u"Other Street 3", "-"},
    {u"Other State", "-"},
    {u"Other Postal Code", "-"},
    {u"Other Country/Region", "-"},
    {u"Other Country", "-"},
};

Preset gamixPreset()
{
    Preset p;
    p.id = QStringLiteral("gamix");
    p.label = QT_TRANSLATE_NOOP("Preset", "Gamix");
    // Field names of every entity (the Data profile) and their English labels (the Excel
    // profile); HeaderMatcher adds the translated labels at match time.
    for (const EntityDef &e : Schema::instance().entities()) {
        for (const FieldDef &f : e.fields) {
            if (f.system)
                continue;
            p.columns.insert(HeaderMatcher::fold(f.name), f.name);
            // The Excel profile writes a reference as the record's name under the label.
            const QString labelTarget = f.type == FieldType::Reference ? f.name.chopped(3) : f.name;
            p.columns.insert(HeaderMatcher::fold(QString::fromUtf8(f.label)), labelTarget);
        }
    }
    add(p,
        {{u"id", "id"},
         {u"company", "company"},
         {u"contact", "contact"},
         {u"pipeline", "pipeline"},
         {u"stage", "stage"},
         {u"deal", "deal"},
         {u"lead", "lead"},
         {u"created_at", "-"},
         {u"updated_at", "-"},
         {u"owner_id", "-"},
         {u"office_id", "-"}});
    return p;
}

Preset outlookPreset()
{
    Preset p;
    p.id = QStringLiteral("outlook");
    p.label = QT_TRANSLATE_NOOP("Preset", "Outlook");
    add(p, kOutlookIgnoredEn);
    add(p, {{u"First Name", "first_name"},   {u"Middle Name", "middle_name"}, {u"Last Name", "last_name"},
            {u"Company", "company"},         {u"Department", "notes"},        {u"Job Title", "position"},
            {u"Business City", "city"},      {u"Home City", "city"},          {u"Other City", "city"},
            {u"Business Phone", "phone"},    {u"Business Phone 2", "phone"},  {u"Mobile Phone", "mobile"},
            {u"Home Phone", "phone"},        {u"Home Phone 2", "phone"},      {u"Primary Phone", "phone"},
            {u"Other Phone", "phone"},       {u"Car Phone", "mobile"},        {u"Company Main Phone", "phone"},
            {u"Birthday", "birthday"},       {u"Categories", "tags"},         {u"E-mail Address", "email"},
            {u"E-mail 2 Address", "email2"}, {u"E-mail 3 Address", "email"},  {u"Notes", "notes"}});
    // Russian Outlook: columns 0-47 align with English, the rest are alphabetical in
    // Russian, so everything is matched by name (folded: some names hold double spaces).
    add(p,
        {{u"Обращение", "-"},
         {u"Имя", "first_name"},
         {u"Отчество", "middle_name"},
         {u"Фамилия", "last_name"},
         {u"Суффикс", "-"},
         {u"Организация", "company"},
         {u"Отдел", "notes"},
         {u"Должность", "position"},
         {u"Город (раб. адрес)", "city"},
         {u"Город (дом. адрес)", "city"},
         {u"Город (другой адрес)", "city"},
         {u"Рабочий телефон", "phone"},
         {u"Телефон раб. 2", "phone"},
         {u"Телефон переносной", "mobile"},
         {u"Мобильный телефон", "mobile"},
         {u"Домашний телефон", "phone"},
         {u"Телефон дом. 2", "phone"},
         {u"Основной телефон", "phone"},
         {u"Другой телефон", "phone"},
         {u"Телефон в машине", "mobile"},
         {u"Основной телефон организации", "phone"},
         {u"День рождения", "birthday"},
         {u"Категории", "tags"},
         {u"Заметки", "notes"},
         {u"Адрес эл. почты", "email"},
         {u"Адрес 2 эл. почты", "email2"},
         {u"Адрес 3 эл. почты", "email"},
         {u"Тип эл. почты", "-"},
         {u"Краткое имя эл. почты", "-"},
         {u"Тип 2 эл. почты", "-"},
         {u"Краткое 2 имя эл. почты", "-"},
         {u"Тип 3 эл. почты", "-"},
         {u"Краткое 3 имя эл. почты", "-"},
         {u"Важность", "-"},
         {u"Пол", "-"},
         {u"Частное", "-"},
         {u"Пометка", "-"},
         {u"Инициалы", "-"},
         {u"Отложено", "-"},
         {u"Язык", "-"},
         {u"Сервер каталогов", "-"},
         {u"Расстояние", "-"},
         {u"Сведения о доступности в Интернете", "-"},
         {u"Счет", "-"},
         {u"Счета", "-"},
         {u"Улица (раб. адрес)", "-"},
         {u"Улица 2 (раб. адрес)", "-"},
         {u"Улица 3 (раб. адрес)", "-"},
         {u"Область (раб. адрес)", "-"},
         {u"Индекс (раб. адрес)", "-"},
         {u"Страна или регион (раб. адрес)", "-"},
         {u"Улица (дом. адрес)", "-"},
         {u"Улица 2 (дом. адрес)", "-"},
         {u"Улица 3 (дом. адрес)", "-"},
         {u"Область (дом. адрес)", "-"},
         {u"Почтовый код (дом.)", "-"},
         {u"Страна или регион (дом. адрес)", "-"},
         {u"Улица (другой адрес)", "-"},
         {u"Улица 2 (другой адрес)", "-"},
         {u"Улица 3 (другой адрес)", "-"},
         {u"Область (другой адрес)", "-"},
         {u"Индекс (другой адрес)", "-"},
         {u"Страна или регион (другой адрес)", "-"}});
    return p;
}

Preset googlePreset()
{
    Preset p;
    p.id = QStringLiteral("google");
    p.label = QT_TRANSLATE_NOOP("Preset", "Google Contacts");
    p.googleGroups = true;
    p.slashOrder = ValueParsers::SlashOrder::MonthFirst;
    // Current export.
    add(p,
        {{u"First Name", "first_name"},
         {u"Middle Name", "middle_name"},
         {u"Last Name", "last_name"},
         {u"Phonetic First Name", "-"},
         {u"Phonetic Middle Name", "-"},
         {u"Phonetic Last Name", "-"},
         {u"Name Prefix", "-"},
         {u"Name Suffix", "-"},
         {u"Nickname", "notes"},
         {u"File As", "-"},
         {u"Organization Name", "company"},
         {u"Organization Title", "position"},
         {u"Organization Department", "notes"},
         {u"Birthday", "birthday"},
         {u"Notes", "notes"},
         {u"Photo", "-"},
         {u"Labels", "tags"}});
    // Legacy "Google CSV".
    add(p,
        {{u"Name", "full_name"},
         {u"Given Name", "first_name"},
         {u"Additional Name", "middle_name"},
         {u"Family Name", "last_name"},
         {u"Yomi Name", "-"},
         {u"Given Name Yomi", "-"},
         {u"Additional Name Yomi", "-"},
         {u"Family Name Yomi", "-"},
         {u"Initials", "-"},
         {u"Short Name", "-"},
         {u"Maiden Name", "notes"},
         {u"Gender", "-"},
         {u"Location", "notes"},
         {u"Billing Information", "-"},
         {u"Directory Server", "-"},
         {u"Mileage", "-"},
         {u"Occupation", "position"},
         {u"Hobby", "notes"},
         {u"Sensitivity", "-"},
         {u"Priority", "-"},
         {u"Subject", "notes"},
         {u"Language", "-"},
         {u"Group Membership", "tags"}});
    return p;
}

Preset amocrmPreset()
{
    Preset p;
    p.id = QStringLiteral("amocrm");
    p.label = QT_TRANSLATE_NOOP("Preset", "amoCRM / Kommo");
    // Contacts export.
    add(p,
        {{u"ID", "-"},
         {u"Тип", "-"},
         {u"Полное имя контакта", "full_name"},
         {u"Имя", "first_name"},
         {u"Фамилия", "last_name"},
         {u"Название компании", "company"},
         {u"Ответственный", "-"},
         {u"Дата создания контакта", "-"},
         {u"Кем создан контакт", "-"},
         {u"Сделки", "notes"},
         {u"Дата редактирования", "-"},
         {u"Кем редактирован", "-"},
         {u"Теги", "tags"},
         {u"Примечание 1", "notes"},
         {u"Примечание 2", "notes"},
         {u"Примечание 3", "notes"},
         {u"Примечание 4", "notes"},
         {u"Примечание 5", "notes"},
         {u"Рабочий телефон", "phone"},
         {u"Рабочий прямой телефон", "phone"},
         {u"Мобильный телефон", "mobile"},
         {u"Факс", "notes"},
         {u"Домашний телефон", "phone"},
         {u"Другой телефон", "phone"},
         {u"Рабочий email", "email"},
         {u"Личный email", "email2"},
         {u"Другой email", "email"},
         {u"Web", "website"},
         {u"Адрес", "address"},
         {u"Город", "city"},
         {u"Источник", "source"},
         {u"Должность", "position"},
         {u"Товар", "notes"},
         {u"Пользовательское соглашение", "-"},
         {u"cid", "-"},
         {u"uid", "-"},
         {u"tid", "-"}});
    // Deals (leads) export: the deal and its contact side by side.
    add(p,
        {{u"Название сделки", "title"},
         {u"Бюджет", "amount"},
         {u"Дата создания сделки", "-"},
         {u"Кем создана сделка", "-"},
         {u"Кем редактирована", "-"},
         {u"Дата закрытия", "expected_close"},
         {u"Примечание", "notes"},
         {u"Этап сделки", "stage"},
         {u"Воронка", "pipeline"},
         {u"Компания контакта", "company"},
         {u"Ответственный за контакт", "-"},
         {u"Компания", "company"}});
    return p;
}

Preset bitrixPreset()
{
    // Bitrix24's CRM list export ("Экспорт в CSV/Excel", windows-1251, ';'). The column
    // names are Bitrix24's own: the list columns of the contact grid (crm.contact.list
    // lang/ru/component.php in Bitrix24's CRM sources: ID, Обращение, Имя, Фамилия,
    // Отчество, Дата рождения, Фотография, Должность, Адрес, Комментарий, Компания, Тип
    // контакта, Источник, Дополнительно об источнике, Экспорт, Ответственный, Дата
    // создания/изменения, Кем создан/изменен, Доступен для всех) and one column per kind
    // of phone, e-mail, site and messenger ("Рабочий телефон", "Номер факса", "Частный
    // e-mail", "Контакт Telegram"...) with the address split into parts, as exported CSV
    // files published with scripts that read them show. Targets "" keep the value in
    // the notes as "Column: value".
    Preset p;
    p.id = QStringLiteral("bitrix24");
    p.label = QT_TRANSLATE_NOOP("Preset", "Bitrix24");
    add(p,
        {{u"ID", "-"},
         {u"Обращение", "-"},
         {u"Имя", "first_name"},
         {u"Отчество", "middle_name"},
         {u"Фамилия", "last_name"},
         {u"Имя, Фамилия", "full_name"},
         {u"Дата рождения", "birthday"},
         {u"Фотография", "-"},
         {u"Должность", "position"},
         {u"Компания", "company"},
         {u"Рабочий телефон", "phone"},
         {u"Мобильный телефон", "mobile"},
         {u"Домашний телефон", "phone"},
         {u"Другой телефон", "phone"},
         {u"Телефон для рассылок", "phone"},
         {u"Номер факса", ""},
         {u"Номер пейджера", ""},
         {u"Рабочий e-mail", "email"},
         {u"Частный e-mail", "email2"},
         {u"Другой e-mail", "email"},
         {u"E-mail для рассылок", "email"},
         {u"Адрес", "address"},
         {u"Улица, номер дома", ""},
         {u"Квартира, офис, комната, этаж", ""},
         {u"Населенный пункт", "city"},
         {u"Город", "city"},
         {u"Район", ""},
         {u"Регион", ""},
         {u"Почтовый индекс", ""},
         {u"Страна", ""},
         {u"Контакт Telegram", "telegram"},
         {u"Корпоративный сайт", "website"},
         {u"Личная страница", ""},
         {u"Комментарий", "notes"},
         {u"Источник", "source"},
         {u"Дополнительно об источнике", "notes"},
         {u"Ответственный", "-"},
         {u"Тип контакта", "-"},
         {u"Доступен для всех", "-"},
         {u"Экспорт", "-"},
         {u"Связанный пользователь", "-"},
         {u"Дата создания", "-"},
         {u"Дата изменения", "-"},
         {u"Кем создан", "-"},
         {u"Кем изменен", "-"},
         {u"Telegram", "telegram"},
         {u"Название компании", "company"},
         {u"Возможная сумма", "amount"},
         {u"Дополнительно о стадии", "notes"},
         {u"Дополнительно о статусе", "notes"},
         {u"Название лида", "title"},
         {u"Название сделки", "title"},
         {u"Сумма", "amount"},
         {u"Валюта", "currency"},
         {u"Стадия", "stage"},
         {u"Стадия сделки", "stage"},
         {u"Направление", "pipeline"},
         {u"Статус", "status"},
         {u"Контакт", "contact"},
         {u"Предполагаемая дата закрытия", "expected_close"}});
    return p;
}

Preset pipedrivePreset()
{
    Preset p;
    p.id = QStringLiteral("pipedrive");
    p.label = QT_TRANSLATE_NOOP("Preset", "Pipedrive");
    p.entityPrefixed = true;
    add(p,
        {{u"Person - ID", "-"},
         {u"Person - Name", "full_name"},
         {u"Person - First name", "first_name"},
         {u"Person - Last name", "last_name"},
         {u"Person - Job title", "position"},
         {u"Person - Email - Work", "email"},
         {u"Person - Email - Home", "email2"},
         {u"Person - Email - Other", "email"},
         {u"Person - Phone - Work", "phone"},
         {u"Person - Phone - Mobile", "mobile"},
         {u"Person - Phone - Home", "phone"},
         {u"Person - Phone - Other", "phone"},
         {u"Person - Organization ID", "-"},
         {u"Person - Organization", "company"},
         {u"Person - Labels", "tags"},
         {u"Person - Postal address", "notes"},
         {u"Person - Notes", "notes"},
         {u"Person - Person created", "-"},
         {u"Person - Update time", "-"},
         {u"Person - Owner", "-"},
         {u"Deal - Title", "title"},
         {u"Deal - Value", "amount"},
         {u"Deal - Currency", "currency"},
         {u"Deal - Stage", "stage"},
         {u"Deal - Pipeline", "pipeline"},
         {u"Deal - Status", "status"},
         {u"Deal - Organization", "company"},
         {u"Deal - Contact person", "contact"},
         {u"Deal - Expected close date", "expected_close"},
         {u"Deal - ID", "-"},
         {u"Organization - Name", "company"}});
    return p;
}

Preset hubspotPreset()
{
    Preset p;
    p.id = QStringLiteral("hubspot");
    p.label = QT_TRANSLATE_NOOP("Preset", "HubSpot");
    add(p,
        {{u"Record ID", "-"},
         {u"First Name", "first_name"},
         {u"Last Name", "last_name"},
         {u"Email", "email"},
         {u"Phone Number", "phone"},
         {u"Mobile Phone Number", "mobile"},
         {u"Contact owner", "-"},
         {u"Primary Associated Company ID", "-"},
         {u"Last Activity Date", "-"},
         {u"Lead Status", "notes"},
         {u"Marketing contact status", "-"},
         {u"Create Date", "-"},
         {u"Associated Company", "company"},
         {u"Company Name", "company"},
         {u"Job Title", "position"},
         {u"City", "city"},
         {u"Deal Name", "title"},
         {u"Amount", "amount"},
         {u"Deal Stage", "stage"},
         {u"Pipeline", "pipeline"},
         {u"Close Date", "expected_close"}});
    return p;
}

Preset twentyPreset()
{
    Preset p;
    p.id = QStringLiteral("twenty");
    p.label = QT_TRANSLATE_NOOP("Preset", "Twenty");
    add(p,
        {{u"Id", "-"},
         {u"Name / First Name", "first_name"},
         {u"Name / Last Name", "last_name"},
         {u"Emails / Primary Email", "email"},
         {u"Emails / Additional Emails", "email2"},
         {u"Phones / Primary Phone Number", "phone"},
         {u"Phones / Primary Phone Country Code", "-"},
         {u"Phones / Primary Phone Calling Code", "-"},
         {u"Phones / Additional Phones", "mobile"},
         {u"Job Title", "position"},
         {u"City", "city"},
         {u"Company Id", "-"},
         {u"Linkedin / Primary Link Url", "notes"},
         {u"X / Primary Link Url", "notes"},
         {u"Created At", "-"},
         {u"Updated At", "-"},
         {u"Deleted At", "-"},
         {u"Position", "-"},
         {u"Created By / Name", "-"},
         {u"Created By / Source", "-"},
         {u"Avatar Url", "-"},
         {u"Name", "title"},
         {u"Amount / Amount", "amount"},
         {u"Amount / Amount Micros", "-"},
         {u"Amount / Currency", "currency"},
         {u"Amount / Currency Code", "currency"},
         {u"Close Date", "expected_close"},
         {u"Stage", "stage"},
         {u"Point Of Contact Id", "-"},
         {u"Domain Name / Primary Link Url", "website"},
         {u"Employees", "notes"},
         {u"Address / Address City", "city"},
         {u"Address / Address Street1", "address"}});
    return p;
}

} // namespace

QList<Preset> PresetTables::build()
{
    return {gamixPreset(),  outlookPreset(),   googlePreset(),  amocrmPreset(),
            bitrixPreset(), pipedrivePreset(), hubspotPreset(), twentyPreset()};
}

} // namespace gamix
