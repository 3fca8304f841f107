// Sheet names Excel accepts, and a workbook whose wanted names collide or break Excel's rules
// (a district's own scale definitions name the sheets of a campaign export).
#include "report/xlsx.h"

#include <gtest/gtest.h>

namespace xinan::report {
namespace {

TEST(SheetNames, FollowExcelsRules) {
  const std::string long_name = "患者健康问卷抑郁量表第二版患者健康问卷抑郁量表第二版患者健康问卷抑郁";  // 34
  struct Case {
    std::vector<std::string> wanted, expected;
  } cases[] = {
      {{"PHQ-9", "GAD-7"}, {"PHQ-9", "GAD-7"}},
      {{"PHQ-9", "phq-9", "PHQ-9"}, {"PHQ-9", "phq-9 (2)", "PHQ-9 (3)"}},
      {{"a/b\\c?d*e[f]g:h"}, {"abcdefgh"}},
      {{"'quoted'"}, {"quoted"}},
      {{"ok", "", "[]"}, {"ok", "Sheet2", "Sheet3"}},
      {{long_name}, {"患者健康问卷抑郁量表第二版患者健康问卷抑郁量表第二版患者健康问"}},  // 31
      {{long_name, long_name}, {"患者健康问卷抑郁量表第二版患者健康问卷抑郁量表第二版患者健康问",
                                "患者健康问卷抑郁量表第二版患者健康问卷抑郁量表第二版患 (2)"}},  // 27 + 4
  };
  for (const auto& c : cases) EXPECT_EQ(SheetNames(c.wanted), c.expected) << c.wanted.at(0);
}

TEST(FitForCell, KeepsWhatExcelHoldsAndCutsTheRest) {
  const std::string fits(32767, 'a');
  EXPECT_EQ(FitForCell(fits), fits);
  EXPECT_EQ(FitForCell("短文本"), "短文本");
  std::string over = fits + "b";
  std::string cut = FitForCell(over);
  EXPECT_EQ(cut, std::string(32766, 'a') + "…");
  std::string chinese;
  for (int i = 0; i < 40000; ++i) chinese += "答";
  std::string cn = FitForCell(chinese);
  EXPECT_EQ(cn.size(), 32766u * 3 + std::string("…").size()) << "whole characters, counted as characters";
  EXPECT_EQ(cn.substr(cn.size() - 3), "…");
  // What libxlsxwriter takes: a sheet with such cells writes instead of dropping them.
  auto bytes = WriteXlsx({{"长文本", {"作答"}, {{over}, {chinese}}}});
  ASSERT_TRUE(bytes.ok()) << bytes.status().detail();
}

// libxlsxwriter refuses a second sheet of the same name and answered with a null sheet, which
// was then written to: the export took the whole server down.
TEST(WriteXlsx, WritesSheetsWhoseWantedNamesCollideOrBreakTheRules) {
  std::vector<Sheet> sheets = {
      {"PHQ-9", {"总分"}, {{12.0}}},
      {"PHQ-9", {"总分"}, {{3.0}}},
      {"a/b:c", {"总分"}, {}},
      {std::string(40, 'x'), {"总分"}, {}},
  };
  auto bytes = WriteXlsx(sheets);
  ASSERT_TRUE(bytes.ok()) << bytes.status().detail();
  ASSERT_GT(bytes->size(), 4u);
  EXPECT_EQ(bytes->substr(0, 2), "PK") << "a zip container";
}

}  // namespace
}  // namespace xinan::report
