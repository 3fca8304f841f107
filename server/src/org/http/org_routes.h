// HTTP routes of the org module: the unit tree and unit CRUD under /api/v1/org/units.
#pragma once

#include "http/route.h"
#include "org/store/org_store.h"

namespace xinan::org {

http::RouteTable OrgRoutes(OrgStore& store);
// Registers the module's message codes in the catalogue.
void RegisterOrgMessages();

}  // namespace xinan::org
