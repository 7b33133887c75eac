#pragma once
// Deterministic generator of realistic Russian contacts and companies for the store
// benchmarks: names with patronymics in gender agreement (Иванов / Иванова, Сергеевич /
// Сергеевна), ё in some names, companies with valid 10-digit INNs, phones in the mixed
// formats people really type, transliterated emails, cities and positions. The same seed
// always yields the same rows, so a CSV written once and the rows fed to the store match.

#include <QString>

#include <cstdint>

class QIODevice;

namespace gamix::bench {

struct GeneratedCompany
{
    QString name; // ООО «Ромашка», АО "Вектор-Строй", …
    QString inn; // 10 digits with a valid check digit
    QString city;
};

struct GeneratedContact
{
    QString firstName, middleName, lastName;
    QString email, phone, mobile, city, position;
    int company = -1; // index into the company pool, -1 for none
};

class ContactGenerator
{
public:
    // companyCount: size of the company pool contacts point into (at least 1).
    explicit ContactGenerator(std::uint64_t seed, int companyCount);

    int companyCount() const { return m_companyCount; }
    // Company i of the pool; deterministic for (seed, i), independent of call order.
    GeneratedCompany company(int index) const;
    GeneratedContact next();

    // The contact CSV header and one RFC 4180 line (UTF-8, `,`, CRLF), company by name.
    static QByteArray csvHeader();
    static QByteArray csvLine(const GeneratedContact &c, const QString &companyName);

    // A valid legal-entity INN: region code, 7 digits, check digit.
    static QString makeInn(std::uint64_t randomBits);
    static QString transliterate(const QString &cyrillic);

    // splitmix64: fast and identical on every platform, unlike the std distributions.
    static std::uint64_t mix(std::uint64_t x);

private:
    std::uint64_t nextRandom();
    int below(int n) { return int(nextRandom() % std::uint64_t(n)); }
    QString phoneText(bool mobile);

    std::uint64_t m_seed;
    std::uint64_t m_state;
    int m_companyCount;
};

// Writes `count` contacts of ContactGenerator(seed, companyCount) as CSV; returns bytes.
qint64 writeContactsCsv(QIODevice &out, std::uint64_t seed, int companyCount, qint64 count);

} // namespace gamix::bench
