// Store tests of the resident registry on both engines: scope on every query, break-glass,
// encryption at rest, versioned updates, and audit rows written with their change.
#include <gtest/gtest.h>

#include "people/domain/id_number.h"
#include "people/store/person_rows.h"
#include "testing/district_fixture.h"

namespace xinan::people {
namespace {

using xinan::testing::DistrictTest;
using namespace xinan::testing;  // unit codes

class PeopleStoreTest : public DistrictTest {
 protected:
  PersonInput Input(const std::string& village, int seq, const std::string& name = "测试居民") {
    char first17[18];
    std::snprintf(first17, sizeof first17, "33049919800101%03d", seq);
    PersonInput in;
    in.name = name;
    in.id_number = std::string(first17) + IdNumberCheckChar(first17);
    in.gender = IdNumberGender(in.id_number);
    in.birth_date = "1980-01-01";
    in.phone = "13900001234";
    in.unit_id = UnitId(village);
    in.tags = {"elderly_alone"};
    return in;
  }
  Person Create(const std::string& village, int seq, const std::string& name = "测试居民") {
    auto p = people_->Create(ActorFor("", "tester"), ScopeAt(village), Input(village, seq, name));
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? *p : Person{};
  }
  int64_t Visible(const std::string& unit, const PersonFilter& f = {}) {
    auto page = people_->List(ScopeAt(unit), f);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? page->total : -1;
  }
};

TEST_P(PeopleStoreTest, ListsAreScopedToTheUnitSubtree) {
  Create(kVillage11, 1, "甲");
  Create(kVillage12, 2, "乙");
  Create(kVillage21, 3, "丙");
  EXPECT_EQ(Visible(kVillage11), 1);
  EXPECT_EQ(Visible(kVillage12), 1);
  EXPECT_EQ(Visible(kTown1), 2);
  EXPECT_EQ(Visible(kTown2), 1);
  EXPECT_EQ(Visible(kDistrict), 3);
  PersonFilter by_name;
  by_name.name_prefix = "乙";
  EXPECT_EQ(Visible(kVillage11, by_name), 0);
  EXPECT_EQ(Visible(kTown1, by_name), 1);
  PersonFilter by_id;
  by_id.id_number = Input(kVillage12, 2).id_number;
  EXPECT_EQ(Visible(kVillage11, by_id), 0);
  EXPECT_EQ(Visible(kVillage12, by_id), 1);
  PersonFilter by_unit;
  by_unit.unit_id = UnitId(kVillage12);
  EXPECT_EQ(Visible(kTown1, by_unit), 1);
  EXPECT_FALSE(people_->List(ScopeAt(kVillage11), by_unit).ok()) << "sibling unit filter";
  PersonFilter by_tag;
  by_tag.tag = "elderly_alone";
  EXPECT_EQ(Visible(kDistrict, by_tag), 3);
  by_tag.tag = "minor";
  EXPECT_EQ(Visible(kDistrict, by_tag), 0);
}

TEST_P(PeopleStoreTest, ListShowsOnlyMaskedIdentifiers) {
  Person p = Create(kVillage11, 7);
  auto page = people_->List(ScopeAt(kVillage11), {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  const Person& item = page->items[0];
  EXPECT_TRUE(item.id_number.empty());
  EXPECT_TRUE(item.phone.empty());
  EXPECT_EQ(item.id_number_masked, MaskIdNumber(Input(kVillage11, 7).id_number));
  EXPECT_EQ(item.phone_masked, "139****1234");
}

TEST_P(PeopleStoreTest, IdentifiersAreEncryptedAtRest) {
  Person p = Create(kVillage11, 8);
  std::string plain_id = Input(kVillage11, 8).id_number;
  Status st = db().Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT id_number_enc, phone_enc FROM people WHERE id = $1", {p.id}));
    EXPECT_EQ(rows[0].Text(0).find(plain_id), std::string::npos);
    EXPECT_EQ(rows[0].Text(1).find("13900001234"), std::string::npos);
    EXPECT_EQ(*cipher_.Decrypt(rows[0].Text(0)), plain_id);
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
}

TEST_P(PeopleStoreTest, ADeactivatedUnitKeepsItsResidentsButTakesNoNewOnes) {
  Person stays = Create(kVillage12, 31);
  Person elsewhere = Create(kVillage11, 32);
  auto unit = org_->Get(ScopeAt(kDistrict), UnitId(kVillage12));
  ASSERT_TRUE(unit.ok());
  ASSERT_TRUE(org_->Update(security::Actor::System("t"), ScopeAt(kDistrict), unit->id, unit->name, false,
                           unit->hotline, unit->version).ok());
  auto added = people_->Create(ActorFor("", "t"), ScopeAt(kTown1), Input(kVillage12, 33));
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().fields().at(0).field, "unitId");
  EXPECT_EQ(added.status().fields().at(0).code, "unit_inactive");
  PersonInput same = Input(kVillage12, 31, "改名");
  same.version = stays.version;
  EXPECT_TRUE(people_->Update(ActorFor("", "t"), ScopeAt(kTown1), stays.id, same).ok())
      << "a resident already there can still be edited";
  PersonInput moved = Input(kVillage12, 32);
  moved.version = elsewhere.version;
  EXPECT_EQ(people_->Update(ActorFor("", "t"), ScopeAt(kTown1), elsewhere.id, moved).status().fields().at(0).code,
            "unit_inactive") << "nobody moves in";
}

TEST_P(PeopleStoreTest, SiblingReadsAndWritesAreNotFound) {
  Person p = Create(kVillage11, 9);
  auto actor = ActorFor("", "sibling");
  EXPECT_EQ(people_->Read(actor, ScopeAt(kVillage12), p.id).status().kind(), StatusKind::kNotFound);
  PersonInput in = Input(kVillage11, 9);
  in.version = p.version;
  EXPECT_EQ(people_->Update(actor, ScopeAt(kVillage12), p.id, in).status().kind(),
            StatusKind::kNotFound);
  auto other = people_->Create(actor, ScopeAt(kVillage12), Input(kVillage11, 10));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().fields().at(0).field, "unitId");
  EXPECT_EQ(other.status().fields().at(0).code, "unit_not_found");
  EXPECT_TRUE(people_->Read(actor, ScopeAt(kTown1), p.id).ok()) << "the town sees its villages";
  EXPECT_EQ(people_->Read(actor, ScopeAt(kTown2), p.id).status().kind(), StatusKind::kNotFound);
}

TEST_P(PeopleStoreTest, DetailReadIsAudited) {
  Person p = Create(kVillage11, 11);
  EXPECT_EQ(AuditCount("person.create", p.id), 1);
  EXPECT_EQ(AuditCount("person.read", p.id), 0);
  auto read = people_->Read(ActorFor("", "reader"), ScopeAt(kVillage11), p.id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->id_number, Input(kVillage11, 11).id_number);
  EXPECT_EQ(read->phone, "13900001234");
  EXPECT_EQ(AuditCount("person.read", p.id), 1);
  (void)people_->Read(ActorFor("", "sibling"), ScopeAt(kVillage12), p.id);
  EXPECT_EQ(AuditCount("person.read", p.id), 1) << "a refused read leaves no audit row";
}

TEST_P(PeopleStoreTest, DuplicateIdNumberFailsAndLeavesNothing) {
  Person first = Create(kVillage11, 12);
  auto dup = people_->Create(ActorFor("", "t"), ScopeAt(kVillage11), Input(kVillage11, 12, "重复"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), "id_number_exists");
  ASSERT_EQ(dup.status().fields().size(), 1u);
  EXPECT_EQ(dup.status().fields()[0].field, "idNumber");
  EXPECT_EQ(Visible(kDistrict), 1);
  EXPECT_EQ(AuditCount("person.create"), 1);
  EXPECT_EQ(AuditCount("person.duplicate_refused", first.id), 1);
}

// The refusal answers "is this ID number registered?" for a record the caller cannot see: a
// sibling village's probe is audited against the existing record.
TEST_P(PeopleStoreTest, ARefusedDuplicateFromAnotherUnitIsAudited) {
  Person theirs = Create(kVillage11, 17);
  auto probe = people_->Create(ActorFor("", "sibling"), ScopeAt(kVillage12), Input(kVillage12, 17, "试探"));
  EXPECT_EQ(probe.status().code(), "id_number_exists");
  EXPECT_EQ(AuditCount("person.duplicate_refused", theirs.id), 1);
  EXPECT_EQ(Visible(kVillage12), 0);
  Person mine = Create(kVillage12, 18);
  PersonInput change = Input(kVillage12, 17, "改号");
  change.version = mine.version;
  EXPECT_EQ(people_->Update(ActorFor("", "sibling"), ScopeAt(kVillage12), mine.id, change).status().code(),
            "id_number_exists");
  EXPECT_EQ(AuditCount("person.duplicate_refused", theirs.id), 2) << "and through an update";
}

// Tag definitions are read once per cache time: a tag defined directly in the database is
// refused until the cached list expires, then accepted.
TEST_P(PeopleStoreTest, TagDefinedBySqlAppliesAfterTheCacheTime) {
  Create(kVillage11, 20);  // reads and caches the tag list
  ASSERT_TRUE(db().Write([](store::WriteContext& w) {
    return w.conn().Exec("INSERT INTO tag_definitions (code, name_zh, name_en) VALUES "
                         "('veteran_family', '军属', 'Veteran family')").status();
  }).ok());
  PersonInput in = Input(kVillage11, 21);
  in.tags = {"veteran_family"};
  auto early = people_->Create(ActorFor("", "t"), ScopeAt(kVillage11), in);
  ASSERT_FALSE(early.ok());
  ASSERT_FALSE(early.status().fields().empty());
  EXPECT_EQ(early.status().fields()[0].field, "tags");
  clock_.Advance(PeopleStore::kTagsCacheMillis);
  auto later = people_->Create(ActorFor("", "t"), ScopeAt(kVillage11), in);
  ASSERT_TRUE(later.ok()) << later.status().ToString();
  EXPECT_EQ(later->tags, std::vector<std::string>{"veteran_family"});
}

TEST_P(PeopleStoreTest, StaleVersionConflicts) {
  Person p = Create(kVillage11, 13);
  PersonInput in = Input(kVillage11, 13, "改名");
  in.version = p.version;
  auto first = people_->Update(ActorFor("", "a"), ScopeAt(kVillage11), p.id, in);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->name, "改名");
  EXPECT_EQ(first->version, p.version + 1);
  auto stale = people_->Update(ActorFor("", "b"), ScopeAt(kVillage11), p.id, in);
  EXPECT_EQ(stale.status().code(), "version_conflict");
  EXPECT_EQ(AuditCount("person.update", p.id), 1);
}

TEST_P(PeopleStoreTest, ChangingToAnotherResidentsIdNumberNamesTheFieldAndChangesNothing) {
  Create(kVillage11, 15);
  Person p = Create(kVillage11, 16, "原名");
  PersonInput in = Input(kVillage11, 15, "改名");  // the first resident's ID number
  in.version = p.version;
  auto taken = people_->Update(ActorFor("", "a"), ScopeAt(kVillage11), p.id, in);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().kind(), StatusKind::kConflict);
  ASSERT_EQ(taken.status().fields().size(), 1u);
  EXPECT_EQ(taken.status().fields()[0].field, "idNumber");
  EXPECT_EQ(taken.status().fields()[0].code, "id_number_exists");
  auto read = people_->Read(ActorFor("", "a"), ScopeAt(kVillage11), p.id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->name, "原名");
  EXPECT_EQ(AuditCount("person.update", p.id), 0);
}

TEST_P(PeopleStoreTest, BreakGlassOpensOneRecordForADayReadOnly) {
  Person p = Create(kVillage11, 14);
  std::string user = AddUser("counsellor_v12", kVillage12, "community_counsellor");
  auto actor = ActorFor(user, "counsellor_v12");
  auto scope = ScopeAt(kVillage12, user);
  EXPECT_FALSE(people_->Read(actor, scope, p.id).ok());
  auto grant = people_->BreakGlass(actor, Input(kVillage11, 14).id_number, "危机热线转介，需核实身份");
  ASSERT_TRUE(grant.ok()) << grant.status().ToString();
  EXPECT_EQ(grant->person_id, p.id);
  auto read = people_->Read(actor, scope, p.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_TRUE(read->via_break_glass);
  EXPECT_EQ(Visible(kVillage12), 0) << "break-glass does not widen lists";
  PersonInput in = Input(kVillage11, 14);
  in.version = p.version;
  EXPECT_EQ(people_->Update(actor, scope, p.id, in).status().kind(), StatusKind::kNotFound);
  EXPECT_EQ(AuditCount("person.break_glass", p.id), 1);
  int64_t total = 0;
  auto grants = people_->Grants(ScopeAt(kTown1), 0, 20, &total);
  ASSERT_TRUE(grants.ok());
  EXPECT_EQ(total, 1) << "the town of the user who opened it sees the grant";
  EXPECT_EQ(people_->Grants(ScopeAt(kTown2), 0, 20, &total)->size(), 0u);
  EXPECT_EQ(total, 0) << "another town does not";
  EXPECT_EQ(grants->at(0).username, "counsellor_v12");
  EXPECT_EQ(grants->at(0).person_name, p.name) << "the admin's log names whose record was opened";
  EXPECT_EQ(grants->at(0).person_unit_name, "东湖村");
  clock_.Advance(PeopleStore::kBreakGlassMillis);
  EXPECT_EQ(people_->Read(actor, scope, p.id).status().kind(), StatusKind::kNotFound);
  auto unknown = people_->BreakGlass(actor, "11010519491231002X", "没有这个人的身份证号");
  EXPECT_EQ(unknown.status().kind(), StatusKind::kNotFound);
  ASSERT_EQ(unknown.status().fields().size(), 1u);
  EXPECT_EQ(unknown.status().fields()[0].field, "idNumber") << "the dialog shows it on the ID number";
  EXPECT_EQ(unknown.status().fields()[0].code, "id_number_unknown");
}

// A list over most of a large registry (a district admin's) is read by walking the creation-time
// index on SQLite instead of sorting the whole scope; the page must be exactly the one the
// sorted query gives: the same rows, ties on the creation time broken by id, the same total.
// (Both keys run in one direction, so a village's page comes straight from people_unit_path.)
TEST_P(PeopleStoreTest, LargeScopePagesMatchTheSortedQuery) {
  constexpr int kRows = 2300;  // above internal::kWalkMinRows, nearly all of them in village V11
  Create(kVillage21, 1, "乙");  // one outside, so the district's page mixes units
  std::string unit = UnitId(kVillage11);
  ASSERT_TRUE(db().Write([&](store::WriteContext& w) {
    return w.conn().Exec(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kRows) + ") "
        "INSERT INTO people (id, unit_id, unit_path, name, gender, birth_date, tags, created_at, updated_at) "
        "SELECT 'bulk' || (10000 + i), u.id, u.path, '批量' || i, 'female', '1990-01-01', ',', 1000 + i / 3, 1000 "
        "FROM n, org_units u WHERE u.id = $1", {unit}).status();
  }).ok());
  for (int offset : {0, 40, kRows - 5, kRows + 10}) {
    PersonFilter f;
    f.offset = offset;
    auto page = people_->List(ScopeAt(kDistrict), f);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, kRows + 1);
    store::Rows expected;
    ASSERT_TRUE(db().Read([&](store::Connection& c) -> Status {
      XINAN_ASSIGN_OR_RETURN(expected, c.Query(
          "SELECT id FROM people ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET $1", {int64_t{offset}}));
      return Status::Ok();
    }).ok());
    ASSERT_EQ(page->items.size(), expected.size()) << "offset " << offset;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(page->items[i].id, expected[i].Text(0)) << "offset " << offset << " row " << i;
    }
  }
  PersonFilter oldest_first;
  oldest_first.sort = "createdAt";
  auto first = people_->List(ScopeAt(kDistrict), oldest_first);
  ASSERT_TRUE(first.ok());
  ASSERT_FALSE(first->items.empty());
  EXPECT_EQ(first->items[0].id, "bulk10001");  // created_at 1000 (ties broken by id)
  EXPECT_EQ(Visible(kVillage21), 1) << "a small scope still sees only its own";
}

// Residents `prefix`<from>… of `village`, `count` of them, created at `first_at` + i / 4 (four
// share each instant, so ties are ordered by id).
void InsertResidents(store::Database& db, const std::string& unit, const std::string& prefix,
                     int count, int64_t first_at) {
  ASSERT_TRUE(db.Write([&](store::WriteContext& w) {
    return w.conn().Exec(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2) "
        "INSERT INTO people (id, unit_id, unit_path, name, gender, birth_date, tags, created_at, updated_at) "
        "SELECT $3 || (100000 + i), u.id, u.path, '村民' || i, 'male', '1990-01-01', ',', $4 + i / 4, 1000 "
        "FROM n, org_units u WHERE u.id = $1", {unit, int64_t{count}, prefix, first_at}).status();
  }).ok());
}

// A village's pages, newest or oldest first, are those of the sorted query, ties included, and
// both engines read them from the (path, time) index in order, even with stale statistics.
TEST_P(PeopleStoreTest, VillagePagesComeInCreationOrderFromTheIndex) {
  Create(kVillage12, 1, "乙");  // a sibling's resident never appears
  std::string unit = UnitId(kVillage11);
  InsertResidents(db(), unit, "v", 50, 1000);
  InsertResidents(db(), UnitId(kVillage12), "o", 1000, 0);
  // Statistics taken now are stale once many newer residents arrive next door (an import):
  // with the scope's range PostgreSQL then walked the creation-time index backwards past all
  // of them, filtering by path, before it reached the village's first resident.
  if (db().engine() == store::Engine::kPostgres) {
    ASSERT_TRUE(db().Write([](store::WriteContext& w) { return w.conn().ExecScript("ANALYZE people"); }).ok());
  }
  InsertResidents(db(), UnitId(kVillage12), "n", 3000, 5000);
  for (std::string order : {"created_at DESC, id DESC", "created_at, id"}) {
    for (int offset : {0, 20, 40}) {
      PersonFilter f;
      f.offset = offset;
      f.sort = order == "created_at, id" ? "createdAt" : "";
      auto page = people_->List(ScopeAt(kVillage11), f);
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      EXPECT_EQ(page->total, 50);
      store::Rows expected;
      ASSERT_TRUE(db().Read([&](store::Connection& c) -> Status {
        XINAN_ASSIGN_OR_RETURN(expected, c.Query("SELECT id FROM people WHERE unit_id = $1 ORDER BY " +
            order + " LIMIT 20 OFFSET $2", {unit, int64_t{offset}}));
        return Status::Ok();
      }).ok());
      ASSERT_EQ(page->items.size(), expected.size()) << order << " offset " << offset;
      for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(page->items[i].id, expected[i].Text(0)) << order << " offset " << offset;
      }
    }
  }
  // The page comes from people_unit_path in order: no walk of the creation-time index and no
  // sort (SQLite's TEMP B-TREE, PostgreSQL's Sort node), on both engines.
  const bool sqlite = db().engine() == store::Engine::kSqlite;
  store::Params p;
  std::string plan;
  ASSERT_TRUE(db().Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        std::string(sqlite ? "EXPLAIN QUERY PLAN" : "EXPLAIN") + " SELECT p.id FROM people p WHERE " +
        ScopeAt(kVillage11).Condition("p.unit_path", p) +
        " ORDER BY p.created_at DESC, p.id DESC LIMIT 20", p));
    for (const auto& r : rows) plan += r.Text(sqlite ? 3 : 0) + "\n";
    return Status::Ok();
  }).ok());
  EXPECT_NE(plan.find("people_unit_path"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("people_created"), std::string::npos) << plan;
  EXPECT_EQ(plan.find(sqlite ? "TEMP B-TREE" : "Sort"), std::string::npos) << plan;
}

// A town's page, after statistics went stale under many newer residents of another town, is
// sorted from its path range: no walk of the creation-time index (PostgreSQL's planner took it).
TEST_P(PeopleStoreTest, TownPagesSortTheirRangeInsteadOfWalkingTheTimeIndex) {
  InsertResidents(db(), UnitId(kVillage11), "a", 300, 1000);
  InsertResidents(db(), UnitId(kVillage21), "b", 300, 1000);
  if (db().engine() == store::Engine::kPostgres) {
    ASSERT_TRUE(db().Write([](store::WriteContext& w) { return w.conn().ExecScript("ANALYZE people"); }).ok());
  }
  InsertResidents(db(), UnitId(kVillage21), "c", 6000, 9000);
  PersonFilter f;
  f.offset = 20;
  auto page = people_->List(ScopeAt(kTown1), f);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 300);
  ASSERT_EQ(page->items.size(), 20u);
  EXPECT_EQ(page->items[0].id, "a100280");  // newest first: a100300 … a100281 on the first page
  const bool sqlite = db().engine() == store::Engine::kSqlite;
  store::Params p;
  std::string plan;
  ASSERT_TRUE(db().Read([&](store::Connection& c) -> Status {
    std::string where = " WHERE " + ScopeAt(kTown1).Condition("{path}", p);
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        std::string(sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") +
        internal::PageQuery(where, "", internal::ListPlan::kSortScope) + " LIMIT 20", p));
    for (const auto& r : rows) plan += r.Text(sqlite ? 3 : 0) + "\n";
    return Status::Ok();
  }).ok());
  EXPECT_EQ(plan.find("people_created"), std::string::npos) << plan;
  if (sqlite) EXPECT_NE(plan.find("people_unit_path"), std::string::npos) << plan;
}

TEST(PeopleListPlan, WalksTheCreationIndexOnlyForLargeShareOfTheRegistry) {
  using internal::ListPlan;
  using internal::ListShape;
  struct Case {
    ListShape shape;
    ListPlan plan;
  } cases[] = {
      {{267'000, 267'400, true, false}, ListPlan::kWalkTimeIndex},  // the district admin
      {{2'000, 4'000, true, false}, ListPlan::kWalkTimeIndex},      // half the registry, at the minimum size
      {{1'999, 2'000, true, false}, ListPlan::kSortScope},          // small: sorting is cheap
      {{38'000, 267'400, true, false}, ListPlan::kSortScope},       // a town of seven: sort its range
      {{200'000, 267'400, false, false}, ListPlan::kAsWritten},     // sorted by name
      {{200'000, 267'400, true, true}, ListPlan::kAsWritten},       // a name or ID number search
      {{3'000, 4'000, true, false, true}, ListPlan::kAsWritten},    // a village: its index has the page in order
  };
  for (const auto& c : cases) {
    EXPECT_EQ(internal::ChooseListPlan(c.shape), c.plan)
        << c.shape.in_scope << " of " << c.shape.registry_rows;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, PeopleStoreTest, xinan::testing::Engines(),
                         xinan::testing::EngineName);

}  // namespace
}  // namespace xinan::people
