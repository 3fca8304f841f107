// Store tests of the org tree on both engines: scoped reads, create rules, delete guards,
// and the all-or-nothing CSV import.
#include <gtest/gtest.h>

#include "testing/district_fixture.h"

namespace xinan::org {
namespace {

using namespace xinan::testing;

class OrgStoreTest : public DistrictTest {};

TEST_P(OrgStoreTest, SubtreeIsScoped) {
  auto all = org_->Subtree(ScopeAt(kDistrict));
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 6u);
  EXPECT_EQ(all->front().code, kDistrict) << "parents come first";
  auto town = org_->Subtree(ScopeAt(kTown1));
  ASSERT_TRUE(town.ok());
  EXPECT_EQ(town->size(), 3u);
  EXPECT_EQ(org_->Get(ScopeAt(kVillage11), UnitId(kVillage12)).status().kind(), StatusKind::kNotFound);
  EXPECT_TRUE(org_->Get(ScopeAt(kTown1), UnitId(kVillage12)).ok());
  auto page = org_->List(ScopeAt(kDistrict), {"南", "", 0, 20});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1);
}

TEST_P(OrgStoreTest, CreateChecksParentScopeAndCodes) {
  auto actor = security::Actor::System("t");
  auto made = org_->Create(actor, ScopeAt(kTown1), {"330499001003", "北港村", "village", UnitId(kTown1), ""});
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made->path, "/330499000000/330499001000/330499001003/");
  auto outside = org_->Create(actor, ScopeAt(kTown1), {"330499002009", "外村", "village", UnitId(kTown2), ""});
  EXPECT_EQ(outside.status().fields().at(0).code, "parent_not_found");
  auto dup = org_->Create(actor, ScopeAt(kTown1), {"330499001003", "重复", "village", UnitId(kTown1), ""});
  EXPECT_EQ(dup.status().fields().at(0).code, "unit_code_exists");
  EXPECT_EQ(AuditCount("org_unit.create"), 7);  // 6 seeded + 1
}

TEST_P(OrgStoreTest, DeleteRefusesUnitsInUse) {
  auto actor = security::Actor::System("t");
  EXPECT_EQ(org_->Delete(actor, ScopeAt(kDistrict), UnitId(kTown1)).code(), "unit_in_use");
  EXPECT_EQ(org_->Delete(actor, ScopeAt(kVillage11), UnitId(kVillage11)).code(), "unit_is_own");
  EXPECT_EQ(org_->Delete(actor, ScopeAt(kVillage11), UnitId(kVillage12)).code(), "not_found");
  // A unit whose only trace is a notification (or a result, an alert, a campaign): in use too,
  // not a bare foreign-key violation.
  ASSERT_TRUE(db().Write([&](store::WriteContext& w) {
    return w.conn().Exec("INSERT INTO notifications (id, unit_id, kind, level, created_at) VALUES "
                         "('n1', $1, 'alert_raised', 'red', 1)", {UnitId(kVillage12)}).status();
  }).ok());
  EXPECT_EQ(org_->Delete(actor, ScopeAt(kTown1), UnitId(kVillage12)).code(), "unit_in_use");
  ASSERT_TRUE(db().Write([&](store::WriteContext& w) {
    return w.conn().Exec("DELETE FROM notifications WHERE id = 'n1'").status();
  }).ok());
  EXPECT_TRUE(org_->Delete(actor, ScopeAt(kTown1), UnitId(kVillage12)).ok());
  EXPECT_EQ(org_->Subtree(ScopeAt(kTown1))->size(), 2u);
}

// After a line with an error nothing is written, but later lines are still checked against the
// valid lines before them: a village under a new town of the same file is not parent_not_found.
TEST_P(OrgStoreTest, ImportChecksLinesAfterAnErrorAgainstTheValidOnesBefore) {
  auto lines = ParseImportCsv(
      "code,name,level,parent_code,hotline\n"
      "330499003000,新镇,town,330499000000,\n"
      "330499003001,坏电话村,village,330499003000,abc\n"
      "330499004000,又一镇,town,330499000000,\n"
      "330499004001,镇下村,village,330499004000,\n");
  ASSERT_TRUE(lines.ok());
  auto bad = org_->Import(security::Actor::System("t"), *lines);
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.status().fields().size(), 1u) << bad.status().ToString();
  EXPECT_EQ(bad.status().fields()[0].field, "line 3: hotline");
  EXPECT_EQ(org_->Subtree(ScopeAt(kDistrict))->size(), 6u) << "nothing imported";
}

TEST_P(OrgStoreTest, ImportIsAllOrNothingWithLineNumbers) {
  auto lines = ParseImportCsv(
      "code,name,level,parent_code\n"
      "330499002002,新村,village,330499002000\n"
      "330499003000,新镇,town,330499000000\n"
      "330499003001,镇下村,village,330499003000\n"
      "330499003002,坏村,village,330499001000\n");
  ASSERT_TRUE(lines.ok());
  auto bad = org_->Import(security::Actor::System("t"), *lines);
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.status().fields().size(), 1u);
  EXPECT_EQ(bad.status().fields()[0].field, "line 5: code");
  EXPECT_EQ(bad.status().fields()[0].code, "code_parent_mismatch");
  EXPECT_EQ(org_->Subtree(ScopeAt(kDistrict))->size(), 6u) << "nothing imported";
  lines->pop_back();
  auto good = org_->Import(security::Actor::System("t"), *lines);
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(*good, 3);
  EXPECT_EQ(org_->Subtree(ScopeAt(kDistrict))->size(), 9u);
}

// A file imported twice (or a code twice in one file) names every taken code and checks the
// lines after it; on PostgreSQL a failed insert ended the transaction and the next line's
// query failed (500).
TEST_P(OrgStoreTest, ImportNamesEveryTakenCodeAndChecksTheLinesAfterIt) {
  auto lines = ParseImportCsv(
      "code,name,level,parent_code\n"
      "330499001001,东湖村,village,330499001000\n"
      "330499003000,新镇,town,330499000000\n"
      "330499003001,镇下村,village,330499009000\n");
  ASSERT_TRUE(lines.ok());
  auto bad = org_->Import(security::Actor::System("t"), *lines);
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.status().fields().size(), 2u) << bad.status().ToString();
  EXPECT_EQ(bad.status().fields()[0].field, "line 2: code");
  EXPECT_EQ(bad.status().fields()[0].code, "unit_code_exists");
  EXPECT_EQ(bad.status().fields()[1].field, "line 4: parentCode") << "the line after a taken code is checked";
  EXPECT_EQ(bad.status().fields()[1].code, "parent_not_found");
  auto twice = ParseImportCsv(
      "code,name,level,parent_code\n"
      "330499003000,新镇,town,330499000000\n"
      "330499003000,新镇,town,330499000000\n");
  auto dup = org_->Import(security::Actor::System("t"), *twice);
  ASSERT_FALSE(dup.ok());
  ASSERT_EQ(dup.status().fields().size(), 1u) << dup.status().ToString();
  EXPECT_EQ(dup.status().fields()[0].field, "line 3: code") << "the same code twice in one file";
  EXPECT_EQ(dup.status().fields()[0].code, "unit_code_exists");
  EXPECT_EQ(org_->Subtree(ScopeAt(kDistrict))->size(), 6u) << "nothing imported";
}

TEST_P(OrgStoreTest, ScopedImportStaysInsideTheScope) {
  auto lines = ParseImportCsv(
      "code,name,level,parent_code\n"
      "330499001003,北港村,village,330499001000\n"
      "330499002003,邻镇村,village,330499002000\n"
      "330499009000,新区,district,\n");
  ASSERT_TRUE(lines.ok());
  security::Scope town = ScopeAt(kTown1);
  auto bad = org_->Import(security::Actor::System("t"), *lines, &town);
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.status().fields().size(), 2u);
  EXPECT_EQ(bad.status().fields()[0].field, "line 3: parentCode");
  EXPECT_EQ(bad.status().fields()[0].code, "parent_not_found") << "a sibling town's unit is not a parent here";
  EXPECT_EQ(bad.status().fields()[1].field, "line 4: parentCode");
  EXPECT_EQ(bad.status().fields()[1].code, "parent_required") << "no new roots from the web";
  EXPECT_EQ(org_->Subtree(ScopeAt(kDistrict))->size(), 6u) << "nothing imported";
  lines->resize(1);
  auto good = org_->Import(security::Actor::System("t"), *lines, &town);
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(org_->Subtree(ScopeAt(kTown1))->size(), 4u);
}

TEST(OrgImportCsv, ReportsShortRowsByLine) {
  auto r = ParseImportCsv("\xEF\xBB\xBF" "code,name,level,parent_code\n330499000000,区,district\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().fields().at(0).field, "line 2");
  EXPECT_EQ(r.status().fields().at(0).code, "csv_columns");
  for (const char* nothing : {"", "code,name,level,parent_code\n", "\xEF\xBB\xBF" "code,name,level,parent_code\r\n"}) {
    auto none = ParseImportCsv(nothing);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.status().fields().at(0).field, "file");
    EXPECT_EQ(none.status().fields().at(0).code, "import_empty") << "nothing imported is not a success";
  }
  auto q = ParseImportCsv("code,name,level,parent_code\n\"330499000000\",\"心安区, 示范\",district,\n");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->at(0).name, "心安区, 示范");
}

TEST(OrgImportCsv, TakesLevelsByCodeOrChineseName) {
  const std::pair<const char*, const char*> cases[] = {
      {"district", "district"}, {"区", "district"}, {"县", "district"}, {"town", "town"}, {"镇", "town"},
      {"街道", "town"}, {"乡", "town"}, {"village", "village"}, {"村", "village"}, {"社区", "village"},
      {"小区", "小区"}};  // unknown stays as written, so validation names it (level_invalid)
  for (const auto& [cell, code] : cases) {
    auto r = ParseImportCsv(std::string("code,name,level,parent_code\n330499001009,甲,") + cell + ",330499001000\n");
    ASSERT_TRUE(r.ok()) << cell;
    EXPECT_EQ(r->at(0).level, code) << cell;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, OrgStoreTest, Engines(), EngineName);

}  // namespace
}  // namespace xinan::org
