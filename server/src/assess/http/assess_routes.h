// HTTP routes of screening: the scale library, counsellor-administered assessments of a
// resident, and the public (no login) self-assessment of a unit's link.
#pragma once

#include "assess/store/assessment_store.h"
#include "http/route.h"
#include "identity/domain/rate_limiter.h"

namespace xinan::assess {

// `self_assessments_per_minute` limits public submissions per client address.
http::RouteTable AssessRoutes(AssessmentStore& store, const Clock& clock, int self_assessments_per_minute,
                             const std::string& public_url);
void RegisterAssessMessages();

}  // namespace xinan::assess
