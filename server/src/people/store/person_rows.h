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

// Whether a page of a list sorted by creation time is best read by walking the creation-time
// index and skipping residents outside the scope, rather than taking the scope's path range and
// sorting all of it: when the scope holds at least half of the registry (a district admin's
// view: sorting 267k residents took 220 ms, the walk 0.2 ms) and is not small. The walk then
// reads at most about twice the rows of the page before it, whatever the order of creation;
// a village's few hundred residents sort in well under a millisecond. Searches by name or ID
// number have their own indexes and never walk.
struct ListShape {
  int64_t in_scope = 0;       // the count of the list
  int64_t registry_rows = 0;  // an upper bound of all residents (the largest rowid)
  bool by_creation = false;   // sorted by createdAt either way
  bool searched = false;      // a name prefix or ID number filter is set
  bool village = false;       // the scope is a village: its page comes in order from its index
};
inline constexpr int64_t kWalkMinRows = 2000;
bool WalkCreationIndex(const ListShape& s);

}  // namespace xinan::people::internal
