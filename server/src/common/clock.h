// Clock: the one source of "now", injected everywhere so tests can move time.
// Instants are milliseconds since the Unix epoch, UTC. Calendar rules use Asia/Shanghai
// (UTC+8, no daylight saving), see ShanghaiDate().
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace xinan {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowMillis() const = 0;
};

// Wall-clock time. Thread-safe.
class SystemClock final : public Clock {
 public:
  int64_t NowMillis() const override;
};

// A clock tests set and advance. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t start_millis) : now_(start_millis) {}
  int64_t NowMillis() const override { return now_.load(); }
  void Advance(int64_t millis) { now_ += millis; }
  void Set(int64_t millis) { now_ = millis; }

 private:
  std::atomic<int64_t> now_;
};

// "2026-11-23T15:04:05.123+08:00": RFC 3339 in Asia/Shanghai for API output.
std::string FormatInstant(int64_t millis);
// "2026-11-23": the Asia/Shanghai calendar date of an instant.
std::string ShanghaiDate(int64_t millis);

}  // namespace xinan
