// AssessmentStore: stores a scored assessment and, in the same durable transaction, the alert
// its warning level calls for — a red answer never exists without its alert.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "alerts/domain/deadlines.h"
#include "alerts/domain/warning_rules.h"
#include "alerts/store/notification_store.h"
#include "alerts/store/rule_store.h"
#include "assess/domain/scale_library.h"
#include "security/field_cipher.h"
#include "security/actor.h"
#include "security/scope.h"
#include "store/database.h"

namespace xinan::assess {

// Who answered an identified self-assessment. An ID number that matches a registered resident
// (by blind index) files the result in that resident's record and unit.
struct Respondent {
  std::string name, phone, id_number;
  bool identified() const { return !name.empty() || !phone.empty() || !id_number.empty(); }
};

struct Submission {
  std::string scale_code;
  Answers answers;
  std::string person_id;  // counsellor-administered: a resident in scope
  std::string unit_code;  // self-assessment: the unit of the link
  std::string source = "counsellor";  // counsellor | self
  std::string campaign_id;  // self-assessment through a campaign's link
  Respondent respondent;    // self-assessment: empty when anonymous
  // Self-assessment through a campaign: a random token the respondent's browser keeps for the
  // visit, so an anonymous respondent who answers several of the campaign's scales counts once
  // (IsRespondentToken). Ignored when the respondent is registered or left a phone.
  std::string respondent_token;
};

// A respondent token: 16 to 64 letters, digits, '-' or '_' (nothing personal).
bool IsRespondentToken(const std::string& token);

struct StoredAssessment {
  std::string id;
  std::string person_id;
  std::string unit_id;
  std::string scale_code;
  std::string scale_version;
  ScoreResult score;
  Answers answers;             // filled by Get
  std::string source;          // counsellor | self
  std::string campaign_id;     // "" when not part of a campaign
  int64_t created_at = 0;
  std::optional<std::string> alert_id;
  std::optional<alerts::AlertLevel> alert_level;
  bool show_result = true;  // false when the campaign hides results from respondents
  std::string unit_name, hotline;  // the responsible unit, for "where to get help"
};

// The stored form of answers (a JSON object item id → value) and back; DecodeAnswers fails
// only on text that is not a JSON object.
std::string EncodeAnswers(const Answers& answers);
Result<Answers> DecodeAnswers(const std::string& stored);

// Validates and normalises an identified respondent: name and phone required together,
// phone_format, the ID-number errors (fields respondent.name / .phone / .idNumber).
Status ValidateRespondent(Respondent& r, const std::string& today);

// Which results a unit's result list shows (all filters optional).
struct ResultFilter {
  std::string scale_code;
  std::string source;            // counsellor | self
  bool concerning_only = false;  // a positive band or a critical answer
  bool identified_only = false;  // a registered resident or a respondent who left a name
  int offset = 0;
  int limit = 20;
};

// One line of the result list: who answered is the resident (named only while in scope), the
// respondent's name with the phone masked, or nobody (anonymous).
struct ResultRow {
  std::string id, unit_name, person_id, person_name, respondent_name, phone_masked;
  std::string scale_code, band, source, campaign_name, alert_level;
  double total = 0;
  std::string scale_version;
  bool positive = false, critical = false;
  int64_t created_at = 0;
};

struct ResultPage {
  std::vector<ResultRow> items;
  int64_t total = 0;
};

class AssessmentStore {
 public:
  // `notifier` (may be null) hears of every raised alert after its commit.
  AssessmentStore(store::Database& db, const ScaleLibrary& scales, alerts::DeadlinePolicy deadlines,
                  alerts::RuleStore& rules, const security::FieldCipher& cipher,
                  alerts::OutboundNotifier* notifier = nullptr)
      : db_(db), scales_(scales), deadlines_(deadlines), rules_(rules), cipher_(cipher),
        notifier_(notifier) {}

  // Scores and stores a counsellor-administered assessment of a resident in `scope`
  // (resident outside → not_found; unknown scale → field scaleCode/scale_unknown).
  Result<StoredAssessment> SubmitForPerson(const security::Actor& actor, const security::Scope& scope,
                                           const Submission& s);
  // Scores and stores a self-assessment by the link of the active unit `s.unit_code` (unknown
  // or inactive unit → not_found), through `s.campaign_id` when set (see CheckCampaign), and
  // identified when `s.respondent` is (validated: see ValidateRespondent). A respondent whose
  // ID number and name are a registered resident's is filed in that resident's record and unit;
  // the help returned (unit name, hotline) is always the link's.
  Result<StoredAssessment> SubmitSelf(const security::Actor& actor, Submission s);
  // One stored result with its answers, rescored for factor scores and critical items with
  // the version it was scored with. A detail read: audited as assessment.read (with the
  // person when known). Outside scope or unknown → not_found.
  Result<StoredAssessment> Get(const security::Actor& actor, const security::Scope& scope,
                               const std::string& id);
  // A resident's results, newest first, while the resident lives in the scope (wherever each
  // was taken: the record follows its resident) or a break-glass grant of the scope's user that
  // has not expired at `now_millis` opens the resident. Audited as
  // assessment.history of the person when it shows any result (a durable write).
  Result<std::vector<StoredAssessment>> History(const security::Actor& actor, const security::Scope& scope,
                                                const std::string& person_id, int64_t now_millis);

  // The results of the units in scope, newest first — so that an identified respondent whose
  // result raised no alert (a scale no rule watches) still reaches someone.
  Result<ResultPage> List(const security::Scope& scope, const ResultFilter& f);
  // The contact an identified respondent left (phone decrypted), for a result in scope. A read
  // of personal data: audited as assessment.respondent_read.
  Result<Respondent> RespondentOf(const security::Actor& actor, const security::Scope& scope,
                                  const std::string& id);

  const ScaleLibrary& scales() const { return scales_; }

 private:
  struct Target {
    std::string unit_id, unit_path, person_id;
    std::vector<std::string> tags;
    std::string unit_name, unit_code, hotline;  // name and hotline: the help the respondent sees
    std::string link_path;  // self-assessment: the path of the link's unit (may differ from unit_path)
  };
  // What is computed before the write job, so the single writer thread only runs statements:
  // the scale, the score, the encoded answers and the respondent's sealed phone.
  struct Prepared {
    const Scale* scale = nullptr;
    ScoreResult score;
    std::string answers;
    std::string phone_bidx;  // "" without a phone
    store::SqlValue phone_enc;
  };
  // Its error is reported where scoring used to fail (inside the job), so the order of errors
  // a caller sees does not change.
  Result<Prepared> Prepare(const Submission& s) const;
  Result<StoredAssessment> Store(const security::Actor& actor, const Submission& s,
                                 const Result<Prepared>& prepared, const Target& t,
                                 const std::vector<alerts::WarningRule>& rules, store::WriteContext& w);
  Result<Target> SelfTarget(store::Connection& c, const Submission& s);
  void NotifyRaised(const StoredAssessment& a, const Target& t);

  store::Database& db_;
  const ScaleLibrary& scales_;
  alerts::DeadlinePolicy deadlines_;
  alerts::RuleStore& rules_;
  const security::FieldCipher& cipher_;
  alerts::OutboundNotifier* notifier_;
};

}  // namespace xinan::assess
