// SessionCache: recently authenticated sessions kept in memory for a short time, so that a
// request does not read session ⨝ user ⨝ unit from the database every time. An entry is used
// only while it is younger than the TTL and no identity write (logout, password change, user
// update) happened in this instance since it was read; another instance's revocation is seen
// within the TTL. Only valid sessions are cached. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/cache_stamp.h"
#include "identity/store/user_store.h"

namespace xinan::identity {

class SessionCache {
 public:
  // ttl_millis 0 disables the cache.
  explicit SessionCache(int64_t ttl_millis, size_t max_entries = 20000)
      : ttl_millis_(ttl_millis), max_entries_(max_entries) {}

  // The cached session for `token_hash`, if fresh and read at `generation`.
  std::shared_ptr<const SessionRecord> Find(const std::string& token_hash, uint64_t generation,
                                            int64_t now_millis);
  // Caches `s`, read from the database at `generation` (taken before the read).
  void Put(const std::string& token_hash, SessionRecord s, uint64_t generation, int64_t now_millis);
  // Records that the session's last_seen was written as `now_millis`.
  void Touched(const std::string& token_hash, int64_t now_millis);

 private:
  struct Entry {
    std::shared_ptr<const SessionRecord> session;
    CacheStamp stamp;
  };

  const int64_t ttl_millis_;
  const size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // GUARDED_BY(mu_)
};

}  // namespace xinan::identity
