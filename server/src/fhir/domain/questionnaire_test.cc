// Scales as FHIR Questionnaires and stored results as QuestionnaireResponses: canonicals,
// LOINC codes, answer codings, reverse-item ordinal values, score items, both languages.
#include "fhir/domain/questionnaire.h"

#include <gtest/gtest.h>

#include "fhir/domain/questionnaire_response.h"
#include "fhir/domain/response_reader.h"
#include "fhir/domain/shipped_scales.h"

namespace xinan::fhir {
namespace {

using testing::ShippedScales;

const Canonicals kBase("https://x.test/");

const assess::Scale& Scale(const std::string& code) {
  const assess::Scale* s = ShippedScales().Latest(code);
  if (!s) throw std::runtime_error("no scale " + code);
  return *s;
}

// The item with `link_id`, or an empty object.
json::object ItemById(const json::object& resource, const std::string& link_id) {
  for (const auto& i : resource.at("item").as_array()) {
    if (i.as_object().at("linkId").as_string() == link_id) return i.as_object();
  }
  ADD_FAILURE() << "no item " << link_id;
  return {};
}

std::string Str(const json::value& v) { return std::string(v.as_string()); }

TEST(Questionnaire, Phq9HasCanonicalLoincAndAnswerCodings) {
  json::object q = ToQuestionnaire(Scale("phq9"), kBase, "zh-CN");
  EXPECT_EQ(Str(q.at("resourceType")), "Questionnaire");
  EXPECT_EQ(Str(q.at("id")), "phq9");
  EXPECT_EQ(Str(q.at("url")), "https://x.test/fhir/Questionnaire/phq9");
  EXPECT_EQ(Str(q.at("version")), "1.0.0");
  EXPECT_EQ(Str(q.at("status")), "active");
  EXPECT_EQ(Str(q.at("name")), "PHQ9");
  EXPECT_EQ(Serialize(q.at("code")), R"([{"system":"http://loinc.org","code":"44249-1"}])");
  ASSERT_EQ(q.at("item").as_array().size(), 10u) << "nine questions and the total";
  json::object nine = ItemById(q, "9");
  EXPECT_EQ(Str(nine.at("type")), "choice");
  EXPECT_EQ(Str(nine.at("code").as_array()[0].as_object().at("code")), "44260-8");
  const auto& options = nine.at("answerOption").as_array();
  ASSERT_EQ(options.size(), 4u);
  const auto& coding = options[1].as_object().at("valueCoding").as_object();
  EXPECT_EQ(Str(coding.at("system")), "https://x.test/fhir/CodeSystem/phq9-answers");
  EXPECT_EQ(Str(coding.at("code")), "1");
  EXPECT_EQ(Str(coding.at("display")), "好几天");
  EXPECT_NE(Serialize(coding.at("_display")).find("Several days"), std::string::npos);
  json::object total = ItemById(q, kTotalLinkId);
  EXPECT_EQ(Str(total.at("type")), "decimal");
  EXPECT_TRUE(total.at("readOnly").as_bool());
  EXPECT_EQ(Str(total.at("code").as_array()[0].as_object().at("code")), "44261-6");
}

TEST(Questionnaire, EnglishTextsWithChineseTranslation) {
  json::object q = ToQuestionnaire(Scale("gad7"), kBase, "en");
  EXPECT_EQ(Str(q.at("language")), "en");
  EXPECT_EQ(Str(ItemById(q, "1").at("text")), "Feeling nervous, anxious, or on edge");
  EXPECT_NE(Serialize(ItemById(q, "1").at("_text")).find(R"("valueCode":"zh-CN")"), std::string::npos);
}

// An option's ordinalValue is its score after reversal, so ordinals add up to the raw sum.
TEST(Questionnaire, OrdinalValuesFollowReverseItemsTable) {
  struct Case {
    std::string scale, item;
    size_t option;
    int value, ordinal;
  };
  const Case cases[] = {
      {"sas", "1", 0, 1, 1},   {"sas", "5", 0, 1, 4},   {"sas", "5", 3, 4, 1},
      {"pss10", "4", 0, 0, 4}, {"pss10", "3", 4, 4, 4}, {"phq15", "4", 2, 2, 2},
  };
  for (const auto& c : cases) {
    json::object q = ToQuestionnaire(Scale(c.scale), kBase, "zh-CN");
    json::object item = ItemById(q, c.item);
    const auto& opt = item.at("answerOption").as_array().at(c.option).as_object();
    EXPECT_EQ(Str(opt.at("valueCoding").as_object().at("code")), std::to_string(c.value)) << c.scale << c.item;
    EXPECT_EQ(opt.at("extension").as_array()[0].as_object().at("valueDecimal").as_int64(), c.ordinal)
        << c.scale << " item " << c.item;
  }
}

TEST(Questionnaire, FactorsAreReadOnlyScoreItemsAndLoincOnlyWhereKnown) {
  json::object pss = ToQuestionnaire(Scale("pss10"), kBase, "zh-CN");
  EXPECT_EQ(pss.count("code"), 0u) << "no LOINC panel in the definition, none invented";
  json::object f = ItemById(pss, "factor.helplessness");
  EXPECT_TRUE(f.at("readOnly").as_bool());
  EXPECT_EQ(Str(f.at("text")), "紧张感（知觉无助）");
  EXPECT_EQ(pss.at("item").as_array().size(), 13u);
  json::object phq15 = ToQuestionnaire(Scale("phq15"), kBase, "zh-CN");
  EXPECT_EQ(Str(phq15.at("code").as_array()[0].as_object().at("code")), "69728-4");
}

TEST(Numbers, WholeScoresAreIntegers) {
  EXPECT_EQ(Serialize(WholeOrReal(12)), "12");
  EXPECT_EQ(Serialize(WholeOrReal(0)), "0");
  EXPECT_EQ(Serialize(WholeOrReal(2.5)), "2.5E0");
}

StoredResponse Stored(const std::string& code, const assess::Answers& answers, const std::string& person) {
  StoredResponse r{"a1", person, 1700000000000, &Scale(code), answers, {}};
  auto score = assess::Score(*r.scale, answers);
  EXPECT_TRUE(score.ok()) << score.status().ToString();
  if (score.ok()) r.score = *score;
  return r;
}

TEST(QuestionnaireResponse, Phq9WithSubjectAnswersTotalAndCodes) {
  assess::Answers a{{"1", 3}, {"2", 3}, {"3", 3}, {"4", 3}, {"5", 0}, {"6", 0}, {"7", 0}, {"8", 0}, {"9", 1}};
  json::object qr = ToQuestionnaireResponse(Stored("phq9", a, "p42"), kBase, "zh-CN");
  EXPECT_EQ(Str(qr.at("resourceType")), "QuestionnaireResponse");
  EXPECT_EQ(Str(qr.at("id")), "a1");
  EXPECT_EQ(Str(qr.at("questionnaire")), "https://x.test/fhir/Questionnaire/phq9|1.0.0");
  EXPECT_EQ(Str(qr.at("status")), "completed");
  EXPECT_EQ(Str(qr.at("subject").as_object().at("reference")), "Patient/p42");
  EXPECT_EQ(Str(qr.at("authored")), "2023-11-15T06:13:20.000+08:00");  // 2023-11-14T22:13:20Z
  json::object nine = ItemById(qr, "9");
  const auto& coding = nine.at("answer").as_array()[0].as_object().at("valueCoding").as_object();
  EXPECT_EQ(Str(coding.at("code")), "1");
  EXPECT_EQ(Str(coding.at("system")), "https://x.test/fhir/CodeSystem/phq9-answers");
  EXPECT_NE(Serialize(nine.at("extension")).find("44260-8"), std::string::npos);
  json::object total = ItemById(qr, kTotalLinkId);
  EXPECT_EQ(Serialize(total.at("answer")), R"([{"valueDecimal":13}])");
  EXPECT_NE(Serialize(total.at("extension")).find("44261-6"), std::string::npos);
  std::string ext = Serialize(qr.at("extension"));
  EXPECT_NE(ext.find("44249-1"), std::string::npos);
  EXPECT_NE(ext.find(R"("code":"moderate")"), std::string::npos);
}

TEST(QuestionnaireResponse, AnonymousHasNoSubjectAndFactorsAreItems) {
  assess::Answers a;
  for (int i = 1; i <= 10; ++i) a[std::to_string(i)] = 4;
  json::object qr = ToQuestionnaireResponse(Stored("pss10", a, ""), kBase, "en");
  EXPECT_EQ(qr.count("subject"), 0u);
  EXPECT_EQ(Serialize(ItemById(qr, "factor.helplessness").at("answer")), R"([{"valueDecimal":24}])");
  EXPECT_EQ(Serialize(ItemById(qr, "factor.lack_of_efficacy").at("answer")), R"([{"valueDecimal":0}])");
  EXPECT_EQ(Serialize(ItemById(qr, kTotalLinkId).at("answer")), R"([{"valueDecimal":24}])");
}

// What we serve can be posted back: same scale, same resident, same answers.
TEST(QuestionnaireResponse, RoundTripsThroughTheReader) {
  for (const std::string code : {"phq9", "sas", "pss10", "phq15"}) {
    assess::Answers a;
    int n = 0;
    for (const auto& item : Scale(code).items) a[item.id] = item.options[n++ % item.options.size()].value;
    json::object qr = ToQuestionnaireResponse(Stored(code, a, "p7"), kBase, "zh-CN");
    auto back = ReadQuestionnaireResponse(qr, ShippedScales());
    ASSERT_TRUE(back.ok()) << code << ": " << back.status().ToString();
    EXPECT_EQ(back->scale_code, code);
    EXPECT_EQ(back->person_id, "p7");
    EXPECT_EQ(back->answers, a) << code;
  }
}

}  // namespace
}  // namespace xinan::fhir
