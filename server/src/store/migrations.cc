#include "store/migrations.h"

#include "common/clock.h"

namespace xinan::store {
namespace {

constexpr int64_t kMigrationLockKey = 7419230002;

Result<int> CurrentVersion(Connection& conn) {
  XINAN_ASSIGN_OR_RETURN(Rows rows, conn.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  return static_cast<int>(rows[0].Int(0));
}

Status ApplyOne(Connection& conn, const Migration& m, int64_t now) {
  const bool pg = conn.engine() == Engine::kPostgres;
  XINAN_RETURN_IF_ERROR(conn.ExecScript(pg ? "BEGIN" : "BEGIN IMMEDIATE"));
  auto body = [&]() -> Status {
    if (pg) XINAN_RETURN_IF_ERROR(conn.Query("SELECT pg_advisory_xact_lock($1)", {kMigrationLockKey}).status());
    XINAN_ASSIGN_OR_RETURN(int current, CurrentVersion(conn));
    if (current >= m.version) return Status::Ok();  // another instance applied it meanwhile
    XINAN_RETURN_IF_ERROR(conn.ExecScript(m.sql));
    return conn.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                     {int64_t{m.version}, m.name, now}).status();
  };
  Status st = body();
  if (!st.ok()) {
    (void)conn.ExecScript("ROLLBACK");
    return Status::Internal("migration " + m.name + " failed: " + st.detail());
  }
  return conn.ExecScript("COMMIT");
}

}  // namespace

Status ApplyMigrations(Connection& conn) {
  XINAN_RETURN_IF_ERROR(conn.ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at BIGINT NOT NULL)"));
  const auto& all = EmbeddedMigrations();
  int latest = all.empty() ? 0 : all.back().version;
  XINAN_ASSIGN_OR_RETURN(int current, CurrentVersion(conn));
  if (current > latest) {
    return Status::Conflict("database_newer_than_binary",
                            "database schema version " + std::to_string(current) +
                                " is newer than this binary's " + std::to_string(latest));
  }
  for (const auto& m : all) {
    if (m.version <= current) continue;
    XINAN_RETURN_IF_ERROR(ApplyOne(conn, m, SystemClock().NowMillis()));
  }
  return Status::Ok();
}

}  // namespace xinan::store
