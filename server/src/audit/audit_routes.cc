#include "audit/audit_routes.h"

#include "common/clock.h"
#include "common/json.h"
#include "http/reply.h"
#include "identity/domain/roles.h"
#include "people/domain/id_number.h"

namespace xinan::audit {
namespace {

using http::Request;
using http::Response;

constexpr int64_t kDayMillis = 24LL * 3600 * 1000;
constexpr int64_t kShanghaiOffset = 8LL * 3600 * 1000;

// Midnight Asia/Shanghai of "YYYY-MM-DD" in epoch millis (days since 1970 via civil algorithm).
int64_t ShanghaiMidnight(const std::string& ymd) {
  int y = std::stoi(ymd.substr(0, 4)), m = std::stoi(ymd.substr(5, 2)), d = std::stoi(ymd.substr(8, 2));
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = static_cast<int64_t>(era) * 146097 + doe - 719468;
  return days * kDayMillis - kShanghaiOffset;
}

Result<int64_t> DateParam(const Request& req, const char* name, int64_t add) {
  std::string v = req.Query(name);
  if (v.empty()) return int64_t{0};
  if (!people::IsValidDate(v)) return Status::InvalidField(name, "date_invalid");
  return ShanghaiMidnight(v) + add;
}

Response List(AuditStore& s, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(http::Paging paging, http::ParsePaging(req));
    AuditFilter f{req.Query("action"), req.Query("username"), req.Query("personId"), 0, 0,
                  paging.Offset(), paging.page_size};
    XINAN_ASSIGN_OR_RETURN(f.from_millis, DateParam(req, "from", 0));
    XINAN_ASSIGN_OR_RETURN(f.to_millis, DateParam(req, "to", kDayMillis));
    int64_t total = 0;
    XINAN_ASSIGN_OR_RETURN(auto rows, s.List(http::ScopeOf(req), f, &total));
    json::array items;
    for (const auto& r : rows) {
      const auto& e = r.event;
      items.push_back({{"seq", r.seq}, {"at", FormatInstant(e.at_millis)},
                       {"actorUsername", e.actor_username}, {"actorRole", e.actor_role},
                       {"actorUnitId", e.actor_unit_id}, {"action", e.action},
                       {"objectType", e.object_type}, {"objectId", e.object_id},
                       {"personId", e.person_id}, {"reason", e.reason}, {"requestId", e.request_id}});
    }
    return http::ListResponse(std::move(items), total, paging);
  });
}

Response Verify(store::Database& db, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(store::AuditVerification v, store::VerifyAuditChain(db));
    return http::Json(200, {{"ok", v.ok}, {"rows", v.rows}, {"firstBrokenSeq", v.first_broken_seq},
                            {"reason", v.reason}, {"head", v.ok ? std::to_string(v.head_seq) + ":" + v.head_hash : ""}});
  });
}

}  // namespace

http::RouteTable AuditRoutes(AuditStore& store, store::Database& db) {
  using http::Access;
  AuditStore* s = &store;
  store::Database* d = &db;
  return {
      {"GET", "/api/v1/audit", Access::kPermission, identity::kAuditRead,
       [s](Request& r) { return List(*s, r); },
       "Audit events, newest first (action, username, personId, from, to, paging)", "audit", "",
       R"({"type":"object"})"},
      {"GET", "/api/v1/audit/verify", Access::kPermission, identity::kAuditRead,
       [d](Request& r) { return Verify(*d, r); }, "Walk the hash chain; first broken link",
       "audit", "",
       R"({"type":"object","properties":{"ok":{"type":"boolean"},"rows":{"type":"integer"},"firstBrokenSeq":{"type":"integer"},"reason":{"type":"string"}}})"},
  };
}

}  // namespace xinan::audit
