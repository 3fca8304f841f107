#include "store/migrations.h"

#include "common/clock.h"

namespace xinan::store {
namespace {

constexpr int64_t kMigrationLockKey = 7419230002;

// The statements of `sql` for this engine: sections after "-- @postgres" / "-- @sqlite" lines
// belong to that engine only, until "-- @all".
std::string ForEngine(const std::string& sql, Engine engine) {
  std::string out, line;
  std::string section = "all";
  size_t pos = 0;
  while (pos < sql.size()) {
    size_t end = sql.find('\n', pos);
    if (end == std::string::npos) end = sql.size();
    line = sql.substr(pos, end - pos);
    pos = end + 1;
    if (line.rfind("-- @", 0) == 0) {
      section = line.substr(4);
      continue;
    }
    bool mine = section == "all" || (section == "postgres" && engine == Engine::kPostgres) ||
                (section == "sqlite" && engine == Engine::kSqlite);
    if (mine) out += line + "\n";
  }
  return out;
}

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
    XINAN_RETURN_IF_ERROR(conn.ExecScript(ForEngine(m.sql, conn.engine())));
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
