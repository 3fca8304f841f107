#include "fhir/domain/response_reader.h"

#include <optional>
#include <set>

#include "fhir/domain/questionnaire.h"

namespace xinan::fhir {
namespace {

using assess::Scale;
using assess::ScaleLibrary;

std::string StringAt(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

// The scale a canonical names, or the field error that says why there is none.
Result<const Scale*> ResolveQuestionnaire(const std::string& canonical, const ScaleLibrary& scales) {
  if (canonical.empty()) return Status::InvalidField("questionnaire", "required");
  size_t bar = canonical.find('|');
  std::string url = canonical.substr(0, bar);
  std::string version = bar == std::string::npos ? "" : canonical.substr(bar + 1);
  std::string name = url.substr(url.rfind('/') == std::string::npos ? 0 : url.rfind('/') + 1);
  const Scale* s = scales.Latest(name);
  for (const Scale* each : scales.LatestAll()) {
    if (!s && !each->loinc_panel.empty() && each->loinc_panel == name) s = each;
  }
  if (!s) return Status::InvalidField("questionnaire", "questionnaire_unknown");
  if (!version.empty() && version != s->version) {
    return Status::InvalidField(
        "questionnaire", scales.Find(s->code, version) ? "questionnaire_version_superseded" : "questionnaire_unknown");
  }
  return s;
}

// "Patient/{id}" (relative or absolute) -> id; nullopt for anything else.
std::optional<std::string> PatientId(const std::string& reference) {
  size_t at = reference.rfind("Patient/");
  if (at == std::string::npos || (at > 0 && reference[at - 1] != '/')) return std::nullopt;
  std::string id = reference.substr(at + 8);
  if (id.empty() || id.find('/') != std::string::npos) return std::nullopt;
  return id;
}

std::optional<int> SmallInt(const std::string& s) {
  if (s.empty() || s.size() > 6 || s.find_first_not_of("-0123456789") != std::string::npos ||
      s.find('-', 1) != std::string::npos || s == "-") {
    return std::nullopt;
  }
  return std::stoi(s);
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The option value of one answer element, or nullopt when it is not one we can score.
std::optional<int> AnswerValue(const json::value& answer, const Scale* scale) {
  if (!answer.is_object()) return std::nullopt;
  const json::object& a = answer.as_object();
  if (auto i = a.find("valueInteger"); i != a.end()) {
    return IntIfInRange(i->value());
  }
  auto c = a.find("valueCoding");
  if (c == a.end() || !c->value().is_object()) return std::nullopt;
  std::string system = StringAt(c->value().as_object(), "system");
  if (!system.empty() && scale && !EndsWith(system, "/CodeSystem/" + scale->code + "-answers")) return std::nullopt;
  return SmallInt(StringAt(c->value().as_object(), "code"));
}

bool IsScoreItem(const std::string& link_id, const Scale* scale) {
  if (scale && scale->FindItem(link_id)) return false;
  return link_id == kTotalLinkId || link_id.rfind(kFactorLinkPrefix, 0) == 0;
}

// Walks items (and groups of items), collecting answers and field errors.
struct ItemWalk {
  const Scale* scale;
  assess::Answers answers;
  std::set<std::string> seen;
  std::vector<FieldError> errors;

  void Walk(const json::array& items) {
    for (const auto& v : items) {
      if (!v.is_object() || StringAt(v.as_object(), "linkId").empty()) {
        errors.push_back({"item", "answer_invalid"});
        continue;
      }
      const json::object& item = v.as_object();
      if (auto nested = item.find("item"); nested != item.end() && nested->value().is_array()) {
        Walk(nested->value().as_array());
      }
      Answer(StringAt(item, "linkId"), item);
    }
  }

  void Answer(const std::string& link_id, const json::object& item) {
    auto a = item.find("answer");
    if (a == item.end() || IsScoreItem(link_id, scale)) return;
    const json::array* list = a->value().is_array() ? &a->value().as_array() : nullptr;
    if (list && list->empty()) return;  // unanswered: scoring reports it as missing
    std::optional<int> value = list && list->size() == 1 ? AnswerValue((*list)[0], scale) : std::nullopt;
    if (!value || !seen.insert(link_id).second) {
      errors.push_back({"item." + link_id, "answer_invalid"});
      return;
    }
    answers[link_id] = *value;
  }
};

void CheckHeader(const json::object& r, std::vector<FieldError>& errors) {
  if (StringAt(r, "resourceType") != "QuestionnaireResponse") errors.push_back({"resourceType", "fhir_resource_type"});
  std::string status = StringAt(r, "status");
  if (status.empty())
    errors.push_back({"status", "required"});
  else if (status != "completed")
    errors.push_back({"status", "response_not_completed"});
}

std::optional<std::string> Subject(const json::object& r, std::vector<FieldError>& errors) {
  auto s = r.find("subject");
  if (s == r.end() || !s->value().is_object() || StringAt(s->value().as_object(), "reference").empty()) {
    errors.push_back({"subject", "subject_required"});
    return std::nullopt;
  }
  auto id = PatientId(StringAt(s->value().as_object(), "reference"));
  if (!id) errors.push_back({"subject", "subject_not_patient"});
  return id;
}

}  // namespace

Result<PostedResponse> ReadQuestionnaireResponse(const json::object& r, const ScaleLibrary& scales) {
  std::vector<FieldError> errors;
  CheckHeader(r, errors);
  auto scale = ResolveQuestionnaire(StringAt(r, "questionnaire"), scales);
  if (!scale.ok()) errors.push_back(scale.status().fields().at(0));
  auto person = Subject(r, errors);
  ItemWalk walk{scale.ok() ? *scale : nullptr, {}, {}, {}};
  auto items = r.find("item");
  if (items == r.end() || !items->value().is_array() || items->value().as_array().empty()) {
    errors.push_back({"item", "required"});
  } else {
    walk.Walk(items->value().as_array());
  }
  errors.insert(errors.end(), walk.errors.begin(), walk.errors.end());
  if (!errors.empty()) return Status::Invalid("validation_failed", std::move(errors));
  return PostedResponse{(*scale)->code, *person, std::move(walk.answers)};
}

Status AsResourceErrors(const Status& status) {
  if (status.kind() != StatusKind::kInvalidArgument || status.fields().empty()) return status;
  std::vector<FieldError> fields;
  for (const auto& f : status.fields()) {
    if (f.field.rfind("answers.", 0) == 0)
      fields.push_back({"item." + f.field.substr(8), f.code});
    else if (f.field == "scaleCode")
      fields.push_back({"questionnaire", f.code});
    else
      fields.push_back(f);
  }
  return Status::Invalid(status.code(), std::move(fields), status.detail());
}

}  // namespace xinan::fhir
