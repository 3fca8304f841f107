// The demo's fictional ID numbers: valid, of the right gender, and never the same twice — even
// for many residents born on one day.
#include "demo/seed.h"

#include <gtest/gtest.h>

#include <set>

#include "people/domain/id_number.h"

namespace xinan::demo {
namespace {

// A seed used its resident index as the sequence, so residents i and i + 500 born on the same day
// got the same number: here 1,000 residents over two birth dates, as a large seed has them.
TEST(FictionalIds, NeverRepeatAndStayValid) {
  FictionalIds ids;
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    bool male = i % 3 == 0;
    std::string id = ids.Next(i % 2 == 0 ? "19800101" : "19800102", male);
    EXPECT_TRUE(seen.insert(id).second) << "repeated at " << i << ": " << id;
    EXPECT_TRUE(people::ValidateIdNumber(id, "2026-12-06").ok()) << id;
    EXPECT_EQ(people::IdNumberGender(id), male ? "male" : "female") << id;
  }
}

}  // namespace
}  // namespace xinan::demo
