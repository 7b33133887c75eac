#include "ChangeSetReader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cstring>

namespace gamix {

namespace {

// Well-formed UTF-8 only (no overlong forms, surrogates or code points past U+10FFFF);
// noncharacters are refused too, so that anything a strict decoder might treat
// differently goes the slow way.
bool validUtf8(const uchar *s, qsizetype n)
{
    qsizetype i = 0;
    while (i < n) {
        const uchar c = s[i];
        if (c < 0x80) {
            if (c == 0x7f)
                return false;
            ++i;
            continue;
        }
        auto cont = [&](qsizetype k) {
            return i + k < n && (s[i + k] & 0xc0) == 0x80;
        };
        uint cp = 0;
        if (c < 0xc2) {
            return false;
        } else if (c < 0xe0) {
            if (!cont(1))
                return false;
            i += 2;
            continue;
        } else if (c < 0xf0) {
            if (!cont(1) || !cont(2) || (c == 0xe0 && s[i + 1] < 0xa0) || (c == 0xed && s[i + 1] >= 0xa0))
                return false;
            cp = (uint(c & 0x0f) << 12) | (uint(s[i + 1] & 0x3f) << 6) | uint(s[i + 2] & 0x3f);
            i += 3;
        } else if (c < 0xf5) {
            if (!cont(1) || !cont(2) || !cont(3) || (c == 0xf0 && s[i + 1] < 0x90) || (c == 0xf4 && s[i + 1] >= 0x90))
                return false;
            cp = (uint(c & 0x07) << 18) | (uint(s[i + 1] & 0x3f) << 12) | (uint(s[i + 2] & 0x3f) << 6)
                | uint(s[i + 3] & 0x3f);
            i += 4;
        } else {
            return false;
        }
        if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe)
            return false;
    }
    return true;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

struct Span
{
    const char *s = nullptr;
    qsizetype n = 0;
    bool plain = true; // no escapes

    bool is(const char *literal) const
    {
        const qsizetype len = qsizetype(std::strlen(literal));
        return plain && n == len && std::memcmp(s, literal, size_t(len)) == 0;
    }
};

class Parser
{
public:
    Parser(const char *begin, const char *end)
        : m_p(begin)
        , m_end(end)
    { }

    bool document(QList<RecordChange> *records, QJsonObject *members)
    {
        if (!eat('{'))
            return false;
        bool seen = false;
        QByteArray rest;
        if (!eat('}')) {
            for (;;) {
                ws();
                const char *memberStart = m_p;
                Span key;
                if (!rawString(&key) || !key.plain || !eat(':'))
                    return false;
                if (key.is("records")) {
                    if (seen || !recordArray(records))
                        return false;
                    seen = true;
                } else {
                    if (!skipValue(0))
                        return false;
                    if (!rest.isEmpty())
                        rest += ',';
                    rest.append(memberStart, m_p - memberStart);
                }
                if (eat(','))
                    continue;
                if (eat('}'))
                    break;
                return false;
            }
        }
        ws();
        if (m_p != m_end || !seen)
            return false;
        *members = QJsonObject();
        if (!rest.isEmpty()) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson('{' + rest + '}', &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject())
                return false;
            *members = doc.object();
        }
        return true;
    }

private:
    void ws()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool eat(char c)
    {
        ws();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    bool null()
    {
        ws();
        if (m_end - m_p < 4 || std::memcmp(m_p, "null", 4) != 0)
            return false;
        const char *after = m_p + 4;
        if (after < m_end && *after != ',' && *after != '}' && *after != ']' && *after != ' ' && *after != '\n'
            && *after != '\r' && *after != '\t')
            return false;
        m_p = after;
        return true;
    }

    // A string between quotes, as it stands in the text; control characters refused.
    bool rawString(Span *out)
    {
        ws();
        if (m_p >= m_end || *m_p != '"')
            return false;
        const char *s = ++m_p;
        bool plain = true;
        while (m_p < m_end) {
            const uchar c = uchar(*m_p);
            if (c == '"') {
                out->s = s;
                out->n = m_p - s;
                out->plain = plain;
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                plain = false;
                m_p += 2;
                continue;
            }
            ++m_p;
        }
        return false;
    }

    static bool decode(const Span &span, QString *out)
    {
        const uchar *s = reinterpret_cast<const uchar *>(span.s);
        if (span.plain) {
            if (!validUtf8(s, span.n))
                return false;
            *out = QString::fromUtf8(span.s, span.n);
            return true;
        }
        QString text;
        text.reserve(span.n);
        qsizetype run = 0;
        for (qsizetype i = 0; i < span.n;) {
            if (s[i] != '\\') {
                ++i;
                continue;
            }
            if (!validUtf8(s + run, i - run))
                return false;
            text += QString::fromUtf8(span.s + run, i - run);
            if (i + 1 >= span.n)
                return false;
            const char e = span.s[i + 1];
            i += 2;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                text += QLatin1Char(e);
                break;
            case 'b':
                text += QLatin1Char('\b');
                break;
            case 'f':
                text += QLatin1Char('\f');
                break;
            case 'n':
                text += QLatin1Char('\n');
                break;
            case 'r':
                text += QLatin1Char('\r');
                break;
            case 't':
                text += QLatin1Char('\t');
                break;
            case 'u': {
                if (i + 4 > span.n)
                    return false;
                uint cp = 0;
                for (int k = 0; k < 4; ++k) {
                    const int d = hexDigit(span.s[i + k]);
                    if (d < 0)
                        return false;
                    cp = cp * 16 + uint(d);
                }
                i += 4;
                // Surrogates, NUL and noncharacters: the slow way decides.
                if (cp == 0 || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xfdd0 && cp <= 0xfdef) || cp >= 0xfffe)
                    return false;
                text += QChar(char16_t(cp));
                break;
            }
            default:
                return false;
            }
            run = i;
        }
        if (!validUtf8(s + run, span.n - run))
            return false;
        text += QString::fromUtf8(span.s + run, span.n - run);
        *out = text;
        return true;
    }

    bool string(QString *out)
    {
        Span span;
        return rawString(&span) && decode(span, out);
    }

    // Field and entity names repeat in every record: one QString each, shared.
    bool name(const Span &span, QString *out)
    {
        if (!span.plain)
            return false;
        for (const auto &[raw, text] : std::as_const(m_names)) {
            if (raw.size() == span.n && std::memcmp(raw.constData(), span.s, size_t(span.n)) == 0) {
                *out = text;
                return true;
            }
        }
        for (qsizetype i = 0; i < span.n; ++i) {
            if (uchar(span.s[i]) >= 0x7f)
                return false; // not a name of ours
        }
        *out = QString::fromLatin1(span.s, span.n);
        if (m_names.size() < 64)
            m_names.append({QByteArray(span.s, span.n), *out});
        return true;
    }

    static bool hlc(const Span &span, quint64 *out)
    {
        if (!span.plain || span.n == 0 || span.n > 20)
            return false;
        quint64 v = 0;
        for (qsizetype i = 0; i < span.n; ++i) {
            const char c = span.s[i];
            if (c < '0' || c > '9')
                return false;
            const quint64 d = quint64(c - '0');
            if (v > (~quint64(0) - d) / 10)
                return false;
            v = v * 10 + d;
        }
        *out = v;
        return true;
    }

    static bool site(const Span &span, SiteId *out)
    {
        if (!span.plain || span.n != 32)
            return false;
        for (int i = 0; i < 16; ++i) {
            const int hi = hexDigit(span.s[2 * i]), lo = hexDigit(span.s[2 * i + 1]);
            if (hi < 0 || lo < 0)
                return false;
            (*out)[size_t(i)] = quint8(hi * 16 + lo);
        }
        return true;
    }

    // One "hlc" or "site" member of a clock (a clock object or a field), its key already read:
    // 1 taken, 0 not a clock member, -1 a repeat or a bad value.
    int clockMember(const Span &key, Clock *out, bool *hasHlc, bool *hasSite)
    {
        bool *seen = key.is("hlc") ? hasHlc : key.is("site") ? hasSite : nullptr;
        if (!seen)
            return 0;
        Span value;
        if (*seen || !rawString(&value))
            return -1;
        *seen = seen == hasHlc ? hlc(value, &out->hlc) : site(value, &out->site);
        return *seen ? 1 : -1;
    }

    // {"hlc": "digits", "site": "32 hex digits"}
    bool clock(Clock *out)
    {
        if (!eat('{'))
            return false;
        bool hasHlc = false, hasSite = false;
        for (;;) {
            Span key;
            if (!rawString(&key) || !eat(':') || clockMember(key, out, &hasHlc, &hasSite) <= 0)
                return false;
            if (eat(','))
                continue;
            if (eat('}'))
                break;
            return false;
        }
        return hasHlc && hasSite;
    }

    // {"v": "text" | null, "hlc": "...", "site": "...", "prev": {...} | null, "force": {...} | null}
    bool field(FieldChange *out)
    {
        if (!eat('{'))
            return false;
        bool hasV = false, hasHlc = false, hasSite = false, hasPrev = false, hasForce = false;
        if (eat('}'))
            return false;
        for (;;) {
            Span key;
            if (!rawString(&key) || !eat(':'))
                return false;
            const int member = clockMember(key, &out->clock, &hasHlc, &hasSite); // hlc, site
            if (member < 0)
                return false;
            if (member == 0 && key.is("v") && !hasV) {
                hasV = true;
                if (!null() && !string(&out->text))
                    return false;
            } else if (member == 0 && key.is("prev") && !hasPrev) {
                hasPrev = true;
                if (!null() && !clock(&out->prev))
                    return false;
            } else if (member == 0 && key.is("force") && !hasForce) {
                hasForce = true;
                if (!null() && !clock(&out->force))
                    return false;
            } else if (member == 0) {
                return false;
            }
            if (eat(','))
                continue;
            if (eat('}'))
                break;
            return false;
        }
        return hasHlc && hasSite;
    }

    bool fields(QList<FieldChange> *out)
    {
        if (!eat('{'))
            return false;
        if (eat('}'))
            return true;
        for (;;) {
            Span key;
            FieldChange f;
            if (!rawString(&key) || !name(key, &f.name) || !eat(':') || !field(&f))
                return false;
            out->append(std::move(f));
            if (eat(','))
                continue;
            if (eat('}'))
                break;
            return false;
        }
        // The order of a QJsonObject (sorted keys); a duplicate key goes the slow way.
        std::sort(out->begin(), out->end(), [](const FieldChange &a, const FieldChange &b) { return a.name < b.name; });
        for (qsizetype i = 1; i < out->size(); ++i) {
            if (out->at(i - 1).name == out->at(i).name)
                return false;
        }
        return true;
    }

    bool record(RecordChange *out)
    {
        if (!eat('{'))
            return false;
        bool hasEntity = false, hasId = false, hasFields = false;
        for (;;) {
            Span key;
            if (!rawString(&key) || !eat(':'))
                return false;
            if (key.is("entity") && !hasEntity) {
                Span value;
                hasEntity = true;
                if (!rawString(&value) || !name(value, &out->entity))
                    return false;
            } else if (key.is("id") && !hasId) {
                hasId = true;
                if (!string(&out->id))
                    return false;
            } else if (key.is("fields") && !hasFields) {
                hasFields = true;
                if (!fields(&out->fields))
                    return false;
            } else {
                return false;
            }
            if (eat(','))
                continue;
            if (eat('}'))
                break;
            return false;
        }
        if (!hasEntity || !hasId || !hasFields)
            return false;
        // RecordChange::fromJson's checks; a record it refuses goes the slow way.
        out->id = out->id.toLower(); // shares the string when nothing changes
        return !out->entity.isEmpty() && !out->id.isEmpty() && out->id.size() <= 64;
    }

    bool recordArray(QList<RecordChange> *out)
    {
        out->clear();
        if (!eat('['))
            return false;
        if (eat(']'))
            return true;
        for (;;) {
            RecordChange rc;
            if (!record(&rc))
                return false;
            out->append(std::move(rc));
            if (eat(','))
                continue;
            if (eat(']'))
                return true;
            return false;
        }
    }

    // Any other value: only its extent is found here; QJsonDocument checks it afterwards.
    bool skipValue(int depth)
    {
        ws();
        if (m_p >= m_end || depth > 64)
            return false;
        const char c = *m_p;
        if (c == '"') {
            Span s;
            return rawString(&s);
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_p;
            if (eat(close))
                return true;
            for (;;) {
                if (c == '{') {
                    Span key;
                    if (!rawString(&key) || !eat(':'))
                        return false;
                }
                if (!skipValue(depth + 1))
                    return false;
                if (eat(','))
                    continue;
                return eat(close);
            }
        }
        const char *start = m_p;
        while (m_p < m_end && *m_p != ',' && *m_p != '}' && *m_p != ']' && *m_p != ' ' && *m_p != '\n' && *m_p != '\r'
               && *m_p != '\t')
            ++m_p;
        return m_p != start;
    }

    const char *m_p;
    const char *m_end;
    QList<QPair<QByteArray, QString>> m_names;
};

} // namespace

bool ChangeSetReader::read(const QByteArray &json, QList<RecordChange> *records, QJsonObject *members)
{
    Parser parser(json.constData(), json.constData() + json.size());
    QList<RecordChange> parsed;
    QJsonObject rest;
    if (!parser.document(&parsed, &rest))
        return false;
    *records = std::move(parsed);
    *members = std::move(rest);
    return true;
}

} // namespace gamix
