// CampaignStore: screening campaigns of a unit and its subtree — the campaign, its roster
// (target list), coverage and positive rate by unit, the public view of its link, and the
// rows of its Excel export. Every query carries the scope condition; writes are audited.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "campaigns/domain/campaign.h"
#include "campaigns/domain/roster.h"
#include "common/clock.h"
#include "security/actor.h"
#include "security/field_cipher.h"
#include "security/scope.h"
#include "store/database.h"

namespace xinan::campaigns {

struct Campaign {
  std::string id, unit_id, unit_code, unit_name, unit_path, hotline;
  CampaignInput input;
  int64_t roster_size = 0, completed = 0, positive = 0;  // see kSelectCampaign
  int64_t respondents = 0;  // every distinct respondent, on the roster or not
  int64_t version = 1, created_at = 0, updated_at = 0;
  bool open = false;  // on the Asia/Shanghai date it was loaded
};

// Which campaigns a list shows: name containing `q`, and only those open today.
struct CampaignFilter {
  std::string q;
  bool open_only = false;
};

struct CampaignPage {
  std::vector<Campaign> items;
  int64_t total = 0;
};

struct RosterMember {
  std::string id, name, phone_masked, unit_name, group;
  bool completed = false;
};

struct RosterPage {
  std::vector<RosterMember> items;
  int64_t total = 0;
};

struct UnitCoverage {
  std::string unit_id, unit_code, unit_name;
  Coverage coverage;
};

struct CampaignStats {
  Coverage total;
  int64_t respondents = 0;  // every distinct respondent, on the roster or not
  std::vector<UnitCoverage> by_unit;
};

// One stored response of a campaign, for the export.
struct ResponseRow {
  std::string assessment_id, unit_name, respondent, scale_code, scale_version, answers_json;
  double raw = 0, total = 0;
  std::string band;
  bool positive = false;
  int64_t created_at = 0;
  bool critical = false;    // a critical answer (e.g. PHQ-9 item 9 > 0)
  std::string alert_level;  // red | orange | yellow, or empty when it raised none
};

// What the self-assessment gate needs of a campaign.
struct CampaignGate {
  std::string id, unit_path;
  std::vector<std::string> scale_codes;
  bool show_result = true;
};
// The campaign a public submission names, checked: unknown → not_found; the link's unit
// (`unit_path`) outside the campaign's subtree → not_found; not open on `today` → 410
// campaign_closed; `scale_code` not one of its scales → field scaleCode/scale_not_in_campaign.
Result<CampaignGate> CheckCampaign(store::Connection& c, const std::string& campaign_id,
                                   const std::string& unit_path, const std::string& scale_code,
                                   const std::string& today);

class CampaignStore {
 public:
  using ScaleKnown = std::function<bool(const std::string&)>;
  CampaignStore(store::Database& db, const security::FieldCipher& cipher, const Clock& clock,
                ScaleKnown scale_known)
      : db_(db), cipher_(cipher), clock_(clock), scale_known_(std::move(scale_known)) {}

  // Creates a validated campaign of a unit in scope (unit outside → field unitId/unit_not_found).
  Result<Campaign> Create(const security::Actor& actor, const security::Scope& scope, CampaignInput in);
  Result<Campaign> Get(const security::Scope& scope, const std::string& id);
  // Replaces the campaign when `version` matches (409 version_conflict); the unit stays.
  Result<Campaign> Update(const security::Actor& actor, const security::Scope& scope,
                          const std::string& id, CampaignInput in, int64_t version);
  // Deletes a campaign without responses (409 campaign_has_responses otherwise) and its roster.
  Status Delete(const security::Actor& actor, const security::Scope& scope, const std::string& id);
  // Campaigns whose unit is in scope and whose name contains `q`, newest first.
  Result<CampaignPage> List(const security::Scope& scope, const CampaignFilter& f, int offset, int limit);

  // Replaces the roster with `roster`'s lines (all or nothing): every unit code must name a unit
  // inside the campaign's subtree (field "line N: unitCode"/unit_not_found). Those errors and the
  // parser's come back together, in line order (import_failed). Returns the count.
  Result<int> ImportRoster(const security::Actor& actor, const security::Scope& scope,
                           const std::string& id, const ParsedRoster& roster);
  Result<RosterPage> Roster(const security::Scope& scope, const std::string& id, const std::string& q,
                            int offset, int limit);
  Result<CampaignStats> Stats(const security::Scope& scope, const std::string& id);
  // Every response of the campaign, oldest first, naming a registered resident only while the
  // resident is in `scope`; audited as campaign.export of the campaign, and of each registered
  // resident's result (with the person) so the log tells who saw whose answers.
  Result<std::vector<ResponseRow>> Responses(const security::Actor& actor, const security::Scope& scope,
                                             const std::string& id);
  // The public face of a campaign's link (no scope: anyone holding the link sees this).
  Result<Campaign> Public(const std::string& id);
  // The public face of an active unit's link: code, name, hotline (not_found otherwise).
  struct PublicUnit {
    std::string code, name, hotline;
  };
  Result<PublicUnit> UnitByCode(const std::string& code);

 private:
  store::Database& db_;
  const security::FieldCipher& cipher_;
  const Clock& clock_;
  ScaleKnown scale_known_;
};

}  // namespace xinan::campaigns
