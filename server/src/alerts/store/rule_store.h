// RuleStore: the warning rules as data — the rows district admins manage and every scored
// assessment is evaluated against. Writes are audited; reads never wait for the writer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "alerts/domain/warning_rules.h"
#include "common/clock.h"
#include "common/read_cache.h"
#include "security/actor.h"
#include "store/database.h"

namespace xinan::alerts {

struct StoredRule {
  WarningRule rule;
  int64_t version = 1, created_at = 0, updated_at = 0;
};

struct RulePage {
  std::vector<StoredRule> items;
  int64_t total = 0;
};

class RuleStore {
 public:
  // With a clock and cache_millis > 0, Active() keeps the rules it read in memory that long;
  // a change made through this store applies at once, another instance's within cache_millis.
  explicit RuleStore(store::Database& db, const Clock* clock = nullptr, int64_t cache_millis = 0)
      : db_(db), active_(clock, cache_millis) {}

  // Rules whose name contains `q` (all when empty), strongest level first.
  Result<RulePage> List(const std::string& q, int offset, int limit);
  using Rules = std::shared_ptr<const std::vector<WarningRule>>;
  // The active rules, for evaluation: from memory (see the constructor) or a read connection.
  Result<Rules> Active();
  // Creates a validated rule (field errors from ValidateRule; unknown tag → requiredTags/tag_invalid).
  Result<StoredRule> Create(const security::Actor& actor, WarningRule rule);
  // Replaces the rule when `version` matches (409 version_conflict), not_found for an unknown id.
  Result<StoredRule> Update(const security::Actor& actor, const std::string& id, WarningRule rule,
                            int64_t version);
  // Deletes the rule (not_found for an unknown id).
  Status Delete(const security::Actor& actor, const std::string& id);

 private:
  Result<std::vector<WarningRule>> ReadActive();

  store::Database& db_;
  ReadCache<std::vector<WarningRule>> active_;  // Invalidate()d by every change made here
};

}  // namespace xinan::alerts
