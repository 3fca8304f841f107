#include "common/read_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace xinan {
namespace {

using Names = std::vector<std::string>;

// A read that counts its calls and returns {"v<call number>"}, or fails when told to.
struct CountingRead {
  int calls = 0;
  bool fail = false;
  Result<Names> operator()() {
    ++calls;
    if (fail) return Status::Unavailable("database down");
    return Names{"v" + std::to_string(calls)};
  }
};

TEST(ReadCache, SharesOneReadWhileFresh) {
  FakeClock clock(1'000);
  ReadCache<Names> cache(&clock, 5'000);
  CountingRead read;
  auto first = cache.Get([&] { return read(); });
  clock.Advance(4'999);
  auto second = cache.Get([&] { return read(); });
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(read.calls, 1);
  EXPECT_EQ(first->get(), second->get());  // the same value, not a copy
  EXPECT_EQ((**second)[0], "v1");
}

TEST(ReadCache, ReadsAgainWhenStaleOrInvalidated) {
  struct Case {
    const char* name;
    int64_t advance_millis;
    bool invalidate;
    int expected_calls;
  };
  const Case cases[] = {
      {"fresh", 4'999, false, 1},
      {"expired", 5'000, false, 2},
      {"invalidated", 0, true, 2},
      {"clock went back", -1, false, 2},
  };
  for (const auto& c : cases) {
    FakeClock clock(10'000);
    ReadCache<Names> cache(&clock, 5'000);
    CountingRead read;
    ASSERT_TRUE(cache.Get([&] { return read(); }).ok()) << c.name;
    clock.Advance(c.advance_millis);
    if (c.invalidate) cache.Invalidate();
    auto again = cache.Get([&] { return read(); });
    ASSERT_TRUE(again.ok()) << c.name;
    EXPECT_EQ(read.calls, c.expected_calls) << c.name;
    EXPECT_EQ((**again)[0], "v" + std::to_string(c.expected_calls)) << c.name;
  }
}

TEST(ReadCache, AFailedReadIsReturnedAndNotKept) {
  FakeClock clock(0);
  ReadCache<Names> cache(&clock, 5'000);
  CountingRead read;
  read.fail = true;
  auto failed = cache.Get([&] { return read(); });
  EXPECT_EQ(failed.status().kind(), StatusKind::kUnavailable);
  read.fail = false;
  auto next = cache.Get([&] { return read(); });
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(read.calls, 2);
  EXPECT_EQ((**next)[0], "v2");
}

TEST(ReadCache, WithoutACacheTimeEveryGetReads) {
  FakeClock clock(0);
  ReadCache<Names> no_ttl(&clock, 0);
  ReadCache<Names> no_clock(nullptr, 5'000);
  CountingRead a, b;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(no_ttl.Get([&] { return a(); }).ok());
    ASSERT_TRUE(no_clock.Get([&] { return b(); }).ok());
  }
  EXPECT_EQ(a.calls, 3);
  EXPECT_EQ(b.calls, 3);
}

}  // namespace
}  // namespace xinan
