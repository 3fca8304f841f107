// PeopleStore: the resident registry. Identifiers are encrypted at rest with a blind index for
// exact lookup; lists carry only masked values. Every query carries the scope condition; the
// detail read and every write are audited in the same transaction.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/read_cache.h"
#include "common/result.h"
#include "people/domain/person.h"
#include "security/actor.h"
#include "security/field_cipher.h"
#include "security/scope.h"
#include "store/database.h"

namespace xinan::people {

struct PersonFilter {
  std::string name_prefix;
  std::string id_number;  // exact, via blind index
  std::string tag;
  std::string unit_id;    // subtree of this unit (must itself be in scope)
  std::string sort = "-createdAt";  // createdAt | -createdAt | name | -name
  int offset = 0;
  int limit = 20;
};

struct PersonPage {
  std::vector<Person> items;  // masked identifiers only
  int64_t total = 0;
};

struct TagDef {
  std::string code, name_zh, name_en;
};

struct BreakGlassGrant {
  std::string id, user_id, username, display_name, unit_name, person_id, reason;
  int64_t created_at = 0, expires_at = 0;
  std::string person_name, person_unit_name;  // whose record was opened, for the admin's log
};

// Whether any row holds an encrypted ID number or phone (residents, self-assessment
// respondents, campaign rosters): data that only the data key it was sealed with can read.
Result<bool> HoldsSealedFields(store::Database& db);

class PeopleStore {
 public:
  static constexpr int64_t kBreakGlassMillis = 24LL * 3600 * 1000;

  // Tag definitions change only through migrations or SQL: kept in memory this long.
  static constexpr int64_t kTagsCacheMillis = 5000;

  PeopleStore(store::Database& db, const security::FieldCipher& cipher, const Clock& clock)
      : db_(db), cipher_(cipher), clock_(clock), tags_(&clock, kTagsCacheMillis) {}

  using TagDefs = std::shared_ptr<const std::vector<TagDef>>;
  // The active special-population tags, in display order (shared, read-only).
  Result<TagDefs> Tags();
  // Creates a resident in a unit inside the scope (validated input). Unit outside the scope →
  // field unitId/unit_not_found; duplicate ID number → field idNumber/id_number_exists.
  Result<Person> Create(const security::Actor& actor, const security::Scope& scope, PersonInput in);
  // The full record (decrypted), audited as person.read. Outside scope and without an active
  // break-glass grant → not_found.
  Result<Person> Read(const security::Actor& actor, const security::Scope& scope, const std::string& id);
  // Replaces the record when `in.version` matches (409 version_conflict otherwise). Only
  // records inside the scope proper can be changed (break-glass is read-only).
  Result<Person> Update(const security::Actor& actor, const security::Scope& scope,
                        const std::string& id, PersonInput in);
  Result<PersonPage> List(const security::Scope& scope, const PersonFilter& filter);
  // Opens the record with this ID number for 24 h, whatever its unit; audited with the reason.
  Result<BreakGlassGrant> BreakGlass(const security::Actor& actor, const std::string& id_number,
                                     const std::string& reason);
  // The grants of users in the scope's units (break-glass reaches outside a user's scope, so the
  // user's unit, not the resident's, decides who sees the grant), newest first.
  Result<std::vector<BreakGlassGrant>> Grants(const security::Scope& scope, int offset, int limit,
                                              int64_t* total);

  const security::FieldCipher& cipher() const { return cipher_; }

  // Runs inside the transaction of an Update that moves a resident to another unit, after the
  // record changed, so what follows the resident (open alerts: alerts::AlertStore::TransferOpen)
  // moves with it or the update fails as a whole. Set once, before serving.
  using MovedHook = std::function<Status(store::WriteContext& w, const security::Actor& actor, const ResidentMove& m)>;
  void OnMoved(MovedHook hook) { on_moved_ = std::move(hook); }

 private:
  Status AuditIfDuplicate(const security::Actor& actor, const std::string& id_number, Status refused);

  store::Database& db_;
  const security::FieldCipher& cipher_;
  const Clock& clock_;
  ReadCache<std::vector<TagDef>> tags_;
  MovedHook on_moved_;
};

}  // namespace xinan::people
