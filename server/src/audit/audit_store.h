// AuditStore: reading the audit chain for the admin's audit-log view.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "security/scope.h"
#include "store/database.h"

namespace xinan::audit {

struct AuditFilter {
  std::string action;     // exact action code or prefix ending in '.', e.g. "person."
  std::string username;
  std::string person_id;
  int64_t from_millis = 0;  // inclusive, 0 = open
  int64_t to_millis = 0;    // exclusive, 0 = open
  int offset = 0;
  int limit = 20;
};

struct AuditRow {
  int64_t seq = 0;
  store::AuditEvent event;
};

class AuditStore {
 public:
  explicit AuditStore(store::Database& db) : db_(db) {}
  // Newest first: the events of actors in the scope's units and the events about residents in
  // it; events with neither (a system actor about no resident, e.g. an anonymous
  // self-assessment) only for a scope at the top of the tree (a district).
  Result<std::vector<AuditRow>> List(const security::Scope& scope, const AuditFilter& f, int64_t* total);

 private:
  store::Database& db_;
};

}  // namespace xinan::audit
