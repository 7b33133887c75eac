<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Application</name>
    <message>
        <source>Open the database at PATH.</source>
        <translation>Открыть базу данных PATH.</translation>
    </message>
    <message>
        <source>Gamix</source>
        <translation>Gamix</translation>
    </message>
    <message>
        <source>Gamix, a desktop CRM.</source>
        <translation>Gamix — настольная CRM.</translation>
    </message>
    <message>
        <source>Fill an empty database with demo data.</source>
        <translation>Заполнить пустую базу демонстрационными данными.</translation>
    </message>
    <message>
        <source>Fill demo data when the database has no contacts.</source>
        <translation>Заполнить базу демоданными, если в ней нет контактов.</translation>
    </message>
    <message>
        <source>Welcome to Gamix</source>
        <translation>Добро пожаловать в Gamix</translation>
    </message>
    <message>
        <source>This is a new, empty database. Fill it with demo data (Russian companies, contacts, deals and tasks) to look around?</source>
        <translation>Это новая пустая база. Заполнить её демонстрационными данными (российские компании, контакты, сделки и задачи), чтобы осмотреться?</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>missing ENTITY (one of: %1)</source>
        <translation>не указана сущность ENTITY (одна из: %1)</translation>
    </message>
    <message>
        <source>unknown entity “%1” (one of: %2)</source>
        <translation>неизвестная сущность «%1» (одна из: %2)</translation>
    </message>
    <message>
        <source>“%1” is not field=value</source>
        <translation>«%1» — не в виде поле=значение</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected</source>
        <translation>
            <numerusform>%n строка отклонена</numerusform>
            <numerusform>%n строки отклонены</numerusform>
            <numerusform>%n строк отклонено</numerusform>
        </translation>
    </message>
    <message>
        <source>there is no database at %1 (create one with: gamix-cli --db %1 init)</source>
        <translation>базы данных %1 нет (создайте её командой: gamix-cli --db %1 init)</translation>
    </message>
    <message>
        <source>--db needs a path</source>
        <translation>--db: укажите путь</translation>
    </message>
    <message>
        <source>Database ready: %1</source>
        <translation>База данных готова: %1</translation>
    </message>
    <message>
        <source>unknown csv command; use: csv inspect FILE</source>
        <translation>неизвестная команда csv; используйте: csv inspect FILE</translation>
    </message>
    <message>
        <source>unknown command “%1” (see gamix-cli --help)</source>
        <translation>неизвестная команда «%1» (см. gamix-cli --help)</translation>
    </message>
    <message>
        <source>usage: get ENTITY ID</source>
        <translation>использование: get ENTITY ID</translation>
    </message>
    <message>
        <source>there is no %1 with id %2</source>
        <translation>нет записи %1 с id %2</translation>
    </message>
    <message>
        <source>usage: set ENTITY ID field=value...</source>
        <translation>использование: set ENTITY ID поле=значение...</translation>
    </message>
    <message>
        <source>usage: restore ENTITY ID</source>
        <translation>использование: restore ENTITY ID</translation>
    </message>
    <message>
        <source>usage: delete ENTITY ID</source>
        <translation>использование: delete ENTITY ID</translation>
    </message>
    <message>
        <source>--where needs field=value, not “%1”</source>
        <translation>--where: нужно поле=значение, а не «%1»</translation>
    </message>
    <message>
        <source>--limit needs a number, not “%1”</source>
        <translation>--limit: нужно число, а не «%1»</translation>
    </message>
    <message>
        <source>unknown option “%1” for list</source>
        <translation>неизвестный параметр «%1» для list</translation>
    </message>
    <message>
        <source>usage: search TEXT</source>
        <translation>использование: search TEXT</translation>
    </message>
    <message>
        <source>usage: backup FILE</source>
        <translation>использование: backup FILE</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>Резервная копия записана в %1</translation>
    </message>
    <message>
        <source>cannot import into “%1”</source>
        <translation>импорт в «%1» невозможен</translation>
    </message>
    <message>
        <source>unknown option or missing value: “%1”</source>
        <translation>неизвестный параметр или нет значения: «%1»</translation>
    </message>
    <message>
        <source>unknown preset “%1”</source>
        <translation>неизвестный шаблон «%1»</translation>
    </message>
    <message>
        <source>unknown encoding “%1”</source>
        <translation>неизвестная кодировка «%1»</translation>
    </message>
    <message>
        <source>--delimiter needs one character, “tab” or “auto”, not “%1”</source>
        <translation>--delimiter: нужен один символ, «tab» или «auto», а не «%1»</translation>
    </message>
    <message>
        <source>--map needs &apos;Header=field&apos;, not “%1”</source>
        <translation>--map: нужно &apos;Заголовок=поле&apos;, а не «%1»</translation>
    </message>
    <message>
        <source>--map: “%1” is not a field of %2 (one of: %3)</source>
        <translation>--map: «%1» — не поле сущности %2 (поля: %3)</translation>
    </message>
    <message>
        <source>--on-duplicate is skip, update or create, not “%1”</source>
        <translation>--on-duplicate: skip, update или create, а не «%1»</translation>
    </message>
    <message>
        <source>--batch needs a positive number</source>
        <translation>--batch: нужно положительное число</translation>
    </message>
    <message>
        <source>unknown option “%1”</source>
        <translation>неизвестный параметр «%1»</translation>
    </message>
    <message>
        <source>%1: there is no such file</source>
        <translation>%1: такого файла нет</translation>
    </message>
    <message>
        <source>%1: a vCard file holds contacts</source>
        <translation>%1: файл vCard содержит только контакты</translation>
    </message>
    <message>
        <source>import: %1 of %2 rows, %3 rows/s</source>
        <translation>импорт: %1 из %2 строк, %3 строк/с</translation>
    </message>
    <message>
        <source>%1: %2, delimiter “%3”, preset %4</source>
        <translation>%1: %2, разделитель «%3», шаблон %4</translation>
    </message>
    <message>
        <source>none (columns matched by name)</source>
        <translation>нет (столбцы сопоставлены по названиям)</translation>
    </message>
    <message>
        <source>%1: columns that match no field go to the notes as “Column: value”: %2</source>
        <translation>%1: столбцы без подходящего поля попадут в примечание как «Столбец: значение»: %2</translation>
    </message>
    <message>
        <source>; save them with --rejects FILE, fix and import again</source>
        <translation>; сохраните их с помощью --rejects FILE, исправьте и импортируйте снова</translation>
    </message>
    <message>
        <source>; written to %1 to fix and import again</source>
        <translation>; они записаны в %1 — исправьте и импортируйте снова</translation>
    </message>
    <message>
        <source>usage: export ENTITY FILE [--format csv|vcard|ical] [--profile excel|data] [--encoding NAME]</source>
        <translation>использование: export ENTITY FILE [--format csv|vcard|ical] [--profile excel|data] [--encoding NAME]</translation>
    </message>
    <message>
        <source>unknown entity “%1”</source>
        <translation>неизвестная сущность «%1»</translation>
    </message>
    <message>
        <source>--format is csv, vcard or ical, not “%1”</source>
        <translation>--format: csv, vcard или ical, а не «%1»</translation>
    </message>
    <message>
        <source>--profile is excel or data, not “%1”</source>
        <translation>--profile: excel или data, а не «%1»</translation>
    </message>
    <message>
        <source>--vcard-version is 3 or 4</source>
        <translation>--vcard-version: 3 или 4</translation>
    </message>
    <message>
        <source>%1: %2 characters could not be written in %3 and became “?”</source>
        <translation>%1: не удалось записать в кодировке %3 символов: %2, они заменены на «?»</translation>
    </message>
    <message>
        <source>--server needs a URL</source>
        <translation>--server: укажите URL</translation>
    </message>
    <message>
        <source>--login needs a login</source>
        <translation>--login: укажите логин</translation>
    </message>
    <message>
        <source>--ca-cert needs a file</source>
        <translation>--ca-cert: укажите файл</translation>
    </message>
    <message>
        <source>unknown sync option “%1”; use: sync --server URL --login LOGIN [--password-stdin] [--ca-cert FILE]</source>
        <translation>неизвестный параметр синхронизации «%1»; используйте: sync --server URL --login LOGIN [--password-stdin] [--ca-cert FILE]</translation>
    </message>
    <message>
        <source>sync needs --server URL and --login LOGIN</source>
        <translation>для sync нужны --server URL и --login LOGIN</translation>
    </message>
    <message>
        <source>“%1” is not a server address (https://HOST:PORT)</source>
        <translation>«%1» — не адрес сервера (https://HOST:PORT)</translation>
    </message>
    <message>
        <source>cannot read a certificate from %1</source>
        <translation>не удаётся прочитать сертификат из %1</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>на стандартном вводе нет пароля</translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation>хранилище паролей не ответило</translation>
    </message>
    <message>
        <source>no keychain is available (%1): give the password with --password-stdin</source>
        <translation>хранилище паролей недоступно (%1): передайте пароль через --password-stdin</translation>
    </message>
    <message>
        <source>no saved login for %1 at %2: give the password with --password-stdin</source>
        <translation>нет сохранённого входа для %1 на %2: передайте пароль через --password-stdin</translation>
    </message>
    <message>
        <source>no keychain is available (%1): the login token was kept in memory for this run only</source>
        <translation>хранилище паролей недоступно (%1): токен входа хранится в памяти только до конца этого запуска</translation>
    </message>
    <message>
        <source>Usage: gamix-cli [--db PATH] [--json] COMMAND
Commands:
  init
  add ENTITY field=value...
  get ENTITY ID
  set ENTITY ID field=value...
  delete ENTITY ID | restore ENTITY ID
  list ENTITY [--search TEXT] [--where field=value]... [--sort FIELD] [--limit N]
  search TEXT
  import ENTITY FILE [--preset auto|NAME] [--encoding auto|NAME] [--delimiter auto|CHAR]
         [--map &apos;Header=field&apos;]... [--date-format FMT] [--on-duplicate skip|update|create]
         [--update-fields FIELD,...] [--dry-run] [--rejects FILE]
  export ENTITY FILE [--format csv|vcard|ical] [--profile excel|data] [--encoding NAME]
  csv inspect FILE [--limit N]
  sync --server URL --login LOGIN [--password-stdin] [--ca-cert FILE]
  conflicts
  duplicates | merge ENTITY KEEP_ID OTHER_ID
  backup FILE | check
Entities: %1</source>
        <translation>Использование: gamix-cli [--db PATH] [--json] COMMAND
Команды:
  init
  add ENTITY поле=значение...
  get ENTITY ID
  set ENTITY ID поле=значение...
  delete ENTITY ID | restore ENTITY ID
  list ENTITY [--search TEXT] [--where поле=значение]... [--sort FIELD] [--limit N]
  search TEXT
  import ENTITY FILE [--preset auto|NAME] [--encoding auto|NAME] [--delimiter auto|CHAR]
         [--map &apos;Заголовок=поле&apos;]... [--date-format FMT] [--on-duplicate skip|update|create]
         [--update-fields FIELD,...] [--dry-run] [--rejects FILE]
  export ENTITY FILE [--format csv|vcard|ical] [--profile excel|data] [--encoding NAME]
  csv inspect FILE [--limit N]
  sync --server URL --login LOGIN [--password-stdin] [--ca-cert FILE]
  conflicts
  duplicates | merge ENTITY KEEP_ID OTHER_ID
  backup FILE | check
Сущности: %1</translation>
    </message>
    <message>
        <source>usage: duplicates</source>
        <translation>использование: duplicates</translation>
    </message>
    <message>
        <source>usage: merge ENTITY KEEP_ID OTHER_ID</source>
        <translation>использование: merge ENTITY KEEP_ID OTHER_ID</translation>
    </message>
    <message>
        <source>usage: import ENTITY FILE [--preset auto|NAME] [--encoding auto|NAME] [--delimiter auto|CHAR] [--map &apos;Header=field&apos;]... [--date-format FMT] [--on-duplicate skip|update|create] [--update-fields FIELD,...] [--dry-run] [--rejects FILE]</source>
        <translation>использование: import ENTITY FILE [--preset auto|NAME] [--encoding auto|NAME] [--delimiter auto|CHAR] [--map &apos;Заголовок=поле&apos;]... [--date-format FMT] [--on-duplicate skip|update|create] [--update-fields FIELD,...] [--dry-run] [--rejects FILE]</translation>
    </message>
    <message>
        <source>--update-fields: “%1” is not a field of %2 (one of: %3)</source>
        <translation>--update-fields: «%1» — не поле сущности %2 (поля: %3)</translation>
    </message>
    <message>
        <source>--update-fields needs at least one field name</source>
        <translation>--update-fields: укажите хотя бы одно поле</translation>
    </message>
    <message>
        <source>--update-fields needs --on-duplicate update</source>
        <translation>--update-fields работает только с --on-duplicate update</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>--limit needs a number of rows, not &quot;%1&quot;</source>
        <translation>--limit: нужно число строк, а не «%1»</translation>
    </message>
    <message>
        <source>--encoding needs auto or an encoding name</source>
        <translation>--encoding: укажите auto или название кодировки</translation>
    </message>
    <message>
        <source>--delimiter needs auto or one character, not &quot;%1&quot;</source>
        <translation>--delimiter: укажите auto или один символ, а не «%1»</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Лишний аргумент: %1</translation>
    </message>
    <message>
        <source>Usage: csv inspect FILE [--limit N] [--json] [--encoding auto|NAME] [--delimiter auto|CHAR]</source>
        <translation>Использование: csv inspect FILE [--limit N] [--json] [--encoding auto|NAME] [--delimiter auto|CHAR]</translation>
    </message>
    <message>
        <source>File:      %1</source>
        <translation>Файл:        %1</translation>
    </message>
    <message>
        <source>Encoding:  %1%2</source>
        <translation>Кодировка:   %1%2</translation>
    </message>
    <message>
        <source> (with BOM)</source>
        <translation> (с BOM)</translation>
    </message>
    <message>
        <source>Delimiter: %1</source>
        <translation>Разделитель: %1</translation>
    </message>
    <message>
        <source>Columns:   %1</source>
        <translation>Столбцы:     %1</translation>
    </message>
    <message>
        <source>Rows shown: %1</source>
        <translation>Показано строк: %1</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: не удаётся открыть: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Не удаётся прочитать файл: %1</translation>
    </message>
    <message>
        <source>Unknown encoding: %1</source>
        <translation>Неизвестная кодировка: %1</translation>
    </message>
    <message>
        <source>Line %1: a record longer than %2 characters (is a quote not closed?)</source>
        <translation>Строка %1: запись длиннее %2 символов (не закрыта кавычка?)</translation>
    </message>
    <message>
        <source>Line %1, column %2: bytes that are not valid %3 text (at byte %4 of the file)</source>
        <translation>Строка %1, столбец %2: байты, недопустимые в кодировке %3 (байт %4 файла)</translation>
    </message>
    <message>
        <source>Line %1, column %2: a quoted field is not closed before the end of the file</source>
        <translation>Строка %1, столбец %2: поле в кавычках не закрыто до конца файла</translation>
    </message>
    <message>
        <source>Line %1: %2 fields where the header has %3</source>
        <translation>Строка %1: полей — %2, а в заголовке — %3</translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>Не удаётся записать файл: %1</translation>
    </message>
    <message>
        <source>Row %1:</source>
        <translation>Строка %1:</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>unknown encoding “%1”</source>
        <translation>неизвестная кодировка «%1»</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>vCard holds contacts only</source>
        <translation>vCard содержит только контакты</translation>
    </message>
    <message>
        <source>iCalendar export holds tasks only</source>
        <translation>в iCalendar экспортируются только задачи</translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2</source>
        <translation>%1: не удаётся записать файл: %2</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Конвертирован</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выиграна</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Письмо</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>company “%1”: %2</source>
        <translation>компания «%1»: %2</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>не удаётся открыть файл: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>файл пуст</translation>
    </message>
    <message>
        <source>unknown preset “%1” (one of: auto, %2)</source>
        <translation>неизвестный шаблон «%1» (доступны: auto, %2)</translation>
    </message>
    <message>
        <source>cannot write the file: %1</source>
        <translation>не удаётся записать файл: %1</translation>
    </message>
    <message>
        <source>Import error</source>
        <translation>Ошибка импорта</translation>
    </message>
    <message>
        <source>duplicate of %1</source>
        <translation>дубликат записи %1</translation>
    </message>
    <message>
        <source>duplicate of %1; its fields are already filled</source>
        <translation>дубликат записи %1; её поля уже заполнены</translation>
    </message>
    <message>
        <source>fills %1</source>
        <translation>заполнит %1</translation>
    </message>
    <message>
        <source>replaces %1</source>
        <translation>заменит %1</translation>
    </message>
    <message>
        <source>duplicate of %1: %2</source>
        <translation>дубликат записи %1: %2</translation>
    </message>
    <message>
        <source>the card has no END:VCARD</source>
        <translation>в карточке нет END:VCARD</translation>
    </message>
    <message>
        <source>%1 on line %2: %3</source>
        <translation>%1 в строке %2: %3</translation>
    </message>
    <message>
        <source>contact: %1</source>
        <translation>контакт: %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>%1 rows, %2 rows/s</source>
        <translation>Строк: %1, %2 в секунду</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
</context>
<context>
    <name>LeadConverter</name>
    <message>
        <source>The lead no longer exists.</source>
        <translation>Этого лида больше нет.</translation>
    </message>
    <message>
        <source>The lead is already converted.</source>
        <translation>Лид уже конвертирован.</translation>
    </message>
</context>
<context>
    <name>Preset</name>
    <message>
        <source>Gamix</source>
        <translation>Gamix</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Outlook</translation>
    </message>
    <message>
        <source>Google Contacts</source>
        <translation>Google Контакты</translation>
    </message>
    <message>
        <source>amoCRM / Kommo</source>
        <translation>amoCRM / Kommo</translation>
    </message>
    <message>
        <source>Bitrix24</source>
        <translation>Битрикс24</translation>
    </message>
    <message>
        <source>Pipedrive</source>
        <translation>Pipedrive</translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>Twenty</source>
        <translation>Twenty</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Офис</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Дата создания</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>OGRN</source>
        <translation>ОГРН</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Email 2</source>
        <translation>Email 2</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Мобильный</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>День рождения</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Лид</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Название компании</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие на обработку данных</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>Воронки</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Дата закрытия</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>Причина отказа</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнена</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>Офисы</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Конфликт</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Тип записи</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>Оставленное значение</translation>
    </message>
    <message>
        <source>Kept by replica</source>
        <translation>Реплика оставленного</translation>
    </message>
    <message>
        <source>Kept value time</source>
        <translation>Время оставленного</translation>
    </message>
    <message>
        <source>Lost value</source>
        <translation>Отброшенное значение</translation>
    </message>
    <message>
        <source>Lost by replica</source>
        <translation>Реплика отброшенного</translation>
    </message>
    <message>
        <source>Lost value time</source>
        <translation>Время отброшенного</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Решён</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Объединено с</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1: нужно значение</translation>
    </message>
    <message>
        <source>--token-ttl must be a positive number of seconds</source>
        <translation>--token-ttl: нужно положительное число секунд</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert и --tls-key указываются вместе</translation>
    </message>
    <message>
        <source>--listen HOST:PORT is required (port 0 picks a free one)</source>
        <translation>нужен --listen HOST:PORT (порт 0 — любой свободный)</translation>
    </message>
    <message>
        <source>give the password on standard input</source>
        <translation>передайте пароль на стандартный ввод</translation>
    </message>
    <message>
        <source>there is no user %1</source>
        <translation>пользователя %1 нет</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) revoked</source>
        <translation>
            <numerusform>отозван %n токен</numerusform>
            <numerusform>отозвано %n токена</numerusform>
            <numerusform>отозвано %n токенов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) reassigned</source>
        <translation>
            <numerusform>передана %n запись</numerusform>
            <numerusform>передано %n записи</numerusform>
            <numerusform>передано %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>the Qt Sql driver %1 is not installed</source>
        <translation>драйвер Qt Sql %1 не установлен</translation>
    </message>
    <message>
        <source>cannot open the database %1: %2</source>
        <translation>не удаётся открыть базу данных %1: %2</translation>
    </message>
    <message>
        <source>cannot create the server tables: %1</source>
        <translation>не удаётся создать таблицы сервера: %1</translation>
    </message>
    <message>
        <source>the role must be admin, manager or sales</source>
        <translation>роль должна быть admin, manager или sales</translation>
    </message>
    <message>
        <source>a login and a password are needed</source>
        <translation>нужны логин и пароль</translation>
    </message>
    <message>
        <source>the user %1 already exists</source>
        <translation>пользователь %1 уже существует</translation>
    </message>
    <message>
        <source>the user could not be stored</source>
        <translation>не удалось сохранить пользователя</translation>
    </message>
    <message>
        <source>the form token could not be stored</source>
        <translation>не удалось сохранить токен формы</translation>
    </message>
    <message>
        <source>give the upstream account&apos;s password in GAMIX_UPSTREAM_PASSWORD or on standard input</source>
        <translation>передайте пароль учётной записи вышестоящего сервера в GAMIX_UPSTREAM_PASSWORD или на стандартный ввод</translation>
    </message>
    <message>
        <source>--upstream must be an http:// or https:// address</source>
        <translation>--upstream должен быть адресом http:// или https://</translation>
    </message>
    <message>
        <source>cannot read a certificate from %1</source>
        <translation>не удаётся прочитать сертификат из %1</translation>
    </message>
    <message>
        <source>--upstream-interval must be a positive number of seconds</source>
        <translation>--upstream-interval: нужно положительное число секунд</translation>
    </message>
    <message>
        <source>--upstream and --upstream-login go together</source>
        <translation>--upstream и --upstream-login указываются вместе</translation>
    </message>
    <message>
        <source>user set needs --role or --office</source>
        <translation>для user set нужен --role или --office</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) left the user&apos;s view</source>
        <translation>
            <numerusform>%n запись вышла из области видимости пользователя</numerusform>
            <numerusform>%n записи вышли из области видимости пользователя</numerusform>
            <numerusform>%n записей вышли из области видимости пользователя</numerusform>
        </translation>
    </message>
    <message>
        <source>erase-person needs --email E, --phone P or --id ID</source>
        <translation>для erase-person нужен --email E, --phone P или --id ID</translation>
    </message>
    <message>
        <source>no contact or lead matches %1</source>
        <translation>ни один контакт или лид не соответствует %1</translation>
    </message>
    <message>
        <source>the erasure could not be stored; nothing was erased</source>
        <translation>не удалось сохранить удаление; ничего не удалено</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) erased</source>
        <translation>
            <numerusform>удалена %n запись</numerusform>
            <numerusform>удалены %n записи</numerusform>
            <numerusform>удалено %n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict record(s) erased</source>
        <translation>
            <numerusform>удалена %n запись о конфликте</numerusform>
            <numerusform>удалены %n записи о конфликтах</numerusform>
            <numerusform>удалено %n записей о конфликтах</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entry(ies) cleared</source>
        <translation>
            <numerusform>очищена %n запись журнала аудита</numerusform>
            <numerusform>очищены %n записи журнала аудита</numerusform>
            <numerusform>очищено %n записей журнала аудита</numerusform>
        </translation>
    </message>
    <message>
        <source>every replica purges them on its next sync</source>
        <translation>каждая реплика удалит их при следующей синхронизации</translation>
    </message>
    <message>
        <source>erased, but the storage could not be compacted (%1); run the command again when the server is idle</source>
        <translation>данные удалены, но хранилище не удалось сжать (%1); повторите команду, когда сервер не занят</translation>
    </message>
    <message>
        <source>the role must be admin, manager, sales or relay (an office server)</source>
        <translation>роль: admin, manager, sales или relay (сервер офиса)</translation>
    </message>
    <message>
        <source>the write-ahead log is in use by another connection</source>
        <translation>журнал предзаписи занят другим подключением</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>нет связи с %1: %2</translation>
    </message>
    <message>
        <source>the upstream server speaks another protocol version</source>
        <translation>у вышестоящего сервера другая версия протокола</translation>
    </message>
    <message>
        <source>the upstream refused the login %1 (%2)</source>
        <translation>вышестоящий сервер отклонил вход %1 (%2)</translation>
    </message>
    <message>
        <source>the upstream account %1 must have the role relay</source>
        <translation>учётная запись %1 на вышестоящем сервере должна иметь роль relay</translation>
    </message>
    <message>
        <source>the upstream refused the login token</source>
        <translation>вышестоящий сервер отклонил токен входа</translation>
    </message>
    <message>
        <source>the upstream keeps refusing relayed stamps as ahead of its clock; check the clocks</source>
        <translation>вышестоящий сервер продолжает отклонять пересылаемые отметки времени как опережающие его часы; проверьте часы</translation>
    </message>
    <message>
        <source>the upstream answered %1 for the directory</source>
        <translation>вышестоящий сервер ответил %1 на запрос справочника</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) updated from upstream</source>
        <translation>
            <numerusform>%n учётная запись обновлена с вышестоящего сервера</numerusform>
            <numerusform>%n учётные записи обновлены с вышестоящего сервера</numerusform>
            <numerusform>%n учётных записей обновлено с вышестоящего сервера</numerusform>
        </translation>
    </message>
    <message>
        <source>--inactive-days needs a number of days (0 or more)</source>
        <translation>--inactive-days: нужно число дней (0 или больше)</translation>
    </message>
    <message>
        <source>usage: prune-log [--inactive-days N]</source>
        <translation>использование: prune-log [--inactive-days N]</translation>
    </message>
    <message numerus="yes">
        <source>%n removal(s) pruned</source>
        <translation>
            <numerusform>удалена %n запись об удалении</numerusform>
            <numerusform>удалены %n записи об удалении</numerusform>
            <numerusform>удалено %n записей об удалении</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped record(s) forgotten</source>
        <translation>
            <numerusform>забыта %n отброшенная запись</numerusform>
            <numerusform>забыты %n отброшенные записи</numerusform>
            <numerusform>забыто %n отброшенных записей</numerusform>
        </translation>
    </message>
    <message>
        <source>this server relays to an upstream server: the erasure goes there on the relay&apos;s next round, and from there to every other office</source>
        <translation>этот сервер связан с вышестоящим: удаление уйдёт туда при следующем обмене, а оттуда — во все остальные офисы</translation>
    </message>
    <message>
        <source>the upstream answered %1 to an erasure made here; it is sent again on the next round</source>
        <translation>вышестоящий сервер ответил %1 на удаление, сделанное здесь; оно будет отправлено снова при следующем обмене</translation>
    </message>
    <message numerus="yes">
        <source>an erasure made here was carried out upstream: %n record(s)</source>
        <translation>
            <numerusform>удаление, сделанное здесь, выполнено на вышестоящем сервере: %n запись</numerusform>
            <numerusform>удаление, сделанное здесь, выполнено на вышестоящем сервере: %n записи</numerusform>
            <numerusform>удаление, сделанное здесь, выполнено на вышестоящем сервере: %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage:
  gamix-server [--data FILE | --database postgresql://USER@HOST:PORT/DB] --listen HOST:PORT
               [--tls-cert FILE --tls-key FILE] [--token-ttl SECONDS]
               [--upstream URL --upstream-login LOGIN [--upstream-interval SECONDS]
                [--upstream-ca-cert FILE]]
  gamix-server [--data FILE | --database URL] COMMAND

Commands:
  user add LOGIN --role admin|manager|sales|relay [--office NAME]   password on stdin
  user set LOGIN [--role ROLE] [--office NAME]
  user disable LOGIN | user enable LOGIN | token revoke LOGIN
  reassign FROM_LOGIN TO_LOGIN
  form-token add NAME [--office NAME]
  erase-person --email E | --phone P | --id ID
  prune-log [--inactive-days N]      prune removal logs every replica active in N days
                                     (default 30) has pulled past
  replicas                           list replicas: login, site, last seen (UTC), cursor
  forget-replica SITE                a replica that will never sync again stops holding
                                     back prune-log; if it syncs after all, what left its
                                     view meanwhile is removed from it

Without --data or --database the storage is gamix-server.sqlite in the current folder.</source>
        <translation>Использование:
  gamix-server [--data ФАЙЛ | --database postgresql://ПОЛЬЗОВАТЕЛЬ@ХОСТ:ПОРТ/БД] --listen ХОСТ:ПОРТ
               [--tls-cert ФАЙЛ --tls-key ФАЙЛ] [--token-ttl СЕКУНДЫ]
               [--upstream URL --upstream-login ЛОГИН [--upstream-interval СЕКУНДЫ]
                [--upstream-ca-cert ФАЙЛ]]
  gamix-server [--data ФАЙЛ | --database URL] КОМАНДА

Команды:
  user add ЛОГИН --role admin|manager|sales|relay [--office НАЗВАНИЕ]   пароль из stdin
  user set ЛОГИН [--role РОЛЬ] [--office НАЗВАНИЕ]
  user disable ЛОГИН | user enable ЛОГИН | token revoke ЛОГИН
  reassign ОТ_ЛОГИНА К_ЛОГИНУ
  form-token add ИМЯ [--office НАЗВАНИЕ]
  erase-person --email E | --phone P | --id ID
  prune-log [--inactive-days N]      очистить журналы удалений, которые прочитали все
                                     реплики, активные за N дней (по умолчанию 30)
  replicas                           список реплик: логин, сайт, последний обмен (UTC), курсор
  forget-replica SITE                реплика, которая больше не будет синхронизироваться,
                                     перестаёт задерживать prune-log; если она всё же
                                     выйдет на связь, из неё удалится то, что за это время
                                     покинуло её область видимости

Без --data и --database данные хранятся в gamix-server.sqlite в текущей папке.</translation>
    </message>
    <message>
        <source>usage: forget-replica SITE (a site from `replicas`)</source>
        <translation>использование: forget-replica SITE (сайт из вывода `replicas`)</translation>
    </message>
    <message>
        <source>unknown command: %1 (see --help)</source>
        <translation>неизвестная команда: %1 (см. --help)</translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s)</source>
        <translation>
            <numerusform>%n реплика</numerusform>
            <numerusform>%n реплики</numerusform>
            <numerusform>%n реплик</numerusform>
        </translation>
    </message>
    <message>
        <source>one that will never sync again can be forgotten (forget-replica SITE)</source>
        <translation>реплику, которая больше не выйдет на связь, можно забыть (forget-replica SITE)</translation>
    </message>
    <message>
        <source>%1 is not a site id (32 hexadecimal digits, see `replicas`)</source>
        <translation>%1 — не идентификатор сайта (32 шестнадцатеричные цифры, см. `replicas`)</translation>
    </message>
    <message>
        <source>no replica %1 is known to this server</source>
        <translation>реплика %1 этому серверу неизвестна</translation>
    </message>
    <message>
        <source>replica %1 forgotten: it no longer holds back prune-log; if it syncs again, what left its view meanwhile is removed from it</source>
        <translation>реплика %1 забыта: она больше не задерживает prune-log; если она снова выйдет на связь, из неё удалится то, что за это время покинуло её область видимости</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Квалификация</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Переговоры</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Закрытие</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database %1 was created by a newer version of Gamix (schema %2, this version understands up to %3). Update Gamix to open it.</source>
        <translation>База данных %1 создана более новой версией Gamix (схема %2, эта версия понимает схемы до %3). Обновите Gamix, чтобы открыть её.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Не удаётся создать папку %1</translation>
    </message>
    <message>
        <source>%1 is not a Gamix database or is damaged</source>
        <translation>%1 — не база данных Gamix или она повреждена</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file for the backup</source>
        <translation>%1 уже существует; выберите для резервной копии новый файл</translation>
    </message>
    <message>
        <source>Backup to %1 failed: %2</source>
        <translation>Не удалось создать резервную копию в %1: %2</translation>
    </message>
    <message>
        <source>%1 %2: %3 points to a missing record %4</source>
        <translation>%1 %2: %3 ссылается на несуществующую запись %4</translation>
    </message>
    <message>
        <source>%1: there is no such field in %2</source>
        <translation>%1: в %2 нет такого поля</translation>
    </message>
    <message>
        <source>stage_id: the stage belongs to another pipeline</source>
        <translation>stage_id: этап относится к другой воронке</translation>
    </message>
    <message>
        <source>%1: this field is required</source>
        <translation>%1: обязательное поле</translation>
    </message>
    <message>
        <source>%1: there is no %2 with id %3</source>
        <translation>%1: нет записи %2 с id %3</translation>
    </message>
    <message>
        <source>fill in at least one of: %1</source>
        <translation>заполните хотя бы одно из полей: %1</translation>
    </message>
    <message>
        <source>%1 records come from the server and cannot be changed here</source>
        <translation>записи %1 приходят с сервера, здесь их изменить нельзя</translation>
    </message>
    <message>
        <source>a %1 with id %2 already exists</source>
        <translation>запись %1 с id %2 уже существует</translation>
    </message>
    <message>
        <source>there is no %1 with id %2</source>
        <translation>нет записи %1 с id %2</translation>
    </message>
    <message>
        <source>%1 %2 is deleted; restore it first</source>
        <translation>%1 %2 удалена; сначала восстановите её</translation>
    </message>
    <message>
        <source>the database refused the change: %1</source>
        <translation>база данных отклонила изменение: %1</translation>
    </message>
    <message>
        <source>unknown field number %1 in %2</source>
        <translation>неизвестный номер поля %1 в %2</translation>
    </message>
    <message>
        <source>%1 records cannot be merged</source>
        <translation>записи типа %1 нельзя объединять</translation>
    </message>
    <message>
        <source>merge needs two different live %1 records</source>
        <translation>для объединения нужны две разные действующие записи типа %1</translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>Convert lead %1</source>
        <translation>конвертирование лида «%1»</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>создание записи: %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>удаление «%1»</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>изменение «%1»</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>перенос «%1» на этап «%2»</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>a record without entity or id</source>
        <translation>запись без сущности или id</translation>
    </message>
    <message>
        <source>%1 %2: fields must be an object</source>
        <translation>%1 %2: fields должно быть объектом</translation>
    </message>
    <message>
        <source>%1 %2: field %3 is not {v, hlc, site, prev}</source>
        <translation>%1 %2: поле %3 — не {v, hlc, site, prev}</translation>
    </message>
    <message>
        <source>the server refused the login token</source>
        <translation>сервер отклонил токен входа</translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation>ответ сервера: %1</translation>
    </message>
    <message>
        <source>%1 %2: %3 was refused (%4)</source>
        <translation>%1 %2: %3 отклонено (%4)</translation>
    </message>
    <message>
        <source>server</source>
        <translation>сервер</translation>
    </message>
    <message>
        <source>%1 %2 was refused: this account may not write it, so it is removed from this computer</source>
        <translation>%1 %2: сервер отклонил запись — этой учётной записи нельзя её изменять, поэтому она удалена с этого компьютера</translation>
    </message>
    <message>
        <source>%1 %2: %3 was refused by the central server after the office took it; the server&apos;s value is back and yours is kept as a conflict</source>
        <translation>%1 %2: центральный сервер отклонил изменение поля %3, уже принятое офисом; возвращено значение сервера, а ваше сохранено как конфликт</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>%1: “%2” is not an email address</source>
        <translation>%1: «%2» — не адрес электронной почты</translation>
    </message>
    <message>
        <source>%1: “%2” is not a Telegram username</source>
        <translation>%1: «%2» — не имя пользователя Telegram</translation>
    </message>
    <message>
        <source>%1: “%2” is not a date (use YYYY-MM-DD or DD.MM.YYYY)</source>
        <translation>%1: «%2» — не дата (используйте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)</translation>
    </message>
    <message>
        <source>%1: “%2” is not a date and time (use YYYY-MM-DDTHH:MM)</source>
        <translation>%1: «%2» — не дата и время (используйте ГГГГ-ММ-ДДTЧЧ:ММ)</translation>
    </message>
    <message>
        <source>%1: “%2” is not a date or a date and time</source>
        <translation>%1: «%2» — не дата и не дата со временем</translation>
    </message>
    <message>
        <source>%1: “%2” is not yes or no (use true or false)</source>
        <translation>%1: «%2» — не «да» и не «нет» (используйте true или false)</translation>
    </message>
    <message>
        <source>%1: “%2” is not a whole number</source>
        <translation>%1: «%2» — не целое число</translation>
    </message>
    <message>
        <source>%1: “%2” is not a percentage from 0 to 100</source>
        <translation>%1: «%2» — не процент от 0 до 100</translation>
    </message>
    <message>
        <source>%1: “%2” is not an amount of money (at most two decimals, e.g. 150000.50)</source>
        <translation>%1: «%2» — не денежная сумма (не больше двух знаков после запятой, например 150000.50)</translation>
    </message>
    <message>
        <source>%1: “%2” is not a currency code (e.g. RUB)</source>
        <translation>%1: «%2» — не код валюты (например, RUB)</translation>
    </message>
    <message>
        <source>%1: “%2” is not a record id</source>
        <translation>%1: «%2» — не идентификатор записи</translation>
    </message>
    <message>
        <source>%1: “%2” is not a valid INN (10 or 12 digits with correct check digits)</source>
        <translation>%1: «%2» — некорректный ИНН (нужно 10 или 12 цифр с верными контрольными цифрами)</translation>
    </message>
    <message>
        <source>%1: “%2” is not a valid KPP (9 characters)</source>
        <translation>%1: «%2» — некорректный КПП (нужно 9 символов)</translation>
    </message>
    <message>
        <source>%1: “%2” is not a valid OGRN (13 or 15 digits with a correct check digit)</source>
        <translation>%1: «%2» — некорректный ОГРН (нужно 13 или 15 цифр с верной контрольной цифрой)</translation>
    </message>
    <message>
        <source>%1: “%2” is not one of: %3</source>
        <translation>%1: «%2» — недопустимое значение; допустимые: %3</translation>
    </message>
</context>
<context>
    <name>gamix::CertificateDialog</name>
    <message>
        <source>Untrusted server certificate</source>
        <translation>Недоверенный сертификат сервера</translation>
    </message>
    <message>
        <source>The server %1 now presents a different certificate from the one you trusted before. This is expected after the administrator renewed it; otherwise someone may be intercepting the connection.</source>
        <translation>Сервер %1 теперь предъявляет не тот сертификат, которому вы доверяли раньше. Так бывает, когда администратор обновил сертификат; в противном случае кто-то может перехватывать соединение.</translation>
    </message>
    <message>
        <source>The server %1 presented a certificate that this computer does not trust, for example a self-signed one.</source>
        <translation>Сервер %1 предъявил сертификат, которому этот компьютер не доверяет, например самоподписанный.</translation>
    </message>
    <message>
        <source>Trust it only if its fingerprint is the one your administrator gave you.</source>
        <translation>Доверяйте ему, только если его отпечаток совпадает с тем, что дал вам администратор.</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Отпечаток SHA-256:</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Выдан:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Кем выдан:</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (истёк)</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Действителен до:</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>&amp;Доверять этому сертификату</translation>
    </message>
</context>
<context>
    <name>gamix::ConflictsView</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Текущее значение</translation>
    </message>
    <message>
        <source>Written by, when</source>
        <translation>Кто и когда записал</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Другое значение</translation>
    </message>
    <message>
        <source>These fields were edited in two places at once. The later edit was kept; you can keep it or restore the other value.</source>
        <translation>Эти поля изменили в двух местах одновременно. Сохранена более поздняя правка; её можно оставить или вернуть другое значение.</translation>
    </message>
    <message>
        <source>No conflicts: every edit arrived in order.</source>
        <translation>Конфликтов нет: все правки пришли по порядку.</translation>
    </message>
    <message>
        <source>&amp;Keep current</source>
        <translation>&amp;Оставить текущее</translation>
    </message>
    <message>
        <source>&amp;Restore the other value</source>
        <translation>&amp;Вернуть другое значение</translation>
    </message>
    <message>
        <source>Keep the current %1</source>
        <translation>сохранение текущего значения поля «%1»</translation>
    </message>
    <message>
        <source>Restore the other %1</source>
        <translation>восстановление другого значения поля «%1»</translation>
    </message>
    <message>
        <source>replica %1</source>
        <translation>реплика %1</translation>
    </message>
</context>
<context>
    <name>gamix::DateRangeDialog</name>
    <message>
        <source>Custom range</source>
        <translation>Свой период</translation>
    </message>
    <message>
        <source>Created from:</source>
        <translation>Созданы с:</translation>
    </message>
    <message>
        <source>to (inclusive):</source>
        <translation>по (включительно):</translation>
    </message>
</context>
<context>
    <name>gamix::DealBoard</name>
    <message>
        <source>Pipeline:</source>
        <translation>Воронка:</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n сделка</numerusform>
            <numerusform>%n сделки</numerusform>
            <numerusform>%n сделок</numerusform>
        </translation>
    </message>
    <message>
        <source>Close by %1</source>
        <translation>Закрытие до %1</translation>
    </message>
    <message>
        <source>Mark deal won</source>
        <translation>закрытие сделки как выигранной</translation>
    </message>
    <message>
        <source>Mark deal lost</source>
        <translation>закрытие сделки как проигранной</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Перенести на этап</translation>
    </message>
    <message>
        <source>Mark won</source>
        <translation>Отметить выигранной</translation>
    </message>
    <message>
        <source>Mark lost…</source>
        <translation>Отметить проигранной…</translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation>Сделка проиграна</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>Почему сделка проиграна?</translation>
    </message>
</context>
<context>
    <name>gamix::DuplicatesView</name>
    <message>
        <source>No duplicates to review.</source>
        <translation>Дубликатов для проверки нет.</translation>
    </message>
    <message>
        <source>Merge, keep &amp;first</source>
        <translation>Объединить, оставить &amp;первую</translation>
    </message>
    <message>
        <source>Merge, keep &amp;second</source>
        <translation>Объединить, оставить &amp;вторую</translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation>&amp;Не дубликаты</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Дубликаты</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>First record</source>
        <translation>Первая запись</translation>
    </message>
    <message>
        <source>Second record</source>
        <translation>Вторая запись</translation>
    </message>
    <message>
        <source>These records were entered on different computers and share an email, a phone or an INN. Merging keeps one record, fills its empty fields from the other and moves deals, tasks and notes over to it.</source>
        <translation>Эти записи внесены на разных компьютерах и совпадают по email, телефону или ИНН. При объединении остаётся одна запись: её пустые поля заполняются из другой, а сделки, задачи и заметки переносятся к ней.</translation>
    </message>
    <message>
        <source>The records could not be merged: %1</source>
        <translation>Не удалось объединить записи: %1</translation>
    </message>
</context>
<context>
    <name>gamix::ExportDialog</name>
    <message>
        <source>Export %1</source>
        <translation>Экспорт: %1</translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation>CSV для Excel</translation>
    </message>
    <message>
        <source>CSV data (UTF-8, comma, field names)</source>
        <translation>CSV-данные (UTF-8, запятая, имена полей)</translation>
    </message>
    <message>
        <source>vCard 3.0</source>
        <translation>vCard 3.0</translation>
    </message>
    <message>
        <source>vCard 4.0</source>
        <translation>vCard 4.0</translation>
    </message>
    <message>
        <source>iCalendar (VTODO)</source>
        <translation>iCalendar (VTODO)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <source>Windows-1251 (older Excel)</source>
        <translation>Windows-1251 (старые версии Excel)</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 с BOM</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Кодировка:</translation>
    </message>
    <message>
        <source>Only the current &amp;filtered view</source>
        <translation>Только текущий &amp;отфильтрованный список</translation>
    </message>
    <message>
        <source> (without the period filter)</source>
        <translation> (без фильтра по периоду)</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Ф&amp;айл:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n record(s) written</source>
        <translation>
            <numerusform>Экспорт… записана %n запись</numerusform>
            <numerusform>Экспорт… записаны %n записи</numerusform>
            <numerusform>Экспорт… записано %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>Файлы vCard (*.vcf)</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Файлы iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Экспортировать в</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>Ос&amp;тановить</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s) to %1.</source>
        <translation>
            <numerusform>Экспортирована %n запись в %1.</numerusform>
            <numerusform>Экспортированы %n записи в %1.</numerusform>
            <numerusform>Экспортировано %n записей в %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) did not fit the encoding and were written as “?”; choose UTF-8 to keep them.</source>
        <translation>
            <numerusform>%n символ не поместился в кодировку и записан как «?»; чтобы сохранить его, выберите UTF-8.</numerusform>
            <numerusform>%n символа не поместились в кодировку и записаны как «?»; чтобы сохранить их, выберите UTF-8.</numerusform>
            <numerusform>%n символов не поместились в кодировку и записаны как «?»; чтобы сохранить их, выберите UTF-8.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export stopped; the file was not written.</source>
        <translation>Экспорт остановлен; файл не записан.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Ошибка экспорта: %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
</context>
<context>
    <name>gamix::ImportDryRunPage</name>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>What the import will do. Nothing has been written yet.</source>
        <translation>Что сделает импорт. Пока ничего не записано.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Что произойдёт</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 to update, %4 already there, %5 with errors.</source>
        <translation>Строк: %1. Новых: %2, к обновлению: %3, уже есть: %4, с ошибками: %5.</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>не импортирована</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>пропущена</translation>
    </message>
    <message>
        <source>updates the record</source>
        <translation>обновит запись</translation>
    </message>
</context>
<context>
    <name>gamix::ImportDuplicatesPage</name>
    <message>
        <source>Records already there</source>
        <translation>Записи, которые уже есть</translation>
    </message>
    <message>
        <source>A row is the same record when its email, phone or INN is already in the database or earlier in the file.</source>
        <translation>Строка считается той же записью, если её email, телефон или ИНН уже есть в базе или выше в файле.</translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation>Пропустить строку</translation>
    </message>
    <message>
        <source>Update the existing record</source>
        <translation>Обновить существующую запись</translation>
    </message>
    <message>
        <source>Create a new record anyway</source>
        <translation>Всё равно создать новую запись</translation>
    </message>
    <message>
        <source>Updating fills the fields of the record that are empty. Fields checked below are replaced by the file&apos;s value as well (empty cells replace nothing).</source>
        <translation>При обновлении заполняются пустые поля записи. Отмеченные ниже поля также заменяются значением из файла (пустые ячейки ничего не заменяют).</translation>
    </message>
    <message>
        <source>When the record already exists:</source>
        <translation>Если запись уже существует:</translation>
    </message>
    <message>
        <source>Replace these fields:</source>
        <translation>Заменять эти поля:</translation>
    </message>
</context>
<context>
    <name>gamix::ImportMappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Which field each column fills. Columns left “to notes” are kept in the notes.</source>
        <translation>Какое поле заполняет каждый столбец. Столбцы с пометкой «в примечание» сохранятся в примечании.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Пример</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Save this mapping</source>
        <translation>Сохранить это сопоставление</translation>
    </message>
    <message>
        <source>Using the mapping you saved for this kind of file.</source>
        <translation>Используется сопоставление, сохранённое для таких файлов.</translation>
    </message>
    <message>
        <source>(to notes)</source>
        <translation>(в примечание)</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(пропустить)</translation>
    </message>
    <message>
        <source>Saved: files with these columns will be mapped the same way.</source>
        <translation>Сохранено: файлы с такими столбцами будут сопоставляться так же.</translation>
    </message>
</context>
<context>
    <name>gamix::ImportPreviewPage</name>
    <message>
        <source>How the file reads</source>
        <translation>Как читается файл</translation>
    </message>
    <message>
        <source>Detected automatically; change anything that looks wrong.</source>
        <translation>Определено автоматически; исправьте, если что-то не так.</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Определить</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <source>Recognise</source>
        <translation>Распознать</translation>
    </message>
    <message>
        <source>Recognise (03/04 = 4 March in US files)</source>
        <translation>Распознавать (03/04 = 4 марта в американских файлах)</translation>
    </message>
    <message>
        <source>Day first (03/04 = 3 April)</source>
        <translation>Сначала день (03/04 = 3 апреля)</translation>
    </message>
    <message>
        <source>Month first (03/04 = 4 March)</source>
        <translation>Сначала месяц (03/04 = 4 марта)</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Разделитель:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Dates like 03/04/2025:</source>
        <translation>Даты вида 03/04/2025:</translation>
    </message>
    <message>
        <source>Read as %1, delimiter “%2”, format: %3</source>
        <translation>Прочитано как %1, разделитель «%2», формат: %3</translation>
    </message>
    <message>
        <source>not recognised, columns matched by name</source>
        <translation>не распознан, столбцы сопоставлены по названиям</translation>
    </message>
</context>
<context>
    <name>gamix::ImportRunPage</name>
    <message>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>Stopped after %1 rows. Run the same import again to continue: rows already imported are recognised and skipped.</source>
        <translation>Остановлено, обработано строк: %1. Чтобы продолжить, запустите тот же импорт снова: уже импортированные строки будут распознаны и пропущены.</translation>
    </message>
    <message>
        <source>Done: %1 rows in %2 s.</source>
        <translation>Готово. Обработано строк: %1 за %2 с.</translation>
    </message>
    <message>
        <source>%1 created, %2 updated, %3 skipped, %4 not imported.</source>
        <translation>Создано: %1, обновлено: %2, пропущено: %3, не импортировано: %4.</translation>
    </message>
    <message>
        <source>The rows with errors are in %1: fix them there and import that file.</source>
        <translation>Строки с ошибками записаны в %1: исправьте их там и импортируйте этот файл.</translation>
    </message>
    <message>
        <source>-rejected</source>
        <translation>-ошибки</translation>
    </message>
</context>
<context>
    <name>gamix::ImportSourcePage</name>
    <message>
        <source>What to import</source>
        <translation>Что импортировать</translation>
    </message>
    <message>
        <source>A CSV file from Excel, Outlook, Google, amoCRM, Bitrix24, Pipedrive, HubSpot or Twenty.</source>
        <translation>CSV-файл из Excel, Outlook, Google, amoCRM, Битрикс24, Pipedrive, HubSpot или Twenty.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Import file</source>
        <translation>Файл для импорта</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;vCard (*.vcf);;All files (*)</source>
        <translation>Файлы CSV (*.csv *.txt);;vCard (*.vcf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Записи:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>A vCard file holds contacts.</source>
        <translation>Файл vCard содержит контакты.</translation>
    </message>
</context>
<context>
    <name>gamix::ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
</context>
<context>
    <name>gamix::ListPage</name>
    <message>
        <source>Filter %1 (Ctrl+F)</source>
        <translation>Фильтр: %1 (Ctrl+F)</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Все этапы</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполненные</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Все ответственные</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n запись</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Свой период…</translation>
    </message>
</context>
<context>
    <name>gamix::MainWindow</name>
    <message>
        <source>Gamix</source>
        <translation>Gamix</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная панель</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>&amp;Создать запись</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Open record</source>
        <translation>От&amp;крыть запись</translation>
    </message>
    <message>
        <source>&amp;Delete record</source>
        <translation>&amp;Удалить запись</translation>
    </message>
    <message>
        <source>&amp;Filter list</source>
        <translation>&amp;Фильтр списка</translation>
    </message>
    <message>
        <source>&amp;Search everything</source>
        <translation>&amp;Искать везде</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Deals as &amp;list</source>
        <translation>Сделки &amp;списком</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Список</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Gamix</source>
        <translation>&amp;О программе Gamix</translation>
    </message>
    <message>
        <source>About Gamix</source>
        <translation>О программе Gamix</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gamix %1&lt;/h3&gt;&lt;p&gt;A fast desktop CRM that works offline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gamix %1&lt;/h3&gt;&lt;p&gt;Быстрая настольная CRM, которая работает без интернета.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>Син&amp;хронизация</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Конфликты…</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Синхронизировать &amp;сейчас</translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation>&amp;Учётная запись…</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Ошибка синхронизации: %1</translation>
    </message>
    <message>
        <source>Sync is off (&lt;a href=&quot;account&quot;&gt;set up&lt;/a&gt;)</source>
        <translation>Синхронизация выключена (&lt;a href=&quot;account&quot;&gt;настроить&lt;/a&gt;)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Не в сети</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>синхронизировано в %1</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>ещё не синхронизировано</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n изменение к отправке</numerusform>
            <numerusform>%n изменения к отправке</numerusform>
            <numerusform>%n изменений к отправке</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n конфликт</numerusform>
            <numerusform>%n конфликта</numerusform>
            <numerusform>%n конфликтов</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync login</source>
        <translation>Вход для синхронизации</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Пароль для %1:</translation>
    </message>
    <message>
        <source>no keychain: login kept until Gamix quits</source>
        <translation>нет хранилища паролей: вход хранится до закрытия Gamix</translation>
    </message>
    <message>
        <source>&amp;Duplicates…</source>
        <translation>&amp;Дубликаты…</translation>
    </message>
</context>
<context>
    <name>gamix::RecordDialog</name>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Convert…</source>
        <translation>Конвертировать…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or YYYY-MM-DD HH:MM</source>
        <translation>ГГГГ-ММ-ДД или ГГГГ-ММ-ДД ЧЧ:ММ</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Новая запись: %1</translation>
    </message>
    <message>
        <source>What happened? Enter adds it</source>
        <translation>Что произошло? Enter — добавить</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>Связанные</translation>
    </message>
</context>
<context>
    <name>gamix::ReferencePicker</name>
    <message>
        <source>Type to search…</source>
        <translation>Начните вводить для поиска…</translation>
    </message>
    <message>
        <source>No match for “%1”</source>
        <translation>Ничего не найдено по «%1»</translation>
    </message>
    <message>
        <source>no single record is called “%1”: type part of its name and choose it from the list</source>
        <translation>нет единственной записи с названием «%1»: введите часть названия и выберите запись из списка</translation>
    </message>
</context>
<context>
    <name>gamix::ReminderService</name>
    <message>
        <source>Gamix</source>
        <translation>Gamix</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
</context>
<context>
    <name>gamix::SearchBox</name>
    <message>
        <source>Search everything (Ctrl+K)</source>
        <translation>Поиск по всему (Ctrl+K)</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Ничего не найдено</translation>
    </message>
</context>
<context>
    <name>gamix::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>A new language applies when Gamix starts again.</source>
        <translation>Новый язык применится после перезапуска Gamix.</translation>
    </message>
    <message>
        <source>Sync account</source>
        <translation>Учётная запись синхронизации</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>only to log in again</source>
        <translation>только для повторного входа</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>No keychain answered: the login is kept in memory until Gamix quits.</source>
        <translation>Хранилище паролей не ответило: вход хранится в памяти до закрытия Gamix.</translation>
    </message>
    <message>
        <source>The password is not saved; the login is kept in the system keychain.</source>
        <translation>Пароль не сохраняется; вход хранится в системном хранилище паролей.</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <source>The server address should look like https://crm.example.ru</source>
        <translation>Адрес сервера должен выглядеть так: https://crm.example.ru</translation>
    </message>
</context>
<context>
    <name>gamix::SyncClient</name>
    <message>
        <source>set the server address and the login first</source>
        <translation>сначала укажите адрес сервера и логин</translation>
    </message>
    <message>
        <source>the server address must start with https:// or http://</source>
        <translation>адрес сервера должен начинаться с https:// или http://</translation>
    </message>
    <message>
        <source>this database belongs to %1; start a new database to sync as %2</source>
        <translation>эта база принадлежит %1; чтобы синхронизироваться как %2, создайте новую базу</translation>
    </message>
    <message>
        <source>a password is needed to log in as %1</source>
        <translation>для входа как %1 нужен пароль</translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation>нет связи с %1: %2</translation>
    </message>
    <message>
        <source>the server speaks another protocol version; update Gamix (%1)</source>
        <translation>у сервера другая версия протокола; обновите Gamix (%1)</translation>
    </message>
    <message>
        <source>sync stopped</source>
        <translation>синхронизация остановлена</translation>
    </message>
    <message>
        <source>Logging in as %1</source>
        <translation>Вход как %1</translation>
    </message>
    <message>
        <source>wrong login or password</source>
        <translation>неверный логин или пароль</translation>
    </message>
    <message>
        <source>too many failed logins; try again in 15 minutes</source>
        <translation>слишком много неудачных попыток входа; попробуйте через 15 минут</translation>
    </message>
    <message>
        <source>the server answered %1 to the login</source>
        <translation>сервер ответил на вход: %1</translation>
    </message>
    <message>
        <source>this database belongs to another user; start a new database to sync as %1</source>
        <translation>эта база принадлежит другому пользователю; чтобы синхронизироваться как %1, создайте новую базу</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) now belong to %1</source>
        <translation>
            <numerusform>%n запись теперь принадлежит %1</numerusform>
            <numerusform>%n записи теперь принадлежат %1</numerusform>
            <numerusform>%n записей теперь принадлежат %1</numerusform>
        </translation>
    </message>
    <message>
        <source>the server refused the login token; log in again with the password</source>
        <translation>сервер отклонил токен входа; войдите снова с паролем</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n record(s)</source>
        <translation>
            <numerusform>Отправлена %n запись</numerusform>
            <numerusform>Отправлены %n записи</numerusform>
            <numerusform>Отправлено %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>the server keeps refusing our clock; check the date and time</source>
        <translation>сервер продолжает отклонять наше время; проверьте дату и время на компьютере</translation>
    </message>
    <message>
        <source>The computer&apos;s clock is ahead of the server&apos;s; changes re-stamped</source>
        <translation>Часы компьютера спешат относительно сервера; время изменений пересчитано</translation>
    </message>
    <message numerus="yes">
        <source>Received %n record(s)</source>
        <translation>
            <numerusform>Получена %n запись</numerusform>
            <numerusform>Получены %n записи</numerusform>
            <numerusform>Получено %n записей</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was restored from a backup; sending everything again</source>
        <translation>Сервер восстановлен из резервной копии; все данные отправляются заново</translation>
    </message>
    <message numerus="yes">
        <source>received %n record(s)</source>
        <translation>
            <numerusform>получена %n запись</numerusform>
            <numerusform>получены %n записи</numerusform>
            <numerusform>получено %n записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>сервер отклонил %n изменение</numerusform>
            <numerusform>сервер отклонил %n изменения</numerusform>
            <numerusform>сервер отклонил %n изменений</numerusform>
        </translation>
    </message>
    <message>
        <source>the certificate of %1 is not trusted on this computer</source>
        <translation>сертификату %1 этот компьютер не доверяет</translation>
    </message>
</context>
<context>
    <name>gamix::SyncController</name>
    <message>
        <source>Log in to %1 to sync</source>
        <translation>Войдите на %1 для синхронизации</translation>
    </message>
</context>
<context>
    <name>gamix::TasksPage</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просроченные</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Предстоящие</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполненные</translation>
    </message>
    <message>
        <source>high priority</source>
        <translation>высокий приоритет</translation>
    </message>
    <message>
        <source>Complete task</source>
        <translation>Выполнить задачу</translation>
    </message>
    <message>
        <source>Reopen task</source>
        <translation>Вернуть в работу</translation>
    </message>
</context>
<context>
    <name>gamix::TodayPage</name>
    <message>
        <source>Due today</source>
        <translation>На сегодня</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просроченные</translation>
    </message>
    <message>
        <source>Deals closing this month</source>
        <translation>Сделки, закрывающиеся в этом месяце</translation>
    </message>
    <message>
        <source>Pipeline by stage</source>
        <translation>Воронка по этапам</translation>
    </message>
    <message>
        <source>Nothing here — well done.</source>
        <translation>Здесь пусто — отличная работа.</translation>
    </message>
    <message>
        <source>No deals close this month.</source>
        <translation>В этом месяце сделок к закрытию нет.</translation>
    </message>
    <message>
        <source>Total open pipeline: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Всего в открытых сделках: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
</TS>
