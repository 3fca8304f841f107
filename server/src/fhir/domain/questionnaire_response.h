// A stored assessment as a FHIR R4 QuestionnaireResponse: the questionnaire canonical with the
// version it was scored with, the subject when the person is known, each answer as valueCoding
// (code = the option value), the total and factor scores as read-only items, and LOINC codes
// and the severity band in xinan's extensions (QuestionnaireResponse.item has no `code`).
#pragma once

#include <cstdint>
#include <string>

#include "assess/domain/scale.h"
#include "common/json.h"
#include "fhir/domain/canonical.h"

namespace xinan::fhir {

// What the mapping needs of a stored result; the caller keeps `scale` alive.
struct StoredResponse {
  std::string id;
  std::string person_id;                 // "" for an anonymous self-assessment
  int64_t created_at = 0;                // epoch milliseconds
  const assess::Scale* scale = nullptr;  // the version the answers were scored with
  assess::Answers answers;
  assess::ScoreResult score;
};

// Extension names (under Canonicals::Extension): the LOINC code of an item or of the whole
// response, and the severity band of the total.
inline constexpr const char* kItemCodeExtension = "item-code";
inline constexpr const char* kScoreBandExtension = "score-band";

// The QuestionnaireResponse (status completed) with texts in `lang` ("zh-CN" or "en").
json::object ToQuestionnaireResponse(const StoredResponse& r, const Canonicals& canonicals, const std::string& lang);

}  // namespace xinan::fhir
