// Percent-decoding of request targets: path and query string.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace xinan::http {

// Decodes %XX escapes (and '+' as space when `plus_is_space`); nullopt for a malformed escape,
// or when the decoded text is not UTF-8 or holds a control character (a NUL byte among them).
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);

// Splits "a=1&b=%E5%BC%A0" into decoded pairs; malformed pairs are skipped.
std::map<std::string, std::string> ParseQuery(std::string_view query);

}  // namespace xinan::http
