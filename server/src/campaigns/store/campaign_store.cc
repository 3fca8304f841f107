#include "campaigns/store/campaign_store.h"

#include <optional>

#include "campaigns/store/campaign_rows.h"
#include "org/store/hotline_sql.h"
#include "security/tokens.h"

namespace xinan::campaigns {
namespace internal {

Campaign CampaignFromRow(const store::Row& r, const std::string& today) {
  Campaign c;
  c.id = r.Text(0);
  c.unit_id = r.Text(1);
  c.unit_code = r.Text(2);
  c.unit_name = r.Text(3);
  c.unit_path = r.Text(4);
  c.hotline = r.Text(5);
  c.input = {r.Text(6), c.unit_id, r.Text(7), DecodeCodes(r.Text(8)), r.Text(9), r.Text(10),
             r.Text(11), r.Int(12) != 0, r.Int(13)};
  c.version = r.Int(14);
  c.created_at = r.Int(15);
  c.updated_at = r.Int(16);
  c.roster_size = r.Int(17);
  c.completed = r.Int(18);
  c.positive = r.Int(19);
  c.respondents = r.Int(20);
  c.open = IsOpen(c.input.starts_on, c.input.ends_on, today);
  return c;
}

Result<Campaign> LoadCampaign(store::Connection& c, const security::Scope& scope, const std::string& id,
                              const std::string& today) {
  store::Params p{id};
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
      std::string(kSelectCampaign) + " WHERE c.id = $1 AND " + scope.Condition("c.unit_path", p), p));
  if (rows.empty()) return Status::NotFound();
  return CampaignFromRow(rows[0], today);
}

}  // namespace internal

namespace {

constexpr const char* kInsert =
    "INSERT INTO campaigns (id, unit_id, unit_path, name, target_group, scale_codes, starts_on, ends_on, "
    "consent_text, show_result, target_size, created_by, created_at, updated_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)";
constexpr const char* kUpdate =
    "UPDATE campaigns SET name = $1, target_group = $2, scale_codes = $3, starts_on = $4, ends_on = $5, "
    "consent_text = $6, show_result = $7, target_size = $8, updated_at = $9, version = version + 1 "
    "WHERE id = $10 AND version = $11";

// The unit `unit_id` of a new campaign when it lies in scope and is active: its path, or field
// unitId/unit_not_found or unit_inactive.
Result<std::string> UnitPathInScope(store::Connection& c, const security::Scope& scope,
                                    const std::string& unit_id) {
  store::Params p{unit_id};
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
      "SELECT path, active FROM org_units WHERE id = $1 AND " + scope.Condition("path", p), p));
  if (rows.empty()) return Status::InvalidField("unitId", "unit_not_found");
  if (rows[0].Int(1) == 0) return Status::InvalidField("unitId", "unit_inactive");
  return rows[0].Text(0);
}

}  // namespace

using internal::LoadCampaign;

Result<CampaignGate> CheckCampaign(store::Connection& c, const std::string& campaign_id,
                                   const std::string& unit_path, const std::string& scale_code,
                                   const std::string& today) {
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
      "SELECT unit_path, scale_codes, starts_on, ends_on, show_result FROM campaigns WHERE id = $1",
      {campaign_id}));
  if (rows.empty()) return Status::NotFound();
  CampaignGate g{campaign_id, rows[0].Text(0), DecodeCodes(rows[0].Text(1)), rows[0].Int(4) != 0};
  if (!security::Scope::AtPath(g.unit_path).Contains(unit_path)) return Status::NotFound();
  if (!IsOpen(rows[0].Text(2), rows[0].Text(3), today)) return Status::Gone("campaign_closed");
  if (std::find(g.scale_codes.begin(), g.scale_codes.end(), scale_code) == g.scale_codes.end()) {
    return Status::InvalidField("scaleCode", "scale_not_in_campaign");
  }
  return g;
}

Result<Campaign> CampaignStore::Create(const security::Actor& actor, const security::Scope& scope,
                                       CampaignInput in) {
  XINAN_RETURN_IF_ERROR(ValidateCampaign(in, scale_known_));
  std::optional<Campaign> out;
  std::string today = ShanghaiDate(clock_.NowMillis());
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(std::string path, UnitPathInScope(w.conn(), scope, in.unit_id));
    std::string id = security::NewId();
    XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsert, {
        id, in.unit_id, path, in.name, store::TextOrNull(in.target_group), EncodeCodes(in.scale_codes),
        in.starts_on, in.ends_on, store::TextOrNull(in.consent_text), int64_t{in.show_result},
        in.target_size, store::TextOrNull(actor.user_id), w.NowMillis()}).status());
    XINAN_ASSIGN_OR_RETURN(out, LoadCampaign(w.conn(), scope, id, today));
    return w.Audit(actor.Event("campaign.create", "campaign", id));
  }));
  return *out;
}

Result<Campaign> CampaignStore::Get(const security::Scope& scope, const std::string& id) {
  std::optional<Campaign> out;
  std::string today = ShanghaiDate(clock_.NowMillis());
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(out, LoadCampaign(c, scope, id, today));
    return Status::Ok();
  }));
  return *out;
}

Result<Campaign> CampaignStore::Update(const security::Actor& actor, const security::Scope& scope,
                                       const std::string& id, CampaignInput in, int64_t version) {
  std::optional<Campaign> out;
  std::string today = ShanghaiDate(clock_.NowMillis());
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(Campaign current, LoadCampaign(w.conn(), scope, id, today));
    in.unit_id = current.unit_id;
    XINAN_RETURN_IF_ERROR(ValidateCampaign(in, scale_known_));
    XINAN_ASSIGN_OR_RETURN(int64_t n, w.conn().Exec(kUpdate, {
        in.name, store::TextOrNull(in.target_group), EncodeCodes(in.scale_codes), in.starts_on, in.ends_on,
        store::TextOrNull(in.consent_text), int64_t{in.show_result}, in.target_size, w.NowMillis(), id,
        version}));
    if (n == 0) return Status::Conflict("version_conflict");
    XINAN_ASSIGN_OR_RETURN(out, LoadCampaign(w.conn(), scope, id, today));
    return w.Audit(actor.Event("campaign.update", "campaign", id));
  }));
  return *out;
}

Status CampaignStore::Delete(const security::Actor& actor, const security::Scope& scope,
                             const std::string& id) {
  std::string today = ShanghaiDate(clock_.NowMillis());
  return db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(Campaign c, LoadCampaign(w.conn(), scope, id, today));
    if (c.respondents > 0) return Status::Conflict("campaign_has_responses");
    XINAN_RETURN_IF_ERROR(w.conn().Exec("DELETE FROM campaign_roster WHERE campaign_id = $1", {id}).status());
    XINAN_RETURN_IF_ERROR(w.conn().Exec("DELETE FROM campaigns WHERE id = $1", {id}).status());
    return w.Audit(actor.Event("campaign.delete", "campaign", id));
  });
}

Result<CampaignPage> CampaignStore::List(const security::Scope& scope, const CampaignFilter& f, int offset,
                                         int limit) {
  CampaignPage page;
  std::string today = ShanghaiDate(clock_.NowMillis());
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p;
    std::string where = " WHERE " + scope.Condition("c.unit_path", p);
    if (!f.q.empty()) {
      p.emplace_back("%" + f.q + "%");
      where += " AND c.name LIKE $" + std::to_string(p.size());
    }
    if (f.open_only) {  // the dates are YYYY-MM-DD text, so text order is date order (IsOpen)
      p.emplace_back(today);
      std::string on = "$" + std::to_string(p.size());
      where += " AND c.starts_on <= " + on + " AND c.ends_on >= " + on;
    }
    XINAN_ASSIGN_OR_RETURN(store::Rows n, c.Query("SELECT COUNT(*) FROM campaigns c" + where, p));
    page.total = n[0].Int(0);
    p.emplace_back(int64_t{limit});
    std::string lim = "$" + std::to_string(p.size());
    p.emplace_back(int64_t{offset});
    std::string off = "$" + std::to_string(p.size());
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(std::string(internal::kSelectCampaign) + where +
                                                         " ORDER BY c.created_at DESC, c.id LIMIT " + lim +
                                                         " OFFSET " + off, p));
    for (const auto& r : rows) page.items.push_back(internal::CampaignFromRow(r, today));
    return Status::Ok();
  }));
  return page;
}

Result<Campaign> CampaignStore::Public(const std::string& id) {
  return Get(security::Scope::AtPath("/"), id);
}

Result<CampaignStore::PublicUnit> CampaignStore::UnitByCode(const std::string& code) {
  std::optional<PublicUnit> out;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT u.code, u.name, " + org::EffectiveHotline("u") + " FROM org_units u "
        "WHERE u.code = $1 AND u.active = 1", {code}));
    if (rows.empty()) return Status::NotFound();
    out = PublicUnit{rows[0].Text(0), rows[0].Text(1), rows[0].Text(2)};
    return Status::Ok();
  }));
  return *out;
}

}  // namespace xinan::campaigns
