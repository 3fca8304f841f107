// RateLimiter: a fixed-window counter per key (e.g. the client address) in memory, used to
// slow down password guessing before any database work happens. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace xinan::identity {

class RateLimiter {
 public:
  RateLimiter(int max_per_window, int64_t window_millis, size_t max_keys = 100000)
      : max_(max_per_window), window_(window_millis), max_keys_(max_keys) {}

  // Counts one attempt for `key` at `now`; false when the key is over its limit. Memory stays
  // bounded: past `max_keys` keys, windows that have ended are dropped (at most once a window),
  // and while the live ones still fill the table a new key is refused — counters are never
  // reset, so a flood of new addresses cannot wipe the count of the one that is guessing.
  bool Allow(const std::string& key, int64_t now) {
    std::lock_guard lock(mu_);
    if (windows_.size() >= max_keys_ && windows_.find(key) == windows_.end()) {
      if (now - last_prune_ >= window_) {
        std::erase_if(windows_, [&](const auto& kv) { return now - kv.second.start >= window_; });
        last_prune_ = now;
      }
      if (windows_.size() >= max_keys_) return false;
    }
    auto& w = windows_[key];
    if (now - w.start >= window_) w = {now, 0};
    return ++w.count <= max_;
  }

 private:
  struct Window {
    int64_t start = 0;
    int count = 0;
  };
  const int max_;
  const int64_t window_;
  const size_t max_keys_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;  // GUARDED_BY(mu_)
  int64_t last_prune_ = INT64_MIN / 2;                // GUARDED_BY(mu_)
};

}  // namespace xinan::identity
