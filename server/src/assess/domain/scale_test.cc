// Scoring tables for the shipped scales (cases from the published scoring rules), loader
// validation of broken definitions, and version pinning.
#include <gtest/gtest.h>

#include "assess/domain/scale_library.h"
#include "testing/scales_dir.h"

namespace xinan::assess {
namespace {

const ScaleLibrary& Library() {
  static const ScaleLibrary lib = [] {
    auto l = ScaleLibrary::LoadDirectory(xinan::testing::ScalesDir());
    EXPECT_TRUE(l.ok()) << l.status().detail();
    return l.ok() ? std::move(l).value() : ScaleLibrary();
  }();
  return lib;
}

Answers Uniform(const Scale& s, int value) {
  Answers a;
  for (const auto& i : s.items) a[i.id] = value;
  return a;
}

// Answers summing to `raw` on a 0..3 scale with `items` items, item 9 (if any) kept at 0.
Answers Sum(const Scale& s, int raw, int critical_value = 0) {
  Answers a = Uniform(s, 0);
  for (auto& [id, v] : a) {
    if (id == "9") continue;
    v = std::min(3, raw);
    raw -= v;
  }
  if (a.count("9")) a["9"] = critical_value;
  return a;
}

struct Case {
  std::string scale;
  int raw;
  int critical_value;
  double total;
  std::string band;
  bool critical;
};

TEST(Scoring, PublishedBandsTable) {
  const Case cases[] = {
      {"phq9", 0, 0, 0, "minimal", false},   {"phq9", 4, 0, 4, "minimal", false},
      {"phq9", 5, 0, 5, "mild", false},      {"phq9", 9, 0, 9, "mild", false},
      {"phq9", 10, 0, 10, "moderate", false}, {"phq9", 14, 0, 14, "moderate", false},
      {"phq9", 15, 0, 15, "moderately_severe", false}, {"phq9", 19, 0, 19, "moderately_severe", false},
      {"phq9", 20, 0, 20, "severe", false},  {"phq9", 24, 0, 24, "severe", false},
      {"phq9", 2, 1, 3, "minimal", true},    {"gad7", 4, 0, 4, "minimal", false},
      {"gad7", 5, 0, 5, "mild", false},      {"gad7", 10, 0, 10, "moderate", false},
      {"gad7", 14, 0, 14, "moderate", false}, {"gad7", 15, 0, 15, "severe", false},
      {"gad7", 21, 0, 21, "severe", false},
  };
  for (const auto& c : cases) {
    const Scale* s = Library().Latest(c.scale);
    ASSERT_NE(s, nullptr) << c.scale;
    auto r = Score(*s, Sum(*s, c.raw, c.critical_value));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->total, c.total) << c.scale << " raw " << c.raw;
    EXPECT_EQ(r->band, c.band) << c.scale << " raw " << c.raw;
    EXPECT_EQ(r->critical(), c.critical) << c.scale << " raw " << c.raw;
  }
}

// Uniform answers on scales whose bands are easy to hit that way (published cut-offs).
TEST(Scoring, MoreScalesTable) {
  struct U { std::string scale; int value; double total; std::string band; bool critical; };
  const U cases[] = {
      {"who5", 5, 100, "adequate", false},   {"who5", 3, 60, "adequate", false},
      {"who5", 2, 40, "poor_wellbeing", false}, {"who5", 1, 20, "likely_depression", false},
      {"k6", 2, 12, "no_serious_distress", false}, {"k6", 4, 24, "serious_distress", false},
      {"k10", 1, 10, "low", false},          {"k10", 2, 20, "moderate", false},
      {"k10", 3, 30, "very_high", false},    {"ucla3", 1, 3, "not_lonely", false},
      {"ucla3", 2, 6, "lonely", false},      {"asq", 0, 0, "negative", false},
      {"asq", 1, 5, "positive", true},
  };
  for (const auto& c : cases) {
    const Scale* s = Library().Latest(c.scale);
    ASSERT_NE(s, nullptr) << c.scale;
    auto r = Score(*s, Uniform(*s, c.value));
    ASSERT_TRUE(r.ok()) << c.scale << r.status().ToString();
    EXPECT_EQ(r->total, c.total) << c.scale << " all " << c.value;
    EXPECT_EQ(r->band, c.band) << c.scale << " all " << c.value;
    EXPECT_EQ(r->critical(), c.critical) << c.scale;
  }
  // K10 band edges: 15 low / 16 moderate, 21 moderate / 22 high, 29 high / 30 very high.
  const Scale* k10 = Library().Latest("k10");
  for (auto [total, band] : std::vector<std::pair<int, std::string>>{{15, "low"}, {16, "moderate"}, {21, "moderate"}, {22, "high"}, {29, "high"}, {30, "very_high"}}) {
    Answers a = Uniform(*k10, 1);
    int extra = total - 10;
    for (auto& [id, v] : a) { int add = std::min(4, extra); v += add; extra -= add; }
    EXPECT_EQ(Score(*k10, a)->band, band) << total;
  }
  // ASQ: a single yes to any question is a positive screen and critical.
  const Scale* asq = Library().Latest("asq");
  Answers one = Uniform(*asq, 0);
  one["4"] = 1;
  auto r = Score(*asq, one);
  EXPECT_EQ(r->band, "positive");
  EXPECT_EQ(r->critical_items, std::vector<std::string>{"4"});
}

TEST(Scoring, SdsReverseItemsAndFactorRounding) {
  const Scale* sds = Library().Latest("sds");
  ASSERT_NE(sds, nullptr);
  // All "1": ten forward items score 1, ten reversed score 4 → raw 50 → index floor(62.5) = 62.
  auto ones = Score(*sds, Uniform(*sds, 1));
  ASSERT_TRUE(ones.ok());
  EXPECT_EQ(ones->raw, 50);
  EXPECT_EQ(ones->total, 62);
  EXPECT_EQ(ones->band, "mild");
  // Raw 42 → 52.5 → 52 normal; raw 43 → 53.75 → 53 mild (floor, both sides of the cut-off).
  Answers a = Uniform(*sds, 1);
  for (const auto& i : sds->items) if (i.reverse) a[i.id] = 4;  // every item scores 1: raw 20
  int raw = 20;
  for (const auto& i : sds->items) {
    if (raw == 42) break;
    if (i.id == "19") continue;
    int add = std::min(3, 42 - raw);
    a[i.id] = i.reverse ? 4 - add : 1 + add;
    raw += add;
  }
  auto r42 = Score(*sds, a);
  ASSERT_TRUE(r42.ok());
  EXPECT_EQ(r42->raw, 42);
  EXPECT_EQ(r42->total, 52);
  EXPECT_EQ(r42->band, "normal");
  EXPECT_FALSE(r42->critical());
  a["19"] = 2;  // one more raw point, on the critical item
  auto r43 = Score(*sds, a);
  EXPECT_EQ(r43->raw, 43);
  EXPECT_EQ(r43->total, 53);
  EXPECT_EQ(r43->band, "mild");
  EXPECT_TRUE(r43->critical());
}

TEST(Scoring, AnswerErrorsNameTheItem) {
  const Scale* phq = Library().Latest("phq9");
  ASSERT_NE(phq, nullptr);
  Answers a = Uniform(*phq, 0);
  a.erase("3");
  a["4"] = 7;
  a["99"] = 1;
  auto r = Score(*phq, a);
  ASSERT_FALSE(r.ok());
  std::vector<std::string> got;
  for (const auto& f : r.status().fields()) got.push_back(f.field + ":" + f.code);
  EXPECT_EQ(got, (std::vector<std::string>{"answers.99:answer_unknown_item", "answers.3:answer_missing",
                                           "answers.4:answer_out_of_range"}));
}

TEST(Library, ShipsLoincCodesAndLatestVersions) {
  const Scale* phq = Library().Latest("phq9");
  ASSERT_NE(phq, nullptr);
  EXPECT_EQ(phq->loinc_panel, "44249-1");
  EXPECT_EQ(phq->loinc_total, "44261-6");
  EXPECT_EQ(phq->FindItem("9")->loinc, "44260-8");
  EXPECT_GE(Library().LatestAll().size(), 3u);
  EXPECT_TRUE(VersionLess("1.9.0", "1.10.0"));
  EXPECT_FALSE(VersionLess("2.0.0", "1.10.0"));
}

constexpr const char* kMinimal = R"({
  "code": "t", "version": "1.0.0", "name": {"zh-CN": "测", "en": "T"}, "license": "test",
  "optionSets": {"yn": [{"value": 0, "label": {"zh-CN": "否", "en": "No"}},
                         {"value": 1, "label": {"zh-CN": "是", "en": "Yes"}}]},
  "defaultOptionSet": "yn",
  "items": [{"id": "a", "text": {"zh-CN": "甲", "en": "A"}}, {"id": "b", "text": {"zh-CN": "乙", "en": "B"}}],
  "scoring": {"method": "sum"},
  "bands": [{"min": 0, "max": 0, "code": "neg", "label": {"zh-CN": "阴", "en": "Neg"}},
            {"min": 1, "max": 2, "code": "pos", "label": {"zh-CN": "阳", "en": "Pos"}, "positive": true}],
  "critical": [{"item": "b", "minValue": 1, "message": {"zh-CN": "危", "en": "Crisis"}}],
  "factors": [{"code": "fa", "name": {"zh-CN": "因子甲", "en": "FA"}, "items": ["a"], "method": "sum"},
              {"code": "fab", "name": {"zh-CN": "因子甲乙", "en": "FAB"}, "items": ["a", "b"], "method": "mean"}]
})";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? s : s.replace(at, from.size(), to);
}

TEST(Loader, RejectsBrokenDefinitionsNamingFileAndPath) {
  ASSERT_TRUE(ParseScale(kMinimal, "t.json").ok());
  struct Case { std::string from, to, want; };
  const Case cases[] = {
      {R"("id": "b")", R"("id": "a")", "t.json: items[1].id: duplicate item id a"},
      {R"("max": 2, "code": "pos")", R"("max": 1, "code": "pos")", "t.json: bands: do not cover the highest total"},
      {R"("min": 1, "max": 2)", R"("min": 0, "max": 2)", "t.json: bands[1]: overlaps bands[0]"},
      {R"("item": "b")", R"("item": "z")", "t.json: critical[0].item: no item 'z'"},
      {R"("method": "sum")", R"("method": "median")", "t.json: scoring.method"},
      {R"("defaultOptionSet": "yn")", R"("defaultOptionSet": "nope")", "t.json: items[0].optionSet: unknown option set 'nope'"},
      {R"({"value": 1, "label")", R"({"value": 0, "label")", "t.json: optionSets.yn[1].value: duplicate option value"},
      {R"("version": "1.0.0",)", "", "t.json: $.version: required"},
      {R"("code": "fab")", R"("code": "fa")", "t.json: factors[1].code: duplicate factor code fa"},
      {R"("items": ["a"])", R"("items": ["z"])", "t.json: factors[0].items[0]: no item 'z'"},
      {R"("items": ["a", "b"])", R"("items": ["a", "a"])", "t.json: factors[1].items[1]: item 'a' listed twice"},
      {R"("items": ["a"])", R"("items": [1])", "t.json: factors[0].items[0]: must be an item id"},
      {R"("items": ["a"])", R"("items": [])", "t.json: factors[0].items: must be a non-empty array"},
      {R"("method": "mean")", R"("method": "max")", "t.json: factors[1].method: must be sum or mean"},
      {R"("name": {"zh-CN": "因子甲", "en": "FA"}, )", "", "t.json: factors[0].name"},
      {R"("factors": [)", R"("factors": {"x": 1}, "unused": [)", "t.json: factors: must be an array"},
      {R"("minValue": 1)", R"("minValue": 0.5)", "t.json: critical[0].minValue: must be a whole number"},
      {R"("minValue": 1)", R"("minValue": 0)", "t.json: critical[0].minValue: every answer to item 'b' would be critical"},
      {R"("minValue": 1)", R"("minValue": 2)", "t.json: critical[0].minValue: no option of item 'b' reaches it"},
      {R"("positive": true)", R"("positive": 1)", "t.json: bands[1].positive: must be true or false"},
      {R"({"id": "b", "text": {"zh-CN": "乙", "en": "B"}})", R"({"id": "b", "text": {"zh-CN": "乙", "en": "B"}, "reverse": "yes"})",
       "t.json: items[1].reverse: must be true or false"},
  };
  for (const auto& c : cases) {
    auto r = ParseScale(Replace(kMinimal, c.from, c.to), "t.json");
    ASSERT_FALSE(r.ok()) << c.want;
    EXPECT_EQ(r.status().code(), "scale_invalid");
    EXPECT_EQ(r.status().detail().rfind(c.want, 0), 0u) << r.status().detail();
  }
}

// A sum times a fraction without rounding gives totals between whole numbers (0, 1.5, 3): bands
// with a gap of one (0-0, 1-3) leave 1.5 without a band.
TEST(Loader, FractionalTotalsMayNotFallBetweenBands) {
  std::string fractional = Replace(Replace(kMinimal, R"("method": "sum"})", R"("method": "sum_times_factor", "factor": 1.5})"),
                                   R"("max": 2, "code": "pos")", R"("max": 3, "code": "pos")");
  auto r = ParseScale(fractional, "t.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().detail().rfind("t.json: bands[1].min: leaves a gap after bands[0]", 0), 0u) << r.status().detail();
  auto rounded = ParseScale(Replace(fractional, R"("factor": 1.5})", R"("factor": 1.5, "rounding": "round"})"), "t.json");
  EXPECT_TRUE(rounded.ok()) << rounded.status().detail();
}

// Factor scores come from the item scores after reversal; `mean` divides by the factor's items.
TEST(Scoring, FactorsAfterReversalTable) {
  auto plain = ParseScale(kMinimal, "t.json");
  ASSERT_TRUE(plain.ok()) << plain.status().detail();
  auto reversed = ParseScale(Replace(kMinimal, R"("id": "b", "text": {"zh-CN": "乙", "en": "B"})",
                                     R"("id": "b", "text": {"zh-CN": "乙", "en": "B"}, "reverse": true)"),
                             "t.json");
  ASSERT_TRUE(reversed.ok()) << reversed.status().detail();
  struct Case { const Scale* scale; int a, b; double fa, fab; };
  const Case cases[] = {
      {&*plain, 0, 0, 0, 0},    {&*plain, 1, 0, 1, 0.5},    {&*plain, 1, 1, 1, 1},
      {&*reversed, 0, 0, 0, 0.5}, {&*reversed, 0, 1, 0, 0}, {&*reversed, 1, 0, 1, 1},
  };
  for (const auto& c : cases) {
    auto r = Score(*c.scale, Answers{{"a", c.a}, {"b", c.b}});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->factors.size(), 2u);
    EXPECT_EQ(r->factors[0].code, "fa");
    EXPECT_EQ(r->factors[0].score, c.fa) << "a=" << c.a << " b=" << c.b;
    EXPECT_EQ(r->factors[1].code, "fab");
    EXPECT_EQ(r->factors[1].score, c.fab) << "a=" << c.a << " b=" << c.b;
  }
  EXPECT_EQ(plain->factors[1].method, Method::kMean);
  EXPECT_EQ(plain->factors[1].name.en, "FAB");
  // A scale without factors scores none.
  const Scale* phq = Library().Latest("phq9");
  ASSERT_NE(phq, nullptr);
  EXPECT_TRUE(Score(*phq, Uniform(*phq, 0))->factors.empty());
}

TEST(Library, OldVersionsKeepTheirScores) {
  ScaleLibrary lib;
  ASSERT_TRUE(lib.Add(*ParseScale(kMinimal, "v1.json")).ok());
  std::string v2 = Replace(Replace(Replace(kMinimal, R"("version": "1.0.0")", R"("version": "1.1.0")"),
                                   R"("max": 0, "code": "neg")", R"("max": 1, "code": "neg")"),
                           R"("min": 1, "max": 2, "code": "pos")", R"("min": 2, "max": 2, "code": "pos")");
  ASSERT_TRUE(lib.Add(*ParseScale(v2, "v2.json")).ok());
  EXPECT_EQ(lib.Latest("t")->version, "1.1.0");
  Answers one{{"a", 1}, {"b", 0}};
  EXPECT_EQ(Score(*lib.Find("t", "1.0.0"), one)->band, "pos");
  EXPECT_EQ(Score(*lib.Find("t", "1.1.0"), one)->band, "neg");
  EXPECT_EQ(lib.Add(*ParseScale(kMinimal, "again.json")).code(), "scale_duplicate");
}

}  // namespace
}  // namespace xinan::assess
