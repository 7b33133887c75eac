#include "CaseFold.h"

#include "Sqlite.h"

#include <sqlite3.h>
#include <unicode/stringoptions.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

namespace gamix {

namespace {

bool isAscii(const unsigned char *p, int n)
{
    for (int i = 0; i < n; ++i) {
        if (p[i] >= 0x80)
            return false;
    }
    return true;
}

// lower(X) with full Unicode case folding. Called for every row an email index sees, so
// ASCII (nearly every address) never leaves UTF-8.
void lowerFunction(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const unsigned char *text = sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    const int n = sqlite3_value_bytes(argv[0]);
    if (isAscii(text, n)) {
        char small[256];
        QByteArray large;
        char *out = small;
        if (n > int(sizeof small)) {
            large.resize(n);
            out = large.data();
        }
        for (int i = 0; i < n; ++i) {
            const unsigned char c = text[i];
            out[i] = char(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        sqlite3_result_text(ctx, out, n, SQLITE_TRANSIENT);
        return;
    }
    const QByteArray folded = CaseFold::fold(QString::fromUtf8(reinterpret_cast<const char *>(text), n)).toUtf8();
    sqlite3_result_text(ctx, folded.constData(), int(folded.size()), SQLITE_TRANSIENT);
}

} // namespace

QString CaseFold::fold(QStringView text)
{
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return text.toString().toLower();
    // Full folding may lengthen the text (ß -> ss): ask ICU for the size when it does not fit.
    QString out(text.size() + 8, Qt::Uninitialized);
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = u_strFoldCase(reinterpret_cast<UChar *>(out.data()), int32_t(out.size()),
                                   reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()),
                                   U_FOLD_CASE_DEFAULT, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        out.resize(length);
        status = U_ZERO_ERROR;
        length = u_strFoldCase(reinterpret_cast<UChar *>(out.data()), int32_t(out.size()),
                               reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()), U_FOLD_CASE_DEFAULT,
                               &status);
    }
    if (U_FAILURE(status))
        return text.toString().toCaseFolded();
    out.resize(length);
    return out;
}

void CaseFold::install(SqliteDb &db)
{
    // Deterministic, so SQLite may use it in indexes; innocuous, so it may sit in the schema.
    const int rc
        = sqlite3_create_function_v2(db.handle(), "lower", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     nullptr, lowerFunction, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw SqliteError(QString::fromUtf8(sqlite3_errmsg(db.handle())), rc);
}

} // namespace gamix
