// JSON helpers over Boost.JSON: typed field access that reports which field is wrong.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "common/result.h"

namespace xinan {

namespace json = boost::json;

// Parses `text` as a JSON object; "malformed_json" (kInvalidArgument) otherwise.
Result<json::object> ParseObject(std::string_view text);

// The string at obj[key]: nullopt when absent or null; "type_string" field error otherwise, and
// "control_character" when it holds one (common/text.h) — so do the helpers below.
Result<std::optional<std::string>> OptionalString(const json::object& obj, std::string_view key);
// The string at obj[key], "" when absent or null; "type_string" field error otherwise.
Result<std::string> StringOrEmpty(const json::object& obj, std::string_view key);
// Like OptionalString but absent/null/empty-after-trim is a "required" field error.
Result<std::string> RequiredString(const json::object& obj, std::string_view key);
// Optional bool; "type_boolean" field error when present with another type.
Result<std::optional<bool>> OptionalBool(const json::object& obj, std::string_view key);
// Optional array of strings; "type_string_array" field error otherwise.
Result<std::optional<std::vector<std::string>>> OptionalStringArray(const json::object& obj,
                                                                    std::string_view key);

// A number for output: an integer when it is whole (12, not Boost.JSON's 1.2E1), else a real.
json::value WholeOrReal(double v);

// Optional number (integer or real); "type_number" field error otherwise.
Result<std::optional<double>> OptionalNumber(const json::object& obj, std::string_view key);
// Optional integer; "type_integer" field error otherwise, "number_out_of_range" past int's range.
Result<std::optional<int64_t>> OptionalInt(const json::object& obj, std::string_view key);
// `v` as an int when it is an integer within int's range; nullopt otherwise (a real, a string,
// or a number such as 2^53 that a cast would wrap into a small, valid-looking one).
std::optional<int> IntIfInRange(const json::value& v);
// The required integer `version` of an update; "version"/"required" field error otherwise.
Result<int64_t> RequiredVersion(const json::object& obj);

std::string Serialize(const json::value& v);

}  // namespace xinan
