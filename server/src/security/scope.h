// Scope: the data-scope condition every query over person-bearing tables carries.
// A user sees the records of the own org unit and everything below it (BRIEF §2): the
// condition is a prefix match on the owning unit's materialised path. Built here, in one
// place; a store query that lists or reads such records without it is a bug.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "security/principal.h"
#include "store/sql.h"

namespace xinan::security {

class Scope {
 public:
  // The scope of the principal's unit.
  static Scope Of(const Principal& p) { return Scope(p.unit_path, p.user_id); }
  // A scope rooted at `unit_path` with no user (CLI tools, tests).
  static Scope AtPath(std::string unit_path) { return Scope(std::move(unit_path), ""); }

  // "(<column> >= $n AND <column> < $m)": the paths that start with the scope's path, as a
  // range both engines answer from a plain index (paths end in '/', and '0' follows '/').
  // PostgreSQL keeps path columns in the "C" collation so the range is byte order there too.
  // For a village (IsVillage) the range holds one path, so the condition is "<column> = $n":
  // the same rows, and a list ordered by time then comes from an index on (path, time) in
  // order. With the range, PostgreSQL's generic plan of a prepared list guessed the range's
  // selectivity and walked the time index backwards past every newer row of other units
  // (pgbench, a village of 136 in 68k residents: 137-160 lists/s against 6,300 with the
  // equality).
  std::string Condition(std::string_view column, store::Params& params) const {
    std::string col(column);
    params.emplace_back(unit_path_);
    std::string lo = "$" + std::to_string(params.size());
    if (IsVillage()) return col + " = " + lo;
    params.emplace_back(UpperBound());
    std::string hi = "$" + std::to_string(params.size());
    return "(" + col + " >= " + lo + " AND " + col + " < " + hi + ")";
  }
  // Whether the scope is a village, the tree's lowest level (org/domain/org_unit.h: nothing has
  // a village as its parent). Paths are "/<district>/<town>/<village>/": a village's has four
  // slashes.
  bool IsVillage() const {
    return std::count(unit_path_.begin(), unit_path_.end(), '/') == kVillageSlashes;
  }
  // Whether the scope is the top of the tree, a district ("/<district>/": two slashes).
  bool IsTop() const {
    return std::count(unit_path_.begin(), unit_path_.end(), '/') == kTopSlashes;
  }
  // Like Condition, plus the people this user opened by break-glass that have not expired:
  // "(<path_col> LIKE $n OR <id_col> IN (SELECT person_id FROM break_glass_grants WHERE …))".
  std::string PersonCondition(std::string_view path_column, std::string_view id_column,
                              int64_t now_millis, store::Params& params) const {
    std::string c = Condition(path_column, params);
    if (user_id_.empty()) return c;
    params.emplace_back(user_id_);
    std::string u = "$" + std::to_string(params.size());
    params.emplace_back(now_millis);
    std::string t = "$" + std::to_string(params.size());
    return "(" + c + " OR " + std::string(id_column) +
           " IN (SELECT person_id FROM break_glass_grants WHERE user_id = " + u +
           " AND expires_at > " + t + "))";
  }
  // A resident's record (results and their reports): "<id_column> IN (SELECT id FROM people
  // WHERE …)" — the resident lives in the scope now, or this user opened the resident by
  // break-glass. The record follows its resident: results taken in a village the resident has
  // since left are the new village's record, and no longer the old one's.
  std::string ResidentCondition(std::string_view id_column, int64_t now_millis, store::Params& params) const {
    return std::string(id_column) + " IN (SELECT id FROM people WHERE " +
           PersonCondition("unit_path", "id", now_millis, params) + ")";
  }
  // Whether a record with `record_path` lies inside this scope.
  bool Contains(std::string_view record_path) const {
    return record_path.substr(0, unit_path_.size()) == unit_path_;
  }
  const std::string& unit_path() const { return unit_path_; }

 private:
  // The smallest string above every string that starts with unit_path_.
  std::string UpperBound() const {
    std::string up = unit_path_;
    if (up.empty()) return "\x7f";
    up.back() = static_cast<char>(up.back() + 1);
    return up;
  }

  static constexpr long kVillageSlashes = 4;
  static constexpr long kTopSlashes = 2;

  Scope(std::string unit_path, std::string user_id)
      : unit_path_(std::move(unit_path)), user_id_(std::move(user_id)) {}
  std::string unit_path_;
  std::string user_id_;
};

}  // namespace xinan::security
