// Text that may be stored: valid UTF-8 without control characters. JSON strings arrive as
// UTF-8 already (Boost.JSON checks), but may hold escaped control characters such as \u0000,
// which PostgreSQL cannot store in TEXT (libpq would cut the value at it) and SQLite would
// keep; uploaded CSV files may be in GB18030, which Excel on a Chinese Windows saves as "CSV".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xinan {

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool IsUtf8(std::string_view s);
// Characters (Unicode code points) of UTF-8 text: the bytes that do not continue a sequence.
size_t CodePoints(std::string_view s);
// The first `n` characters of UTF-8 text (whole sequences), or all of it when it is shorter.
std::string_view Utf8Prefix(std::string_view s, size_t n);
// Whether `s` holds a C0 control character other than tab, line feed and carriage return, or DEL.
bool HasControlCharacter(std::string_view s);
// `bytes` converted from GB18030 to UTF-8; nullopt when they are not GB18030 text.
// Uses glibc's iconv. Thread-safe.
std::optional<std::string> Gb18030ToUtf8(std::string_view bytes);

}  // namespace xinan
