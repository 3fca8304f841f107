#include "fhir/domain/canonical.h"

#include <cmath>

namespace xinan::fhir {

Canonicals::Canonicals(std::string base) : base_(std::move(base)) {
  while (!base_.empty() && base_.back() == '/') base_.pop_back();
}

std::string Canonicals::Questionnaire(const std::string& scale_code) const {
  return base_ + "/fhir/Questionnaire/" + scale_code;
}

std::string Canonicals::AnswerSystem(const std::string& scale_code) const {
  return base_ + "/fhir/CodeSystem/" + scale_code + "-answers";
}

std::string Canonicals::BandSystem(const std::string& scale_code) const {
  return base_ + "/fhir/CodeSystem/" + scale_code + "-bands";
}

std::string Canonicals::Extension(const std::string& name) const { return base_ + "/fhir/StructureDefinition/" + name; }

std::string OtherLanguage(const std::string& lang) { return lang == "en" ? "zh-CN" : "en"; }

const std::string& InLanguage(const assess::Text& t, const std::string& lang) { return lang == "en" ? t.en : t.zh; }

void PutText(json::object& o, const std::string& key, const assess::Text& t, const std::string& lang) {
  o[key] = InLanguage(t, lang);
  std::string other = OtherLanguage(lang);
  json::array parts{json::object{{"url", "lang"}, {"valueCode", other}},
                    json::object{{"url", "content"}, {"valueString", InLanguage(t, other)}}};
  json::object translation{{"url", "http://hl7.org/fhir/StructureDefinition/translation"},
                           {"extension", std::move(parts)}};
  o["_" + key] = json::object{{"extension", json::array{std::move(translation)}}};
}

json::object LoincCoding(const std::string& code) { return {{"system", kLoincSystem}, {"code", code}}; }

}  // namespace xinan::fhir
