// AuditStore: reading the audit chain for the admin's audit-log view.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
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
  // Newest first.
  Result<std::vector<AuditRow>> List(const AuditFilter& f, int64_t* total);

 private:
  store::Database& db_;
};

}  // namespace xinan::audit
