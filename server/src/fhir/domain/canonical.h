// The URLs that name xinan's FHIR artefacts (Questionnaire canonicals, answer code systems,
// extensions), all derived from the server's public base URL, and the small JSON pieces every
// FHIR resource here shares (texts with their translation, whole numbers as integers).
#pragma once

#include <string>

#include "assess/domain/scale.h"
#include "common/json.h"

namespace xinan::fhir {

inline constexpr const char* kLoincSystem = "http://loinc.org";
inline constexpr const char* kFhirJson = "application/fhir+json; charset=utf-8";

class Canonicals {
 public:
  // `base` is the public URL of this server, e.g. "https://xinan.example.org"; a trailing
  // slash is dropped.
  explicit Canonicals(std::string base);

  // "<base>/fhir/Questionnaire/<code>"
  std::string Questionnaire(const std::string& scale_code) const;
  // The code system of a scale's answer options: codes are the option values ("0", "1", …).
  std::string AnswerSystem(const std::string& scale_code) const;
  // The code system of a scale's severity bands (codes as in the definition: "mild", …).
  std::string BandSystem(const std::string& scale_code) const;
  // "<base>/fhir/StructureDefinition/<name>": xinan's own extensions (item-code, score-band).
  std::string Extension(const std::string& name) const;

 private:
  std::string base_;
};

// The language that is not `lang` ("zh-CN" <-> "en").
std::string OtherLanguage(const std::string& lang);
// The text of `t` in `lang` ("en" or zh-CN for anything else).
const std::string& InLanguage(const assess::Text& t, const std::string& lang);
// Sets o[key] to the text in `lang` and o["_" + key] to the standard translation extension
// carrying the other language, so one resource serves both.
void PutText(json::object& o, const std::string& key, const assess::Text& t, const std::string& lang);
// {"system": "http://loinc.org", "code": code}
json::object LoincCoding(const std::string& code);

}  // namespace xinan::fhir
