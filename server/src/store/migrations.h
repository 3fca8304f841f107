// Versioned schema migrations, embedded from server/migrations/*.sql at build time.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "store/connection.h"

namespace xinan::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

// Every migration this binary knows, in ascending version order.
const std::vector<Migration>& EmbeddedMigrations();

// Applies the missing migrations on `conn`, each in its own transaction, recording them in
// schema_migrations. Fails with "database_newer_than_binary" (and changes nothing) when the
// database has a version this binary does not know.
Status ApplyMigrations(Connection& conn);

}  // namespace xinan::store
