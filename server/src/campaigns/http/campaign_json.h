// Internal to the campaign routes: JSON of campaigns and their parts, and the export sheets.
#pragma once

#include <vector>

#include "assess/domain/scale_library.h"
#include "campaigns/store/campaign_store.h"
#include "common/json.h"
#include "common/result.h"
#include "report/xlsx.h"

namespace xinan::campaigns::internal {

json::object CampaignJson(const Campaign& c);
json::object PublicCampaignJson(const Campaign& c);
json::object CoverageJson(const Coverage& c);
Result<CampaignInput> ParseCampaign(const json::object& body);
// One sheet per scale: every response with its answers and scores, Chinese headers. Responses
// are scored with the definition they were given under; a scale answered under more than one
// version gets a sheet per version ("PHQ-9 v1.0.0"), as their items and factors may differ.
std::vector<report::Sheet> ExportSheets(const std::vector<ResponseRow>& rows, const assess::ScaleLibrary& scales);

}  // namespace xinan::campaigns::internal
