// JSON views of identity records shared by the auth and user routes.
#pragma once

#include "common/json.h"
#include "identity/store/user_store.h"

namespace xinan::identity {

// {id, username, displayName, unit:{id,code,name,level,path}, roles, permissions, active, locked}
json::object UserJson(const User& u, int64_t now);

}  // namespace xinan::identity
