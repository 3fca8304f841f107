// HTTP routes of the resident registry (/api/v1/people) and break-glass access.
#pragma once

#include "http/route.h"
#include "people/store/people_store.h"

namespace xinan::people {

http::RouteTable PeopleRoutes(PeopleStore& store);
// Registers the module's message codes in the catalogue.
void RegisterPeopleMessages();

}  // namespace xinan::people
