#include "fhir/domain/questionnaire_response.h"

#include "common/clock.h"
#include "fhir/domain/questionnaire.h"

namespace xinan::fhir {
namespace {

json::object ItemCode(const Canonicals& c, const std::string& loinc) {
  return {{"url", c.Extension(kItemCodeExtension)}, {"valueCoding", LoincCoding(loinc)}};
}

const assess::Option* OptionOf(const assess::Item& item, int value) {
  for (const auto& o : item.options)
    if (o.value == value) return &o;
  return nullptr;
}

json::object AnswerItem(const StoredResponse& r, const assess::Item& item, int value, const Canonicals& c,
                        const std::string& lang) {
  json::object o{{"linkId", item.id}};
  if (!item.loinc.empty()) o["extension"] = json::array{ItemCode(c, item.loinc)};
  PutText(o, "text", item.text, lang);
  json::object answer;
  if (const assess::Option* opt = OptionOf(item, value)) {
    answer["valueCoding"] = AnswerCoding(*r.scale, *opt, c, lang);
  } else {
    answer["valueInteger"] = value;  // only if the definition changed under a stored answer
  }
  o["answer"] = json::array{std::move(answer)};
  return o;
}

json::object ScoreItem(const std::string& link_id, const assess::Text& text, double score, const std::string& loinc,
                       const Canonicals& c, const std::string& lang) {
  json::object o{{"linkId", link_id}};
  if (!loinc.empty()) o["extension"] = json::array{ItemCode(c, loinc)};
  PutText(o, "text", text, lang);
  o["answer"] = json::array{json::object{{"valueDecimal", WholeOrReal(score)}}};
  return o;
}

json::array Extensions(const StoredResponse& r, const Canonicals& c, const std::string& lang) {
  json::array ext;
  if (!r.scale->loinc_panel.empty()) ext.push_back(ItemCode(c, r.scale->loinc_panel));
  for (const auto& b : r.scale->bands) {
    if (b.code != r.score.band) continue;
    json::object coding{{"system", c.BandSystem(r.scale->code)}, {"code", b.code}};
    PutText(coding, "display", b.label, lang);
    ext.push_back(json::object{{"url", c.Extension(kScoreBandExtension)}, {"valueCoding", std::move(coding)}});
  }
  return ext;
}

}  // namespace

json::object ToQuestionnaireResponse(const StoredResponse& r, const Canonicals& c, const std::string& lang) {
  const assess::Scale& s = *r.scale;
  json::object qr{{"resourceType", "QuestionnaireResponse"}, {"id", r.id}, {"language", lang}};
  if (json::array ext = Extensions(r, c, lang); !ext.empty()) qr["extension"] = std::move(ext);
  qr["questionnaire"] = c.Questionnaire(s.code) + "|" + s.version;
  qr["status"] = "completed";
  if (!r.person_id.empty()) qr["subject"] = json::object{{"reference", "Patient/" + r.person_id}};
  qr["authored"] = FormatInstant(r.created_at);
  json::array items;
  for (const auto& item : s.items) {
    auto a = r.answers.find(item.id);
    if (a != r.answers.end()) items.push_back(AnswerItem(r, item, a->second, c, lang));
  }
  items.push_back(ScoreItem(kTotalLinkId, TotalText(), r.score.total, s.loinc_total, c, lang));
  for (const auto& f : s.factors) {
    for (const auto& fs : r.score.factors) {
      if (fs.code == f.code) items.push_back(ScoreItem(kFactorLinkPrefix + f.code, f.name, fs.score, "", c, lang));
    }
  }
  qr["item"] = std::move(items);
  return qr;
}

}  // namespace xinan::fhir
