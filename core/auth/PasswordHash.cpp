#include "PasswordHash.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace gamix {

namespace PasswordHash {

namespace {

void initSodium()
{
    static const int ok = sodium_init();
    Q_UNUSED(ok);
}

} // namespace

QString hash(const QString &password)
{
    initSodium();
    const QByteArray pw = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pw.constData(), quint64(pw.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return QString();
    return QString::fromLatin1(out);
}

bool verify(const QString &hash, const QString &password)
{
    initSodium();
    const QByteArray h = hash.toLatin1();
    const QByteArray pw = password.toUtf8();
    return !h.isEmpty() && crypto_pwhash_str_verify(h.constData(), pw.constData(), quint64(pw.size())) == 0;
}

QString randomToken()
{
    initSodium();
    unsigned char buf[32];
    randombytes_buf(buf, sizeof buf);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(buf), sizeof buf).toHex());
}

QString tokenDigest(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace PasswordHash

} // namespace gamix
