// Reading posted QuestionnaireResponses: the accepted shapes, and a table of broken resources
// with the field errors each must produce.
#include "fhir/domain/response_reader.h"

#include <gtest/gtest.h>

#include "fhir/domain/shipped_scales.h"

namespace xinan::fhir {
namespace {

using testing::ShippedScales;

// A GAD-7 response for Patient/p1: items 1–7 answered 3,3,3,3,3,0,0 (two of them in a group).
constexpr const char* kValid = R"({
  "resourceType": "QuestionnaireResponse",
  "questionnaire": "https://elsewhere.test/fhir/Questionnaire/gad7|1.0.0",
  "status": "completed",
  "subject": {"reference": "Patient/p1"},
  "item": [
    {"linkId": "1", "answer": [{"valueCoding": {"system": "https://x.test/fhir/CodeSystem/gad7-answers", "code": "3"}}]},
    {"linkId": "2", "answer": [{"valueCoding": {"code": "3"}}]},
    {"linkId": "3", "answer": [{"valueInteger": 3}]},
    {"linkId": "4", "answer": [{"valueCoding": {"code": "3"}}]},
    {"linkId": "5", "answer": [{"valueCoding": {"code": "3"}}]},
    {"linkId": "grp", "item": [
      {"linkId": "6", "answer": [{"valueCoding": {"code": "0"}}]},
      {"linkId": "7", "answer": [{"valueCoding": {"code": "0"}}]}]},
    {"linkId": "score.total", "answer": [{"valueDecimal": 99}]}
  ]
})";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? s : s.replace(at, from.size(), to);
}

Result<PostedResponse> Read(const std::string& text) {
  auto o = ParseObject(text);
  EXPECT_TRUE(o.ok()) << text;
  return ReadQuestionnaireResponse(*o, ShippedScales());
}

TEST(ResponseReader, AcceptsCodingsIntegersGroupsAndIgnoresScoreItems) {
  auto r = Read(kValid);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->scale_code, "gad7");
  EXPECT_EQ(r->person_id, "p1");
  EXPECT_EQ(r->answers, (assess::Answers{{"1", 3}, {"2", 3}, {"3", 3}, {"4", 3}, {"5", 3}, {"6", 0}, {"7", 0}}));
}

TEST(ResponseReader, NamesTheQuestionnaireManyWaysTable) {
  struct Case {
    std::string questionnaire, want_scale;
  };
  const Case cases[] = {
      {"gad7", "gad7"},
      {"Questionnaire/gad7", "gad7"},
      {"https://x.test/fhir/Questionnaire/gad7", "gad7"},
      {"http://loinc.org/q/69737-5", "gad7"},  // the LOINC panel names the scale too
      {"https://x.test/fhir/Questionnaire/phq9|1.0.0", "phq9"},
  };
  for (const auto& c : cases) {
    std::string text = Replace(kValid, "https://elsewhere.test/fhir/Questionnaire/gad7|1.0.0", c.questionnaire);
    if (c.want_scale == "phq9") text = Replace(text, "gad7-answers", "phq9-answers");
    auto r = Read(text);
    ASSERT_TRUE(r.ok()) << c.questionnaire << ": " << r.status().ToString();
    EXPECT_EQ(r->scale_code, c.want_scale) << c.questionnaire;
  }
  auto abs = Read(Replace(kValid, R"("Patient/p1")", R"("https://his.test/fhir/Patient/p9")"));
  ASSERT_TRUE(abs.ok());
  EXPECT_EQ(abs->person_id, "p9");
}

TEST(ResponseReader, BrokenResourcesNameTheirFieldsTable) {
  struct Case {
    std::string from, to;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {R"("resourceType": "QuestionnaireResponse")",
       R"("resourceType": "Patient")",
       {"resourceType:fhir_resource_type"}},
      {R"("status": "completed",)", "", {"status:required"}},
      {R"("status": "completed")", R"("status": "in-progress")", {"status:response_not_completed"}},
      {R"("questionnaire": "https://elsewhere.test/fhir/Questionnaire/gad7|1.0.0",)", "", {"questionnaire:required"}},
      {"Questionnaire/gad7|", "Questionnaire/scl90|", {"questionnaire:questionnaire_unknown"}},
      {"gad7|1.0.0", "gad7|9.9.9", {"questionnaire:questionnaire_unknown"}},
      {R"("subject": {"reference": "Patient/p1"},)", "", {"subject:subject_required"}},
      {R"("Patient/p1")", R"("Group/g1")", {"subject:subject_not_patient"}},
      {R"("Patient/p1")", R"("Patient/")", {"subject:subject_not_patient"}},
      {R"("Patient/p1")", R"("MyPatient/p1")", {"subject:subject_not_patient"}},
      {R"({"linkId": "2", "answer": [{"valueCoding": {"code": "3"}}]})",
       R"({"linkId": "2", "answer": [{"valueCoding": {"code": "three"}}]})",
       {"item.2:answer_invalid"}},
      {R"("valueInteger": 3)", R"("valueString": "3")", {"item.3:answer_invalid"}},
      {"https://x.test/fhir/CodeSystem/gad7-answers", "http://loinc.org", {"item.1:answer_invalid"}},
      {R"({"linkId": "4", "answer": [{"valueCoding": {"code": "3"}}]})",
       R"({"linkId": "4", "answer": [{"valueCoding": {"code": "3"}}, {"valueCoding": {"code": "2"}}]})",
       {"item.4:answer_invalid"}},
      {R"({"linkId": "5",)", R"({"linkId": "4",)", {"item.4:answer_invalid"}},
      {R"({"linkId": "1",)", R"({"linkid": "1",)", {"item:answer_invalid"}},
  };
  for (const auto& c : cases) {
    auto r = Read(Replace(kValid, c.from, c.to));
    ASSERT_FALSE(r.ok()) << c.to;
    EXPECT_EQ(r.status().code(), "validation_failed");
    std::vector<std::string> got;
    for (const auto& f : r.status().fields()) got.push_back(f.field + ":" + f.code);
    EXPECT_EQ(got, c.want) << "replacing " << c.from;
  }
}

TEST(ResponseReader, ItemsAreRequired) {
  std::string head = std::string(kValid).substr(0, std::string(kValid).find(R"(,
  "item")"));
  for (const std::string& tail : {std::string("}"), std::string(R"(, "item": []})")}) {
    auto r = Read(head + tail);
    ASSERT_FALSE(r.ok()) << tail;
    ASSERT_EQ(r.status().fields().size(), 1u);
    EXPECT_EQ(r.status().fields()[0].field + ":" + r.status().fields()[0].code, "item:required");
  }
}

TEST(ResponseReader, ReportsEveryProblemAtOnce) {
  auto r = Read(R"({"resourceType": "Observation", "item": [{"linkId": "1", "answer": [{}]}]})");
  ASSERT_FALSE(r.ok());
  std::vector<std::string> got;
  for (const auto& f : r.status().fields()) got.push_back(f.field + ":" + f.code);
  EXPECT_EQ(got,
            (std::vector<std::string>{"resourceType:fhir_resource_type", "status:required", "questionnaire:required",
                                      "subject:subject_required", "item.1:answer_invalid"}));
}

TEST(ResponseReader, ScoringErrorsAreRenamedToResourceFields) {
  Status native = Status::Invalid("validation_failed",
                                  {{"answers.9", "answer_missing"}, {"scaleCode", "scale_unknown"}, {"other", "x"}});
  Status fhir = AsResourceErrors(native);
  ASSERT_EQ(fhir.fields().size(), 3u);
  EXPECT_EQ(fhir.fields()[0].field, "item.9");
  EXPECT_EQ(fhir.fields()[0].code, "answer_missing");
  EXPECT_EQ(fhir.fields()[1].field, "questionnaire");
  EXPECT_EQ(fhir.fields()[2].field, "other");
  EXPECT_EQ(AsResourceErrors(Status::NotFound()).kind(), StatusKind::kNotFound);
}

}  // namespace
}  // namespace xinan::fhir
