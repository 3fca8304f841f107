// The one translation unit that compiles Boost.JSON (header-only mode).
#include <boost/json/src.hpp>

#include "common/json.h"

#include <cmath>
#include <limits>

#include "common/text.h"

namespace xinan {

Result<json::object> ParseObject(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return Status::Invalid("malformed_json", {}, ec.message());
  if (!v.is_object()) return Status::Invalid("malformed_json", {}, "body is not a JSON object");
  return std::move(v.as_object());
}

Result<std::optional<std::string>> OptionalString(const json::object& obj, std::string_view key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->value().is_null()) return std::optional<std::string>();
  if (!it->value().is_string()) return Status::InvalidField(std::string(key), "type_string");
  std::string_view text = it->value().as_string();
  if (HasControlCharacter(text)) return Status::InvalidField(std::string(key), "control_character");
  return std::optional<std::string>(std::string(text));
}

Result<std::string> StringOrEmpty(const json::object& obj, std::string_view key) {
  XINAN_ASSIGN_OR_RETURN(auto value, OptionalString(obj, key));
  return value.value_or("");
}

namespace {
std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}
}  // namespace

Result<std::string> RequiredString(const json::object& obj, std::string_view key) {
  XINAN_ASSIGN_OR_RETURN(auto value, OptionalString(obj, key));
  if (!value || Trim(*value).empty()) return Status::InvalidField(std::string(key), "required");
  return Trim(*value);
}

Result<std::optional<bool>> OptionalBool(const json::object& obj, std::string_view key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->value().is_null()) return std::optional<bool>();
  if (!it->value().is_bool()) return Status::InvalidField(std::string(key), "type_boolean");
  return std::optional<bool>(it->value().as_bool());
}

Result<std::optional<std::vector<std::string>>> OptionalStringArray(const json::object& obj,
                                                                    std::string_view key) {
  using Out = std::optional<std::vector<std::string>>;
  auto it = obj.find(key);
  if (it == obj.end() || it->value().is_null()) return Out();
  if (!it->value().is_array()) return Status::InvalidField(std::string(key), "type_string_array");
  std::vector<std::string> out;
  for (const auto& v : it->value().as_array()) {
    if (!v.is_string()) return Status::InvalidField(std::string(key), "type_string_array");
    if (HasControlCharacter(v.as_string())) return Status::InvalidField(std::string(key), "control_character");
    out.emplace_back(v.as_string());
  }
  return Out(std::move(out));
}

json::value WholeOrReal(double v) {
  if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<int64_t>(v);
  return v;
}

Result<std::optional<double>> OptionalNumber(const json::object& obj, std::string_view key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->value().is_null()) return std::optional<double>();
  const json::value& v = it->value();
  if (v.is_int64()) return std::optional<double>(static_cast<double>(v.as_int64()));
  if (v.is_uint64()) return std::optional<double>(static_cast<double>(v.as_uint64()));
  if (v.is_double()) return std::optional<double>(v.as_double());
  return Status::InvalidField(std::string(key), "type_number");
}

std::optional<int> IntIfInRange(const json::value& v) {
  if (!v.is_int64()) return std::nullopt;
  int64_t i = v.as_int64();
  if (i < std::numeric_limits<int>::min() || i > std::numeric_limits<int>::max()) return std::nullopt;
  return static_cast<int>(i);
}

Result<std::optional<int64_t>> OptionalInt(const json::object& obj, std::string_view key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->value().is_null()) return std::optional<int64_t>();
  if (!it->value().is_int64()) return Status::InvalidField(std::string(key), "type_integer");
  // Integer columns are 32 bits on PostgreSQL: a larger number would fail in the database.
  std::optional<int> small = IntIfInRange(it->value());
  if (!small) return Status::InvalidField(std::string(key), "number_out_of_range");
  return std::optional<int64_t>(*small);
}

Result<int64_t> RequiredVersion(const json::object& obj) {
  XINAN_ASSIGN_OR_RETURN(auto v, OptionalInt(obj, "version"));
  if (!v) return Status::InvalidField("version", "required");
  return *v;
}

std::string Serialize(const json::value& v) { return json::serialize(v); }

}  // namespace xinan
