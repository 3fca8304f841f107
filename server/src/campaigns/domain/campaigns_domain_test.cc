// Campaign rules: validation names each bad field, the open window is inclusive, coverage and
// positive rate count as the district reports them, and roster CSV is all or nothing.
#include <gtest/gtest.h>

#include "campaigns/domain/campaign.h"
#include "campaigns/domain/roster.h"

namespace xinan::campaigns {
namespace {

CampaignInput Valid() {
  return {"普查", "unit-1", "初二", {"phq9"}, "2026-09-01", "2026-09-30", "同意", true, 40};
}

bool Known(const std::string& code) { return code == "phq9" || code == "gad7"; }

TEST(CampaignValidation, EachBrokenFieldIsNamed) {
  struct Case {
    const char* what;
    void (*change)(CampaignInput&);
    const char* field;
    const char* code;
  };
  const Case cases[] = {
      {"no name", [](CampaignInput& c) { c.name = ""; }, "name", "required"},
      {"long name", [](CampaignInput& c) { c.name = std::string(201, 'x'); }, "name", "name_too_long"},
      {"long target group", [](CampaignInput& c) { c.target_group = std::string(201, 'x'); }, "targetGroup",
       "target_group_too_long"},
      {"long consent", [](CampaignInput& c) { c.consent_text = std::string(2001, 'x'); }, "consentText",
       "consent_too_long"},
      {"no unit", [](CampaignInput& c) { c.unit_id = ""; }, "unitId", "required"},
      {"no scales", [](CampaignInput& c) { c.scale_codes.clear(); }, "scaleCodes", "required"},
      {"unknown scale", [](CampaignInput& c) { c.scale_codes = {"phq9", "scl90"}; }, "scaleCodes", "scale_unknown"},
      {"bad start", [](CampaignInput& c) { c.starts_on = "2026-02-30"; }, "startsOn", "date_invalid"},
      {"bad end", [](CampaignInput& c) { c.ends_on = "20260930"; }, "endsOn", "date_invalid"},
      {"end before start", [](CampaignInput& c) { c.ends_on = "2026-08-31"; }, "endsOn", "ends_before_start"},
      {"negative target", [](CampaignInput& c) { c.target_size = -1; }, "targetSize", "target_size_invalid"},
  };
  EXPECT_TRUE(ValidateCampaign(Valid(), Known).ok());
  CampaignInput chinese = Valid();
  for (int i = 0; i < 200; ++i) chinese.name += "测";
  chinese.name = chinese.name.substr(0, 200 * 3);
  chinese.consent_text.clear();
  for (int i = 0; i < 2000; ++i) chinese.consent_text += "同";  // 2,000 characters, 6,000 bytes
  EXPECT_TRUE(ValidateCampaign(chinese, Known).ok()) << "200 Chinese characters are 600 bytes but allowed";
  for (const auto& c : cases) {
    CampaignInput in = Valid();
    c.change(in);
    Status st = ValidateCampaign(in, Known);
    ASSERT_EQ(st.fields().size(), 1u) << c.what;
    EXPECT_EQ(st.fields()[0].field, c.field) << c.what;
    EXPECT_EQ(st.fields()[0].code, c.code) << c.what;
  }
}

TEST(CampaignWindow, OpenOnBothEndDaysOnly) {
  const struct { const char* today; bool open; } cases[] = {
      {"2026-08-31", false}, {"2026-09-01", true}, {"2026-09-15", true}, {"2026-09-30", true}, {"2026-10-01", false}};
  for (const auto& c : cases) EXPECT_EQ(IsOpen("2026-09-01", "2026-09-30", c.today), c.open) << c.today;
}

TEST(CampaignCoverage, RosterReplacesDeclaredTarget) {
  const struct {
    int64_t roster, declared, completed, positive;
    int64_t target;
    double coverage, positive_rate;
  } cases[] = {
      {0, 0, 0, 0, 0, 0, 0},          // nothing known: no division by zero
      {0, 50, 10, 2, 50, 0.2, 0.2},   // declared size until a roster exists
      {40, 50, 10, 5, 40, 0.25, 0.5}, // the roster wins
      {0, 50, 0, 0, 50, 0, 0},        // nobody answered: positive rate 0, not NaN
      {4, 0, 5, 1, 4, 1.25, 0.2},     // more respondents than roster (walk-ins) is reported as is
  };
  for (const auto& c : cases) {
    Coverage got = CountCoverage(c.roster, c.declared, c.completed, c.positive);
    EXPECT_EQ(got.target, c.target);
    EXPECT_DOUBLE_EQ(got.coverage, c.coverage);
    EXPECT_DOUBLE_EQ(got.positive_rate, c.positive_rate);
  }
}

TEST(RosterCsv, ParsedLinesKeepInvalidLinesForTheStoresChecks) {
  ParsedRoster p = ParseRosterLines("name,phone,unitCode\n张一,12345,330499001001\n李二,,330499009999\n");
  ASSERT_EQ(p.lines.size(), 2u) << "both lines, so the store can check the second one's unit";
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].field, "line 2: phone");
}

TEST(RosterCsv, ErrorsSortByLineNumberKeepingOrderWithinALine) {
  std::vector<FieldError> errs = {{"line 10: unitCode", "unit_not_found"}, {"line 2: phone", "phone_format"},
                                  {"line 9: name", "required"}, {"line 2: unitCode", "required"},
                                  {"line 3", "roster_columns"}};
  SortByLine(errs);
  std::vector<std::string> got;
  for (const auto& e : errs) got.push_back(e.field);
  EXPECT_EQ(got, (std::vector<std::string>{"line 2: phone", "line 2: unitCode", "line 3", "line 9: name",
                                           "line 10: unitCode"}));
}

TEST(CampaignCodes, RoundTrip) {
  EXPECT_EQ(EncodeCodes({"phq9", "gad7"}), ",phq9,gad7,");
  EXPECT_EQ(DecodeCodes(",phq9,gad7,"), (std::vector<std::string>{"phq9", "gad7"}));
  EXPECT_TRUE(DecodeCodes(",").empty());
}

TEST(RosterCsv, ValidLinesParseWithTheirNumbers) {
  auto r = ParseRoster("\xEF\xBB\xBFname,phone,unitCode,group\n张一, 138-0000-0001 ,330499001001,1班\n\n李二,,330499001002\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].line_no, 2);
  EXPECT_EQ((*r)[0].phone, "13800000001");
  EXPECT_EQ((*r)[0].group, "1班");
  EXPECT_EQ((*r)[1].line_no, 4) << "blank lines keep the numbering of the file";
  EXPECT_EQ((*r)[1].phone, "");
}

TEST(RosterCsv, EveryBadLineIsReportedAndNothingReturned) {
  auto r = ParseRoster("name,phone,unitCode\n,13800000001,330499001001\n张二,12345,330499001001\n张三,13800000004,\n"
                       "张四,13800000001,330499001001\n只有两列,1\n");
  ASSERT_FALSE(r.ok());
  std::vector<std::string> got;
  for (const auto& f : r.status().fields()) got.push_back(f.field + ":" + f.code);
  EXPECT_EQ(got, (std::vector<std::string>{"line 2: name:required", "line 3: phone:phone_format",
                                           "line 4: unitCode:required", "line 5: phone:phone_duplicate",
                                           "line 6:roster_columns"}));
  EXPECT_EQ(r.status().code(), "import_failed");
}

TEST(RosterCsv, NamesAndGroupsHaveCeilings) {
  auto repeat = [](int n, const std::string& s) { std::string out; while (n-- > 0) out += s; return out; };
  auto at_limit = ParseRoster("name,phone,unitCode,group\n" + repeat(50, "张") + ",,330499001001," + repeat(100, "班") + "\n");
  EXPECT_TRUE(at_limit.ok()) << "50 characters of name, 100 of group";
  auto over = ParseRoster("name,phone,unitCode,group\n" + repeat(51, "张") + ",,330499001001," + repeat(101, "班") + "\n");
  ASSERT_FALSE(over.ok());
  std::vector<std::string> got;
  for (const auto& f : over.status().fields()) got.push_back(f.field + ":" + f.code);
  EXPECT_EQ(got, (std::vector<std::string>{"line 2: name:name_too_long", "line 2: group:group_too_long"}));
}

TEST(RosterCsv, HeaderOnlyIsEmpty) {
  auto r = ParseRoster("name,phone,unitCode\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().fields().at(0).code, "roster_empty");
}

}  // namespace
}  // namespace xinan::campaigns
