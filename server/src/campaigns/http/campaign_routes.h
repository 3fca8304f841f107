// HTTP routes of screening campaigns (/api/v1/campaigns…) and the public view of a
// campaign's or a unit's self-assessment link (/api/v1/public/…).
#pragma once

#include "assess/domain/scale_library.h"
#include "campaigns/store/campaign_store.h"
#include "http/route.h"

namespace xinan::campaigns {

http::RouteTable CampaignRoutes(CampaignStore& store, const assess::ScaleLibrary& scales);
void RegisterCampaignMessages();

}  // namespace xinan::campaigns
