#!/usr/bin/env python3
"""Builds the import fixtures around the real header lines (copied from
shared/formats/csv-headers into headers/). Run once; the outputs are committed."""
import csv, io, os

here = os.path.dirname(os.path.abspath(__file__))
H = os.path.join(here, 'headers')

def header(name):
    with open(os.path.join(H, name), encoding='utf-8-sig') as f:
        return next(csv.reader(f))

def write(name, head, rows, encoding='utf-8', delimiter=',', quoting=csv.QUOTE_MINIMAL,
          lineterminator='\r\n', bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator)
    w.writerow(head)
    for r in rows:
        full = [''] * len(head)
        for k, v in r.items():
            full[head.index(k)] = v
        w.writerow(full)
    data = buf.getvalue()
    raw = data.encode(encoding)
    if bom:
        raw = ('\ufeff'.encode(encoding) if encoding.startswith('utf-16') else b'\xef\xbb\xbf') + raw
    with open(os.path.join(here, name), 'wb') as f:
        f.write(raw)

# Outlook (English): every field quoted, M/d/yyyy dates, 0/0/00 for none.
h = header('outlook_en.csv')
write('outlook_en.csv', h, [
    {'First Name': 'John', 'Last Name': 'Smith', 'Company': 'Acme Ltd', 'Job Title': 'Buyer',
     'Business Phone': '+1 (212) 555-0100', 'Mobile Phone': '+1 212 555 0199',
     'E-mail Address': 'John.Smith@Acme.com', 'E-mail Type': 'SMTP', 'E-mail Display Name': 'John Smith (john.smith@acme.com)',
     'Birthday': '1/15/1980', 'Categories': 'Clients;VIP', 'Notes': 'Met at the fair.\nCall in spring.',
     'Business City': 'New York', 'Gender': 'Unspecified', 'Priority': 'Normal', 'Sensitivity': 'Normal', 'Private': 'False',
     'Anniversary': '0/0/00', 'Web Page': 'acme.com'},
    {'First Name': 'Mary', 'Last Name': 'Jones', 'E-mail Address': 'mary@example.org', 'Birthday': '5/12/1604',
     'Gender': 'Unspecified', 'Priority': 'Normal', 'Sensitivity': 'Normal', 'Private': 'False', 'Anniversary': '0/0/00'},
], quoting=csv.QUOTE_ALL)

# Outlook (Russian UI): windows-1251, every field quoted, dd.MM.yyyy, some names with double spaces.
h = header('outlook_ru.csv')
rows_ru = [
    {'Имя': 'Иван', 'Отчество': 'Иванович', 'Фамилия': 'Иванов', 'Организация': 'ООО «Ромашка»',
     'Должность': 'Директор', 'Телефон переносной': '8 (916) 123-45-67', 'Рабочий телефон': '+7 495 123-45-67',
     'Адрес эл. почты': 'Ivanov@Romashka.ru', 'Тип эл. почты': 'SMTP', 'День рождения': '28.09.1985',
     'Заметки': 'Звонить после обеда', 'Город (раб. адрес)': 'Москва', 'Категории': 'Клиенты',
     'Пол': 'Не определен', 'Важность': 'Обычная', 'Частное': 'Ложь', 'Годовщина': '0.0.00',
     'Улица  2 (другой адрес)': 'кв. 5'},
    {'Имя': 'Ольга', 'Фамилия': 'Петрова', 'Организация': 'ООО «Ромашка»', 'Телефон переносной': '+79161112233',
     'День рождения': '12.05.1604', 'Пол': 'Не определен', 'Годовщина': '0.0.00'},
]
write('outlook_ru.csv', h, rows_ru, encoding='cp1251', quoting=csv.QUOTE_ALL)
# Other Russian builds call the mobile column "Мобильный телефон".
h2 = ['Мобильный телефон' if x == 'Телефон переносной' else x for x in h]
rows_ru2 = [{('Мобильный телефон' if k == 'Телефон переносной' else k): v for k, v in r.items()} for r in rows_ru]
write('outlook_ru_mobile.csv', h2, rows_ru2, encoding='cp1251', quoting=csv.QUOTE_ALL)

# Google (current): N - Label / N - Value groups, " ::: " multi-values, --MM-dd birthdays.
h = header('google_current.csv')
write('google_current.csv', h, [
    {'First Name': 'Анна', 'Last Name': 'Смирнова', 'Organization Name': 'ИП Смирнова', 'Organization Title': 'Owner',
     'Birthday': '--05-12', 'Labels': '* myContacts ::: Друзья', 'E-mail 1 - Label': '* Home',
     'E-mail 1 - Value': 'anna@mail.ru ::: anna.work@firm.ru', 'Phone 1 - Label': 'Mobile',
     'Phone 1 - Value': '+7 916 555-01-01', 'Phone 2 - Label': 'Work', 'Phone 2 - Value': '8 495 555-01-02 ::: 8 495 555-01-03',
     'Address 1 - City': 'Казань', 'Address 1 - Formatted': 'ул. Баумана, 1, Казань', 'Notes': 'VIP',
     'Custom Field 1 - Label': 'Skype', 'Custom Field 1 - Value': 'anna.s'},
    {'First Name': 'Bob', 'Last Name': 'Brown', 'Birthday': '1990-03-04', 'Labels': '* myContacts',
     'Phone 1 - Label': 'Work', 'Phone 1 - Value': '(202) 555-0111', 'E-mail 1 - Value': 'bob@brown.us'},
])

# Google (legacy "Google CSV"): some files are UTF-16LE with BOM, tab-separated.
h = header('google_legacy.csv')
write('google_legacy.csv', h, [
    {'Name': 'Сергей Кузнецов', 'Birthday': '1979-11-30', 'Group Membership': '* My Contacts ::: Партнёры',
     'E-mail 1 - Type': '* Work', 'E-mail 1 - Value': 'kuznetsov@partner.ru', 'Phone 1 - Type': 'Mobile',
     'Phone 1 - Value': '89031234567', 'Organization 1 - Name': 'АО Партнёр', 'Organization 1 - Title': 'Инженер'},
    {'Given Name': 'Lena', 'Family Name': 'Fischer', 'Phone 1 - Type': 'Work', 'Phone 1 - Value': '+49 30 1234567'},
], encoding='utf-16-le', delimiter='\t', bom=True)

# amoCRM contacts: comma, UTF-8, dd-MM-yyyy HH:mm:ss dates, account custom columns.
h = header('amocrm_contacts_ru.csv') + ['ИНН']
write('amocrm_contacts_ru.csv', h, [
    {'ID': '1001', 'Тип': 'контакт', 'Полное имя контакта': 'Пётр Сидоров', 'Название компании': 'ООО Вектор',
     'Ответственный': 'Менеджер 1', 'Дата создания контакта': '28-09-2025 10:15:00', 'Теги': 'опт, Москва',
     'Примечание 1': 'Первый звонок', 'Примечание 2': 'Просил КП', 'Рабочий телефон': '+7 (495) 777-11-22',
     'Мобильный телефон': '+7 926 777 11 23', 'Рабочий email': 'sidorov@vector.ru', 'Личный email': 'petr@gmail.com',
     'Должность': 'Закупщик', 'Город': 'Москва', 'Skype': 'petr.sid', 'cid': '5', 'ИНН': '7707083893'},
    {'ID': '1002', 'Тип': 'контакт', 'Полное имя контакта': 'Мария Орлова', 'Имя': 'Мария', 'Фамилия': 'Орлова',
     'Название компании': 'ООО Вектор', 'Мобильный телефон': '89267771124'},
])

# amoCRM deals export (for `import deal`): "150 000,50" budgets, stage and pipeline by name.
h = header('amocrm_leads_ru_prefix.csv')
write('amocrm_leads_ru.csv', h, [
    {'ID': '5001', 'Название сделки': 'Поставка бумаги', 'Бюджет': '150 000,50', 'Дата закрытия': '30.10.2025 12:00:00',
     'Этап сделки': 'Переговоры', 'Воронка': 'Опт', 'Полное имя контакта': 'Сидоров Пётр', 'Компания': 'ООО Вектор',
     'Примечание': 'Срочно'},
    {'ID': '5002', 'Название сделки': 'Сервис', 'Бюджет': '12000', 'Этап сделки': 'New', 'Компания': 'ООО Новая'},
])

# Bitrix24 contact export: windows-1251, ';' (not among the collected headers: from the UI).
h = ['ID', 'Обращение', 'Имя', 'Отчество', 'Фамилия', 'Дата рождения', 'Должность', 'Компания', 'Рабочий телефон',
     'Мобильный телефон', 'Домашний телефон', 'Рабочий e-mail', 'Частный e-mail', 'Адрес', 'Комментарий', 'Источник',
     'Ответственный', 'Тип контакта', 'Доступен для всех', 'Дата создания', 'Дата изменения']
write('bitrix24_contacts.csv', h, [
    {'ID': '17', 'Имя': 'Алексей', 'Отчество': 'Петрович', 'Фамилия': 'Волков', 'Дата рождения': '01.02.1975',
     'Должность': 'Главный инженер', 'Компания': 'ЗАО Техно', 'Рабочий телефон': '+7 (812) 300-20-10',
     'Мобильный телефон': '8-921-300-20-11', 'Рабочий e-mail': 'volkov@techno.spb.ru', 'Комментарий': 'Через секретаря',
     'Ответственный': 'Админ', 'Тип контакта': 'Клиенты', 'Доступен для всех': 'Y', 'Дата создания': '01.09.2025 09:00:00'},
], encoding='cp1251', delimiter=';')

# Pipedrive people.
h = header('pipedrive_people_observed.csv')
write('pipedrive_people.csv', h, [
    {'Person - ID': '7', 'Person - Name': 'Klaus Meyer', 'Person - First name': 'Klaus', 'Person - Last name': 'Meyer',
     'Person - Job title': 'CTO', 'Person - Email - Work': 'klaus@meyer.de', 'Person - Email - Home': 'k.meyer@web.de',
     'Person - Phone - Work': '+49 89 123456', 'Person - Phone - Mobile': '+49 171 1234567', 'Person - Organization ID': '3',
     'Person - Labels': 'Hot', 'Person - Notes': 'Prefers email'},
])

# HubSpot contacts, default view.
h = header('hubspot_contacts_default_view_observed.csv')
write('hubspot_contacts.csv', h, [
    {'Record ID': '51', 'First Name': 'Sara', 'Last Name': 'Lee', 'Email': 'sara@lee.io', 'Phone Number': '+1 415 555 0123',
     'Contact owner': 'Me', 'Associated Company': 'Lee Labs', 'Lead Status': 'Open', 'Create Date': '2025-09-28 10:00'},
])

# Twenty people (composite "Label / Part" columns; UTF-8 with BOM, LF) and opportunities (the real header).
h = ['Id', 'Name / First Name', 'Name / Last Name', 'Emails / Primary Email', 'Emails / Additional Emails',
     'Phones / Primary Phone Number', 'Phones / Primary Phone Country Code', 'Phones / Primary Phone Calling Code',
     'Job Title', 'City', 'Company Id', 'Created At']
write('twenty_people.csv', h, [
    {'Id': '1c6a4a3e-3d6c-4a7e-9d1e-0c7e4f1d2a11', 'Name / First Name': 'Nina', 'Name / Last Name': 'Frolova',
     'Emails / Primary Email': 'nina@frolova.ru', 'Emails / Additional Emails': '["nina.f@gmail.com"]',
     'Phones / Primary Phone Number': '9165550303', 'Phones / Primary Phone Country Code': 'RU',
     'Phones / Primary Phone Calling Code': '+7', 'Job Title': 'PM', 'City': 'Тверь',
     'Company Id': '2d7b5b4f-4e7d-4b8f-8e2f-1d8f5a2e3b22', 'Created At': '2025-09-28T10:00:00.000Z'},
], lineterminator='\n', bom=True)
h = header('twenty_export_example.csv') + ['Name', 'Stage']
write('twenty_opportunities.csv', h, [
    {'Id': '3e8c6c5a-5f8e-4c9a-9f3a-2e9a6b3f4c33', 'Amount / Amount': '2500.75', 'Amount / Currency': 'USD',
     'Company Id': '2d7b5b4f-4e7d-4b8f-8e2f-1d8f5a2e3b22', 'Name': 'Pilot', 'Stage': 'Proposal'},
], lineterminator='\n', bom=True)

# Hand-made Excel file: unknown headers matched fuzzily, ';', windows-1251.
h = ['ФИО', 'Мобильный телефон', 'Телефон', 'E-mail', 'Организация', 'ИНН организации', 'Дата рождения',
     'Должность', 'Комментарий', 'Любимый цвет']
write('fuzzy_ru.csv', h, [
    {'ФИО': 'Козлов Дмитрий Сергеевич', 'Мобильный телефон': '8 903 100-20-30', 'Телефон': '', 'E-mail': 'KOZLOV@firm.ru',
     'Организация': 'ООО Фирма', 'ИНН организации': '7707083893', 'Дата рождения': '03.04.1988', 'Должность': 'Юрист',
     'Комментарий': 'Постоянный клиент', 'Любимый цвет': 'синий'},
    {'ФИО': 'Козлов Д. С.', 'Мобильный телефон': '+7 (903) 100-20-30', 'E-mail': 'kozlov2@firm.ru'},
    {'ФИО': 'Белова Ирина', 'E-mail': 'not an email', 'Дата рождения': '31.02.1990'},
], encoding='cp1251', delimiter=';')
