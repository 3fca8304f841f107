// The campaign export's table (pure): band labels in words, submission times as date cells,
// and the district's wall-clock time for those cells.
#include <gtest/gtest.h>

#include <algorithm>

#include "assess/domain/scale_library.h"
#include "campaigns/http/campaign_json.h"
#include "report/xlsx.h"
#include "testing/scales_dir.h"

namespace xinan::campaigns {
namespace {

TEST(CampaignExport, BandsInWordsAndTimesAsDates) {
  auto lib = assess::ScaleLibrary::LoadDirectory(testing::ScalesDir());
  ASSERT_TRUE(lib.ok()) << lib.status().detail();
  ResponseRow r;
  r.assessment_id = "a1";
  r.unit_name = "东湖村";
  r.scale_code = "phq9";
  r.scale_version = "1.0.0";
  r.answers_json = R"({"1":1,"2":1,"3":1,"4":1,"5":1,"6":1,"7":2,"8":2,"9":0})";
  r.raw = r.total = 11;
  r.band = "moderate";
  r.positive = true;
  r.created_at = 1764086400000;  // 2025-11-25T16:00:00Z
  ResponseRow retired = r;
  retired.band = "no_such_band";  // a band an older definition had
  auto sheets = internal::ExportSheets({r, retired}, *lib);
  ASSERT_EQ(sheets.size(), 1u);
  const auto& headers = sheets[0].headers;
  auto column = [&](const std::string& h) {
    return static_cast<size_t>(std::find(headers.begin(), headers.end(), h) - headers.begin());
  };
  ASSERT_LT(column("等级"), headers.size());
  ASSERT_LT(column("提交时间"), headers.size());
  EXPECT_EQ(std::get<std::string>(sheets[0].rows[0][column("等级")]), "中度抑郁");
  EXPECT_EQ(std::get<std::string>(sheets[0].rows[1][column("等级")]), "no_such_band");
  const auto* when = std::get_if<report::Instant>(&sheets[0].rows[0][column("提交时间")]);
  ASSERT_NE(when, nullptr) << "a date cell, not text";
  EXPECT_EQ(when->millis, r.created_at);
  EXPECT_EQ(sheets[0].name, "PHQ-9") << "the sheet named by the scale's abbreviation";
}

TEST(CampaignExport, CriticalAnswersAndAlertsHaveColumns) {
  auto lib = assess::ScaleLibrary::LoadDirectory(testing::ScalesDir());
  ASSERT_TRUE(lib.ok()) << lib.status().detail();
  ResponseRow calm;
  calm.scale_code = "phq9";
  calm.scale_version = "1.0.0";
  calm.answers_json = R"({"1":1,"2":1,"3":0,"4":0,"5":0,"6":0,"7":0,"8":0,"9":0})";
  calm.raw = calm.total = 2;
  calm.band = "minimal";
  ResponseRow crisis = calm;
  crisis.answers_json = R"({"1":1,"2":1,"3":0,"4":0,"5":0,"6":0,"7":0,"8":0,"9":1})";
  crisis.raw = crisis.total = 3;
  crisis.critical = true;
  crisis.alert_level = "red";
  auto sheets = internal::ExportSheets({calm, crisis}, *lib);
  const auto& headers = sheets.at(0).headers;
  auto at = [&](size_t row, const std::string& h) {
    size_t col = static_cast<size_t>(std::find(headers.begin(), headers.end(), h) - headers.begin());
    return col < headers.size() ? std::get<std::string>(sheets[0].rows[row][col]) : std::string("no column " + h);
  };
  EXPECT_EQ(at(0, "危机条目"), "否");
  EXPECT_EQ(at(0, "预警"), "无");
  EXPECT_EQ(at(1, "危机条目"), "是") << "a minimal band with item 9 > 0 must stand out";
  EXPECT_EQ(at(1, "预警"), "红色预警");
}

// A campaign that ran across a new version of a scale: each version's responses under that
// version's items, on a sheet of its own (the latest definition's columns shifted the older
// answers and scored them with its factors).
TEST(CampaignExport, EachVersionOnItsOwnSheetWithItsOwnItems) {
  auto lib = assess::ScaleLibrary::LoadDirectory(testing::ScalesDir());
  ASSERT_TRUE(lib.ok()) << lib.status().detail();
  assess::Scale v2 = *lib->Latest("phq9");
  v2.version = "9.0.0";
  v2.items.pop_back();  // item 9 gone in the newer definition
  ASSERT_TRUE(lib->Add(v2).ok());
  ResponseRow old_one;
  old_one.scale_code = "phq9";
  old_one.scale_version = lib->Find("phq9", "1.0.0") ? "1.0.0" : "";
  ASSERT_FALSE(old_one.scale_version.empty()) << "the shipped PHQ-9 is 1.0.0";
  old_one.answers_json = R"({"1":1,"2":1,"3":0,"4":0,"5":0,"6":0,"7":0,"8":0,"9":3})";
  old_one.raw = old_one.total = 5;
  old_one.band = "mild";
  ResponseRow new_one = old_one;
  new_one.scale_version = "9.0.0";
  new_one.answers_json = R"({"1":1,"2":1,"3":0,"4":0,"5":0,"6":0,"7":0,"8":0})";
  auto sheets = internal::ExportSheets({new_one, old_one}, *lib);
  ASSERT_EQ(sheets.size(), 2u);
  EXPECT_EQ(sheets[0].name, "PHQ-9 v1.0.0");
  EXPECT_EQ(sheets[1].name, "PHQ-9 v9.0.0");
  auto has = [](const report::Sheet& sheet, const std::string& h) {
    return std::find(sheet.headers.begin(), sheet.headers.end(), h) != sheet.headers.end();
  };
  EXPECT_TRUE(has(sheets[0], "第9题"));
  EXPECT_FALSE(has(sheets[1], "第9题"));
  ASSERT_EQ(sheets[0].rows.size(), 1u);
  size_t item9 = static_cast<size_t>(
      std::find(sheets[0].headers.begin(), sheets[0].headers.end(), "第9题") - sheets[0].headers.begin());
  EXPECT_EQ(std::get<double>(sheets[0].rows[0][item9]), 3.0) << "the older answer under its own item";
  EXPECT_EQ(sheets[0].rows[0].size(), sheets[0].headers.size());
  EXPECT_EQ(sheets[1].rows[0].size(), sheets[1].headers.size());
}

TEST(ShanghaiLocalTime, IsUtcPlusEightAcrossDayMonthAndLeapDay) {
  struct Case {
    int64_t millis;
    int year, month, day, hour, minute;
    double second;
  } cases[] = {
      {0, 1970, 1, 1, 8, 0, 0},
      {1764086400000, 2025, 11, 26, 0, 0, 0},          // 16:00Z is midnight next day
      {1709251199500, 2024, 3, 1, 7, 59, 59.5},        // 2024-02-29T23:59:59.5Z
      {1709193600000, 2024, 2, 29, 16, 0, 0},          // 2024-02-29T08:00Z
      {1767225599000, 2026, 1, 1, 7, 59, 59},          // 2025-12-31T23:59:59Z
      {-28800000, 1970, 1, 1, 0, 0, 0},                // 1969-12-31T16:00Z
  };
  for (const auto& c : cases) {
    report::LocalTime l = report::ShanghaiLocalTime(c.millis);
    EXPECT_EQ(l.year, c.year) << c.millis;
    EXPECT_EQ(l.month, c.month) << c.millis;
    EXPECT_EQ(l.day, c.day) << c.millis;
    EXPECT_EQ(l.hour, c.hour) << c.millis;
    EXPECT_EQ(l.minute, c.minute) << c.millis;
    EXPECT_DOUBLE_EQ(l.second, c.second) << c.millis;
  }
}

}  // namespace
}  // namespace xinan::campaigns
