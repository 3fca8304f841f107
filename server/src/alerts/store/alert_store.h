// AlertStore: the alert inbox of a unit and the closed loop around each alert —
// acknowledge, close with an outcome, and escalation of overdue alerts to the parent unit.
// Every change appends to the alert's timeline and to the audit chain in one transaction.
#pragma once

#include <string>
#include <vector>

#include "alerts/domain/deadlines.h"
#include "alerts/store/notification_store.h"
#include "people/domain/person.h"
#include "security/actor.h"
#include "security/field_cipher.h"
#include "security/scope.h"
#include "store/database.h"

namespace xinan::alerts {

struct AlertEvent {
  int64_t at = 0;
  std::string actor, action, detail;
};

struct Alert {
  std::string id, assessment_id, person_id, unit_id, unit_path, origin_unit_path;
  std::string origin_unit_name;  // where it was raised (the respondent's village, or the link's unit)
  std::string level, status, outcome, scale_code;
  int64_t deadline = 0, created_at = 0, updated_at = 0, version = 1;
  int escalations = 0;
  std::string person_name;             // the registered resident's name, "" when none
  bool respondent_identified = false;  // a self-assessment respondent left a name or phone
  std::vector<AlertEvent> timeline;    // only on Get
};

struct AlertFilter {
  std::string status;  // "" = open (not closed); "all"; or one status
  std::string level;   // "" = any
  int offset = 0, limit = 20;
  // status_invalid / level_invalid naming the field, for a value that is none of the above (a
  // typo must not read as "no alerts").
  Status Validate() const;
};

struct AlertPage {
  std::vector<Alert> items;
  int64_t total = 0;
  int64_t red = 0, orange = 0, yellow = 0;  // open alerts by level in scope
  int64_t overdue = 0;                      // of those, unacknowledged past their deadline
};

// How to reach the person behind an identified self-assessment that matched no resident.
struct RespondentContact {
  std::string name, phone;  // phone decrypted; both empty for anonymous or registered people
};

// Outcomes an alert may be closed with.
bool IsOutcome(const std::string& code);

class AlertStore {
 public:
  // `notifier` (may be null) is told of every escalation after it committed.
  // `cipher` (may be null: no respondent phones are readable) decrypts respondents' phones.
  AlertStore(store::Database& db, DeadlinePolicy deadlines, OutboundNotifier* notifier = nullptr,
             const security::FieldCipher* cipher = nullptr)
      : db_(db), deadlines_(deadlines), notifier_(notifier), cipher_(cipher) {}

  // Alerts whose owner unit is in scope: overdue new ones first, then by level, newest first
  // (then by id, so pages of alerts raised in the same millisecond neither repeat nor skip one).
  // The filter's status and level must be valid (AlertFilter::Validate).
  Result<AlertPage> List(const security::Scope& scope, const AlertFilter& f, int64_t now);
  // An alert in scope with its timeline; the read is audited as alert.read (it names the
  // resident and carries the handlers' notes). not_found outside scope.
  Result<Alert> Get(const security::Actor& actor, const security::Scope& scope, const std::string& id);
  // The respondent's name and phone of an alert in scope (decrypted), for calling back;
  // audited as alert.respondent_read. not_found outside scope.
  Result<RespondentContact> Respondent(const security::Actor& actor, const security::Scope& scope,
                                       const std::string& id);
  // new → acknowledged (409 alert_state when it is not new).
  Result<Alert> Acknowledge(const security::Actor& actor, const security::Scope& scope, const std::string& id);
  // acknowledged → in_progress (409 alert_state otherwise).
  Result<Alert> Start(const security::Actor& actor, const security::Scope& scope, const std::string& id);
  // any open status → closed with `outcome` (field outcome/outcome_invalid).
  Result<Alert> Close(const security::Actor& actor, const security::Scope& scope, const std::string& id,
                      const std::string& outcome, const std::string& note);
  // Moves every unacknowledged alert past its deadline to the parent unit's inbox with a new
  // deadline, and notifies the parent unit (in-app row in the same transaction; the outbound
  // notifier after commit). Each alert escalates once per deadline even with several instances
  // (the update is conditional on the version read). At most `limit` alerts a run, oldest
  // deadline first; alerts already at the district (the top) are never among them. Returns how
  // many escalated.
  Result<int> EscalateDue(int64_t now, int limit = 500);
  // Within the write job that moved a resident (`to`: the resident and the new unit): each open alert of the resident
  // moves to that unit's inbox (owner and origin, so the old village no longer holds it and
  // escalation follows the new chain), with a "transferred" timeline event (the units' names),
  // an alert.transfer audit row and an alert_transferred notification for the new unit. The
  // deadline and escalation count stay.
  static Status TransferOpen(store::WriteContext& w, const security::Actor& actor, const people::ResidentMove& to);

 private:
  Result<Alert> Transition(const security::Actor& actor, const security::Scope& scope, const std::string& id,
                           const std::vector<std::string>& from, const std::string& to,
                           const std::string& action, const std::string& outcome, const std::string& note);
  store::Database& db_;
  DeadlinePolicy deadlines_;
  OutboundNotifier* notifier_;
  const security::FieldCipher* cipher_;
};

}  // namespace xinan::alerts
