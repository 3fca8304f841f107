// Storage-layer tests on both engines: migrations, placeholders, group commit with savepoints,
// concurrency, the audit chain (written with its change or not at all; tamper detection), and
// two Database objects sharing one PostgreSQL database (two xinan instances).
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "store/audit_chain.h"
#include "store/migrations.h"
#include "store/postgres_connection.h"
#include "store/sqlite_connection.h"
#include "testing/district_fixture.h"

namespace xinan::store {
namespace {

using xinan::testing::DistrictTest;

class StoreTest : public DistrictTest {
 protected:
  // A job inserting a tag definition (a simple table without foreign keys) and auditing it.
  WriteJob InsertTag(const std::string& code, bool audit = true) {
    return [code, audit](WriteContext& w) -> Status {
      XINAN_RETURN_IF_ERROR(w.conn().Exec(
          "INSERT INTO tag_definitions (code, name_zh, name_en) VALUES ($1, $1, $1)", {code}).status());
      if (!audit) return Status::Ok();
      AuditEvent e;
      e.action = "test.insert";
      e.object_id = code;
      return w.Audit(e);
    };
  }
  int64_t Count(const std::string& sql, const Params& p = {}) {
    int64_t n = -1;
    EXPECT_TRUE(db().Read([&](Connection& c) -> Status {
      XINAN_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, p));
      n = rows[0].Int(0);
      return Status::Ok();
    }).ok());
    return n;
  }
};

TEST_P(StoreTest, MigratedToLatestAndIdempotent) {
  auto v = db().SchemaVersion();
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, db().LatestSchemaVersion());
  EXPECT_GE(*v, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM schema_migrations"), static_cast<int64_t>(EmbeddedMigrations().size()));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tag_definitions"), 8);
}

// The scope condition compares paths as a range, which holds only byte-wise: every path column
// collates "C" on PostgreSQL whatever the database's locale; SQLite's TEXT is byte-wise unless a
// column declares another collation, which none does.
TEST_P(StoreTest, EveryPathColumnComparesByteWise) {
  if (GetParam() == Engine::kPostgres) {
    EXPECT_GE(Count("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                    "AND column_name LIKE '%path'"), 8);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                    "AND column_name LIKE '%path' AND COALESCE(collation_name, '') <> 'C'"), 0);
  } else {
    EXPECT_GE(Count("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%path%'"), 7);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM sqlite_schema WHERE sql LIKE '%COLLATE%'"), 0);
  }
}

TEST_P(StoreTest, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_TRUE(db().Write([](WriteContext& w) {
    return w.conn().Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)").status();
  }).ok());
  Status st = db().Write([](WriteContext& w) { return ApplyMigrations(w.conn()); });
  EXPECT_EQ(st.code(), "database_newer_than_binary");
}

TEST_P(StoreTest, FailingJobInABatchFailsAlone) {
  ASSERT_TRUE(db().Write(InsertTag("dup")).ok());
  constexpr int kJobs = 40;
  std::vector<Status> results(kJobs);
  std::vector<std::thread> threads;
  for (int i = 0; i < kJobs; ++i) {
    threads.emplace_back([&, i] { results[i] = db().Write(InsertTag(i == 17 ? "dup" : "t" + std::to_string(i))); });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kJobs; ++i) {
    if (i == 17) EXPECT_EQ(results[i].code(), "unique_violation");
    else EXPECT_TRUE(results[i].ok()) << i << " " << results[i].ToString();
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tag_definitions WHERE code LIKE 't%'"), kJobs - 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'test.insert'"), kJobs);  // 39 + "dup"
  auto v = VerifyAuditChain(db());
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->reason << " at " << v->first_broken_seq;
}

TEST_P(StoreTest, ConcurrentWritesAreGroupCommitted) {
  constexpr int kThreads = 32, kPerThread = 20;
  WriteStats before = db().Stats();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        if (!db().Write(InsertTag("gc" + std::to_string(t) + "_" + std::to_string(i))).ok()) failures++;
      }
    });
  }
  for (auto& th : threads) th.join();
  WriteStats after = db().Stats();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(after.jobs - before.jobs, static_cast<uint64_t>(kThreads * kPerThread));
  EXPECT_LT(after.batches - before.batches, after.jobs - before.jobs) << "no batching happened";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tag_definitions WHERE code LIKE 'gc%'"), kThreads * kPerThread);
}

TEST_P(StoreTest, AuditRowsLiveAndDieWithTheirChange) {
  int64_t audits = Count("SELECT COUNT(*) FROM audit_log");
  Status st = db().Write([](WriteContext& w) -> Status {
    AuditEvent e;
    e.action = "test.doomed";
    XINAN_RETURN_IF_ERROR(w.Audit(e));
    XINAN_RETURN_IF_ERROR(w.conn().Exec("INSERT INTO tag_definitions (code, name_zh, name_en) VALUES ('doomed', 'x', 'x')").status());
    return Status::Invalid("late_failure");
  });
  EXPECT_EQ(st.code(), "late_failure");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audits);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tag_definitions WHERE code = 'doomed'"), 0);
  ASSERT_TRUE(db().Write(InsertTag("after")).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audits + 1);
  EXPECT_TRUE(VerifyAuditChain(db())->ok) << "the chain continues from the kept tail";
}

TEST_P(StoreTest, TamperingIsDetectedAtTheEditedRow) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(db().Write(InsertTag("x" + std::to_string(i))).ok());
  auto clean = VerifyAuditChain(db());
  ASSERT_TRUE(clean.ok() && clean->ok);
  int64_t rows = clean->rows;
  ASSERT_TRUE(db().Write([](WriteContext& w) {
    return w.conn().Exec("UPDATE audit_log SET reason = 'edited' WHERE seq = 3").status();
  }).ok());
  auto v = VerifyAuditChain(db());
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->ok);
  EXPECT_EQ(v->first_broken_seq, 3);
  EXPECT_EQ(v->reason, "hash mismatch");
  EXPECT_LT(v->rows, rows);
  ASSERT_TRUE(db().Write([](WriteContext& w) {
    return w.conn().Exec("DELETE FROM audit_log WHERE seq = 3").status();
  }).ok());
  v = VerifyAuditChain(db());
  EXPECT_EQ(v->first_broken_seq, 4);
  EXPECT_EQ(v->reason, "gap in seq");
}

// A row numbered before the chain's first is a break (it would show in the audit-log list); the
// newest rows deleted pass a plain walk, but not a walk given the head recorded before.
TEST_P(StoreTest, ForgedEarlyRowsAndACutTailAreDetected) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(db().Write(InsertTag("h" + std::to_string(i))).ok());
  auto recorded = VerifyAuditChain(db());
  ASSERT_TRUE(recorded.ok() && recorded->ok);
  ASSERT_EQ(recorded->head_seq, recorded->rows);
  ASSERT_EQ(recorded->head_hash.size(), 64u);
  AuditHead head{recorded->head_seq, recorded->head_hash};
  EXPECT_TRUE(VerifyAuditChain(db(), head)->ok) << "nothing changed";
  ASSERT_TRUE(db().Write(InsertTag("h5")).ok());
  EXPECT_TRUE(VerifyAuditChain(db(), head)->ok) << "rows after the recorded head are fine";
  ASSERT_TRUE(db().Write([&](WriteContext& w) {
    return w.conn().Exec("DELETE FROM audit_log WHERE seq >= $1", {head.seq - 1}).status();
  }).ok());
  EXPECT_TRUE(VerifyAuditChain(db())->ok) << "a cut tail is a shorter valid chain";
  auto cut = VerifyAuditChain(db(), head);
  EXPECT_FALSE(cut->ok);
  EXPECT_EQ(cut->reason, "ends before the recorded head");
  ASSERT_TRUE(db().Write([](WriteContext& w) {
    return w.conn().Exec("INSERT INTO audit_log (seq, at, action, prev_hash, hash) VALUES "
                         "(0, 1, 'person.read', '', 'forged')").status();
  }).ok());
  auto forged = VerifyAuditChain(db());
  EXPECT_FALSE(forged->ok);
  EXPECT_EQ(forged->first_broken_seq, 0);
  EXPECT_EQ(forged->reason, "row before the chain's start");
}

TEST_P(StoreTest, ThrowingJobFailsAloneAsInternal) {
  Status st = db().Write([](WriteContext&) -> Status { throw std::runtime_error("boom"); });
  EXPECT_EQ(st.kind(), StatusKind::kInternal);
  EXPECT_TRUE(db().Write(InsertTag("fine")).ok());
}

// Migration 0004 rebuilds SQLite's audit_log around its rowid: re-running it over a chain keeps
// every row and hash, and leaves no separate primary-key index. (On PostgreSQL it is empty.)
TEST_P(StoreTest, AuditRowidMigrationKeepsTheChain) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(db().Write(InsertTag("chain_" + std::to_string(i))).ok());
  int64_t rows = Count("SELECT COUNT(*) FROM audit_log");
  const auto& all = EmbeddedMigrations();
  auto m = std::find_if(all.begin(), all.end(), [](const Migration& x) { return x.version == 4; });
  ASSERT_NE(m, all.end());
  if (GetParam() == Engine::kSqlite) {
    ASSERT_TRUE(db().Write([&](WriteContext& w) { return w.conn().ExecScript(m->sql); }).ok());
    EXPECT_EQ(Count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_audit_log_1'"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'"), 3);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), rows);
  ASSERT_TRUE(db().Write(InsertTag("after_migration")).ok());
  auto v = VerifyAuditChain(db());
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->reason << " at " << v->first_broken_seq;
  EXPECT_EQ(v->rows, rows + 1);
}

// A job that swallows a failed statement and returns OK: on PostgreSQL the failure aborted the
// transaction and the COMMIT rolls everything back, so the job must not be told it succeeded.
// Whatever the engine, what is acknowledged is what was committed.
TEST_P(StoreTest, AcknowledgedMeansCommittedEvenIfAJobSwallowsAnError) {
  Status st = db().Write([](WriteContext& w) -> Status {
    const char* insert = "INSERT INTO tag_definitions (code, name_zh, name_en) VALUES ($1, $1, $1)";
    XINAN_RETURN_IF_ERROR(w.conn().Exec(insert, {std::string("swallowed")}).status());
    (void)w.conn().Exec(insert, {std::string("swallowed")});  // duplicate: fails, ignored
    return Status::Ok();
  });
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tag_definitions WHERE code = 'swallowed'"), st.ok() ? 1 : 0);
  if (GetParam() == Engine::kPostgres) EXPECT_FALSE(st.ok());
  EXPECT_TRUE(db().Write(InsertTag("after_swallow")).ok());
}

// Audit rows are written at the end of the batch, 64 per INSERT: a job appending 150 events
// (three INSERTs) leaves a valid chain with all of them, and a failed job's events are gone.
TEST_P(StoreTest, ManyAuditRowsInOneBatchKeepTheChain) {
  int64_t before = Count("SELECT COUNT(*) FROM audit_log");
  ASSERT_TRUE(db().Write([](WriteContext& w) -> Status {
    for (int i = 0; i < 150; ++i) {
      AuditEvent e;
      e.action = "test.many";
      e.object_id = std::to_string(i);
      XINAN_RETURN_IF_ERROR(w.Audit(e));
    }
    return Status::Ok();
  }).ok());
  Status failed = db().Write([](WriteContext& w) -> Status {
    AuditEvent e;
    e.action = "test.undone";
    XINAN_RETURN_IF_ERROR(w.Audit(e));
    return Status::Conflict("nope", "the job fails after auditing");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'test.many'"), 150);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'test.undone'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE object_id = '149' AND action = 'test.many'"), 1);
  auto v = VerifyAuditChain(db());
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->reason << " at " << v->first_broken_seq;
  EXPECT_EQ(v->rows, before + 150);
}

// A SQLite read job is one snapshot: a commit made while it runs is not seen by its later
// statements (so a list's count and its page agree). PostgreSQL reads run statement by
// statement (READ COMMITTED, no extra round trips), so there the second count sees the commit.
TEST_P(StoreTest, ReadJobSnapshotPerEngine) {
  const std::string sql = "SELECT COUNT(*) FROM tag_definitions";
  int64_t before = Count(sql);
  int64_t first = -1, second = -1;
  ASSERT_TRUE(db().Read([&](Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(Rows a, c.Query(sql));
    first = a[0].Int(0);
    XINAN_RETURN_IF_ERROR(db().Write(InsertTag("during_read")));
    XINAN_ASSIGN_OR_RETURN(Rows b, c.Query(sql));
    second = b[0].Int(0);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(first, before);
  EXPECT_EQ(second, GetParam() == Engine::kSqlite ? before : before + 1);
  EXPECT_EQ(Count(sql), before + 1);
}

// Read connections keep their snapshot between jobs (store/read_pool.h); a write acknowledged
// before a read began is still always seen by it, whichever connection the read gets.
TEST_P(StoreTest, ReadAfterAnAcknowledgedWriteSeesIt) {
  const std::string sql = "SELECT COUNT(*) FROM tag_definitions";
  int64_t before = Count(sql);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(Count(sql), before + i);
    ASSERT_TRUE(db().Write(InsertTag("seen_" + std::to_string(i), /*audit=*/false)).ok());
    EXPECT_EQ(Count(sql), before + i + 1) << "write " << i;
  }
}

// The same with writers and readers at once: each thread's read right after its acknowledged
// write sees that write, while the other threads' writes keep ending snapshots.
TEST_P(StoreTest, ConcurrentReadsSeeTheirOwnAcknowledgedWrites) {
  constexpr int kThreads = 4, kWrites = 25;
  std::atomic<int> unseen{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        std::string code = "mine_" + std::to_string(t) + "_" + std::to_string(i);
        if (!db().Write(InsertTag(code, /*audit=*/false)).ok()) ++failed;
        if (Count("SELECT COUNT(*) FROM tag_definitions WHERE code = $1", {code}) != 1) ++unseen;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(unseen.load(), 0);
}

// The connection's own settings: READ COMMITTED whatever the server's or the URL's default (the
// audit chain's tail read relies on it), and the URL's parameters still apply.
TEST_P(StoreTest, PostgresSessionsReadCommittedWhateverTheDefault) {
  if (GetParam() != Engine::kPostgres) GTEST_SKIP() << "PostgreSQL connection settings";
  std::string url = std::string(std::getenv("XINAN_TEST_PG"));
  url = url.substr(0, url.rfind('/') + 1) + cleanup_;
  url += (url.find('?') == std::string::npos ? "?" : "&");
  url += "options=-c%20default_transaction_isolation%3Dserializable&application_name=xinan_test";
  auto c = OpenPostgres(url);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  auto rows = (*c)->Query("SELECT current_setting('default_transaction_isolation'), current_setting('application_name')");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ((*rows)[0].Text(0), "read committed");
  EXPECT_EQ((*rows)[0].Text(1), "xinan_test") << "the URL's own parameters apply";
}

TEST_P(StoreTest, TwoInstancesKeepOneChain) {
  if (GetParam() != Engine::kPostgres) GTEST_SKIP() << "several instances share PostgreSQL only";
  DatabaseOptions o;
  o.url = std::string(std::getenv("XINAN_TEST_PG"));
  o.url = o.url.substr(0, o.url.rfind('/') + 1) + cleanup_;
  o.clock = &clock_;
  auto second = OpenDatabase(o);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 16; ++t) {
    Database* target = t % 2 ? second->get() : &db();
    threads.emplace_back([&, t, target] {
      for (int i = 0; i < 15; ++i) {
        if (!target->Write(InsertTag("m" + std::to_string(t) + "_" + std::to_string(i))).ok()) failures++;
      }
    });
  }
  for (auto& th : threads) th.join();
  (*second)->Close();
  EXPECT_EQ(failures.load(), 0);
  auto v = VerifyAuditChain(db());
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->reason << " at " << v->first_broken_seq;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'test.insert'"), 16 * 15);
}

TEST_P(StoreTest, WriterReconnectsAfterTheServerDropsIt) {
  if (GetParam() != Engine::kPostgres) GTEST_SKIP() << "a PostgreSQL server can drop connections";
  ASSERT_TRUE(db().Write(InsertTag("before_drop")).ok());
  PGconn* admin = PQconnectdb(std::getenv("XINAN_TEST_PG"));
  ASSERT_EQ(PQstatus(admin), CONNECTION_OK);
  std::string sql = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + cleanup_ + "'";
  PQclear(PQexec(admin, sql.c_str()));
  PQfinish(admin);
  Status first = db().Write(InsertTag("during_drop"));
  if (!first.ok()) EXPECT_EQ(first.kind(), StatusKind::kUnavailable) << first.ToString();
  EXPECT_TRUE(db().Write(InsertTag("after_drop")).ok()) << "the writer reconnected";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM tag_definitions WHERE code = 'after_drop'"), 1);
}

TEST(Placeholders, TranslatedOutsideLiterals) {
  EXPECT_EQ(TranslatePlaceholders("SELECT $1, '$2', $10 WHERE a = $2"), "SELECT ?1, '$2', ?10 WHERE a = ?2");
}

TEST(AuditHash, DependsOnEveryField) {
  AuditEvent e;
  e.action = "person.read";
  e.person_id = "p1";
  e.at_millis = 1000;
  std::string h = AuditRowHash(kGenesisHash, e, 1);
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, AuditRowHash(kGenesisHash, e, 1));
  EXPECT_NE(h, AuditRowHash(kGenesisHash, e, 2));
  AuditEvent moved = e;
  moved.action = "person.rea";
  moved.person_id = "dp1";  // same concatenation, different fields: the length prefix tells them apart
  EXPECT_NE(h, AuditRowHash(kGenesisHash, moved, 1));
  EXPECT_NE(h, AuditRowHash(std::string(64, '1'), e, 1));
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, xinan::testing::Engines(), xinan::testing::EngineName);

}  // namespace
}  // namespace xinan::store
