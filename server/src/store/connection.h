// Connection: one open connection of either engine. Not thread-safe: a connection is used by
// one thread at a time (the pool and the writer guarantee that).
#pragma once

#include <functional>
#include <string_view>

#include "common/result.h"
#include "store/sql.h"

namespace xinan::store {

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;

  // Runs one statement with bound parameters; returns the number of rows changed.
  // Constraint violations come back as kConflict ("unique_violation", "foreign_key_violation"),
  // other engine errors as kInternal/kUnavailable with the engine message in detail.
  virtual Result<int64_t> Exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs one query with bound parameters and returns every row.
  virtual Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs several ';'-separated statements without parameters (migrations).
  virtual Status ExecScript(std::string_view sql) = 0;
  // For a write connection whose COMMIT returns before the commit is on disk (SQLite's WAL
  // with synchronous=NORMAL): a function that makes every commit so far durable (fdatasync of
  // the WAL), safe to call from another thread while this connection goes on writing, so the
  // sync of one batch overlaps the next. nullptr when COMMIT itself is durable (PostgreSQL).
  virtual std::function<Status()> DurabilityBarrier() { return nullptr; }
};

}  // namespace xinan::store
