// HTTP routes of FHIR R4 interop (application/fhir+json): every shipped scale as a
// Questionnaire, a stored result as a QuestionnaireResponse, and a posted QuestionnaireResponse
// scored and run through the warning rules exactly like the native assessment route.
#pragma once

#include <string>

#include "assess/store/assessment_store.h"
#include "http/route.h"

namespace xinan::fhir {

// `public_url` is the base of the canonical URLs (Questionnaire.url, code systems,
// extensions). Also registers the module's error messages. `store` must outlive the routes.
http::RouteTable FhirRoutes(assess::AssessmentStore& store, const std::string& public_url);

}  // namespace xinan::fhir
