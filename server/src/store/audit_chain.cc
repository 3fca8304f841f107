#include "store/audit_chain.h"

#include <algorithm>
#include <limits>

#include "security/tokens.h"

namespace xinan::store {
namespace {

constexpr int64_t kAppendLockKey = 7419230001;
constexpr const char* kInsertInto =
    "INSERT INTO audit_log (seq, at, actor_user_id, actor_username, actor_role, actor_unit_id, "
    "action, object_type, object_id, person_id, reason, request_id, prev_hash, hash) VALUES ";
constexpr size_t kColumns = 14;
constexpr size_t kRowsPerInsert = 64;  // 896 parameters, far below either engine's limit

// "INSERT … VALUES ($1, …, $14), ($15, …, $28), …" for `rows` rows.
std::string InsertRows(size_t rows) {
  std::string sql = kInsertInto;
  for (size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (size_t c = 0; c < kColumns; ++c) {
      if (c) sql += ", ";
      sql += "$" + std::to_string(r * kColumns + c + 1);
    }
    sql += ")";
  }
  return sql;
}
constexpr const char* kSelectPage =
    "SELECT seq, at, actor_user_id, actor_username, actor_role, actor_unit_id, action, "
    "object_type, object_id, person_id, reason, request_id, prev_hash, hash FROM audit_log "
    "WHERE seq > $1 ORDER BY seq LIMIT 5000";

void Field(std::string& out, const std::string& v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += '|';
}

}  // namespace

const char* const kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

std::string AuditRowHash(const std::string& prev_hash, const AuditEvent& e, int64_t seq) {
  std::string s = prev_hash + "|";
  for (const std::string* f : {&e.actor_user_id, &e.actor_username, &e.actor_role, &e.actor_unit_id,
                               &e.action, &e.object_type, &e.object_id, &e.person_id, &e.reason,
                               &e.request_id}) {
    Field(s, *f);
  }
  Field(s, std::to_string(seq));
  Field(s, std::to_string(e.at_millis));
  return security::Sha256Hex(s);
}

Status AuditChain::BeginBatch(Connection& conn) {
  pending_.clear();
  if (conn.engine() == Engine::kPostgres) {
    XINAN_RETURN_IF_ERROR(conn.Query("SELECT pg_advisory_xact_lock($1)", {kAppendLockKey}).status());
  }
  XINAN_ASSIGN_OR_RETURN(Rows rows, conn.Query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
  tail_ = rows.empty() ? Tail{} : Tail{rows[0].Int(0), rows[0].Text(1)};
  return Status::Ok();
}

void AuditChain::Append(AuditEvent e, int64_t now) {
  if (e.at_millis == 0) e.at_millis = now;
  int64_t seq = tail_.seq + 1;
  std::string hash = AuditRowHash(tail_.hash, e, seq);
  auto t = [](const std::string& s) { return TextOrNull(s); };
  pending_.push_back({seq, {seq, e.at_millis, t(e.actor_user_id), t(e.actor_username), t(e.actor_role),
                            t(e.actor_unit_id), e.action, t(e.object_type), t(e.object_id),
                            t(e.person_id), t(e.reason), t(e.request_id), tail_.hash, hash}});
  tail_ = {seq, std::move(hash)};
}

void AuditChain::Restore(const Tail& t) {
  while (!pending_.empty() && pending_.back().seq > t.seq) pending_.pop_back();
  tail_ = t;
}

Status AuditChain::Flush(Connection& conn) {
  for (size_t first = 0; first < pending_.size(); first += kRowsPerInsert) {
    size_t rows = std::min(kRowsPerInsert, pending_.size() - first);
    Params params;
    params.reserve(rows * kColumns);
    for (size_t r = first; r < first + rows; ++r) {
      for (auto& v : pending_[r].values) params.push_back(std::move(v));
    }
    XINAN_RETURN_IF_ERROR(conn.Exec(InsertRows(rows), params).status());
  }
  pending_.clear();
  return Status::Ok();
}

Result<AuditVerification> VerifyAuditChain(Database& db, const AuditHead& expected) {
  AuditVerification v;
  AuditChain::Tail tail;
  int64_t from = std::numeric_limits<int64_t>::min();  // rows numbered below 1 are read too
  bool more = true;
  auto broken = [&](int64_t seq, const char* why) { v = {false, v.rows, seq, why, tail.seq, tail.hash}; };
  while (more && v.ok) {
    XINAN_RETURN_IF_ERROR(db.Read([&](Connection& c) -> Status {
      XINAN_ASSIGN_OR_RETURN(Rows rows, c.Query(kSelectPage, {from}));
      more = rows.size() == 5000;
      for (const auto& r : rows) {
        AuditEvent e{r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7),
                     r.Text(8), r.Text(9), r.Text(10), r.Text(11), r.Int(1)};
        int64_t seq = r.Int(0);
        from = seq;
        const char* why = nullptr;
        if (seq != tail.seq + 1) why = seq < 1 ? "row before the chain's start" : "gap in seq";
        else if (r.Text(12) != tail.hash) why = "prev_hash mismatch";
        else if (AuditRowHash(tail.hash, e, seq) != r.Text(13)) why = "hash mismatch";
        else if (seq == expected.seq && r.Text(13) != expected.hash) why = "differs from the recorded head";
        if (why) return broken(seq, why), Status::Ok();
        tail = {seq, r.Text(13)};
        ++v.rows;
      }
      return Status::Ok();
    }));
  }
  if (v.ok && expected.seq > tail.seq) broken(tail.seq + 1, "ends before the recorded head");
  if (v.ok) {
    v.head_seq = tail.seq;
    v.head_hash = tail.hash;
  }
  return v;
}

}  // namespace xinan::store
