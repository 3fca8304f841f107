// Reading a QuestionnaireResponse that a client posts: which scale (from the questionnaire
// canonical), which resident (subject Patient/{id}) and which answers (by linkId).
#pragma once

#include <string>

#include "assess/domain/scale_library.h"
#include "common/json.h"

namespace xinan::fhir {

struct PostedResponse {
  std::string scale_code;
  std::string person_id;
  assess::Answers answers;  // linkId -> option value; completeness is checked by scoring
};

// Reads `resource`. The questionnaire is named by its canonical ("<any base>/Questionnaire/phq9",
// optionally "|<version>") or by the scale's LOINC panel code as the last path segment.
// Failure is kInvalidArgument "validation_failed" (HTTP 422) naming every wrong field:
//   resourceType/fhir_resource_type   not a QuestionnaireResponse
//   status/required, status/response_not_completed   only a completed response is scored
//   questionnaire/required, questionnaire/questionnaire_unknown,
//   questionnaire/questionnaire_version_superseded   a version other than the current one
//   subject/subject_required, subject/subject_not_patient   not a "Patient/{id}" reference
//   item/required                     no items at all
//   item/answer_invalid               an item that is not an object with a string linkId
//   item.<linkId>/answer_invalid      not one valueCoding with an option value as code (of this
//                                     scale's answer system when a system is given) or one
//                                     valueInteger, or the linkId answered twice
// Items may be nested in groups; the read-only score items (score.total, factor.*) are ignored.
Result<PostedResponse> ReadQuestionnaireResponse(const json::object& resource, const assess::ScaleLibrary& scales);

// Renames field errors of the native shape to the resource's fields ("answers.<id>" ->
// "item.<id>", "scaleCode" -> "questionnaire"); any other status is returned unchanged.
Status AsResourceErrors(const Status& status);

}  // namespace xinan::fhir
