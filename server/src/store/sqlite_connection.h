// SQLite engine: one connection with a prepared-statement cache. WAL, synchronous=FULL,
// foreign keys on, 5 s busy timeout. SQL uses `$n` placeholders, translated to `?n`.
#pragma once

#include <memory>
#include <string>

#include "store/connection.h"

namespace xinan::store {

// Opens `path` (created with its parent directory when missing unless read_only).
Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path, bool read_only);

// "$1 … $12" → "?1 … ?12" outside string literals. Exposed for tests.
std::string TranslatePlaceholders(std::string_view sql);

}  // namespace xinan::store
