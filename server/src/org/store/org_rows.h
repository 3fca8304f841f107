// Row-level helpers shared by the org store and its CSV import (not a public interface).
#pragma once

#include <optional>

#include "org/domain/org_unit.h"
#include "security/actor.h"
#include "store/database.h"

namespace xinan::org::internal {

// A new unit from validated input under `parent` (nullopt for a district).
OrgUnit Build(const UnitInput& in, const std::optional<OrgUnit>& parent);
// Inserts `u` (assigning id and times) and audits org_unit.create; a duplicate code is a
// field error code/unit_code_exists.
Status InsertUnit(store::WriteContext& w, const security::Actor& actor, OrgUnit& u);

}  // namespace xinan::org::internal
