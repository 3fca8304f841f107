// A scale definition as a FHIR R4 Questionnaire: one choice item per question (linkId = item
// id, answerOption valueCoding with the option value as code and its score as ordinalValue,
// LOINC codes where the scale has them) and read-only items for the computed scores.
#pragma once

#include <string>

#include "assess/domain/scale.h"
#include "common/json.h"
#include "fhir/domain/canonical.h"

namespace xinan::fhir {

// linkIds of the computed, read-only items: the total and one per factor ("factor.<code>").
inline constexpr const char* kTotalLinkId = "score.total";
inline constexpr const char* kFactorLinkPrefix = "factor.";

// The Questionnaire of `scale` (status active, version = the definition's version). Texts are
// in `lang` ("zh-CN" or "en") with the other language in the translation extension.
json::object ToQuestionnaire(const assess::Scale& scale, const Canonicals& canonicals, const std::string& lang);

// The answerOption-style Coding of one option of `scale`: system AnswerSystem(code),
// code = the option value, display in `lang`.
json::object AnswerCoding(const assess::Scale& scale, const assess::Option& option, const Canonicals& canonicals,
                          const std::string& lang);

// The text of the total-score item in `lang`.
assess::Text TotalText();

}  // namespace xinan::fhir
