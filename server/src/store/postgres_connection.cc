#include "store/postgres_connection.h"

#include <libpq-fe.h>

#include <cstring>
#include <unordered_map>

namespace xinan::store {
namespace {

// Type OIDs from pg_type.h.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

Status ResultError(PGconn* conn, PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = std::string(what) + ": " + PQerrorMessage(conn);
  if (state && std::strcmp(state, "23505") == 0) return Status::Conflict("unique_violation", msg);
  if (state && std::strcmp(state, "23503") == 0) return Status::Conflict("foreign_key_violation", msg);
  if (PQstatus(conn) != CONNECTION_OK || (state && std::strncmp(state, "08", 2) == 0)) {
    return Status::Unavailable(msg);
  }
  return Status::Internal(msg);
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }
  Engine engine() const override { return Engine::kPostgres; }

  Result<int64_t> Exec(std::string_view sql, const Params& params) override {
    XINAN_ASSIGN_OR_RETURN(ResultPtr res, Run(sql, params));
    const char* n = PQcmdTuples(res.get());
    return static_cast<int64_t>(n && *n ? std::atoll(n) : 0);
  }

  Result<Rows> Query(std::string_view sql, const Params& params) override {
    XINAN_ASSIGN_OR_RETURN(ResultPtr res, Run(sql, params));
    Rows rows;
    int nrows = PQntuples(res.get()), ncols = PQnfields(res.get());
    rows.reserve(nrows);
    for (int r = 0; r < nrows; ++r) {
      std::vector<SqlValue> values;
      values.reserve(ncols);
      for (int c = 0; c < ncols; ++c) values.push_back(Convert(res.get(), r, c));
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  Status ExecScript(std::string_view sql) override {
    ResultPtr res(PQexec(conn_, std::string(sql).c_str()));
    ExecStatusType st = PQresultStatus(res.get());
    // A COMMIT of a transaction that an error aborted is answered "ROLLBACK", not an error:
    // nothing was committed, and no job of the batch may be told otherwise.
    if (st == PGRES_COMMAND_OK && sql == "COMMIT" && std::string_view(PQcmdStatus(res.get())) == "ROLLBACK") {
      return Status::Unavailable("commit: the transaction had been aborted and was rolled back");
    }
    // An empty script (e.g. a migration whose statements are all for SQLite) is nothing to do.
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) return Status::Ok();
    return ResultError(conn_, res.get(), "script");
  }

 private:
  Result<ResultPtr> Run(std::string_view sql, const Params& params) {
    XINAN_ASSIGN_OR_RETURN(std::string name, Prepared(sql));
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      const SqlValue& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) continue;
      if (auto p = std::get_if<std::string>(&v)) texts[i] = *p;
      else if (auto p = std::get_if<int64_t>(&v)) texts[i] = std::to_string(*p);
      else texts[i] = Row({v}).Text(0);
      values[i] = texts[i].c_str();
    }
    ResultPtr res(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                 values.data(), nullptr, nullptr, 0));
    ExecStatusType st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return ResultError(conn_, res.get(), "exec");
    return res;
  }

  Result<std::string> Prepared(std::string_view sql) {
    if (auto it = names_.find(sql); it != names_.end()) return it->second;
    std::string key(sql);
    std::string name = "x" + std::to_string(names_.size() + 1);
    ResultPtr res(PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr));
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return ResultError(conn_, res.get(), "prepare");
    names_.emplace(std::move(key), name);
    return name;
  }

  static SqlValue Convert(PGresult* res, int r, int c) {
    if (PQgetisnull(res, r, c)) return std::monostate{};
    const char* v = PQgetvalue(res, r, c);
    switch (PQftype(res, c)) {
      case kInt8: case kInt2: case kInt4: return static_cast<int64_t>(std::atoll(v));
      case kBool: return static_cast<int64_t>(v[0] == 't' ? 1 : 0);
      case kFloat4: case kFloat8: case kNumeric: return std::strtod(v, nullptr);
      default: return std::string(v, PQgetlength(res, r, c));
    }
  }

  PGconn* conn_;
  SqlTextMap<std::string> names_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenPostgres(const std::string& url) {
  // Network defaults, before the URL so that its own parameters win: without them a connection
  // whose server vanished (a half-open TCP connection) blocked the single writer, and with it
  // every write, until the kernel gave up some 15 minutes later.
  const char* keys[] = {"connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval",
                        "keepalives_count", "tcp_user_timeout", "dbname", nullptr};
  const char* values[] = {"10", "1", "30", "10", "3", "60000", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    return Status::Unavailable("cannot connect to PostgreSQL: " + msg);
  }
  auto c = std::make_unique<PostgresConnection>(conn);
  XINAN_RETURN_IF_ERROR(c->ExecScript(
      "SET synchronous_commit = on; SET client_min_messages = warning; SET TIME ZONE 'UTC'; "
      // The audit chain reads its tail after taking the batch's advisory lock: that read must see
      // the batch committed just before (READ COMMITTED), whatever the server's default.
      "SET default_transaction_isolation = 'read committed'"));
  return std::unique_ptr<Connection>(std::move(c));
}

}  // namespace xinan::store
