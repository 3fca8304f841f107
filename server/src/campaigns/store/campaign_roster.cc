// The campaign store's roster import and listing, coverage by unit, and export rows.
#include <map>

#include "campaigns/store/campaign_rows.h"
#include "campaigns/store/campaign_store.h"
#include "common/csv.h"
#include "people/domain/phone.h"
#include "security/tokens.h"

namespace xinan::campaigns {
namespace {

using internal::LoadCampaign;

constexpr const char* kInsertMember =
    "INSERT INTO campaign_roster (id, campaign_id, unit_id, unit_path, name, phone_enc, phone_bidx, "
    "phone_masked, group_label, line_no) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

struct UnitRef {
  std::string id, path;
};

// The units of `lines` by code, each inside `campaign_path`; a line-numbered error in `errs`
// for every other (lines without a code already have theirs from the parser).
Result<std::map<std::string, UnitRef>> ResolveUnits(store::Connection& c, const std::string& campaign_path,
                                                    const std::vector<RosterLine>& lines,
                                                    std::vector<FieldError>& errs) {
  std::map<std::string, UnitRef> units;
  security::Scope within = security::Scope::AtPath(campaign_path);
  for (const auto& l : lines) {
    if (l.unit_code.empty() || units.count(l.unit_code)) continue;
    store::Params p{l.unit_code};
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT id, path FROM org_units WHERE code = $1 AND " + within.Condition("path", p), p));
    if (rows.empty()) {
      errs.push_back({LineField(l.line_no, "unitCode"), "unit_not_found"});
      continue;
    }
    units[l.unit_code] = {rows[0].Text(0), rows[0].Text(1)};
  }
  return units;
}

}  // namespace

Result<int> CampaignStore::ImportRoster(const security::Actor& actor, const security::Scope& scope,
                                        const std::string& id, const ParsedRoster& roster) {
  std::string today = ShanghaiDate(clock_.NowMillis());
  const std::vector<RosterLine>& lines = roster.lines;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(Campaign c, LoadCampaign(w.conn(), scope, id, today));
    std::vector<FieldError> errs = roster.errors;
    XINAN_ASSIGN_OR_RETURN(auto units, ResolveUnits(w.conn(), c.unit_path, lines, errs));
    XINAN_RETURN_IF_ERROR(RosterStatus(std::move(errs), lines.size()));
    XINAN_RETURN_IF_ERROR(w.conn().Exec("DELETE FROM campaign_roster WHERE campaign_id = $1", {id}).status());
    for (const auto& l : lines) {
      const UnitRef& u = units.at(l.unit_code);
      bool phone = !l.phone.empty();
      XINAN_RETURN_IF_ERROR(w.conn().Exec(kInsertMember, {
          security::NewId(), id, u.id, u.path, l.name,
          phone ? store::SqlValue(cipher_.Encrypt(l.phone)) : store::Null(),
          phone ? store::SqlValue(cipher_.BlindIndex("phone", l.phone)) : store::Null(),
          phone ? store::SqlValue(people::MaskPhone(l.phone)) : store::Null(),
          store::TextOrNull(l.group), int64_t{l.line_no}}).status());
    }
    return w.Audit(actor.Event("campaign.roster_import", "campaign", id, "",
                               std::to_string(lines.size()) + " lines"));
  }));
  return static_cast<int>(lines.size());
}

Result<RosterPage> CampaignStore::Roster(const security::Scope& scope, const std::string& id,
                                         const std::string& q, int offset, int limit) {
  RosterPage page;
  std::string today = ShanghaiDate(clock_.NowMillis());
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    XINAN_RETURN_IF_ERROR(LoadCampaign(c, scope, id, today).status());
    store::Params p{id};
    std::string where = " WHERE r.campaign_id = $1 AND " + scope.Condition("r.unit_path", p);
    if (!q.empty()) {
      p.emplace_back(q + "%");
      where += " AND r.name LIKE $" + std::to_string(p.size());
    }
    XINAN_ASSIGN_OR_RETURN(store::Rows n, c.Query("SELECT COUNT(*) FROM campaign_roster r" + where, p));
    page.total = n[0].Int(0);
    p.emplace_back(int64_t{limit});
    p.emplace_back(int64_t{offset});
    std::string lim = "$" + std::to_string(p.size() - 1), off = "$" + std::to_string(p.size());
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT r.id, r.name, r.phone_masked, u.name, r.group_label, CASE WHEN EXISTS (SELECT 1 FROM "
        "assessments a WHERE a.campaign_id = r.campaign_id AND a.respondent_phone_bidx = r.phone_bidx) "
        "THEN 1 ELSE 0 END "
        "FROM campaign_roster r JOIN org_units u ON u.id = r.unit_id" + where +
        " ORDER BY r.line_no LIMIT " + lim + " OFFSET " + off, p));
    for (const auto& r : rows) {
      page.items.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5) != 0});
    }
    return Status::Ok();
  }));
  return page;
}

Result<CampaignStats> CampaignStore::Stats(const security::Scope& scope, const std::string& id) {
  CampaignStats out;
  std::string today = ShanghaiDate(clock_.NowMillis());
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(Campaign camp, LoadCampaign(c, scope, id, today));
    out.total = CountCoverage(camp.roster_size, camp.input.target_size, camp.completed, camp.positive);
    out.respondents = camp.respondents;
    store::Params p{id};
    std::string in_scope = scope.Condition("u.path", p);
    // As overall: with a roster, the unit's roster members who answered; else its respondents.
    auto answered = [&](const char* positive) {
      return camp.roster_size > 0
          ? std::string("(SELECT COUNT(*) FROM campaign_roster r WHERE r.campaign_id = $1 AND r.unit_id = u.id "
                        "AND r.phone_bidx IN (SELECT a.respondent_phone_bidx FROM assessments a "
                        "WHERE a.campaign_id = $1") + positive + "))"
          : std::string("(SELECT COUNT(DISTINCT a.respondent_key) FROM assessments a WHERE a.campaign_id = $1 "
                        "AND a.unit_id = u.id") + positive + ")";
    };
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT u.id, u.code, u.name, "
        "(SELECT COUNT(*) FROM campaign_roster r WHERE r.campaign_id = $1 AND r.unit_id = u.id), " +
        answered("") + ", " + answered(internal::kConcerning) + " FROM org_units u WHERE " + in_scope +
        " AND (u.id IN (SELECT unit_id FROM campaign_roster WHERE campaign_id = $1) "
        "OR u.id IN (SELECT unit_id FROM assessments WHERE campaign_id = $1)) ORDER BY u.code", p));
    for (const auto& r : rows) {
      out.by_unit.push_back({r.Text(0), r.Text(1), r.Text(2), CountCoverage(r.Int(3), 0, r.Int(4), r.Int(5))});
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<ResponseRow>> CampaignStore::Responses(const security::Actor& actor,
                                                          const security::Scope& scope,
                                                          const std::string& id) {
  std::vector<ResponseRow> out;
  std::string today = ShanghaiDate(clock_.NowMillis());
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_RETURN_IF_ERROR(LoadCampaign(w.conn(), scope, id, today).status());
    store::Params p{id};
    // A resident is named only while in the caller's scope (one who moved to a sibling village
    // keeps the answer here, not the name), as in the alert inbox.
    std::string resident_in_scope = scope.Condition("pe.unit_path", p);
    std::string in_scope = scope.Condition("a.unit_path", p);
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT a.id, u.name, COALESCE(pe.name, a.respondent_name, ''), a.scale_code, a.scale_version, "
        "a.answers, a.raw_score, a.total_score, a.band, a.positive, a.created_at, a.critical, "
        "COALESCE(al.level, ''), a.person_id FROM assessments a "
        "JOIN org_units u ON u.id = a.unit_id "
        "LEFT JOIN people pe ON pe.id = a.person_id AND " + resident_in_scope +
        " LEFT JOIN alerts al ON al.assessment_id = a.id "
        "WHERE a.campaign_id = $1 AND " + in_scope + " ORDER BY a.created_at, a.id", p));
    for (const auto& r : rows) {
      out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Real(6), r.Real(7),
                     r.Text(8), r.Int(9) != 0, r.Int(10), r.Int(11) != 0, r.Text(12)});
      // The export shows this resident's answers: the log can tell who saw them.
      if (!r.IsNull(13)) XINAN_RETURN_IF_ERROR(w.Audit(actor.Event("campaign.export", "assessment", r.Text(0), r.Text(13))));
    }
    return w.Audit(actor.Event("campaign.export", "campaign", id, "", std::to_string(out.size()) + " rows"));
  }));
  return out;
}

}  // namespace xinan::campaigns
