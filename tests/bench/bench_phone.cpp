// Times the Russian fast path of phoneToE164 against libphonenumber on typical
// mixed-format Russian numbers. Usage: bench_phone [count], default 1,000,000 each.

#include "schema/PhoneNumber.h"

#include <QElapsedTimer>
#include <QTextStream>

#include <cstdint>
#include <random>

using namespace Qt::StringLiterals;

namespace {

// Numbers as they arrive from imports and forms: the common ranges in the usual styles.
QStringList typicalNumbers(int count)
{
    std::mt19937 rng(42);
    QStringList numbers;
    numbers.reserve(count);
    for (int i = 0; i < count; ++i) {
        QString national = QChar(u"9994834"[rng() % 7]);
        while (national.size() < 10)
            national += QChar(char16_t(u'0' + rng() % 10));
        const QString a = national.left(3), b = national.mid(3, 3), c = national.mid(6, 2), d = national.mid(8);
        switch (rng() % 6) {
        case 0:
            numbers << u"+7 ("_s + a + u") "_s + b + u'-' + c + u'-' + d;
            break;
        case 1:
            numbers << u"8 ("_s + a + u") "_s + b + u'-' + c + u'-' + d;
            break;
        case 2:
            numbers << u"8"_s + national;
            break;
        case 3:
            numbers << u"+7"_s + national;
            break;
        case 4:
            numbers << u"+7 "_s + a + u' ' + b + u' ' + c + u' ' + d;
            break;
        default:
            numbers << u"8-"_s + a + u'-' + b + u'-' + c + u'-' + d;
            break;
        }
    }
    return numbers;
}

// ns per number; the summed length keeps the compiler from discarding the work.
template<typename Function>
double nsPerNumber(const QStringList &sample, qint64 count, Function normalise, qint64 &checksum)
{
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < count; ++i)
        checksum += normalise(sample[i % sample.size()]).size();
    return double(timer.nsecsElapsed()) / double(count);
}

} // namespace

int main(int argc, char **argv)
{
    const qint64 count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    const QStringList sample = typicalNumbers(10'000);
    QTextStream out(stdout);

    for (const QString &number : sample) {
        if (gamix::phoneToE164(number) != gamix::phoneToE164Reference(number, u"RU")) {
            out << "disagreement on " << number << Qt::endl;
            return 1;
        }
    }

    qint64 fastChecksum = 0, referenceChecksum = 0;
    const double fast = nsPerNumber(
        sample, count, [](const QString &n) { return gamix::phoneToE164(n); }, fastChecksum);
    const double reference = nsPerNumber(
        sample, count, [](const QString &n) { return gamix::phoneToE164Reference(n, u"RU"); }, referenceChecksum);
    if (fastChecksum != referenceChecksum) {
        out << "checksums differ" << Qt::endl;
        return 1;
    }
    out << "phone fast path: " << qRound64(fast) << " ns/number; libphonenumber: " << qRound64(reference)
        << " ns/number; ratio " << QString::number(fast / reference, 'f', 4) << Qt::endl;
    return 0;
}
