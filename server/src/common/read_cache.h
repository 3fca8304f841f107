// ReadCache<T>: one value read from the database and kept in memory for a while, under
// CacheStamp's rule: used only while younger than the cache time and while no change was made
// through this instance since it was read (Invalidate() after such a change). Changes made
// elsewhere (another instance, SQL) apply within the cache time. Callers share the cached value
// (read-only) instead of copying it per request. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

#include "common/cache_stamp.h"
#include "common/clock.h"
#include "common/result.h"

namespace xinan {

template <typename T>
class ReadCache {
 public:
  // Without a clock, or with ttl_millis <= 0, every Get reads.
  ReadCache(const Clock* clock, int64_t ttl_millis) : clock_(clock), ttl_millis_(clock ? ttl_millis : 0) {}

  using Shared = std::shared_ptr<const T>;

  // The cached value while fresh, else the result of `read` (a Result<T>, kept when it succeeds).
  template <typename Read>
  Result<Shared> Get(Read&& read) {
    int64_t now = ttl_millis_ > 0 ? clock_->NowMillis() : 0;
    uint64_t generation = generation_.load();
    if (ttl_millis_ > 0) {
      std::lock_guard lock(mu_);
      if (cached_.value && cached_.stamp.FreshAt(generation, now, ttl_millis_)) return cached_.value;
    }
    Result<T> fresh = read();
    if (!fresh.ok()) return fresh.status();
    Shared value = std::make_shared<const T>(std::move(fresh).value());
    if (ttl_millis_ <= 0) return value;
    std::lock_guard lock(mu_);
    cached_ = Cached{value, CacheStamp{generation, now}};  // generation read before: a change since wins
    return value;
  }

  void Invalidate() { generation_++; }

 private:
  struct Cached {
    Shared value;  // null until the first successful read
    CacheStamp stamp;
  };
  const Clock* clock_;
  const int64_t ttl_millis_;
  std::atomic<uint64_t> generation_{0};
  std::mutex mu_;
  Cached cached_;  // GUARDED_BY(mu_)
};

}  // namespace xinan
