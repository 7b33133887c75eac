#pragma once
// The content-line syntax vCard (RFC 2426, RFC 6350) and iCalendar (RFC 5545) share:
// escaping of text values, folding of lines longer than 75 octets without splitting a
// UTF-8 sequence, unfolding, and splitting `GROUP.NAME;PARAM=a,b:value` into parts.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace gamix {

struct ContentLine
{
    QString name; // upper case, group dropped
    QHash<QString, QStringList> params; // upper-case names; TYPE values upper case
    QString value; // raw (still escaped)
    int line = 0; // physical line (1-based) where the content line begins

    bool hasType(const QString &type) const;
};

namespace VCardFormat {

// Escapes \ ; , and line breaks (`;` only where `semicolons`: compound values use it as
// a separator and escape each component).
QString escape(const QString &text, bool semicolons = true);
QString unescape(QStringView text);
// Splits a compound value at unescaped `sep` and unescapes each part.
QStringList splitComponents(QStringView value, QChar sep = u';');

// One content line as UTF-8 octets, folded at 75 octets, with CRLF.
QByteArray foldLine(const QString &line);

// Unfolds (CRLF or LF followed by a space or tab) and parses every line. vCard 2.1's
// QUOTED-PRINTABLE values (soft line breaks `=` at the end) are joined and decoded, with
// their CHARSET (UTF-8 or windows-1251).
QList<ContentLine> parse(const QByteArray &data);
// The physical lines parse() numbers (BOM dropped; CRLF, CR and LF all end a line),
// without their line ends: line N is element N - 1.
QList<QByteArray> physicalLines(const QByteArray &data);

} // namespace VCardFormat

} // namespace gamix
