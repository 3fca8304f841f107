// ReadPool on SQLite: a read snapshot serves later jobs only while no commit happened and it is
// young; a commit ends the snapshots of idle connections; a failed job ends its own.
// (Through Database, on both engines: store_test.cc, ReadAfterAnAcknowledgedWriteSeesIt.)
#include "store/read_pool.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <thread>

#include "store/sqlite_connection.h"
#include "testing/temp_dir.h"

namespace xinan::store {
namespace {

using std::chrono::milliseconds;

// A database file with table t, and a plain connection standing for another process.
class ReadPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("r.db");
    ASSERT_EQ(sqlite3_open(path_.c_str(), &other_), SQLITE_OK);
    Exec("PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t DEFAULT VALUES");
  }
  void TearDown() override { sqlite3_close(other_); }
  void Exec(const char* sql) { ASSERT_EQ(sqlite3_exec(other_, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql; }
  std::unique_ptr<ReadPool> Pool(int size, milliseconds max_age) {
    return std::make_unique<ReadPool>([this] { return OpenSqlite(path_, /*read_only=*/true); }, size,
                                      /*snapshots=*/true, max_age);
  }
  static int64_t Rows(ReadPool& pool) {
    int64_t n = -1;
    EXPECT_TRUE(pool.Run([&](Connection& c) -> Status {
      XINAN_ASSIGN_OR_RETURN(store::Rows r, c.Query("SELECT COUNT(*) FROM t"));
      n = r[0].Int(0);
      return Status::Ok();
    }).ok());
    return n;
  }
  // {busy, log frames} of a TRUNCATE checkpoint by the other connection.
  std::pair<int, int> Truncate() {
    int log = -1, done = -1;
    int rc = sqlite3_wal_checkpoint_v2(other_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    return {rc == SQLITE_BUSY ? 1 : 0, log};
  }

  testing::TempDir dir_{"xinan_readpool_"};
  std::string path_;
  sqlite3* other_ = nullptr;
};

TEST_F(ReadPoolTest, ASnapshotServesJobsUntilACommit) {
  auto pool = Pool(1, std::chrono::hours(1));
  EXPECT_EQ(Rows(*pool), 1);
  Exec("INSERT INTO t DEFAULT VALUES");
  EXPECT_EQ(Rows(*pool), 1) << "no commit announced: the snapshot is reused";
  EXPECT_EQ(pool->reused(), 1u);
  pool->Committed();
  EXPECT_EQ(Rows(*pool), 2) << "a commit was announced: a new snapshot";
  EXPECT_EQ(pool->began(), 2u);
}

TEST_F(ReadPoolTest, AnUnannouncedWriteIsSeenOnceTheSnapshotIsOlderThanTheLimit) {
  auto pool = Pool(1, milliseconds(20));
  EXPECT_EQ(Rows(*pool), 1);
  Exec("INSERT INTO t DEFAULT VALUES");
  std::this_thread::sleep_for(milliseconds(40));
  EXPECT_EQ(Rows(*pool), 2);
}

TEST_F(ReadPoolTest, ACommitEndsTheSnapshotsOfIdleConnections) {
  auto pool = Pool(2, std::chrono::hours(1));
  Exec("INSERT INTO t DEFAULT VALUES");  // frames in the WAL for the readers' snapshots
  ASSERT_TRUE(pool->Run([&](Connection&) { return Rows(*pool) == 2 ? Status::Ok() : Status::Internal("x"); }).ok());
  EXPECT_EQ(pool->began(), 2u) << "two connections, each with a snapshot";
  Exec("INSERT INTO t DEFAULT VALUES");
  EXPECT_EQ(Truncate().first, 1) << "idle snapshots hold the WAL";
  pool->Committed();
  EXPECT_EQ(Truncate(), std::make_pair(0, 0)) << "the WAL is free to be truncated";
  EXPECT_EQ(Rows(*pool), 3);
}

TEST_F(ReadPoolTest, AFailedJobEndsItsSnapshot) {
  auto pool = Pool(1, std::chrono::hours(1));
  Status failed = pool->Run([](Connection& c) -> Status {
    XINAN_RETURN_IF_ERROR(c.Query("SELECT COUNT(*) FROM t").status());  // the snapshot begins
    return Status::Internal("job failed");
  });
  EXPECT_FALSE(failed.ok());
  Exec("INSERT INTO t DEFAULT VALUES");
  EXPECT_EQ(Rows(*pool), 2);
  EXPECT_EQ(pool->began(), 2u);
}

}  // namespace
}  // namespace xinan::store
