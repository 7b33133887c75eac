#include "TextCodec.h"

#include <unicode/ucnv.h>

namespace gamix::TextCodec {

Form unicodeForm(const QByteArray &name)
{
    if (name == "utf-8")
        return Form::Utf8;
    if (name == "utf-16le" || name == "utf-16")
        return Form::Utf16LE;
    if (name == "utf-16be")
        return Form::Utf16BE;
    return Form::Other;
}

UConverter *openIcu(const QByteArray &name)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(name.constData(), &status);
    if (U_FAILURE(status)) {
        ucnv_close(converter);
        return nullptr;
    }
    return converter;
}

} // namespace gamix::TextCodec
