// PostgreSQL engine (libpq): one connection with a prepared-statement cache; parameters go
// as text and PostgreSQL infers their types; result columns are converted by type OID.
#pragma once

#include <memory>
#include <string>

#include "store/connection.h"

namespace xinan::store {

// Connects to `url` (postgresql://…) and sets synchronous_commit=on.
Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url);

}  // namespace xinan::store
