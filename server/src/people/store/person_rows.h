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

}  // namespace xinan::people::internal
