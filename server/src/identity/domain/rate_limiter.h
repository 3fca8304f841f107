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
  RateLimiter(int max_per_window, int64_t window_millis)
      : max_(max_per_window), window_(window_millis) {}

  // Counts one attempt for `key` at `now`; false when the key is over its limit.
  bool Allow(const std::string& key, int64_t now) {
    std::lock_guard lock(mu_);
    if (windows_.size() > 100000) windows_.clear();  // bound memory under a flood
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
  std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;  // GUARDED_BY(mu_)
};

}  // namespace xinan::identity
