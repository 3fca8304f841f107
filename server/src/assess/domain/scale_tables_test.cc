// Scoring tables for PHQ-15, PSS-10 and SAS, with expected values from the published scoring
// rules: band boundaries on both sides, reverse items, the × 1.25 integer part, factor scores.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "assess/domain/scale_library.h"
#include "testing/scales_dir.h"

namespace xinan::assess {
namespace {

const Scale& Shipped(const std::string& code) {
  static const ScaleLibrary lib = [] {
    auto l = ScaleLibrary::LoadDirectory(xinan::testing::ScalesDir());
    EXPECT_TRUE(l.ok()) << l.status().detail();
    return l.ok() ? std::move(l).value() : ScaleLibrary();
  }();
  const Scale* s = lib.Latest(code);
  if (!s) throw std::runtime_error("scale not shipped: " + code);
  return *s;
}

// Answers given in item order (item ids "1".."n").
Answers InOrder(const std::vector<int>& values) {
  Answers a;
  for (size_t i = 0; i < values.size(); ++i) a[std::to_string(i + 1)] = values[i];
  return a;
}

std::pair<int, int> Range(const Item& item) {
  auto [lo, hi] = std::minmax_element(item.options.begin(), item.options.end(),
                                      [](const Option& x, const Option& y) { return x.value < y.value; });
  return {lo->value, hi->value};
}

// Answers whose item scores (after reversal) add up to `raw`: every item starts at its lowest
// score and the rest is filled item by item, so the table can name a raw total directly.
Answers ForRaw(const Scale& s, int raw) {
  int extra = raw;
  for (const auto& item : s.items) extra -= Range(item).first;
  Answers a;
  for (const auto& item : s.items) {
    auto [lo, hi] = Range(item);
    int score = lo + std::clamp(extra, 0, hi - lo);
    extra -= score - lo;
    a[item.id] = item.reverse ? lo + hi - score : score;
  }
  EXPECT_EQ(extra, 0) << s.code << ": raw total " << raw << " out of range";
  return a;
}

struct RawCase {
  int raw;
  double total;
  std::string band;
  bool positive;
};

void ExpectRawTable(const std::string& code, const std::vector<RawCase>& cases) {
  const Scale& s = Shipped(code);
  for (const auto& c : cases) {
    auto r = Score(s, ForRaw(s, c.raw));
    ASSERT_TRUE(r.ok()) << code << " raw " << c.raw << ": " << r.status().ToString();
    EXPECT_EQ(r->raw, c.raw) << code;
    EXPECT_EQ(r->total, c.total) << code << " raw " << c.raw;
    EXPECT_EQ(r->band, c.band) << code << " raw " << c.raw;
    EXPECT_EQ(r->positive, c.positive) << code << " raw " << c.raw;
    EXPECT_FALSE(r->critical()) << code;
  }
}

// Kroenke et al. 2002: 0–4 minimal, 5–9 low, 10–14 medium, ≥ 15 high; items 0–2, total 0–30.
TEST(Phq15, BandsBothSidesOfEveryCutOff) {
  ExpectRawTable("phq15", {{0, 0, "minimal", false}, {4, 4, "minimal", false}, {5, 5, "low", false},
                           {9, 9, "low", false},       {10, 10, "medium", true},  {14, 14, "medium", true},
                           {15, 15, "high", true},     {30, 30, "high", true}});
}

TEST(Phq15, ItemsCodesAndWomenOnlyItem) {
  const Scale& s = Shipped("phq15");
  ASSERT_EQ(s.items.size(), 15u);
  EXPECT_EQ(s.TotalRange(), (std::pair<double, double>{0, 30}));
  EXPECT_EQ(s.loinc_panel, "69728-4");
  EXPECT_EQ(s.loinc_total, "70273-8");
  EXPECT_EQ(s.FindItem("4")->loinc, "69674-0");   // menstrual problems (women only)
  EXPECT_EQ(s.FindItem("11")->loinc, "69717-7");  // pain or problems during intercourse
  EXPECT_EQ(s.FindItem("15")->loinc, "69732-6");  // trouble sleeping
  // A man answers item 4 "not bothered" (0): his total is over the other 14 items.
  Answers man = InOrder({2, 2, 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
  EXPECT_EQ(Score(s, man)->total, 28);
  man["4"] = 3;
  EXPECT_FALSE(Score(s, man).ok()) << "0–2 only";
}

// Cohen: items 4, 5, 7, 8 reversed (0↔4, 1↔3); 0–13 low, 14–26 moderate, 27–40 high.
// Factors: helplessness = items 1, 2, 3, 6, 9, 10; lack of efficacy = 4, 5, 7, 8 after reversal.
TEST(Pss10, ReverseItemsBandsAndFactorsTable) {
  struct Case { std::vector<int> answers; double total; std::string band; double helpless, efficacy; };
  const Case cases[] = {
      {{0, 0, 0, 4, 4, 0, 4, 4, 0, 0}, 0, "low", 0, 0},
      {{4, 4, 4, 0, 0, 4, 0, 0, 4, 4}, 40, "high", 24, 16},
      {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 16, "moderate", 0, 16},  // "never" on a positive item scores 4
      {{4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, 24, "moderate", 24, 0},
      {{4, 4, 4, 4, 4, 1, 4, 4, 0, 0}, 13, "low", 13, 0},
      {{4, 4, 4, 4, 4, 2, 4, 4, 0, 0}, 14, "moderate", 14, 0},
      {{4, 4, 4, 2, 4, 4, 4, 4, 4, 4}, 26, "moderate", 24, 2},
      {{4, 4, 4, 1, 4, 4, 4, 4, 4, 4}, 27, "high", 24, 3},
  };
  const Scale& s = Shipped("pss10");
  for (const auto& c : cases) {
    auto r = Score(s, InOrder(c.answers));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->total, c.total);
    EXPECT_EQ(r->band, c.band) << "total " << c.total;
    EXPECT_EQ(r->positive, c.band == "high") << "total " << c.total;
    ASSERT_EQ(r->factors.size(), 2u);
    EXPECT_EQ(r->factors[0].code, "helplessness");
    EXPECT_EQ(r->factors[0].score, c.helpless) << "total " << c.total;
    EXPECT_EQ(r->factors[1].code, "lack_of_efficacy");
    EXPECT_EQ(r->factors[1].score, c.efficacy) << "total " << c.total;
  }
}

// Zung: items 5, 9, 13, 17, 19 reversed; standard score = integer part of raw × 1.25 (25–100);
// Chinese norm: < 50 normal, 50–59 mild, 60–69 moderate, ≥ 70 severe.
TEST(Sas, StandardScoreFloorAndBandsTable) {
  ExpectRawTable("sas", {
      {20, 25, "normal", false},
      {39, 48, "normal", false},   // 48.75 → 48: just below the cut-off
      {40, 50, "mild", true},
      {43, 53, "mild", true},      // 53.75 → 53, not rounded up to 54
      {47, 58, "mild", true},      // 58.75 → 58
      {48, 60, "moderate", true},
      {55, 68, "moderate", true},  // 68.75 → 68
      {56, 70, "severe", true},
      {80, 100, "severe", true},
  });
}

TEST(Sas, ReverseItemsTable) {
  const Scale& s = Shipped("sas");
  struct Case { int every_answer; double raw, total; std::string band; };
  const Case cases[] = {
      {1, 35, 43, "normal"},    // 15 × 1 + 5 reversed × 4
      {2, 45, 56, "mild"},      // 15 × 2 + 5 × 3 = 45 → 56.25
      {4, 65, 81, "severe"},    // 15 × 4 + 5 × 1 = 65 → 81.25
  };
  for (const auto& c : cases) {
    auto r = Score(s, InOrder(std::vector<int>(20, c.every_answer)));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->raw, c.raw) << "all " << c.every_answer;
    EXPECT_EQ(r->total, c.total) << "all " << c.every_answer;
    EXPECT_EQ(r->band, c.band) << "all " << c.every_answer;
  }
  std::vector<std::string> reversed;
  for (const auto& i : s.items) if (i.reverse) reversed.push_back(i.id);
  EXPECT_EQ(reversed, (std::vector<std::string>{"5", "9", "13", "17", "19"}));
  EXPECT_EQ(s.TotalRange(), (std::pair<double, double>{25, 100}));
}

}  // namespace
}  // namespace xinan::assess
