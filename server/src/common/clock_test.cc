// FormatInstant and ShanghaiDate: RFC 3339 output and calendar dates in Asia/Shanghai.
#include "common/clock.h"

#include <gtest/gtest.h>

namespace xinan {
namespace {

struct InstantCase {
  int64_t millis;
  const char* instant;
  const char* date;
};

TEST(Clock, FormatsInstantsAndDatesInShanghai) {
  const InstantCase cases[] = {
      {0, "1970-01-01T08:00:00.000+08:00", "1970-01-01"},
      {1795446245123, "2026-11-23T23:04:05.123+08:00", "2026-11-23"},
      // 16:00 UTC is midnight in Shanghai: the date turns over there, not at UTC midnight.
      {1795449600000, "2026-11-24T00:00:00.000+08:00", "2026-11-24"},
      {1795449599999, "2026-11-23T23:59:59.999+08:00", "2026-11-23"},
      // Leap day, and an instant before 1970 (floor, not truncation, of negative millis).
      {951753600000, "2000-02-29T00:00:00.000+08:00", "2000-02-29"},
      {-1, "1970-01-01T07:59:59.999+08:00", "1970-01-01"},
      {-28800001, "1969-12-31T23:59:59.999+08:00", "1969-12-31"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FormatInstant(c.millis), c.instant) << c.millis;
    EXPECT_EQ(ShanghaiDate(c.millis), c.date) << c.millis;
  }
}

}  // namespace
}  // namespace xinan
