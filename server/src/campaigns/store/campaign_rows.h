// Internal to the campaign store: the shared SELECT of a campaign with its unit and counts.
#pragma once

#include <string>

#include "campaigns/store/campaign_store.h"

namespace xinan::campaigns::internal {

// Columns: id, unit_id, unit_code, unit_name, unit_path, hotline, name, target_group,
// scale_codes, starts_on, ends_on, consent_text, show_result, target_size, version,
// created_at, updated_at, roster_size, completed, positive.
inline constexpr const char* kSelectCampaign =
    "SELECT c.id, c.unit_id, u.code, u.name, c.unit_path, u.hotline, c.name, c.target_group, "
    "c.scale_codes, c.starts_on, c.ends_on, c.consent_text, c.show_result, c.target_size, c.version, "
    "c.created_at, c.updated_at, "
    "(SELECT COUNT(*) FROM campaign_roster r WHERE r.campaign_id = c.id), "
    "(SELECT COUNT(DISTINCT a.respondent_key) FROM assessments a WHERE a.campaign_id = c.id), "
    "(SELECT COUNT(DISTINCT a.respondent_key) FROM assessments a WHERE a.campaign_id = c.id "
    "AND a.positive = 1) FROM campaigns c JOIN org_units u ON u.id = c.unit_id";

Campaign CampaignFromRow(const store::Row& r, const std::string& today);

// The campaign `id` in scope, or not_found.
Result<Campaign> LoadCampaign(store::Connection& c, const security::Scope& scope, const std::string& id,
                              const std::string& today);

}  // namespace xinan::campaigns::internal
