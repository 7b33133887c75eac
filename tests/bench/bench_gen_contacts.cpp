// Writes N realistic Russian contacts as a CSV the way a Russian Excel user hands it over:
// Windows-1251, `;`, CRLF, Russian headers, phones in mixed formats, companies by name,
// dd.MM.yyyy birthdays, some notes. Used by tests/bench/import.sh.
//
//   bench_gen_contacts [--count N] [--seed S] [--output FILE]   (stdout without --output)

#include "ContactGenerator.h"
#include "io/TextEncoder.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <cstdio>

using namespace gamix;

namespace {

void appendCell(QString &line, const QString &cell)
{
    if (cell.contains(u';') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r')) {
        line += u'"';
        line += QString(cell).replace(QStringLiteral("\""), QStringLiteral("\"\""));
        line += u'"';
    } else {
        line += cell;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qint64 count = 1000000;
    quint64 seed = 42;
    QString output;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--count")
            count = args.at(++i).toLongLong();
        else if (args.at(i) == u"--seed")
            seed = args.at(++i).toULongLong();
        else if (args.at(i) == u"--output")
            output = args.at(++i);
    }
    bench::ContactGenerator gen(seed, int(std::max<qint64>(1, count / 20)));
    QList<QString> companies(gen.companyCount());
    for (int i = 0; i < gen.companyCount(); ++i)
        companies[i] = gen.company(i).name;
    static const char16_t *const notes[] = {u"Просил перезвонить после 15:00", u"Скидка 5%; оплата по счёту",
                                            u"Встреча на выставке \"Экспо\"", u"Предпочитает почту"};
    TextEncoder encoder("windows-1251");
    QFile out(output);
    if (output.isEmpty() ? !out.open(stdout, QIODevice::WriteOnly) : !out.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "bench_gen_contacts: cannot write %s\n", qPrintable(output));
        return 1;
    }
    QString text;
    QByteArray bytes;
    text.reserve(1 << 20);
    text += QStringLiteral("Фамилия;Имя;Отчество;Email;Телефон;Мобильный телефон;Город;Должность;Компания;"
                           "Дата рождения;Комментарий\r\n");
    for (qint64 n = 0; n < count; ++n) {
        const bench::GeneratedContact c = gen.next();
        const quint64 r = bench::ContactGenerator::mix(seed ^ quint64(n));
        appendCell(text, c.lastName);
        text += u';';
        appendCell(text, c.firstName);
        text += u';';
        appendCell(text, c.middleName);
        text += u';';
        // The generator's emails repeat across a million people (kalinin.p@inbox.ru); real
        // files hold one person per address, so make each unique, or the import would
        // (rightly) skip the repeats as duplicates and do less work than the reference.
        if (!c.email.isEmpty()) {
            const qsizetype at = c.email.indexOf(u'@');
            appendCell(text, c.email.left(at) + QString::number(n) + c.email.mid(at));
        }
        text += u';';
        appendCell(text, c.phone);
        text += u';';
        appendCell(text, c.mobile);
        text += u';';
        appendCell(text, c.city);
        text += u';';
        appendCell(text, c.position);
        text += u';';
        if (c.company >= 0)
            appendCell(text, companies.at(c.company));
        text += u';';
        if (r % 10 < 7) {
            const int day = int((r >> 8) % 28) + 1, month = int((r >> 16) % 12) + 1, year = 1950 + int((r >> 24) % 55);
            text += QStringLiteral("%1.%2.%3")
                        .arg(day, 2, 10, QLatin1Char('0'))
                        .arg(month, 2, 10, QLatin1Char('0'))
                        .arg(year);
        }
        text += u';';
        if (r % 5 == 0)
            appendCell(text, QString::fromUtf16(notes[(r >> 32) % 4]));
        text += QStringLiteral("\r\n");
        if (text.size() > (1 << 20) - 4096) {
            bytes.resize(0);
            encoder.encode(text, bytes);
            out.write(bytes);
            text.resize(0);
        }
    }
    bytes.resize(0);
    encoder.encode(text, bytes);
    encoder.finish(bytes);
    out.write(bytes);
    return 0;
}
