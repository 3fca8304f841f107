// WalCheckpointer: under continuous writes the WAL starts over once it passes its size limit
// (a passive checkpoint alone never catches up with a busy writer), and nothing is lost.
// WalSync: shared, coalesced syncs whose first failure is final. ExtendWithZeros / ReserveWal:
// a WAL given its space ahead of the writes still recovers every commit after a crash.
#include "store/sqlite_wal.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <vector>
#include <string>
#include <thread>

#include "common/clock.h"
#include "store/database.h"
#include "store/sqlite_connection.h"
#include "testing/temp_dir.h"

namespace xinan::store {
namespace {

namespace fs = std::filesystem;

// A new temporary folder holding a (one-byte) WAL file for the database `name`.
struct DirWithWal : testing::TempDir {
  explicit DirWithWal(const std::string& name) : TempDir("xinan_wal_") {
    std::ofstream(path() / (name + "-wal")) << "x";
  }
};

int64_t SizeOf(const fs::path& p) {
  std::error_code ec;
  auto n = fs::file_size(p, ec);
  return ec ? 0 : static_cast<int64_t>(n);
}

TEST(WalCheckpointer, ContinuousWritesKeepTheWalBounded) {
  testing::TempDir tmp("xinan_wal_");
  const fs::path& dir = tmp.path();
  fs::path db_path = dir / "w.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                             "CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)",
                         nullptr, nullptr, nullptr), SQLITE_OK);
  constexpr int kRestartPages = 400;
  constexpr int kWrites = 3000;  // ≥ 1 page each: 12 MB of WAL if it were never emptied
  int64_t largest = 0;
  {
    // No background checkpoint here (its threshold is never reached), so the bound does not
    // depend on how long this disk takes to sync one: only the restarting checkpoint runs.
    WalCheckpointer checkpointer(db_path.string(), {/*checkpoint_pages=*/1 << 30, kRestartPages});
    sqlite3_wal_hook(db, &WalCheckpointer::OnCommit, &checkpointer);
    sqlite3_stmt* insert = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "INSERT INTO t (body) VALUES (zeroblob(4000))", -1, &insert, nullptr),
              SQLITE_OK);
    for (int i = 0; i < kWrites; ++i) {
      ASSERT_EQ(sqlite3_step(insert), SQLITE_DONE);
      sqlite3_reset(insert);
      checkpointer.RestartIfWanted(db, 5000);  // as the write connection does after each COMMIT
      if (i % 50 == 0) largest = std::max(largest, SizeOf(fs::path(db_path.string() + "-wal")));
    }
    sqlite3_finalize(insert);
    sqlite3_wal_hook(db, nullptr, nullptr);
  }
  // Without the restarting checkpoint the WAL only grows: ≥ kWrites pages by the end.
  EXPECT_LT(largest, int64_t{kRestartPages + 100} * 4096) << "largest WAL " << largest << " bytes";
  sqlite3_stmt* count = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM t", -1, &count, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), kWrites);
  sqlite3_finalize(count);
  sqlite3_close(db);
}

TEST(WalCheckpointer, WakesAfterEachChunkOfNewFramesAndAtEveryCommitNearTheRestart) {
  WalCheckpointLimits limits{/*checkpoint_pages=*/500, /*restart_pages=*/65536};
  struct Case {
    int wal_pages, last_woken;
    bool wake;
  } cases[] = {
      {499, 0, false},      // the first chunk is not full yet
      {500, 0, true},
      {520, 500, false},    // a checkpoint began at 500: 20 new frames
      {999, 500, false},
      {1000, 500, true},
      {30, 64000, false},   // the WAL started over since: 30 new frames
      {600, 64000, true},
      {65285, 65000, false},
      {65286, 65280, true}, // within half a chunk of the restart: every commit
      {65400, 65399, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(WantsCheckpoint(c.wal_pages, c.last_woken, limits), c.wake)
        << c.wal_pages << " frames, last woken at " << c.last_woken;
  }
  // No background checkpoint at all when its chunk is larger than the restart limit.
  EXPECT_FALSE(WantsCheckpoint(399, 0, {1 << 30, 400}));
}

TEST(WalCheckpointer, NearTheRestartMeansWithinSixChunks) {
  WalCheckpointLimits limits{/*checkpoint_pages=*/500, /*restart_pages=*/65536};
  struct Case {
    int wal_pages;
    bool near;
  } cases[] = {{0, false}, {62535, false}, {62536, true}, {65536, true}, {70000, true}};
  for (const auto& c : cases) EXPECT_EQ(NearRestart(c.wal_pages, limits), c.near) << c.wal_pages;
}

// A read still using the WAL does not hold the writer for the busy timeout (5 s) at each commit:
// the restart gives up after a short wait, and succeeds once the read has ended.
TEST(WalCheckpointer, RestartDoesNotWaitLongForAReader) {
  testing::TempDir tmp("xinan_wal_");
  const fs::path& dir = tmp.path();
  std::string path = (dir / "r.db").string();
  sqlite3* db = nullptr;
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB); "
                             "INSERT INTO t (body) VALUES (zeroblob(100))", nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_open(path.c_str(), &reader), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN; SELECT COUNT(*) FROM t", nullptr, nullptr, nullptr), SQLITE_OK);
  auto wal_frames = [&] {
    int log = -1, done = -1;
    sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
    return log;
  };
  {
    WalCheckpointer checkpointer(path, {/*checkpoint_pages=*/1 << 30, /*restart_pages=*/20});
    sqlite3_wal_hook(db, &WalCheckpointer::OnCommit, &checkpointer);
    for (int i = 0; i < 30; ++i) {
      ASSERT_EQ(sqlite3_exec(db, "INSERT INTO t (body) VALUES (zeroblob(4000))", nullptr, nullptr, nullptr), SQLITE_OK);
    }
    auto start = std::chrono::steady_clock::now();
    checkpointer.RestartIfWanted(db, 5000);
    auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_LT(waited, std::chrono::milliseconds(1000));
    EXPECT_GE(wal_frames(), 30);  // not restarted while the read goes on
    ASSERT_EQ(sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    std::this_thread::sleep_for(std::chrono::milliseconds(WalCheckpointer::kRestartRetryMillis + 20));
    ASSERT_EQ(sqlite3_exec(db, "INSERT INTO t (body) VALUES (zeroblob(10))", nullptr, nullptr, nullptr), SQLITE_OK);
    checkpointer.RestartIfWanted(db, 5000);
    ASSERT_EQ(sqlite3_exec(db, "INSERT INTO t (body) VALUES (zeroblob(10))", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_LT(wal_frames(), 5);  // written from the start again
    sqlite3_wal_hook(db, nullptr, nullptr);
  }
  sqlite3_close(reader);
  sqlite3_close(db);
}

// Callers that arrive while a sync runs share the next one, and none returns before a sync that
// began after its call has finished (a sync already running may have missed its writes).
TEST(WalSync, CallersArrivingDuringASyncShareTheNextOneThatBeganAfterThem) {
  DirWithWal tmp("s.db");
  const fs::path& dir = tmp.path();
  using Clock = std::chrono::steady_clock;
  constexpr int kCallers = 6;
  std::atomic<bool> first_began{false};
  std::atomic<int> arrived{0};
  std::vector<std::pair<Clock::time_point, Clock::time_point>> syncs;  // began, ended (one runs at a time)
  WalSync sync((dir / "s.db").string(), [&](int) {
    auto began = Clock::now();
    if (syncs.empty()) {  // the first sync lasts until every late caller has called
      first_began = true;
      while (arrived.load() < kCallers) std::this_thread::yield();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));  // time for them to wait
    syncs.emplace_back(began, Clock::now());
    return 0;
  });
  std::thread first([&] { EXPECT_TRUE(sync.Sync().ok()); });
  while (!first_began) std::this_thread::yield();
  std::vector<std::pair<Clock::time_point, Clock::time_point>> calls(kCallers);  // called, returned
  std::vector<std::thread> callers;
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back([&, i] {
      calls[i].first = Clock::now();
      ++arrived;
      EXPECT_TRUE(sync.Sync().ok());
      calls[i].second = Clock::now();
    });
  }
  first.join();
  for (auto& t : callers) t.join();
  EXPECT_EQ(sync.syncs(), 2u) << "the six late callers share one sync";
  ASSERT_EQ(syncs.size(), 2u);
  for (const auto& [called, returned] : calls) {
    bool covered = std::any_of(syncs.begin(), syncs.end(), [&](const auto& s) {
      return s.first >= called && s.second <= returned;
    });
    EXPECT_TRUE(covered) << "returned without a sync that began after the call";
  }
}

// The kernel reports a failed writeback once; a later fdatasync that succeeds proves nothing.
TEST(WalSync, AFailedSyncFailsEveryLaterCallWithoutSyncingAgain) {
  DirWithWal tmp("f.db");
  const fs::path& dir = tmp.path();
  int calls = 0;
  WalSync sync((dir / "f.db").string(), [&](int) {
    ++calls;
    if (calls > 1) return 0;
    errno = EIO;
    return -1;
  });
  Status first = sync.Sync();
  EXPECT_FALSE(first.ok());
  EXPECT_NE(first.detail().find("fdatasync"), std::string::npos) << first.detail();
  EXPECT_FALSE(sync.Sync().ok());
  EXPECT_EQ(calls, 1);
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Zeros go after the end and only there; a file already long enough is left alone.
TEST(ExtendWithZeros, AppendsZerosAfterTheEndOnly) {
  struct Case {
    std::string before;
    int64_t target;
    int64_t appended;  // expected
  };
  const int64_t mb = 1 << 20;
  const Case cases[] = {
      {"", 5, 5},
      {"abc", 3 * mb + 7, 3 * mb + 4},  // more than one 1 MB chunk, and a partial one
      {"abc", 3, 0},                    // exactly long enough
      {"abcdef", 4, 0},                 // longer: not truncated
  };
  for (const Case& c : cases) {
    DirWithWal tmp("z.db");
    fs::path file = tmp.path() / "z.db-wal";
    std::ofstream(file, std::ios::binary | std::ios::trunc) << c.before;
    Result<int64_t> appended = ExtendWithZeros(file.string(), c.target);
    ASSERT_TRUE(appended.ok()) << appended.status().ToString();
    EXPECT_EQ(*appended, c.appended) << c.before << " -> " << c.target;
    std::string after = ReadAll(file);
    ASSERT_EQ(static_cast<int64_t>(after.size()), std::max<int64_t>(c.target, c.before.size()));
    EXPECT_EQ(after.substr(0, c.before.size()), c.before);
    EXPECT_EQ(after.find_first_not_of('\0', c.before.size()), std::string::npos);
    }
}

TEST(ExtendWithZeros, AMissingFileIsAnErrorNamingIt) {
  Result<int64_t> r = ExtendWithZeros("/nonexistent-xinan/x.db-wal", 4096);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().detail().find("/nonexistent-xinan/x.db-wal"), std::string::npos);
}

// What is on disk after a crash (the files as written and synced, copied while the database is
// still open) opens with every acknowledged row: SQLite's recovery stops at the zeros that
// follow the last frame, and the frames written before the reservation are kept.
TEST(ReserveWal, ACrashImageOfAReservedWalRecoversEveryCommit) {
  testing::TempDir tmp("xinan_wal_");
  const fs::path& dir = tmp.path();
  const std::string path = (dir / "r.db").string();
  const int64_t reserve = 4 << 20;
  {
    auto opened = OpenSqlite(path, /*read_only=*/false);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    Connection& c = **opened;
    ASSERT_TRUE(c.ExecScript("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)").ok());
    auto insert = [&](int from, int to) {
      for (int i = from; i < to; ++i) {
        ASSERT_TRUE(c.Exec("INSERT INTO t (id, body) VALUES ($1, $2)", {i, std::string(300, 'a' + i % 26)}).ok());
      }
      ASSERT_TRUE(c.DurabilityBarrier()().ok());
    };
    insert(0, 50);  // frames already in the WAL when it is extended
    Result<int64_t> appended = ReserveWal(c, path, reserve);
    ASSERT_TRUE(appended.ok()) << appended.status().ToString();
    EXPECT_GT(*appended, 0);
    EXPECT_EQ(SizeOf(path + "-wal"), reserve);
    insert(50, 100);  // frames written over the zeros
    fs::create_directories(dir / "image");
    fs::copy_file(path, dir / "image" / "r.db");
    fs::copy_file(path + "-wal", dir / "image" / "r.db-wal");
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "image" / "r.db").c_str(), &db), SQLITE_OK);
  auto scalar = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK);
    EXPECT_EQ(sqlite3_step(st), SQLITE_ROW);
    std::string v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
  };
  EXPECT_EQ(scalar("SELECT count(*) FROM t"), "100");
  EXPECT_EQ(scalar("SELECT body FROM t WHERE id = 99"), std::string(300, 'a' + 99 % 26));
  EXPECT_EQ(scalar("PRAGMA integrity_check"), "ok");
  sqlite3_close(db);
}

}  // namespace
}  // namespace xinan::store

namespace xinan::store {
namespace {

// A clean close of the write connection leaves the database file complete (the WAL copied in and
// cut to nothing), even with a read connection still open: a copy of the file alone, taken while
// xinan is stopped, holds every commit.
TEST(SqliteClose, TheWriterCheckpointsAndTruncatesTheWal) {
  testing::TempDir tmp("xinan_close_");
  const std::string path = tmp.File("c.db");
  auto writer = OpenSqlite(path, /*read_only=*/false);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  ASSERT_TRUE((*writer)->ExecScript("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2), (3)").ok());
  auto reader = OpenSqlite(path, /*read_only=*/true);
  ASSERT_TRUE(reader.ok());
  ASSERT_EQ((*reader)->Query("SELECT COUNT(*) FROM t")->at(0).Int(0), 3);
  ASSERT_GT(std::filesystem::file_size(path + "-wal"), 0u) << "the rows are in the WAL first";
  writer->reset();  // the server's shutdown; the read pool closes after
  EXPECT_EQ(std::filesystem::file_size(path + "-wal"), 0u);
  reader->reset();
  const std::string copy = tmp.File("copy.db");
  std::filesystem::copy_file(path, copy);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(copy.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM t", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 3) << "the database file alone has every row";
  sqlite3_finalize(st);
  sqlite3_close_v2(db);
}

// Through the Database: a read served from the pool keeps its connection's snapshot open, which
// kept the closing writer from truncating the WAL; closing ends the snapshots first.
TEST(SqliteClose, ADatabaseWithAnOpenReadSnapshotStillLeavesAnEmptyWal) {
  testing::TempDir tmp("xinan_close_db_");
  const std::string path = tmp.File("d.db");
  SystemClock clock;
  DatabaseOptions o;
  o.url = "sqlite:" + path;
  o.clock = &clock;
  o.wal_reserve_bytes = 0;
  {
    auto db = OpenDatabase(o);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)->Write([](WriteContext& w) {
      return w.conn().ExecScript("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1)");
    }).ok());
    int64_t n = 0;
    ASSERT_TRUE((*db)->Read([&](Connection& c) -> Status {
      XINAN_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT COUNT(*) FROM t"));
      n = rows[0].Int(0);
      return Status::Ok();
    }).ok());
    ASSERT_EQ(n, 1);
    ASSERT_GT(std::filesystem::file_size(path + "-wal"), 0u);
  }
  EXPECT_EQ(std::filesystem::file_size(path + "-wal"), 0u) << "the whole WAL is in the database file";
}

}  // namespace
}  // namespace xinan::store
