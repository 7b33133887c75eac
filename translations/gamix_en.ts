<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Application</name>
    <message>
        <source>Open the database at PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gamix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gamix, a desktop CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill an empty database with demo data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill demo data when the database has no contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Gamix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a new, empty database. Fill it with demo data (Russian companies, contacts, deals and tasks) to look around?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>missing ENTITY (one of: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown entity “%1” (one of: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not field=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected</source>
        <translation>
            <numerusform>%n row rejected</numerusform>
            <numerusform>%n rows rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>there is no database at %1 (create one with: gamix-cli --db %1 init)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db needs a path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database ready: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown csv command; use: csv inspect FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command “%1” (see gamix-cli --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: get ENTITY ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no %1 with id %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: set ENTITY ID field=value...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: restore ENTITY ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: delete ENTITY ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--where needs field=value, not “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit needs a number, not “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option “%1” for list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: search TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: backup FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot import into “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option or missing value: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown preset “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown encoding “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--delimiter needs one character, “tab” or “auto”, not “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--map needs &apos;Header=field&apos;, not “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--map: “%1” is not a field of %2 (one of: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--on-duplicate is skip, update or create, not “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--batch needs a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a vCard file holds contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: %1 of %2 rows, %3 rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, delimiter “%3”, preset %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (columns matched by name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: columns that match no field go to the notes as “Column: value”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; save them with --rejects FILE, fix and import again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; written to %1 to fix and import again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: export ENTITY FILE [--format csv|vcard|ical] [--profile excel|data] [--encoding NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown entity “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format is csv, vcard or ical, not “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--profile is excel or data, not “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--vcard-version is 3 or 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 characters could not be written in %3 and became “?”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server needs a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--login needs a login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ca-cert needs a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown sync option “%1”; use: sync --server URL --login LOGIN [--password-stdin] [--ca-cert FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync needs --server URL and --login LOGIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a server address (https://HOST:PORT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read a certificate from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain is available (%1): give the password with --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no saved login for %1 at %2: give the password with --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain is available (%1): the login token was kept in memory for this run only</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: merge ENTITY KEEP_ID OTHER_ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: import ENTITY FILE [--preset auto|NAME] [--encoding auto|NAME] [--delimiter auto|CHAR] [--map &apos;Header=field&apos;]... [--date-format FMT] [--on-duplicate skip|update|create] [--update-fields FIELD,...] [--dry-run] [--rejects FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--update-fields: “%1” is not a field of %2 (one of: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--update-fields needs at least one field name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--update-fields needs --on-duplicate update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>--limit needs a number of rows, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--encoding needs auto or an encoding name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--delimiter needs auto or one character, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: csv inspect FILE [--limit N] [--json] [--encoding auto|NAME] [--delimiter auto|CHAR]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:  %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (with BOM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown encoding: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: a record longer than %2 characters (is a quote not closed?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2: bytes that are not valid %3 text (at byte %4 of the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2: a quoted field is not closed before the end of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2 fields where the header has %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown encoding “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard holds contacts only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar export holds tasks only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>company “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown preset “%1” (one of: auto, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate of %1; its fields are already filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fills %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaces %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card has no END:VCARD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>%1 rows, %2 rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadConverter</name>
    <message>
        <source>The lead no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead is already converted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preset</name>
    <message>
        <source>Gamix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amoCRM / Kommo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipedrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twenty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OGRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept by replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept value time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost by replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost value time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token-ttl must be a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--listen HOST:PORT is required (port 0 picks a free one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the password on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) revoked</source>
        <translation>
            <numerusform>%n token revoked</numerusform>
            <numerusform>%n tokens revoked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) reassigned</source>
        <translation>
            <numerusform>%n record reassigned</numerusform>
            <numerusform>%n records reassigned</numerusform>
        </translation>
    </message>
    <message>
        <source>the Qt Sql driver %1 is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the server tables: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the role must be admin, manager or sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a login and a password are needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user could not be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the form token could not be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the upstream account&apos;s password in GAMIX_UPSTREAM_PASSWORD or on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--upstream must be an http:// or https:// address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read a certificate from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--upstream-interval must be a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--upstream and --upstream-login go together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user set needs --role or --office</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) left the user&apos;s view</source>
        <translation>
            <numerusform>%n record left the user&apos;s view</numerusform>
            <numerusform>%n records left the user&apos;s view</numerusform>
        </translation>
    </message>
    <message>
        <source>erase-person needs --email E, --phone P or --id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no contact or lead matches %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the erasure could not be stored; nothing was erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) erased</source>
        <translation>
            <numerusform>%n record erased</numerusform>
            <numerusform>%n records erased</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict record(s) erased</source>
        <translation>
            <numerusform>%n conflict record erased</numerusform>
            <numerusform>%n conflict records erased</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit entry(ies) cleared</source>
        <translation>
            <numerusform>%n audit entry cleared</numerusform>
            <numerusform>%n audit entries cleared</numerusform>
        </translation>
    </message>
    <message>
        <source>every replica purges them on its next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>erased, but the storage could not be compacted (%1); run the command again when the server is idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the role must be admin, manager, sales or relay (an office server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the write-ahead log is in use by another connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream server speaks another protocol version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream refused the login %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream account %1 must have the role relay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream refused the login token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream keeps refusing relayed stamps as ahead of its clock; check the clocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream answered %1 for the directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) updated from upstream</source>
        <translation>
            <numerusform>%n account updated from upstream</numerusform>
            <numerusform>%n accounts updated from upstream</numerusform>
        </translation>
    </message>
    <message>
        <source>--inactive-days needs a number of days (0 or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: prune-log [--inactive-days N]</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n removal(s) pruned</source>
        <translation>
            <numerusform>%n removal pruned</numerusform>
            <numerusform>%n removals pruned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped record(s) forgotten</source>
        <translation>
            <numerusform>%n dropped record forgotten</numerusform>
            <numerusform>%n dropped records forgotten</numerusform>
        </translation>
    </message>
    <message>
        <source>this server relays to an upstream server: the erasure goes there on the relay&apos;s next round, and from there to every other office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upstream answered %1 to an erasure made here; it is sent again on the next round</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>an erasure made here was carried out upstream: %n record(s)</source>
        <translation>
            <numerusform>an erasure made here was carried out upstream: %n record</numerusform>
            <numerusform>an erasure made here was carried out upstream: %n records</numerusform>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: forget-replica SITE (a site from `replicas`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command: %1 (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s)</source>
        <translation>
            <numerusform>%n replica</numerusform>
            <numerusform>%n replicas</numerusform>
        </translation>
    </message>
    <message>
        <source>one that will never sync again can be forgotten (forget-replica SITE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a site id (32 hexadecimal digits, see `replicas`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no replica %1 is known to this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replica %1 forgotten: it no longer holds back prune-log; if it syncs again, what left its view meanwhile is removed from it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database %1 was created by a newer version of Gamix (schema %2, this version understands up to %3). Update Gamix to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Gamix database or is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file for the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3 points to a missing record %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no such field in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage_id: the stage belongs to another pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: this field is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: there is no %2 with id %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill in at least one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records come from the server and cannot be changed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 with id %2 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no %1 with id %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is deleted; restore it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database refused the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field number %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records cannot be merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge needs two different live %1 records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>Convert lead %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>a record without entity or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: fields must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: field %3 is not {v, hlc, site, prev}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the login token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3 was refused (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 was refused: this account may not write it, so it is removed from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3 was refused by the central server after the office took it; the server&apos;s value is back and yours is kept as a conflict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>%1: “%2” is not an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a Telegram username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a date (use YYYY-MM-DD or DD.MM.YYYY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a date and time (use YYYY-MM-DDTHH:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a date or a date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not yes or no (use true or false)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a percentage from 0 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not an amount of money (at most two decimals, e.g. 150000.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a currency code (e.g. RUB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a valid INN (10 or 12 digits with correct check digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a valid KPP (9 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a valid OGRN (13 or 15 digits with a correct check digit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not one of: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::CertificateDialog</name>
    <message>
        <source>Untrusted server certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 now presents a different certificate from the one you trusted before. This is expected after the administrator renewed it; otherwise someone may be intercepting the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 presented a certificate that this computer does not trust, for example a self-signed one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust it only if its fingerprint is the one your administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ConflictsView</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by, when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These fields were edited in two places at once. The later edit was kept; you can keep it or restore the other value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts: every edit arrived in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore the other value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the current %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the other %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replica %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::DateRangeDialog</name>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to (inclusive):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::DealBoard</name>
    <message>
        <source>Pipeline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n deal</numerusform>
            <numerusform>%n deals</numerusform>
        </translation>
    </message>
    <message>
        <source>Close by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark deal won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark deal lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark lost…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::DuplicatesView</name>
    <message>
        <source>No duplicates to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge, keep &amp;first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge, keep &amp;second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These records were entered on different computers and share an email, a phone or an INN. Merging keeps one record, fills its empty fields from the other and moves deals, tasks and notes over to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records could not be merged: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ExportDialog</name>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV data (UTF-8, comma, field names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard 3.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard 4.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar (VTODO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows-1251 (older Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the current &amp;filtered view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (without the period filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n record(s) written</source>
        <translation>
            <numerusform>Exporting… %n record written</numerusform>
            <numerusform>Exporting… %n records written</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s) to %1.</source>
        <translation>
            <numerusform>Exported %n record to %1.</numerusform>
            <numerusform>Exported %n records to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) did not fit the encoding and were written as “?”; choose UTF-8 to keep them.</source>
        <translation>
            <numerusform>%n character did not fit the encoding and was written as “?”; choose UTF-8 to keep it.</numerusform>
            <numerusform>%n characters did not fit the encoding and were written as “?”; choose UTF-8 to keep them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export stopped; the file was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ImportDryRunPage</name>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the import will do. Nothing has been written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 to update, %4 already there, %5 with errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updates the record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ImportDuplicatesPage</name>
    <message>
        <source>Records already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row is the same record when its email, phone or INN is already in the database or earlier in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update the existing record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new record anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating fills the fields of the record that are empty. Fields checked below are replaced by the file&apos;s value as well (empty cells replace nothing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the record already exists:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace these fields:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ImportMappingPage</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which field each column fills. Columns left “to notes” are kept in the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the mapping you saved for this kind of file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(to notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: files with these columns will be mapped the same way.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ImportPreviewPage</name>
    <message>
        <source>How the file reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected automatically; change anything that looks wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise (03/04 = 4 March in US files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day first (03/04 = 3 April)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month first (03/04 = 4 March)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates like 03/04/2025:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as %1, delimiter “%2”, format: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recognised, columns matched by name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ImportRunPage</name>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after %1 rows. Run the same import again to continue: rows already imported are recognised and skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 rows in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 created, %2 updated, %3 skipped, %4 not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rows with errors are in %1: fix them there and import that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ImportSourcePage</name>
    <message>
        <source>What to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file from Excel, Outlook, Google, amoCRM, Bitrix24, Pipedrive, HubSpot or Twenty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;vCard (*.vcf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vCard file holds contacts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ImportWizard</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ListPage</name>
    <message>
        <source>Filter %1 (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::MainWindow</name>
    <message>
        <source>Gamix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deals as &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Gamix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Gamix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gamix %1&lt;/h3&gt;&lt;p&gt;A fast desktop CRM that works offline.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is off (&lt;a href=&quot;account&quot;&gt;set up&lt;/a&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain: login kept until Gamix quits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duplicates…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::RecordDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD or YYYY-MM-DD HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened? Enter adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ReferencePicker</name>
    <message>
        <source>Type to search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no single record is called “%1”: type part of its name and choose it from the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::ReminderService</name>
    <message>
        <source>Gamix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::SearchBox</name>
    <message>
        <source>Search everything (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when Gamix starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only to log in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain answered: the login is kept in memory until Gamix quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not saved; the login is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address should look like https://crm.example.ru</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::SyncClient</name>
    <message>
        <source>set the server address and the login first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server address must start with https:// or http://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this database belongs to %1; start a new database to sync as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a password is needed to log in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server speaks another protocol version; update Gamix (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong login or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many failed logins; try again in 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered %1 to the login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this database belongs to another user; start a new database to sync as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) now belong to %1</source>
        <translation>
            <numerusform>%n record now belongs to %1</numerusform>
            <numerusform>%n records now belong to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>the server refused the login token; log in again with the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent %n record(s)</source>
        <translation>
            <numerusform>Sent %n record</numerusform>
            <numerusform>Sent %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>the server keeps refusing our clock; check the date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer&apos;s clock is ahead of the server&apos;s; changes re-stamped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Received %n record(s)</source>
        <translation>
            <numerusform>Received %n record</numerusform>
            <numerusform>Received %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was restored from a backup; sending everything again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>received %n record(s)</source>
        <translation>
            <numerusform>received %n record</numerusform>
            <numerusform>received %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>%n change refused by the server</numerusform>
            <numerusform>%n changes refused by the server</numerusform>
        </translation>
    </message>
    <message>
        <source>the certificate of %1 is not trusted on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::SyncController</name>
    <message>
        <source>Log in to %1 to sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::TasksPage</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::TodayPage</name>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deals closing this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline by stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here — well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deals close this month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total open pipeline: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
