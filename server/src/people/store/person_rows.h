// Row mapping shared by the resident store's writes and lists (not a public interface).
#pragma once

#include "people/domain/person.h"
#include "store/sql.h"

namespace xinan::people::internal {

// Columns of kPersonSelect, in order; identifiers 8 (id enc) and 10 (phone enc) may be NULL.
inline constexpr const char* kPersonSelect =
    "SELECT p.id, p.unit_id, o.code, o.name, p.unit_path, p.name, p.gender, p.birth_date, "
    "p.id_number_enc, p.id_number_masked, p.phone_enc, p.phone_masked, p.address, p.tags, "
    "p.created_at, p.updated_at, p.version FROM people p JOIN org_units o ON o.id = p.unit_id";

// A Person from a kPersonSelect row, identifiers masked (decryption is the caller's).
Person PersonFromRow(const store::Row& r);

// How the page of a list sorted by creation time is read. A village's page comes in order from
// people_unit_path (its scope is an equality on the path): as written. Otherwise either walk the
// creation-time index and skip residents outside the scope — when the scope holds at least half
// of the registry (a district admin's view: sorting 267k residents took 220 ms, the walk
// 0.2 ms) and is not small; the walk then reads at most about twice the rows of the page before
// it, whatever the order of creation — or take the scope's path range and sort all of it, and
// never walk: a planner that assumes a town's residents are spread evenly in time walked
// PostgreSQL's creation-time index past 60k newer residents of another town (21 ms a page, 171
// lists/s) to find a town of 1,224. Searches by name or ID number have their own indexes: as
// written.
enum class ListPlan { kAsWritten, kWalkTimeIndex, kSortScope };
struct ListShape {
  int64_t in_scope = 0;       // the count of the list
  int64_t registry_rows = 0;  // about all residents (SQLite: the largest rowid; PostgreSQL: reltuples)
  bool by_creation = false;   // sorted by createdAt either way
  bool searched = false;      // a name prefix or ID number filter is set
  bool village = false;       // the scope is a village
};
inline constexpr int64_t kWalkMinRows = 2000;
ListPlan ChooseListPlan(const ListShape& s);
// The page query (select, `where` with its "{path}" placeholders, order) for `sort` and `plan`,
// without LIMIT/OFFSET.
std::string PageQuery(const std::string& where, const std::string& sort, ListPlan plan);

}  // namespace xinan::people::internal
