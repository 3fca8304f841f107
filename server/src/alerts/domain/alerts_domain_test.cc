// Table-driven tests of warning-rule evaluation, alert deadlines and escalation targets.
#include <gtest/gtest.h>

#include "alerts/domain/deadlines.h"
#include "alerts/domain/warning_rules.h"

namespace xinan::alerts {
namespace {

std::string Eval(const RuleInput& in, const std::vector<WarningRule>& rules = DefaultRules()) {
  auto e = Evaluate(rules, in);
  return e ? LevelCode(e->level) : "none";
}

TEST(WarningRules, DefaultRulesTable) {
  struct Case { std::string scale; double total; bool critical; std::string want; };
  const Case cases[] = {
      {"phq9", 9, false, "none"},     {"phq9", 10, false, "yellow"}, {"phq9", 19, false, "yellow"},
      {"phq9", 20, false, "orange"},  {"phq9", 3, true, "red"},      {"gad7", 14, false, "none"},
      {"gad7", 15, false, "orange"},  {"gad7", 21, false, "orange"}, {"who5", 2, false, "none"},
      {"asq", 1, true, "red"},
  };
  for (const auto& c : cases) {
    RuleInput in{c.scale, c.total, std::nullopt, c.critical, {}};
    EXPECT_EQ(Eval(in), c.want) << c.scale << " " << c.total << " critical=" << c.critical;
  }
}

TEST(WarningRules, RiseAndTagConditions) {
  WarningRule rise{"r1", "PHQ-9 上升 ≥ 5", AlertLevel::kYellow, "phq9", std::nullopt, std::nullopt, 5.0, false, {}, true};
  WarningRule minor{"r2", "未成年 PHQ-9 ≥ 15", AlertLevel::kOrange, "phq9", 15.0, std::nullopt, std::nullopt, false, {"minor"}, true};
  std::vector<WarningRule> rules{rise, minor};
  EXPECT_EQ(Eval({"phq9", 8, std::nullopt, false, {}}, rules), "none") << "no previous result";
  EXPECT_EQ(Eval({"phq9", 8, 4.0, false, {}}, rules), "none") << "rise of 4";
  EXPECT_EQ(Eval({"phq9", 9, 4.0, false, {}}, rules), "yellow") << "rise of 5";
  EXPECT_EQ(Eval({"phq9", 16, std::nullopt, false, {"elderly_alone"}}, rules), "none");
  auto both = Evaluate(rules, {"phq9", 16, 6.0, false, {"minor"}});
  ASSERT_TRUE(both.has_value());
  EXPECT_EQ(both->level, AlertLevel::kOrange);
  EXPECT_EQ(both->rule_ids, (std::vector<std::string>{"r1", "r2"}));
  minor.active = false;
  EXPECT_EQ(Eval({"phq9", 16, std::nullopt, false, {"minor"}}, {minor}), "none");
}

// WHO-5 (0–100): a low total is the warning sign, so rules say "at most"; with both bounds a
// rule covers a band.
TEST(WarningRules, TotalAtMostAndBands) {
  WarningRule low{"w28", "WHO-5 ≤ 28", AlertLevel::kOrange, "who5", std::nullopt, 28.0, std::nullopt, false, {}, true};
  WarningRule band{"w32", "WHO-5 32–50", AlertLevel::kYellow, "who5", 32.0, 50.0, std::nullopt, false, {}, true};
  struct Case { std::string scale; double total; std::string want; };
  const Case cases[] = {
      {"who5", 0, "orange"},  {"who5", 28, "orange"}, {"who5", 30, "none"},    {"who5", 32, "yellow"},
      {"who5", 50, "yellow"}, {"who5", 52, "none"},   {"who5", 100, "none"},   {"phq9", 3, "none"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Eval({c.scale, c.total, std::nullopt, false, {}}, {low, band}), c.want) << c.scale << " " << c.total;
  }
}

TEST(WarningRules, Validation) {
  WarningRule empty{"x", "", AlertLevel::kRed, "", std::nullopt, std::nullopt, std::nullopt, false, {}, true};
  Status st = ValidateRule(empty);
  ASSERT_EQ(st.fields().size(), 2u);
  EXPECT_EQ(st.fields()[0].code, "required");
  EXPECT_EQ(st.fields()[1].code, "rule_without_condition");
  WarningRule neg{"x", "n", AlertLevel::kRed, "", std::nullopt, std::nullopt, -1.0, false, {}, true};
  EXPECT_EQ(ValidateRule(neg).fields().at(0).code, "rule_rise_positive");
  WarningRule at_most{"x", "n", AlertLevel::kRed, "", std::nullopt, 7.0, std::nullopt, false, {}, true};
  EXPECT_TRUE(ValidateRule(at_most).ok()) << "an upper bound alone is a condition";
  WarningRule empty_band{"x", "n", AlertLevel::kRed, "", 14.0, 13.0, std::nullopt, false, {}, true};
  ASSERT_EQ(ValidateRule(empty_band).fields().size(), 1u);
  EXPECT_EQ(ValidateRule(empty_band).fields()[0].field, "maxTotal");
  EXPECT_EQ(ValidateRule(empty_band).fields()[0].code, "rule_total_band_empty");
  empty_band.max_total = 14.0;
  EXPECT_TRUE(ValidateRule(empty_band).ok()) << "a band of one total";
  for (const auto& r : DefaultRules()) EXPECT_TRUE(ValidateRule(r).ok()) << r.id;
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "规";
  WarningRule named{"x", hundred, AlertLevel::kRed, "", std::nullopt, std::nullopt, std::nullopt, true, {}, true};
  EXPECT_TRUE(ValidateRule(named).ok()) << "100 characters";
  named.name += "则";
  EXPECT_EQ(ValidateRule(named).fields().at(0).code, "name_too_long");
}

TEST(WarningRules, ThresholdsANoTotalCanReachAreRefused) {
  // GAD-7 totals run 0–21.
  struct Case {
    std::optional<double> min_total, max_total, min_rise;
    std::vector<std::string> errors;
  } cases[] = {
      {15.0, std::nullopt, std::nullopt, {}},
      {21.0, std::nullopt, std::nullopt, {}},                      // the top is reachable
      {21.5, std::nullopt, std::nullopt, {"minTotal"}},
      {50.0, std::nullopt, std::nullopt, {"minTotal"}},
      {std::nullopt, 0.0, std::nullopt, {}},                       // so is the bottom
      {std::nullopt, -0.5, std::nullopt, {"maxTotal"}},
      {std::nullopt, std::nullopt, 21.0, {}},
      {std::nullopt, std::nullopt, 22.0, {"minRise"}},
      {50.0, -1.0, 30.0, {"minTotal", "maxTotal", "minRise"}},
  };
  for (const auto& c : cases) {
    WarningRule r{"x", "GAD-7", AlertLevel::kOrange, "gad7", c.min_total, c.max_total, c.min_rise, false, {}, true};
    Status st = CheckRuleReachable(r, 0, 21);
    std::vector<std::string> got;
    for (const auto& f : st.fields()) got.push_back(f.field);
    EXPECT_EQ(got, c.errors) << c.min_total.value_or(-1) << " " << c.max_total.value_or(-1) << " "
                             << c.min_rise.value_or(-1);
  }
}

TEST(Deadlines, ByLevelAndEscalation) {
  const int64_t t = 1'000'000;
  EXPECT_EQ(AckDeadline(AlertLevel::kRed, t), t + 2 * 3600 * 1000);
  EXPECT_EQ(AckDeadline(AlertLevel::kOrange, t), t + 24 * 3600 * 1000);
  EXPECT_EQ(AckDeadline(AlertLevel::kYellow, t), t + 72LL * 3600 * 1000);
  EXPECT_FALSE(MustEscalate("new", t + 1, t));
  EXPECT_TRUE(MustEscalate("new", t, t));
  EXPECT_FALSE(MustEscalate("acknowledged", t, t + 1));
}

}  // namespace
}  // namespace xinan::alerts
