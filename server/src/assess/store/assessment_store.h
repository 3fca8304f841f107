// AssessmentStore: stores a scored assessment and, in the same durable transaction, the alert
// its warning level calls for — a red answer never exists without its alert.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "alerts/domain/deadlines.h"
#include "alerts/domain/warning_rules.h"
#include "assess/domain/scale_library.h"
#include "security/actor.h"
#include "security/scope.h"
#include "store/database.h"

namespace xinan::assess {

struct Submission {
  std::string scale_code;
  Answers answers;
  std::string person_id;  // counsellor-administered: a resident in scope
  std::string unit_code;  // self-assessment: the unit of the link
  std::string source = "counsellor";  // counsellor | self
};

struct StoredAssessment {
  std::string id;
  std::string person_id;
  std::string unit_id;
  std::string scale_code;
  std::string scale_version;
  ScoreResult score;
  int64_t created_at = 0;
  std::optional<std::string> alert_id;
  std::optional<alerts::AlertLevel> alert_level;
};

class AssessmentStore {
 public:
  AssessmentStore(store::Database& db, const ScaleLibrary& scales, alerts::DeadlinePolicy deadlines)
      : db_(db), scales_(scales), deadlines_(deadlines) {}

  // Scores and stores a counsellor-administered assessment of a resident in `scope`
  // (resident outside → not_found; unknown scale → field scaleCode/scale_unknown).
  Result<StoredAssessment> SubmitForPerson(const security::Actor& actor, const security::Scope& scope,
                                           const Submission& s);
  // Scores and stores an anonymous self-assessment for the active unit `s.unit_code`
  // (unknown or inactive unit → not_found).
  Result<StoredAssessment> SubmitAnonymous(const security::Actor& actor, const Submission& s);
  // A resident's results, newest first (the resident must be in scope).
  Result<std::vector<StoredAssessment>> History(const security::Scope& scope, const std::string& person_id);

  const ScaleLibrary& scales() const { return scales_; }

 private:
  struct Target {
    std::string unit_id, unit_path, person_id;
    std::vector<std::string> tags;
  };
  Result<StoredAssessment> Store(const security::Actor& actor, const Submission& s, const Target& t,
                                 store::WriteContext& w);

  store::Database& db_;
  const ScaleLibrary& scales_;
  alerts::DeadlinePolicy deadlines_;
};

}  // namespace xinan::assess
