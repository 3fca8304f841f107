#include "fhir/http/fhir_routes.h"

#include <memory>

#include "common/messages.h"
#include "fhir/domain/questionnaire.h"
#include "fhir/domain/questionnaire_response.h"
#include "fhir/domain/response_reader.h"
#include "http/reply.h"
#include "identity/domain/roles.h"

namespace xinan::fhir {
namespace {

using http::ActorOf;
using http::Request;
using http::Response;
using http::ScopeOf;

Response FhirJson(int status, const json::object& resource) {
  Response r = http::Json(status, resource);
  r.content_type = kFhirJson;
  return r;
}

// The mapping's view of a stored result, with the scale version it was scored with.
Result<StoredResponse> ViewOf(const assess::StoredAssessment& a, const assess::ScaleLibrary& scales) {
  const assess::Scale* scale = scales.Find(a.scale_code, a.scale_version);
  if (!scale) return Status::Internal("scale " + a.scale_code + " " + a.scale_version + " is not loaded");
  return StoredResponse{a.id, a.person_id, a.created_at, scale, a.answers, a.score};
}

Response GetQuestionnaire(const assess::ScaleLibrary& scales, const Canonicals& c, Request& req) {
  const assess::Scale* s = scales.Latest(req.Param("code"));
  if (!s) return http::Problem(Status::NotFound(), req);
  return FhirJson(200, ToQuestionnaire(*s, c, req.lang));
}

// A searchset Bundle of every shipped scale's Questionnaire (latest versions).
Response ListQuestionnaires(const assess::ScaleLibrary& scales, const Canonicals& c, Request& req) {
  json::array entries;
  for (const assess::Scale* s : scales.LatestAll()) {
    entries.push_back(
        json::object{{"fullUrl", c.Questionnaire(s->code)}, {"resource", ToQuestionnaire(*s, c, req.lang)}});
  }
  json::object bundle{{"resourceType", "Bundle"}, {"type", "searchset"}, {"total", entries.size()}};
  bundle["entry"] = std::move(entries);
  return FhirJson(200, bundle);
}

Response GetResponse(assess::AssessmentStore& st, const Canonicals& c, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(assess::StoredAssessment a, st.Get(ActorOf(req), ScopeOf(req), req.Param("id")));
    XINAN_ASSIGN_OR_RETURN(StoredResponse view, ViewOf(a, st.scales()));
    return FhirJson(200, ToQuestionnaireResponse(view, c, req.lang));
  });
}

Response PostResponse(assess::AssessmentStore& st, const Canonicals& c, Request& req) {
  return http::Reply(req, [&]() -> Result<Response> {
    XINAN_ASSIGN_OR_RETURN(json::object body, http::JsonBody(req));
    XINAN_ASSIGN_OR_RETURN(PostedResponse posted, ReadQuestionnaireResponse(body, st.scales()));
    assess::Submission s;
    s.scale_code = posted.scale_code;
    s.answers = posted.answers;
    s.person_id = posted.person_id;
    auto stored = st.SubmitForPerson(ActorOf(req), ScopeOf(req), s);
    // A subject that cannot be resolved makes the resource unprocessable (FHIR answers a create
    // with 422); one answer for "no such resident" and "not in your units", so existence stays
    // hidden.
    if (stored.status().kind() == StatusKind::kNotFound) {
      return Status::InvalidField("subject", "subject_not_found");
    }
    if (!stored.ok()) return AsResourceErrors(stored.status());
    stored->answers = posted.answers;
    XINAN_ASSIGN_OR_RETURN(StoredResponse view, ViewOf(*stored, st.scales()));
    Response r = FhirJson(201, ToQuestionnaireResponse(view, c, req.lang));
    r.SetHeader("Location", "/fhir/QuestionnaireResponse/" + stored->id);
    return r;
  });
}

void RegisterFhirMessages() {
  RegisterMessages({
      {"fhir_resource_type", "资源类型应为 QuestionnaireResponse", "The resource must be a QuestionnaireResponse"},
      {"subject_not_found", "本单位及下级单位中没有该居民", "No such resident in your units"},
      {"response_not_completed", "只接收已完成（completed）的答卷", "Only a completed response can be scored"},
      {"questionnaire_unknown", "问卷（量表）不存在", "Unknown questionnaire"},
      {"questionnaire_version_superseded", "该问卷版本已被新版本取代，请按当前版本作答",
       "That questionnaire version has been superseded; answer the current version"},
      {"subject_required", "请注明答卷对象（subject: Patient/{id}）", "The subject (Patient/{id}) is required"},
      {"subject_not_patient", "答卷对象应为 Patient/{id}", "The subject must be a Patient/{id} reference"},
      {"answer_invalid", "答案格式不正确：每题一个 valueCoding（选项分值）或 valueInteger",
       "Each answer must be one valueCoding (the option value) or one valueInteger"},
  });
}

constexpr const char* kResourceSchema =
    R"({"type":"object","required":["resourceType"],"properties":{"resourceType":{"type":"string"}}})";

}  // namespace

http::RouteTable FhirRoutes(assess::AssessmentStore& store, const std::string& public_url) {
  RegisterFhirMessages();
  using http::Access;
  assess::AssessmentStore* st = &store;
  auto c = std::make_shared<const Canonicals>(public_url);
  const assess::ScaleLibrary* scales = &store.scales();
  return {
      {"GET", "/fhir/Questionnaire", Access::kPublic, "",
       [scales, c](Request& r) { return ListQuestionnaires(*scales, *c, r); },
       "FHIR R4: a searchset Bundle of every shipped scale as a Questionnaire", "fhir", "", kResourceSchema},
      {"GET", "/fhir/Questionnaire/{code}", Access::kPublic, "",
       [scales, c](Request& r) { return GetQuestionnaire(*scales, *c, r); },
       "FHIR R4: a scale as a Questionnaire (LOINC codes where known)", "fhir", "", kResourceSchema},
      {"GET", "/fhir/QuestionnaireResponse/{id}", Access::kPermission, identity::kPeopleRead,
       [st, c](Request& r) { return GetResponse(*st, *c, r); },
       "FHIR R4: a stored result as a QuestionnaireResponse (audited read; 404 outside scope)", "fhir", "",
       kResourceSchema},
      {"POST", "/fhir/QuestionnaireResponse", Access::kPermission, identity::kPeopleWrite,
       [st, c](Request& r) { return PostResponse(*st, *c, r); },
       "FHIR R4: score and store a completed QuestionnaireResponse for Patient/{id} in scope; raises its "
       "alert like the native route",
       "fhir", kResourceSchema, kResourceSchema, 201},
  };
}

}  // namespace xinan::fhir
