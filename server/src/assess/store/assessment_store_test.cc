// Assessments and alerts on both engines: a critical answer is stored with its red alert in
// one transaction, scope hides a sibling village's results and alerts, the closed loop
// (acknowledge, close), and escalation village → town → district with a fake clock.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>

#include "alerts/store/alert_store.h"
#include "assess/store/assessment_store.h"
#include "people/domain/id_number.h"
#include "store/migrations.h"
#include "testing/district_fixture.h"
#include "testing/scales_dir.h"

namespace xinan::assess {
namespace {

using namespace xinan::testing;

class AssessmentTest : public DistrictTest {
 protected:
  void SetUp() override {
    DistrictTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto lib = ScaleLibrary::LoadDirectory(ScalesDir());
    ASSERT_TRUE(lib.ok()) << lib.status().detail();
    library_ = std::make_unique<ScaleLibrary>(std::move(lib).value());
    rules_ = std::make_unique<alerts::RuleStore>(*db_, &clock_, kRulesCacheMillis);
    assessments_ = std::make_unique<AssessmentStore>(*db_, *library_, alerts::DeadlinePolicy{}, *rules_, cipher_);
    alerts_ = std::make_unique<alerts::AlertStore>(*db_, alerts::DeadlinePolicy{});
    people_->OnMoved(alerts::AlertStore::TransferOpen);  // as cli/services.cc wires it
    people::PersonInput in;
    in.name = "测评对象";
    std::string first17 = "33049919900101001";
    in.id_number = first17 + people::IdNumberCheckChar(first17);
    in.gender = people::IdNumberGender(in.id_number);
    in.birth_date = "1990-01-01";
    in.unit_id = UnitId(kVillage11);
    auto p = people_->Create(ActorFor("", "t"), ScopeAt(kVillage11), in);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    person_ = p->id;
  }
  Submission Phq9(int item_value, int item9) {
    Submission s;
    s.scale_code = "phq9";
    for (int i = 1; i <= 8; ++i) s.answers[std::to_string(i)] = item_value;
    s.answers["9"] = item9;
    s.person_id = person_;
    return s;
  }
  std::unique_ptr<ScaleLibrary> library_;
  static constexpr int64_t kRulesCacheMillis = 60'000;  // cached, so tests see it stays right
  std::unique_ptr<alerts::RuleStore> rules_;
  std::unique_ptr<AssessmentStore> assessments_;
  std::unique_ptr<alerts::AlertStore> alerts_;
  std::string person_;
};

TEST_P(AssessmentTest, CriticalAnswerIsStoredWithItsRedAlert) {
  auto r = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->score.total, 1);
  ASSERT_TRUE(r->alert_id.has_value());
  EXPECT_EQ(*r->alert_level, alerts::AlertLevel::kRed);
  auto page = alerts_->List(ScopeAt(kVillage11), {}, clock_.NowMillis());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1);
  EXPECT_EQ(page->red, 1);
  EXPECT_EQ(page->items[0].deadline, clock_.NowMillis() + 2 * 3600 * 1000);
  EXPECT_EQ(page->items[0].person_name, "测评对象") << "the inbox names the resident";
  EXPECT_FALSE(page->items[0].respondent_identified);
  EXPECT_EQ(AuditCount("alert.raise", person_), 1);
  auto none = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 0));
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->alert_id.has_value());
  auto yellow = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(2, 0));  // 16
  EXPECT_EQ(*yellow->alert_level, alerts::AlertLevel::kYellow);
}

// A resident who moves takes the open alerts along: the new village's inbox holds them, with
// the resident's name, a timeline entry naming both villages and a notification; the old
// village no longer does. A closed alert stays where it was handled, without the name there.
TEST_P(AssessmentTest, AnOpenAlertFollowsItsResidentToTheNewVillage) {
  auto handled = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(2, 0));
  ASSERT_TRUE(handled.ok()) << handled.status().ToString();
  ASSERT_TRUE(alerts_->Close(ActorFor("", "c"), ScopeAt(kVillage11), *handled->alert_id, "contacted_safe", "").ok());
  auto r = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto person = people_->Read(ActorFor("", "t"), ScopeAt(kTown1), person_);
  ASSERT_TRUE(person.ok());
  people::PersonInput moved{person->name, person->gender, person->birth_date, person->id_number, "", "",
                            UnitId(kVillage12), {}, person->version};
  ASSERT_TRUE(people_->Update(ActorFor("", "t"), ScopeAt(kTown1), person_, moved).ok());
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage11), {}, clock_.NowMillis())->total, 0) << "no longer the old village's";
  auto now_theirs = alerts_->List(ScopeAt(kVillage12), {}, clock_.NowMillis());
  ASSERT_TRUE(now_theirs.ok());
  ASSERT_EQ(now_theirs->total, 1);
  EXPECT_EQ(now_theirs->items[0].id, *r->alert_id);
  EXPECT_EQ(now_theirs->items[0].person_name, "测评对象");
  EXPECT_TRUE(alerts_->Acknowledge(ActorFor("", "n"), ScopeAt(kVillage12), *r->alert_id).ok()) << "and it may act";
  auto timeline = alerts_->Get(ActorFor("", "n"), ScopeAt(kVillage12), *r->alert_id)->timeline;
  ASSERT_GE(timeline.size(), 2u);
  EXPECT_EQ(timeline[1].action, "transferred");
  EXPECT_EQ(timeline[1].detail, "东湖村 → 南塘村");
  EXPECT_EQ(AuditCount("alert.transfer", person_), 1) << "the closed alert did not move";
  int64_t notified = 0;
  ASSERT_TRUE(db_->Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT COUNT(*) FROM notifications WHERE unit_id = $1 AND kind = 'alert_transferred' AND alert_id = $2",
        {UnitId(kVillage12), *r->alert_id}));
    notified = rows[0].Int(0);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(notified, 1);
  alerts::AlertFilter all;
  all.status = "all";
  auto old_village = alerts_->List(ScopeAt(kVillage11), all, clock_.NowMillis());
  ASSERT_EQ(old_village->total, 1) << "the closed alert stays where it was handled";
  EXPECT_EQ(old_village->items[0].person_name, "") << "without the name of a resident now elsewhere";
}

// A resident who moves takes the psychological record along: the new village sees every earlier
// result and opens its report; the old village keeps the result in its own list (taken there)
// but no longer the record; a village of another town sees neither.
TEST_P(AssessmentTest, TheRecordFollowsItsResidentToAnotherVillage) {
  auto r = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(2, 1));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto record = [&](const char* unit) {
    return assessments_->History(ActorFor("", "c"), ScopeAt(unit), person_, clock_.NowMillis())->size();
  };
  EXPECT_EQ(record(kVillage12), 0u) << "not yet the sibling's";
  auto person = people_->Read(ActorFor("", "t"), ScopeAt(kTown1), person_);
  people::PersonInput moved{person->name, person->gender, person->birth_date, person->id_number, "", "",
                            UnitId(kVillage12), {}, person->version};
  ASSERT_TRUE(people_->Update(ActorFor("", "t"), ScopeAt(kTown1), person_, moved).ok());
  EXPECT_EQ(record(kVillage12), 1u) << "the new village sees the earlier result";
  EXPECT_TRUE(assessments_->Get(ActorFor("", "c"), ScopeAt(kVillage12), r->id).ok()) << "and opens its report";
  EXPECT_EQ(record(kVillage11), 0u) << "the old village no longer has the record";
  EXPECT_TRUE(assessments_->Get(ActorFor("", "c"), ScopeAt(kVillage11), r->id).ok()) << "but the result taken there";
  EXPECT_EQ(record(kVillage21), 0u);
  EXPECT_EQ(assessments_->Get(ActorFor("", "c"), ScopeAt(kVillage21), r->id).status().kind(), StatusKind::kNotFound);
}

TEST_P(AssessmentTest, AVillageWithoutAHotlineShowsItsTownsElseTheDistricts) {
  auto set_hotline = [&](const char* code, const char* hotline) {
    ASSERT_TRUE(db_->Write([&](store::WriteContext& w) -> Status {
      return w.conn().Exec("UPDATE org_units SET hotline = $1 WHERE code = $2", {hotline, code}).status();
    }).ok());
  };
  Submission anon = Phq9(0, 0);
  anon.person_id.clear();
  anon.unit_code = kVillage12;
  auto help = [&]() {
    auto r = assessments_->SubmitSelf(security::Actor::System("self-assessment"), anon);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->hotline : std::string("?");
  };
  EXPECT_EQ(help(), "") << "no line anywhere up the tree";
  set_hotline(kDistrict, "0573-96525");
  EXPECT_EQ(help(), "0573-96525");
  set_hotline(kTown1, "0573-88880000");
  EXPECT_EQ(help(), "0573-88880000") << "the nearest line wins";
  set_hotline(kVillage12, "0573-88881234");
  EXPECT_EQ(help(), "0573-88881234");
  auto registered = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 0));
  ASSERT_TRUE(registered.ok());
  EXPECT_EQ(registered->hotline, "0573-88880000") << "a resident of village 11 gets the town's";
}

TEST_P(AssessmentTest, BadAnswersStoreNothing) {
  Submission s = Phq9(0, 0);
  s.answers.erase("4");
  auto r = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().fields().at(0).field, "answers.4");
  EXPECT_TRUE(assessments_->History(ActorFor("", "c"), ScopeAt(kVillage11), person_, clock_.NowMillis())->empty());
  s = Phq9(0, 0);
  s.scale_code = "nope";
  EXPECT_EQ(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), s).status().fields().at(0).code,
            "scale_unknown");
}

TEST_P(AssessmentTest, SiblingsSeeNeitherResultsNorAlerts) {
  ASSERT_TRUE(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(3, 1)).ok());
  EXPECT_EQ(assessments_->SubmitForPerson(ActorFor("", "s"), ScopeAt(kVillage12), Phq9(0, 0)).status().kind(),
            StatusKind::kNotFound);
  EXPECT_TRUE(assessments_->History(ActorFor("", "s"), ScopeAt(kVillage12), person_, clock_.NowMillis())->empty());
  EXPECT_EQ(AuditCount("assessment.history", person_), 0) << "nothing shown, nothing read";
  EXPECT_EQ(assessments_->History(ActorFor("", "c"), ScopeAt(kVillage11), person_, clock_.NowMillis())->size(), 1u);
  EXPECT_EQ(AuditCount("assessment.history", person_), 1) << "reading the record is audited";
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage12), {}, clock_.NowMillis())->total, 0);
  auto mine = alerts_->List(ScopeAt(kVillage11), {}, clock_.NowMillis());
  EXPECT_EQ(alerts_->Get(ActorFor("", "c"), ScopeAt(kVillage12), mine->items[0].id).status().kind(), StatusKind::kNotFound);
  EXPECT_EQ(alerts_->Acknowledge(ActorFor("", "s"), ScopeAt(kVillage12), mine->items[0].id).status().kind(),
            StatusKind::kNotFound);
  EXPECT_EQ(AuditCount("alert.read", person_), 0) << "the sibling read nothing";
  ASSERT_TRUE(alerts_->Get(ActorFor("", "c"), ScopeAt(kVillage11), mine->items[0].id).ok());
  EXPECT_EQ(AuditCount("alert.read", person_), 1) << "an alert names the resident: its read is audited";
}

// A result whose scale version's file was removed (a licensed scale dropped, a file replaced) is
// still shown as critical: the stored flag, not a re-scoring that can no longer happen.
TEST_P(AssessmentTest, ACriticalResultStaysCriticalWithoutItsScaleFile) {
  auto r = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ScaleLibrary none;
  AssessmentStore without(*db_, none, alerts::DeadlinePolicy{}, *rules_, cipher_);
  auto shown = without.Get(ActorFor("", "c"), ScopeAt(kVillage11), r->id);
  ASSERT_TRUE(shown.ok()) << shown.status().ToString();
  EXPECT_TRUE(shown->score.critical());
  EXPECT_TRUE(shown->score.critical_items.empty()) << "which item cannot be said without the file";
  auto calm = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 0));
  EXPECT_FALSE(without.Get(ActorFor("", "c"), ScopeAt(kVillage11), calm->id)->score.critical());
}

TEST_P(AssessmentTest, AlertFiltersAreCheckedAndPagesOfSimultaneousAlertsAreStable) {
  for (int i = 0; i < 7; ++i) {  // the same instant: the fake clock does not move
    ASSERT_TRUE(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(2, 0)).ok());
  }
  alerts::AlertFilter bad;
  bad.status = "open";
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage11), bad, clock_.NowMillis()).status().fields().at(0).field, "status");
  bad = {};
  bad.level = "purple";
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage11), bad, clock_.NowMillis()).status().fields().at(0).code, "level_invalid");
  std::set<std::string> seen;
  for (int offset = 0; offset < 7; offset += 3) {
    alerts::AlertFilter f;
    f.offset = offset;
    f.limit = 3;
    auto page = alerts_->List(ScopeAt(kVillage11), f, clock_.NowMillis());
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, 7);
    for (const auto& a : page->items) EXPECT_TRUE(seen.insert(a.id).second) << "repeated on a later page: " << a.id;
  }
  EXPECT_EQ(seen.size(), 7u) << "every alert on exactly one page";
}

TEST_P(AssessmentTest, BreakGlassOpensTheResidentsResultsReadOnlyForADay) {
  auto r = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(2, 0));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::string user = AddUser("counsellor_v12", kVillage12, "community_counsellor");
  auto actor = ActorFor(user, "counsellor_v12");
  auto scope = ScopeAt(kVillage12, user);
  EXPECT_TRUE(assessments_->History(actor, scope, person_, clock_.NowMillis())->empty()) << "no grant, nothing";
  EXPECT_EQ(assessments_->Get(actor, scope, r->id).status().kind(), StatusKind::kNotFound);
  std::string first17 = "33049919900101001";
  ASSERT_TRUE(people_->BreakGlass(actor, first17 + people::IdNumberCheckChar(first17), "危机热线转介，需核实既往记录").ok());
  EXPECT_EQ(assessments_->History(actor, scope, person_, clock_.NowMillis())->size(), 1u) << "the record's results";
  EXPECT_TRUE(assessments_->Get(actor, scope, r->id).ok()) << "and their reports";
  EXPECT_EQ(assessments_->SubmitForPerson(actor, scope, Phq9(0, 0)).status().kind(), StatusKind::kNotFound)
      << "break-glass is read-only";
  clock_.Advance(people::PeopleStore::kBreakGlassMillis);
  EXPECT_TRUE(assessments_->History(actor, scope, person_, clock_.NowMillis())->empty()) << "a day later, gone";
}

TEST_P(AssessmentTest, AcknowledgeAndCloseWithOutcome) {
  auto r = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 2));
  std::string id = *r->alert_id;
  auto ack = alerts_->Acknowledge(ActorFor("", "c"), ScopeAt(kVillage11), id);
  ASSERT_TRUE(ack.ok());
  EXPECT_EQ(ack->status, "acknowledged");
  EXPECT_EQ(alerts_->Acknowledge(ActorFor("", "c"), ScopeAt(kVillage11), id).status().code(), "alert_state");
  EXPECT_EQ(alerts_->Close(ActorFor("", "c"), ScopeAt(kVillage11), id, "fine", "").status().fields().at(0).code,
            "outcome_invalid");
  auto closed = alerts_->Close(ActorFor("", "c"), ScopeAt(kVillage11), id, "contacted_safe", "已电话联系");
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->outcome, "contacted_safe");
  auto full = alerts_->Get(ActorFor("", "c"), ScopeAt(kVillage11), id);
  ASSERT_EQ(full->timeline.size(), 3u);
  EXPECT_EQ(full->timeline[0].action, "raised");
  EXPECT_EQ(full->timeline[2].action, "closed");
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage11), {}, clock_.NowMillis())->total, 0) << "closed leaves the inbox";
}

TEST_P(AssessmentTest, InboxCountsOverdueUnacknowledgedAlerts) {
  std::string red = *assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1))->alert_id;
  ASSERT_TRUE(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(3, 0)).ok());
  auto fresh = alerts_->List(ScopeAt(kVillage11), {}, clock_.NowMillis());
  EXPECT_EQ(fresh->red, 1);
  EXPECT_EQ(fresh->orange + fresh->yellow, 1);
  EXPECT_EQ(fresh->overdue, 0);
  clock_.Advance(2 * 3600 * 1000);
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage11), {}, clock_.NowMillis())->overdue, 1) << "the red one's 2 h passed";
  ASSERT_TRUE(alerts_->Acknowledge(ActorFor("", "c"), ScopeAt(kVillage11), red).ok());
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage11), {}, clock_.NowMillis())->overdue, 0) << "acknowledged is not overdue";
  clock_.Advance(72 * 3600 * 1000);
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage11), {}, clock_.NowMillis())->overdue, 1);
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage12), {}, clock_.NowMillis())->overdue, 0) << "a sibling counts none";
}

TEST_P(AssessmentTest, OverdueAlertsEscalateVillageTownDistrictOnce) {
  auto r = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1));
  std::string id = *r->alert_id;
  EXPECT_EQ(*alerts_->EscalateDue(clock_.NowMillis()), 0) << "not yet due";
  clock_.Advance(2 * 3600 * 1000);
  EXPECT_EQ(*alerts_->EscalateDue(clock_.NowMillis()), 1);
  EXPECT_EQ(*alerts_->EscalateDue(clock_.NowMillis()), 0) << "no double escalation";
  auto at_town = alerts_->Get(ActorFor("", "c"), ScopeAt(kTown1), id);
  EXPECT_EQ(at_town->unit_path, "/330499000000/330499001000/");
  EXPECT_EQ(at_town->origin_unit_path, "/330499000000/330499001000/330499001001/");
  auto still_village = alerts_->Get(ActorFor("", "c"), ScopeAt(kVillage11), id);
  ASSERT_TRUE(still_village.ok()) << "escalation brings in the town; the village keeps the alert";
  EXPECT_EQ(at_town->origin_unit_name, "东湖村") << "the town sees where it was raised";
  EXPECT_TRUE(still_village->unit_path != still_village->origin_unit_path);
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage11), {}, clock_.NowMillis())->total, 1);
  EXPECT_EQ(alerts_->Get(ActorFor("", "c"), ScopeAt(kVillage12), id).status().kind(), StatusKind::kNotFound) << "never the sibling";
  EXPECT_EQ(alerts_->List(ScopeAt(kTown2), {}, clock_.NowMillis())->total, 0);
  clock_.Advance(2 * 3600 * 1000);
  EXPECT_EQ(*alerts_->EscalateDue(clock_.NowMillis()), 1);
  auto at_district = alerts_->Get(ActorFor("", "c"), ScopeAt(kDistrict), id);
  EXPECT_EQ(at_district->unit_path, "/330499000000/");
  EXPECT_EQ(at_district->escalations, 2);
  EXPECT_TRUE(alerts_->Get(ActorFor("", "c"), ScopeAt(kTown1), id).ok()) << "the town in between keeps it too";
  clock_.Advance(2 * 3600 * 1000);
  EXPECT_EQ(*alerts_->EscalateDue(clock_.NowMillis()), 0) << "the district is the top";
  EXPECT_EQ(AuditCount("alert.escalate", person_), 2);
  auto timeline = alerts_->Get(ActorFor("", "c"), ScopeAt(kDistrict), id)->timeline;
  ASSERT_EQ(timeline.size(), 3u);
  EXPECT_EQ(timeline[1].detail, "东湖村 → 清溪镇") << "escalations name the units";
  EXPECT_EQ(timeline[2].detail, "清溪镇 → 心安区");
  EXPECT_TRUE(alerts_->Acknowledge(ActorFor("", "c"), ScopeAt(kVillage11), id).ok()) << "and the village may act";
  auto acknowledged = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1));
  ASSERT_TRUE(alerts_->Acknowledge(ActorFor("", "c"), ScopeAt(kVillage11), *acknowledged->alert_id).ok());
  clock_.Advance(3 * 3600 * 1000);
  EXPECT_EQ(*alerts_->EscalateDue(clock_.NowMillis()), 0) << "acknowledged alerts do not escalate";
}

// Alerts that reached the district stay there overdue; they must not take the places of alerts
// that can still escalate (a run takes the oldest deadlines first, up to its limit).
TEST_P(AssessmentTest, AlertsOverdueAtTheDistrictDoNotHoldBackOthers) {
  for (int i = 0; i < 2; ++i) ASSERT_TRUE(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1)).ok());
  clock_.Advance(2 * 3600 * 1000);
  ASSERT_EQ(*alerts_->EscalateDue(clock_.NowMillis()), 2);  // to the town
  clock_.Advance(2 * 3600 * 1000);
  ASSERT_EQ(*alerts_->EscalateDue(clock_.NowMillis()), 2);  // to the district, due in 2 h
  clock_.Advance(60 * 1000);
  auto later = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1));
  ASSERT_TRUE(later.ok());
  clock_.Advance(3 * 3600 * 1000);  // all three overdue; the district's two have the older deadlines
  EXPECT_EQ(*alerts_->EscalateDue(clock_.NowMillis(), /*limit=*/2), 1);
  EXPECT_EQ(alerts_->Get(ActorFor("", "c"), ScopeAt(kTown1), *later->alert_id)->unit_path, "/330499000000/330499001000/");
}

TEST_P(AssessmentTest, RaisedAndEscalatedAlertsNotifyTheOwningUnitOnly) {
  alerts::NotificationStore notes(*db_);
  const std::string v11 = AddUser("c11", kVillage11, "community_counsellor");
  const std::string v12 = AddUser("c12", kVillage12, "community_counsellor");
  const std::string t1 = AddUser("staff_t1", kTown1, "station_staff");
  auto r = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto village = notes.List(UnitId(kVillage11), v11, true, 0, 20);
  ASSERT_TRUE(village.ok());
  ASSERT_EQ(village->unread, 1);
  EXPECT_EQ(village->items[0].kind, "alert_raised");
  EXPECT_EQ(village->items[0].alert_id, *r->alert_id);
  EXPECT_EQ(village->items[0].scale_code, "phq9") << "entries say which scale raised them";
  EXPECT_EQ(notes.List(UnitId(kVillage12), v12, false, 0, 20)->total, 0);
  EXPECT_EQ(notes.List(UnitId(kTown1), t1, false, 0, 20)->total, 0) << "the town hears only on escalation";
  clock_.Advance(2 * 3600 * 1000);
  ASSERT_EQ(*alerts_->EscalateDue(clock_.NowMillis()), 1);
  auto town = notes.List(UnitId(kTown1), t1, false, 0, 20);
  ASSERT_EQ(town->total, 1);
  EXPECT_EQ(town->items[0].kind, "alert_escalated");
  EXPECT_EQ(town->items[0].level, "red");
  EXPECT_EQ(notes.MarkRead(UnitId(kVillage11), v11, town->items[0].id).kind(), StatusKind::kNotFound);
  ASSERT_TRUE(notes.MarkRead(UnitId(kTown1), t1, town->items[0].id).ok());
  EXPECT_EQ(notes.List(UnitId(kTown1), t1, false, 0, 20)->unread, 0);
}

// One colleague reading the unit's notifications must not clear the bell for the others: a red
// alert announced to the village stays unread for each counsellor until that one has read it.
TEST_P(AssessmentTest, NotificationsAreReadPerUser) {
  alerts::NotificationStore notes(*db_);
  const std::string first = AddUser("c11a", kVillage11, "community_counsellor");
  const std::string second = AddUser("c11b", kVillage11, "community_counsellor");
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1)).ok());
    clock_.Advance(1000);
  }
  auto mine = notes.List(UnitId(kVillage11), first, false, 0, 20);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ASSERT_EQ(mine->unread, 2);
  ASSERT_TRUE(notes.MarkRead(UnitId(kVillage11), first, mine->items[0].id).ok());
  ASSERT_TRUE(notes.MarkRead(UnitId(kVillage11), first, mine->items[0].id).ok()) << "reading twice is fine";
  auto after = notes.List(UnitId(kVillage11), first, false, 0, 20);
  EXPECT_EQ(after->unread, 1);
  EXPECT_TRUE(after->items[0].read);
  EXPECT_FALSE(after->items[1].read);
  auto unread = notes.List(UnitId(kVillage11), first, true, 0, 20);
  EXPECT_EQ(unread->total, 1) << "unread=true counts what this user has not read";
  ASSERT_EQ(unread->items.size(), 1u);
  EXPECT_EQ(unread->items[0].id, mine->items[1].id);
  auto colleague = notes.List(UnitId(kVillage11), second, true, 0, 20);
  EXPECT_EQ(colleague->unread, 2) << "the colleague's bell is untouched";
  EXPECT_EQ(colleague->total, 2);
  ASSERT_TRUE(notes.MarkAllRead(UnitId(kVillage11), first).ok());
  EXPECT_EQ(notes.List(UnitId(kVillage11), first, false, 0, 20)->unread, 0);
  EXPECT_EQ(notes.List(UnitId(kVillage11), second, false, 0, 20)->unread, 2);
  ASSERT_TRUE(notes.MarkAllRead(UnitId(kVillage11), second).ok());
  EXPECT_EQ(notes.List(UnitId(kVillage11), second, false, 0, 20)->unread, 0);
  // A colleague who joins later is not handed the unit's history as news, only what follows.
  clock_.Advance(1000);
  const std::string later = AddUser("c11c", kVillage11, "community_counsellor");
  auto joined = notes.List(UnitId(kVillage11), later, false, 0, 20);
  EXPECT_EQ(joined->total, 2);
  EXPECT_EQ(joined->unread, 0);
  EXPECT_TRUE(joined->items[0].read);
  ASSERT_TRUE(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1)).ok());
  EXPECT_EQ(notes.List(UnitId(kVillage11), later, true, 0, 20)->total, 1);
  EXPECT_EQ(notes.List(UnitId(kVillage11), first, false, 0, 20)->unread, 1);
}

// Migration 0010 moves read state from the unit to its users: what the unit had read before
// stays read for each of its users, what it had not stays unread.
TEST_P(AssessmentTest, NotificationReadsMigrationKeepsWhatTheUnitHadRead) {
  alerts::NotificationStore notes(*db_);
  const std::string user = AddUser("c11m", kVillage11, "community_counsellor");
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1)).ok());
    clock_.Advance(1000);
  }
  auto listed = notes.List(UnitId(kVillage11), user, false, 0, 20);
  ASSERT_EQ(listed->total, 2);
  const std::string older = listed->items[1].id;
  const auto& all = store::EmbeddedMigrations();
  auto m = std::find_if(all.begin(), all.end(), [](const store::Migration& x) { return x.version == 10; });
  ASSERT_NE(m, all.end());
  // Back to the schema before 0010, the older notification read for the unit, then 0010 again.
  ASSERT_TRUE(db_->Write([&](store::WriteContext& w) -> Status {
    XINAN_RETURN_IF_ERROR(w.conn().ExecScript(
        "DROP TABLE notification_reads; DROP INDEX notifications_unit_created; "
        "CREATE INDEX notifications_unit ON notifications(unit_id, read_at, created_at)"));
    XINAN_RETURN_IF_ERROR(w.conn().Exec("UPDATE notifications SET read_at = 5 WHERE id = $1", {older}).status());
    return w.conn().ExecScript(m->sql);
  }).ok());
  auto after = notes.List(UnitId(kVillage11), user, false, 0, 20);
  ASSERT_EQ(after->total, 2);
  EXPECT_EQ(after->unread, 1);
  EXPECT_FALSE(after->items[0].read);
  EXPECT_EQ(after->items[1].id, older);
  EXPECT_TRUE(after->items[1].read);
}

TEST_P(AssessmentTest, RulesComeFromTheDatabase) {
  auto none = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(1, 0));
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->alert_id.has_value()) << "PHQ-9 = 8 is below the shipped yellow rule";
  alerts::WarningRule rule;
  rule.name = "PHQ-9 ≥ 8";
  rule.level = alerts::AlertLevel::kOrange;
  rule.scale_code = "phq9";
  rule.min_total = 8;
  ASSERT_TRUE(rules_->Create(ActorFor("", "admin"), rule).ok());
  auto raised = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(1, 0));
  ASSERT_TRUE(raised.ok());
  ASSERT_TRUE(raised->alert_level.has_value());
  EXPECT_EQ(*raised->alert_level, alerts::AlertLevel::kOrange);
  EXPECT_EQ(AuditCount("warning_rule.create"), 1);
}

// A rule with an upper bound (stored, read back, evaluated): WHO-5 ≤ 28 raises an alert on a
// low WHO-5, not on a good one; an edit keeps the bound.
TEST_P(AssessmentTest, RulesWithATotalAtMostAlertOnLowTotals) {
  alerts::WarningRule rule;
  rule.name = "WHO-5 ≤ 28";
  rule.level = alerts::AlertLevel::kOrange;
  rule.scale_code = "who5";
  rule.max_total = 28;
  auto created = rules_->Create(ActorFor("", "admin"), rule);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  ASSERT_TRUE(created->rule.max_total.has_value());
  EXPECT_EQ(*created->rule.max_total, 28);
  EXPECT_FALSE(created->rule.min_total.has_value());
  auto who5 = [&](int each) {
    Submission s;
    s.scale_code = "who5";
    for (int i = 1; i <= 5; ++i) s.answers[std::to_string(i)] = each;
    s.person_id = person_;
    return assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), s);
  };
  auto low = who5(1);  // 5 × 4 = 20
  ASSERT_TRUE(low.ok()) << low.status().ToString();
  ASSERT_TRUE(low->alert_level.has_value());
  EXPECT_EQ(*low->alert_level, alerts::AlertLevel::kOrange);
  auto good = who5(4);  // 80
  ASSERT_TRUE(good.ok());
  EXPECT_FALSE(good->alert_id.has_value());
  rule.name = "WHO-5 ≤ 28 (edited)";
  auto edited = rules_->Update(ActorFor("", "admin"), created->rule.id, rule, created->version);
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();
  ASSERT_TRUE(edited->rule.max_total.has_value());
  EXPECT_EQ(*edited->rule.max_total, 28);
}

TEST_P(AssessmentTest, AnotherInstancesRuleChangeAppliesWithinTheCacheTime) {
  ASSERT_TRUE(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(1, 0)).ok());
  alerts::RuleStore other_instance(*db_);
  alerts::WarningRule rule;
  rule.name = "PHQ-9 ≥ 8";
  rule.level = alerts::AlertLevel::kOrange;
  rule.scale_code = "phq9";
  rule.min_total = 8;
  ASSERT_TRUE(other_instance.Create(ActorFor("", "admin"), rule).ok());
  clock_.Advance(kRulesCacheMillis - 1);
  auto cached = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(1, 0));
  ASSERT_TRUE(cached.ok());
  EXPECT_FALSE(cached->alert_id.has_value()) << "this instance still evaluates its cached rules";
  clock_.Advance(1);
  auto fresh = assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(1, 0));
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(fresh->alert_level.has_value());
  EXPECT_EQ(*fresh->alert_level, alerts::AlertLevel::kOrange);
}

TEST_P(AssessmentTest, AnonymousSelfAssessmentGoesToTheLinksUnit) {
  Submission s = Phq9(0, 1);
  s.person_id.clear();
  s.unit_code = kVillage12;
  auto r = assessments_->SubmitSelf(security::Actor::System("self-assessment"), s);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto inbox = alerts_->List(ScopeAt(kVillage12), {}, clock_.NowMillis());
  ASSERT_TRUE(inbox.ok());
  EXPECT_EQ(inbox->red, 1);
  EXPECT_EQ(inbox->items[0].person_name, "");
  EXPECT_FALSE(inbox->items[0].respondent_identified) << "anonymous: no contact to show";
  EXPECT_EQ(alerts_->List(ScopeAt(kVillage11), {}, clock_.NowMillis())->total, 0);
  Submission named = s;
  named.respondent.name = "李自评";
  named.respondent.phone = "13900001111";
  ASSERT_TRUE(assessments_->SubmitSelf(security::Actor::System("self-assessment"), named).ok());
  auto both = alerts_->List(ScopeAt(kVillage12), {}, clock_.NowMillis());
  ASSERT_TRUE(both.ok());
  ASSERT_EQ(both->total, 2);
  EXPECT_EQ(both->items[0].respondent_identified + both->items[1].respondent_identified, 1);
  s.unit_code = "999999999999";
  EXPECT_EQ(assessments_->SubmitSelf(security::Actor::System("x"), s).status().kind(), StatusKind::kNotFound);
}

TEST_P(AssessmentTest, ResultListShowsEveryResultInScopeWithContactsMasked) {
  ASSERT_TRUE(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 0)).ok());
  clock_.Advance(1000);  // at one instant the order would fall to the ids' random part
  Submission k10;
  k10.scale_code = "k10";
  for (int i = 1; i <= 10; ++i) k10.answers[std::to_string(i)] = 5;  // 50: very high, and no rule watches K10
  k10.unit_code = kVillage11;
  k10.respondent.name = "王自评";
  k10.respondent.phone = "13900007777";
  auto named = assessments_->SubmitSelf(security::Actor::System("self-assessment"), k10);
  ASSERT_TRUE(named.ok()) << named.status().ToString();
  EXPECT_FALSE(named->alert_id.has_value()) << "nothing raised: only the list shows it";
  clock_.Advance(1000);
  Submission anon = Phq9(0, 1);
  anon.person_id.clear();
  anon.unit_code = kVillage11;
  ASSERT_TRUE(assessments_->SubmitSelf(security::Actor::System("self-assessment"), anon).ok());

  auto all = assessments_->List(ScopeAt(kVillage11), {});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->total, 3);
  EXPECT_EQ(all->items[0].alert_level, "red") << "newest first, with its alert";
  const ResultRow& k = all->items[1];
  EXPECT_EQ(k.scale_code, "k10");
  EXPECT_EQ(k.respondent_name, "王自评");
  EXPECT_EQ(k.phone_masked, "139****7777");
  EXPECT_EQ(all->items[2].person_name, "测评对象");
  auto count = [&](ResultFilter f) { return assessments_->List(ScopeAt(kVillage11), f)->total; };
  EXPECT_EQ(count({"", "", true}), 2) << "concerning: the K10 band and the critical answer";
  EXPECT_EQ(count({"", "", false, true}), 2) << "identified: the resident and the named respondent";
  EXPECT_EQ(count({"k10"}), 1);
  EXPECT_EQ(count({"", "self"}), 2);
  EXPECT_EQ(assessments_->List(ScopeAt(kVillage12), {})->total, 0) << "a sibling sees none";

  auto contact = assessments_->RespondentOf(ActorFor("", "c"), ScopeAt(kVillage11), named->id);
  ASSERT_TRUE(contact.ok()) << contact.status().ToString();
  EXPECT_EQ(contact->phone, "13900007777");
  EXPECT_EQ(AuditCount("assessment.respondent_read"), 1);
  EXPECT_EQ(assessments_->RespondentOf(ActorFor("", "s"), ScopeAt(kVillage12), named->id).status().kind(),
            StatusKind::kNotFound);
}

TEST_P(AssessmentTest, TwoInstancesEscalateEachAlertOnce) {
  if (GetParam() != store::Engine::kPostgres) GTEST_SKIP() << "several instances share PostgreSQL only";
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(assessments_->SubmitForPerson(ActorFor("", "c"), ScopeAt(kVillage11), Phq9(0, 1)).ok());
  }
  store::DatabaseOptions o;
  o.url = std::string(std::getenv("XINAN_TEST_PG"));
  o.url = o.url.substr(0, o.url.rfind('/') + 1) + cleanup_;
  o.clock = &clock_;
  auto second_db = store::OpenDatabase(o);
  ASSERT_TRUE(second_db.ok());
  alerts::AlertStore second(**second_db, alerts::DeadlinePolicy{});
  clock_.Advance(2 * 3600 * 1000);
  int a = 0, b = 0;
  std::thread t1([&] { a = *alerts_->EscalateDue(clock_.NowMillis()); });
  std::thread t2([&] { b = *second.EscalateDue(clock_.NowMillis()); });
  t1.join();
  t2.join();
  (*second_db)->Close();
  EXPECT_EQ(a + b, 10) << a << " + " << b;
  EXPECT_EQ(AuditCount("alert.escalate"), 10);
}

INSTANTIATE_TEST_SUITE_P(Engines, AssessmentTest, Engines(), EngineName);

}  // namespace
}  // namespace xinan::assess
