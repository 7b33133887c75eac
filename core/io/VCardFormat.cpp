#include "VCardFormat.h"

#include "TextDecoder.h"

namespace gamix {

bool ContentLine::hasType(const QString &type) const
{
    for (const QString &t : params.value(QStringLiteral("TYPE"))) {
        if (t.compare(type, Qt::CaseInsensitive) == 0)
            return true;
    }
    // vCard 2.1 writes bare parameters: TEL;CELL:...
    return params.contains(type.toUpper());
}

namespace VCardFormat {

QString escape(const QString &text, bool semicolons)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\')
            out += QLatin1String("\\\\");
        else if (c == u',')
            out += QLatin1String("\\,");
        else if (c == u';' && semicolons)
            out += QLatin1String("\\;");
        else if (c == u'\r') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            out += QLatin1String("\\n");
        } else if (c == u'\n')
            out += QLatin1String("\\n");
        else
            out += c;
    }
    return out;
}

QString unescape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            const QChar n = text.at(++i);
            out += (n == u'n' || n == u'N') ? QChar(u'\n') : n;
        } else {
            out += c;
        }
    }
    return out;
}

QStringList splitComponents(QStringView value, QChar sep)
{
    QStringList out;
    qsizetype start = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == u'\\') {
            ++i;
            continue;
        }
        if (value.at(i) == sep) {
            out << unescape(value.mid(start, i - start));
            start = i + 1;
        }
    }
    out << unescape(value.mid(start));
    return out;
}

QByteArray foldLine(const QString &line)
{
    const QByteArray utf8 = line.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + utf8.size() / 70 * 3 + 2);
    qsizetype pos = 0;
    int limit = 75; // octets on the first line; continuation lines spend one on the space
    while (utf8.size() - pos > limit) {
        qsizetype cut = pos + limit;
        // Never split a UTF-8 sequence: back up to the start of a character.
        while (cut > pos && (uchar(utf8.at(cut)) & 0xC0) == 0x80)
            --cut;
        out.append(utf8.constData() + pos, cut - pos);
        out.append("\r\n ");
        pos = cut;
        limit = 74;
    }
    out.append(utf8.constData() + pos, utf8.size() - pos);
    out.append("\r\n");
    return out;
}

namespace {

QByteArray decodeQuotedPrintable(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '=' && i + 2 < in.size()) {
            bool ok = false;
            const int v = in.mid(i + 1, 2).toInt(&ok, 16);
            if (ok) {
                out.append(char(v));
                i += 2;
                continue;
            }
        }
        out.append(c);
    }
    return out;
}

ContentLine parseLine(const QByteArray &raw, bool *quotedPrintable)
{
    ContentLine line;
    // name;params:value — the first ':' outside quotes ends the parameters.
    qsizetype colon = -1;
    bool quoted = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == '"')
            quoted = !quoted;
        else if (raw.at(i) == ':' && !quoted) {
            colon = i;
            break;
        }
    }
    if (colon < 0)
        return line;
    const QList<QByteArray> head = raw.left(colon).split(';');
    QString name = QString::fromUtf8(head.value(0)).toUpper();
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot >= 0)
        name = name.mid(dot + 1); // item1.TEL
    line.name = name;
    for (int k = 1; k < head.size(); ++k) {
        const QString p = QString::fromUtf8(head.at(k));
        const qsizetype eq = p.indexOf(u'=');
        const QString key = (eq < 0 ? (p.contains(u'-') ? p : QStringLiteral("TYPE")) : p.left(eq)).toUpper();
        QString values = eq < 0 ? p : p.mid(eq + 1);
        values.remove(u'"');
        for (const QString &v : values.split(u','))
            line.params[key] << (key == u"TYPE" || key == u"ENCODING" ? v.toUpper() : v);
    }
    *quotedPrintable = line.params.value(QStringLiteral("ENCODING")).contains(QStringLiteral("QUOTED-PRINTABLE"))
        || line.params.value(QStringLiteral("TYPE")).contains(QStringLiteral("QUOTED-PRINTABLE"));
    QByteArray value = raw.mid(colon + 1);
    if (*quotedPrintable)
        value = decodeQuotedPrintable(value);
    const QString charset = line.params.value(QStringLiteral("CHARSET")).value(0).toLower();
    if (!charset.isEmpty() && charset != u"utf-8") {
        TextDecoder decoder(charset.toLatin1(), false);
        if (decoder.isValid()) {
            decoder.decode(value, line.value, true);
            return line;
        }
    }
    line.value = QString::fromUtf8(value);
    return line;
}

} // namespace

QList<QByteArray> physicalLines(const QByteArray &input)
{
    QByteArray data = input;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    data.replace("\r\n", "\n");
    data.replace('\r', '\n');
    return data.split('\n');
}

QList<ContentLine> parse(const QByteArray &input)
{
    const QList<QByteArray> physical = physicalLines(input);
    QList<ContentLine> out;
    QByteArray current;
    int currentLine = 0;
    bool qpSoftBreak = false;
    auto flush = [&]() {
        if (current.trimmed().isEmpty())
            return;
        bool qp = false;
        ContentLine line = parseLine(current, &qp);
        line.line = currentLine;
        if (!line.name.isEmpty())
            out << line;
    };
    for (int i = 0; i < physical.size(); ++i) {
        const QByteArray &l = physical.at(i);
        if (qpSoftBreak) {
            current.chop(1); // the '=' soft break
            current += l;
        } else if (!l.isEmpty() && (l.at(0) == ' ' || l.at(0) == '\t')) {
            current += l.mid(1);
        } else {
            flush();
            current = l;
            currentLine = i + 1;
        }
        qpSoftBreak = current.endsWith('=') && current.toUpper().contains("QUOTED-PRINTABLE");
    }
    flush();
    return out;
}

} // namespace VCardFormat

} // namespace gamix
