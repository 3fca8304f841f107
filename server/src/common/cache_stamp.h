// CacheStamp: when and at which generation a cached value was read. One rule for every
// in-memory cache of database rows (sessions, warning rules): a value is used only while it is
// younger than the cache time and no change was made through this instance since it was read.
#pragma once

#include <cstdint>

namespace xinan {

struct CacheStamp {
  uint64_t generation = 0;  // the owner's change counter, taken before the read
  int64_t read_at = 0;      // clock millis of the read

  bool FreshAt(uint64_t current_generation, int64_t now_millis, int64_t ttl_millis) const {
    return generation == current_generation && now_millis >= read_at &&
           now_millis - read_at < ttl_millis;
  }
};

}  // namespace xinan
