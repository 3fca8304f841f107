// Actor: who performs a write, as the audit chain records it (user, role, unit, request id).
#pragma once

#include <string>

#include "security/principal.h"
#include "store/database.h"

namespace xinan::security {

struct Actor {
  std::string user_id;
  std::string username;
  std::string role;      // the principal's first role
  std::string unit_id;
  std::string request_id;

  static Actor Of(const Principal& p, std::string request_id) {
    return Actor{p.user_id, p.username, p.roles.empty() ? "" : p.roles.front(), p.unit_id,
                 std::move(request_id)};
  }
  // The actor of command-line tools (xinan user add, import, seed-demo).
  static Actor System(std::string what) { return Actor{"", "system:" + what, "system", "", ""}; }

  // An audit event by this actor.
  store::AuditEvent Event(std::string action, std::string object_type, std::string object_id,
                          std::string person_id = "", std::string reason = "") const {
    store::AuditEvent e;
    e.actor_user_id = user_id;
    e.actor_username = username;
    e.actor_role = role;
    e.actor_unit_id = unit_id;
    e.action = std::move(action);
    e.object_type = std::move(object_type);
    e.object_id = std::move(object_id);
    e.person_id = std::move(person_id);
    e.reason = std::move(reason);
    e.request_id = request_id;
    return e;
  }
};

}  // namespace xinan::security
