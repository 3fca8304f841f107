// The demo's fictional ID numbers: valid, of the right gender, and never the same twice — even
// for many residents born on one day.
#include "demo/seed.h"

#include <gtest/gtest.h>

#include <set>

#include "people/domain/id_number.h"

namespace xinan::demo {
namespace {

TEST(FictionalIds, NeverRepeatAndStayValid) {
  FictionalIds ids;
  std::set<std::string> seen;
  for (int i = 0; i < 500; ++i) {
    bool male = i % 3 == 0;
    std::string id = ids.Next("19800101", male);
    EXPECT_TRUE(seen.insert(id).second) << "repeated: " << id;
    EXPECT_TRUE(people::ValidateIdNumber(id, "2026-12-06").ok()) << id;
    EXPECT_EQ(people::IdNumberGender(id), male ? "male" : "female") << id;
  }
  EXPECT_NE(ids.Next("19800102", true), ids.Next("19800103", true));
}

}  // namespace
}  // namespace xinan::demo
