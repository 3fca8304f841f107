// SQLite engine: one connection with a prepared-statement cache. WAL, foreign keys on, 5 s
// busy timeout. SQL uses `$n` placeholders, translated to `?n`. The write connection runs with
// synchronous=NORMAL and offers a DurabilityBarrier (fdatasync of the WAL file) that the
// group-commit writer calls before it answers a batch: every acknowledged commit is on disk,
// and the sync of one batch overlaps the statements of the next. It writes through a
// WalWriteVfs: each commit's WAL frames reach the file in one write.
#pragma once

#include <memory>
#include <string>

#include "store/connection.h"

namespace xinan::store {

// Opens `path` (created with its parent directory when missing unless read_only).
Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path, bool read_only);

// Gives the WAL of the SQLite database at `path` at least `bytes` bytes (ExtendWithZeros),
// holding the write lock through `writer` (a write connection to it) meanwhile. Returns the
// bytes appended.
Result<int64_t> ReserveWal(Connection& writer, const std::string& path, int64_t bytes);

// "$1 … $12" → "?1 … ?12" outside string literals. Exposed for tests.
std::string TranslatePlaceholders(std::string_view sql);

}  // namespace xinan::store
