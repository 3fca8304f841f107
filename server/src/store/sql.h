// SQL values and result rows shared by both engines. SQL text everywhere uses PostgreSQL's
// `$1, $2, …` placeholders; the SQLite engine translates them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace xinan::store {

// NULL, integer, real or text. Booleans are stored as 0/1 integers, instants as epoch millis.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;
using Params = std::vector<SqlValue>;

inline SqlValue Null() { return std::monostate{}; }
// Empty string becomes NULL: optional text fields.
inline SqlValue TextOrNull(const std::string& s) {
  return s.empty() ? SqlValue(std::monostate{}) : SqlValue(s);
}

class Row {
 public:
  explicit Row(std::vector<SqlValue> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  // Integer value; text is parsed, NULL is 0.
  int64_t Int(size_t i) const;
  // Real value; integers and text are converted, NULL is 0.
  double Real(size_t i) const;
  // Text value; integers are formatted, NULL is "".
  std::string Text(size_t i) const;
  const SqlValue& Value(size_t i) const { return values_.at(i); }

 private:
  std::vector<SqlValue> values_;
};

using Rows = std::vector<Row>;

enum class Engine { kSqlite, kPostgres };

// A map keyed by SQL text, looked up by string_view without copying the text (statement caches).
struct SqlTextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using SqlTextMap = std::unordered_map<std::string, V, SqlTextHash, std::equal_to<>>;

}  // namespace xinan::store
