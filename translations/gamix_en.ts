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
</context>
<context>
    <name>Store</name>
    <message>
        <source>The database %1 was created by a newer version of Gamix (schema %2, this version understands up to %3). Update Gamix to open it.</source>
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
</context>
<context>
    <name>gamix::CliApp</name>
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
  csv inspect FILE [--limit N]
  conflicts
  backup FILE | check
Entities: %1</source>
        <translation type="unfinished"></translation>
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
</context>
<context>
    <name>gamix::MainWindow</name>
    <message>
        <source>Gamix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gamix::RecordChange</name>
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
</context>
<context>
    <name>gamix::Store</name>
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
</context>
</TS>
