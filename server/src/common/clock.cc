#include "common/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace xinan {
namespace {
constexpr int64_t kShanghaiOffsetMillis = 8LL * 3600 * 1000;

std::tm ShanghaiTm(int64_t millis) {
  std::time_t secs = static_cast<std::time_t>((millis + kShanghaiOffsetMillis) / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return tm;
}
}  // namespace

int64_t SystemClock::NowMillis() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string FormatInstant(int64_t millis) {
  std::tm tm = ShanghaiTm(millis);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+08:00", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(millis % 1000));
  return buf;
}

std::string ShanghaiDate(int64_t millis) {
  std::tm tm = ShanghaiTm(millis);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

}  // namespace xinan
