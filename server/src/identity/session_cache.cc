#include "identity/session_cache.h"

namespace xinan::identity {

std::shared_ptr<const SessionRecord> SessionCache::Find(const std::string& token_hash,
                                                        uint64_t generation, int64_t now_millis) {
  if (ttl_millis_ <= 0) return nullptr;
  std::lock_guard lock(mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return nullptr;
  if (!it->second.stamp.FreshAt(generation, now_millis, ttl_millis_)) {
    entries_.erase(it);
    return nullptr;
  }
  return it->second.session;
}

void SessionCache::Put(const std::string& token_hash, SessionRecord s, uint64_t generation,
                       int64_t now_millis) {
  if (ttl_millis_ <= 0) return;
  auto session = std::make_shared<const SessionRecord>(std::move(s));
  std::lock_guard lock(mu_);
  if (entries_.size() >= max_entries_) entries_.clear();  // bounded; refills within a TTL
  entries_[token_hash] = Entry{std::move(session), CacheStamp{generation, now_millis}};
}

void SessionCache::Touched(const std::string& token_hash, int64_t now_millis) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return;
  auto copy = std::make_shared<SessionRecord>(*it->second.session);
  copy->times.last_seen_at = now_millis;
  it->second.session = std::move(copy);
}

}  // namespace xinan::identity
