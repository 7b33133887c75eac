#pragma once
// Password hashing (argon2id via libsodium's crypto_pwhash_str) and random tokens.
// Tokens are stored only as their SHA-256: they are 256 random bits, so a fast hash is
// enough, and a leaked token table cannot be replayed.

#include <QByteArray>
#include <QString>

namespace gamix {

namespace PasswordHash {

// `interactive` limits suit a login; tests may use the minimum.
QString hash(const QString &password);
bool verify(const QString &hash, const QString &password);
QString randomToken(); // 64 hex digits
QString tokenDigest(const QString &token); // what the server stores

} // namespace PasswordHash

} // namespace gamix
