#include "store/sqlite_connection.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "store/sqlite_wal.h"
#include "store/wal_write_vfs.h"

namespace xinan::store {
namespace {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  int ext = db ? sqlite3_extended_errcode(db) : rc;
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return Status::Conflict("unique_violation", msg);
  }
  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) return Status::Conflict("foreign_key_violation", msg);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_IOERR || rc == SQLITE_FULL) {
    return Status::Unavailable(msg);
  }
  return Status::Internal(msg);
}

constexpr int kBusyTimeoutMillis = 5000;

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::shared_ptr<WalSync> wal, std::shared_ptr<WalWriteVfs> vfs)
      : db_(db), wal_(std::move(wal)), vfs_(std::move(vfs)) {}
  ~SqliteConnection() override {
    const bool writer = checkpointer_ != nullptr;
    checkpointer_.reset();
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    if (writer) CheckpointAndTruncate();
    sqlite3_close_v2(db_);
  }

  // On closing the write connection (a clean shutdown): the whole WAL copied into the database
  // file (synced) and the WAL cut to nothing, so the database file alone is complete — a copy of
  // it taken while xinan is stopped is a backup. SQLite would do this itself for the last
  // connection to close, but the read pool's read-only connections close after the writer and
  // may not. Waits at most 200 ms for readers (the pool's end theirs first: PooledDatabase::Close);
  // failing, the WAL stays, as after a crash.
  void CheckpointAndTruncate() {
    sqlite3_busy_timeout(db_, 200);
    int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    if (rc != SQLITE_OK) spdlog::warn("WAL not checkpointed at close: {}", sqlite3_errmsg(db_));
  }

  // The write connection hands checkpoints to a background thread instead of running them
  // inside a commit.
  void StartCheckpointer(const std::string& path) {
    checkpointer_ = std::make_unique<WalCheckpointer>(path, WalCheckpointLimits{}, wal_);
    sqlite3_wal_hook(db_, &WalCheckpointer::OnCommit, checkpointer_.get());
  }
  Engine engine() const override { return Engine::kSqlite; }

  Result<int64_t> Exec(std::string_view sql, const Params& params) override {
    XINAN_ASSIGN_OR_RETURN(sqlite3_stmt* stmt, Prepare(sql, params));
    Finish finish{stmt};
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    Status st = rc == SQLITE_DONE ? Status::Ok() : SqliteError(db_, rc, "exec");
    if (!st.ok()) return st;
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  Result<Rows> Query(std::string_view sql, const Params& params) override {
    XINAN_ASSIGN_OR_RETURN(sqlite3_stmt* stmt, Prepare(sql, params));
    Finish finish{stmt};
    Rows rows;
    int rc;
    int n = sqlite3_column_count(stmt);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) rows.emplace_back(ReadRow(stmt, n));
    Status st = rc == SQLITE_DONE ? Status::Ok() : SqliteError(db_, rc, "query");
    if (!st.ok()) return st;
    return rows;
  }

  std::function<Status()> DurabilityBarrier() override {
    if (!wal_) return nullptr;
    return [wal = wal_, vfs = vfs_]() -> Status {
      Status st = wal->Sync();
      if (st.ok() && vfs && vfs->failed()) {
        return Status::Unavailable("gathered WAL frames could not be written");
      }
      return st;
    };
  }

  Status ExecScript(std::string_view sql) override {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
    if (checkpointer_) checkpointer_->RestartIfWanted(db_, kBusyTimeoutMillis);  // after a COMMIT
    if (rc == SQLITE_OK) return Status::Ok();
    std::string msg = err ? err : "script failed";
    sqlite3_free(err);
    return Status::Internal("script: " + msg);
  }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql, const Params& params) {
    auto it = cache_.find(sql);  // no copy of the SQL text per statement
    sqlite3_stmt* stmt = nullptr;
    if (it != cache_.end()) {
      stmt = it->second;
    } else {
      std::string translated = TranslatePlaceholders(sql);
      int rc = sqlite3_prepare_v2(db_, translated.c_str(), -1, &stmt, nullptr);
      if (rc != SQLITE_OK) return SqliteError(db_, rc, "prepare");
      if (cache_.size() > 512) Clear();
      cache_.emplace(std::string(sql), stmt);
    }
    for (size_t i = 0; i < params.size(); ++i) Bind(stmt, static_cast<int>(i + 1), params[i]);
    return stmt;
  }

  // Text is bound without a copy (SQLITE_STATIC): `params` outlive the statement's run, and
  // Finish resets the statement and clears its bindings before they go away, on every path
  // (errors and exceptions included).
  struct Finish {
    sqlite3_stmt* stmt;
    ~Finish() {
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
    }
  };

  void Clear() {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    cache_.clear();
  }

  static void Bind(sqlite3_stmt* stmt, int i, const SqlValue& v) {
    if (auto p = std::get_if<int64_t>(&v)) sqlite3_bind_int64(stmt, i, *p);
    else if (auto p = std::get_if<double>(&v)) sqlite3_bind_double(stmt, i, *p);
    else if (auto p = std::get_if<std::string>(&v))
      sqlite3_bind_text(stmt, i, p->data(), static_cast<int>(p->size()), SQLITE_STATIC);
    else sqlite3_bind_null(stmt, i);
  }

  static Row ReadRow(sqlite3_stmt* stmt, int n) {
    std::vector<SqlValue> values;
    values.reserve(n);
    for (int c = 0; c < n; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER: values.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c))); break;
        case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(stmt, c)); break;
        case SQLITE_NULL: values.emplace_back(std::monostate{}); break;
        default: {
          auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          values.emplace_back(std::string(text, sqlite3_column_bytes(stmt, c)));
        }
      }
    }
    return Row(std::move(values));
  }

  sqlite3* db_;
  std::shared_ptr<WalSync> wal_;                  // write connections only
  std::shared_ptr<WalWriteVfs> vfs_;              // write connections only
  std::unique_ptr<WalCheckpointer> checkpointer_;  // write connections only
  SqlTextMap<sqlite3_stmt*> cache_;
};

}  // namespace

Result<int64_t> ReserveWal(Connection& writer, const std::string& path, int64_t bytes) {
  // An empty write transaction: no other connection appends to the WAL while it is extended.
  XINAN_RETURN_IF_ERROR(writer.ExecScript("BEGIN IMMEDIATE"));
  Result<int64_t> appended = ExtendWithZeros(path + "-wal", bytes);
  Status end = writer.ExecScript(appended.ok() ? "COMMIT" : "ROLLBACK");
  if (!appended.ok()) return appended.status();
  XINAN_RETURN_IF_ERROR(end);
  return appended;
}

std::string TranslatePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  bool in_string = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'') in_string = !in_string;
    if (!in_string && c == '$' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) {
      out += '?';
      continue;
    }
    out += c;
  }
  return out;
}

// Process-wide settings, before SQLite initialises: no memory statistics, whose global mutex
// every allocation of every connection would otherwise take.
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

Result<std::unique_ptr<Connection>> OpenSqlite(const std::string& path, bool read_only) {
  ConfigureSqliteOnce();
  if (!read_only) {
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  sqlite3* db = nullptr;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
              SQLITE_OPEN_NOMUTEX;
  // The write connection gathers each commit's WAL frames into one write (WalWriteVfs).
  std::shared_ptr<WalWriteVfs> vfs = read_only ? nullptr : std::make_shared<WalWriteVfs>();
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, vfs ? vfs->name() : nullptr);
  if (rc != SQLITE_OK) {
    Status st = SqliteError(db, rc, "open " + path);
    sqlite3_close_v2(db);
    return Status::Unavailable(st.detail());
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMillis);
  sqlite3_extended_result_codes(db, 1);
  auto conn = std::make_unique<SqliteConnection>(
      db, read_only ? nullptr : std::make_shared<WalSync>(path), std::move(vfs));
  // case_sensitive_like: LIKE matches case as on PostgreSQL, and prefix searches can use an index.
  // cache_size 4 MB per connection: SQLite walks the whole page-cache hash table at the end of
  // every write transaction once the cache has filled (a 64 MB cache cost 28 % of the writer's
  // time on a 300 MB database), and a reader's cache is dropped whenever the WAL has changed;
  // pages outside the cache come from the OS page cache (bench/README.md).
  const char* pragmas = read_only ? "PRAGMA foreign_keys=ON; PRAGMA case_sensitive_like=ON; PRAGMA cache_size=-4096;"
                                  : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                    "PRAGMA foreign_keys=ON; PRAGMA case_sensitive_like=ON; "
                                    "PRAGMA cache_size=-4096; PRAGMA temp_store=MEMORY;";
  XINAN_RETURN_IF_ERROR(conn->ExecScript(pragmas));
  if (!read_only) conn->StartCheckpointer(path);
  return std::unique_ptr<Connection>(std::move(conn));
}

}  // namespace xinan::store
