#include "fhir/domain/questionnaire.h"

#include <algorithm>
#include <cctype>

namespace xinan::fhir {
namespace {

// FHIR's computer-friendly name: "phq9" -> "PHQ9".
std::string MachineName(const std::string& code) {
  std::string out;
  for (char c : code) out += std::isalnum(static_cast<unsigned char>(c)) ? std::toupper(c) : '_';
  if (out.empty() || !std::isalpha(static_cast<unsigned char>(out[0]))) out = "Q" + out;
  return out;
}

// The score an option contributes (after reversal), so ordinal values add up to the raw sum.
int OptionScore(const assess::Item& item, int value) {
  if (!item.reverse) return value;
  auto [lo, hi] =
      std::minmax_element(item.options.begin(), item.options.end(),
                          [](const assess::Option& a, const assess::Option& b) { return a.value < b.value; });
  return lo->value + hi->value - value;
}

json::object ChoiceItem(const assess::Scale& s, const assess::Item& item, const Canonicals& c,
                        const std::string& lang) {
  json::object o{{"linkId", item.id}};
  PutText(o, "text", item.text, lang);
  o["type"] = "choice";
  o["required"] = true;
  if (!item.loinc.empty()) o["code"] = json::array{LoincCoding(item.loinc)};
  json::array options;
  for (const auto& opt : item.options) {
    json::object ordinal{{"url", "http://hl7.org/fhir/StructureDefinition/ordinalValue"},
                         {"valueDecimal", OptionScore(item, opt.value)}};
    options.push_back(
        json::object{{"extension", json::array{std::move(ordinal)}}, {"valueCoding", AnswerCoding(s, opt, c, lang)}});
  }
  o["answerOption"] = std::move(options);
  return o;
}

json::object ScoreItem(const std::string& link_id, const assess::Text& text, const std::string& loinc,
                       const std::string& lang) {
  json::object o{{"linkId", link_id}};
  PutText(o, "text", text, lang);
  o["type"] = "decimal";
  o["readOnly"] = true;
  if (!loinc.empty()) o["code"] = json::array{LoincCoding(loinc)};
  return o;
}

}  // namespace

assess::Text TotalText() { return {"总分", "Total score"}; }

json::object AnswerCoding(const assess::Scale& scale, const assess::Option& option, const Canonicals& c,
                          const std::string& lang) {
  json::object coding{{"system", c.AnswerSystem(scale.code)}, {"code", std::to_string(option.value)}};
  PutText(coding, "display", option.label, lang);
  return coding;
}

json::object ToQuestionnaire(const assess::Scale& s, const Canonicals& c, const std::string& lang) {
  json::object q{{"resourceType", "Questionnaire"}, {"id", s.code},         {"language", lang},
                 {"url", c.Questionnaire(s.code)},  {"version", s.version}, {"name", MachineName(s.code)}};
  PutText(q, "title", s.name, lang);
  q["status"] = "active";
  q["subjectType"] = json::array{"Patient"};
  q["publisher"] = "xinan";
  if (!s.instructions.zh.empty() || !s.instructions.en.empty()) PutText(q, "description", s.instructions, lang);
  q["copyright"] = s.license;
  if (!s.loinc_panel.empty()) q["code"] = json::array{LoincCoding(s.loinc_panel)};
  json::array items;
  for (const auto& item : s.items) items.push_back(ChoiceItem(s, item, c, lang));
  items.push_back(ScoreItem(kTotalLinkId, TotalText(), s.loinc_total, lang));
  for (const auto& f : s.factors) items.push_back(ScoreItem(kFactorLinkPrefix + f.code, f.name, "", lang));
  q["item"] = std::move(items);
  return q;
}

}  // namespace xinan::fhir
