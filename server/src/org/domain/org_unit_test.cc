// Table-driven tests of org-unit rules: codes, levels, parent consistency, paths.
#include <gtest/gtest.h>

#include "org/domain/org_unit.h"

namespace xinan::org {
namespace {

OrgUnit Unit(Level level, std::string code) {
  OrgUnit u;
  u.level = level;
  u.code = std::move(code);
  u.path = "/" + u.code + "/";
  return u;
}

TEST(OrgUnit, ValidationTable) {
  const auto district = Unit(Level::kDistrict, "330499000000");
  const auto town = Unit(Level::kTown, "330499001000");
  struct Case { UnitInput in; std::optional<OrgUnit> parent; std::string want; };
  const Case cases[] = {
      {{"330499000000", "心安区", "district", "", "0573-12345"}, std::nullopt, ""},
      {{"330499001000", "东镇", "town", "", ""}, district, ""},
      {{"330499001001", "一村", "village", "", ""}, town, ""},
      {{"33049900100", "短码", "village", "", ""}, town, "code:code_format"},
      {{"33049900100A", "字母", "village", "", ""}, town, "code:code_format"},
      {{"330499002001", "错镇", "village", "", ""}, town, "code:code_parent_mismatch"},
      {{"330400001000", "错区", "town", "", ""}, district, "code:code_parent_mismatch"},
      {{"330499001002", "", "village", "", ""}, town, "name:required"},
      {{"330499001002", "村", "hamlet", "", ""}, town, "level:level_invalid"},
      {{"330499001002", "村", "village", "", ""}, district, "level:level_parent_mismatch"},
      {{"330499001000", "镇", "town", "", ""}, std::nullopt, "level:level_parent_mismatch"},
      {{"330499001002", "村", "village", "", "12ab"}, town, "hotline:hotline_format"},
  };
  for (const auto& c : cases) {
    Status st = ValidateUnitInput(c.in, c.parent);
    std::string got = st.ok() ? "" : st.fields().at(0).field + ":" + st.fields().at(0).code;
    EXPECT_EQ(got, c.want) << c.in.code << " " << c.in.name;
  }
}

TEST(OrgUnit, PathsAndLevels) {
  EXPECT_EQ(ChildPath("/330499000000/", "330499001000"), "/330499000000/330499001000/");
  EXPECT_EQ(ChildPath("", "330499000000"), "/330499000000/");
  EXPECT_EQ(ParseLevel("town"), Level::kTown);
  EXPECT_FALSE(ParseLevel("TOWN").has_value());
  EXPECT_EQ(LevelCode(Level::kVillage), "village");
}

}  // namespace
}  // namespace xinan::org
