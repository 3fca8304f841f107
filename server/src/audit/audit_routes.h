// HTTP routes of the audit log: browse and verify the chain (/api/v1/audit).
#pragma once

#include "audit/audit_store.h"
#include "http/route.h"

namespace xinan::audit {
http::RouteTable AuditRoutes(AuditStore& store, store::Database& db);
}  // namespace xinan::audit
