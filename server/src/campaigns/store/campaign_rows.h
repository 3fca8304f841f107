// Internal to the campaign store: the shared SELECT of a campaign with its unit and counts.
#pragma once

#include <string>

#include "campaigns/store/campaign_store.h"
#include "org/store/hotline_sql.h"

namespace xinan::campaigns::internal {

// The condition on a response `a` that counts it as positive in a campaign's figures: a positive
// band or a critical answer — a minimal total with PHQ-9 item 9 > 0 is not a negative screen.
inline constexpr const char* kConcerning = " AND (a.positive = 1 OR a.critical = 1)";

// The condition on a response `a` that it was filed inside the campaign's units. A registered
// resident of another town who answers through the campaign's link is filed with their own
// unit: the campaign's users cannot see that response (by unit, export), so it is not counted.
inline constexpr const char* kInCampaignUnits = " AND substr(a.unit_path, 1, length(c.unit_path)) = c.unit_path";

// With a roster, how many of its members answered (their phone among the campaign's responses;
// `positive`: among its positive ones); else how many distinct respondents (positive ones).
// Responses filed outside the campaign's units count in neither.
inline std::string CampaignAnswered(const std::string& positive) {
  const std::string responses = std::string(" FROM assessments a WHERE a.campaign_id = c.id") + kInCampaignUnits + positive;
  return "CASE WHEN EXISTS (SELECT 1 FROM campaign_roster r WHERE r.campaign_id = c.id) "
         "THEN (SELECT COUNT(*) FROM campaign_roster r WHERE r.campaign_id = c.id AND r.phone_bidx IN "
         "(SELECT a.respondent_phone_bidx" + responses + ")) "
         "ELSE (SELECT COUNT(DISTINCT a.respondent_key)" + responses + ") END";
}

// Columns: id, unit_id, unit_code, unit_name, unit_path, hotline, name, target_group,
// scale_codes, starts_on, ends_on, consent_text, show_result, target_size, version,
// created_at, updated_at, roster_size, completed, positive, respondents.
// With a roster, completed and positive count the roster's members who answered (matched by
// phone), so walk-ins never raise the coverage; without one, every distinct respondent; both
// only responses filed inside the campaign's units. `respondents` counts every response (a
// campaign with any cannot be deleted).
inline const std::string kSelectCampaign =
    "SELECT c.id, c.unit_id, u.code, u.name, c.unit_path, " + org::EffectiveHotline("u") + ", c.name, c.target_group, "
    "c.scale_codes, c.starts_on, c.ends_on, c.consent_text, c.show_result, c.target_size, c.version, "
    "c.created_at, c.updated_at, "
    "(SELECT COUNT(*) FROM campaign_roster r WHERE r.campaign_id = c.id), " +
    CampaignAnswered("") + ", " + CampaignAnswered(kConcerning) + ", "
    "(SELECT COUNT(DISTINCT a.respondent_key) FROM assessments a WHERE a.campaign_id = c.id) "
    "FROM campaigns c JOIN org_units u ON u.id = c.unit_id";

Campaign CampaignFromRow(const store::Row& r, const std::string& today);

// The campaign `id` in scope, or not_found.
Result<Campaign> LoadCampaign(store::Connection& c, const security::Scope& scope, const std::string& id,
                              const std::string& today);

}  // namespace xinan::campaigns::internal
