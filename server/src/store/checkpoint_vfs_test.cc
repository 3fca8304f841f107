// CheckpointVfs: a checkpoint on one of its connections syncs the WAL through the WalSync and
// leaves the database file complete; the write-back slice length rule.
#include "store/checkpoint_vfs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/sqlite_wal.h"
#include "testing/temp_dir.h"

namespace xinan::store {
namespace {

namespace fs = std::filesystem;

TEST(CheckpointVfs, WritebackSliceIsAShareOfTheFileButNeverTooShort) {
  struct Case {
    off_t file_size;
    int slices;
    off_t min_bytes, slice;
  } cases[] = {
      {0, 256, 256 << 10, 256 << 10},
      {10 << 20, 256, 256 << 10, 256 << 10},    // 40 KB parts: the minimum wins
      {100 << 20, 256, 256 << 10, 409600},      // 100 MB in 256 parts
      {100 << 20 | 1, 256, 256 << 10, 409601},  // rounded up: 256 slices cover the file
      {1000, 0, 1, 1000},                       // no slicing asked: one slice
  };
  for (const auto& c : cases) {
    EXPECT_EQ(WritebackSliceBytes(c.file_size, c.slices, c.min_bytes), c.slice)
        << c.file_size << " bytes in " << c.slices;
  }
}

int Count(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM t", -1, &stmt, nullptr) != SQLITE_OK) return -1;
  int n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  return n;
}

TEST(CheckpointVfs, ACheckpointSyncsTheWalThroughWalSyncAndFillsTheDatabaseFile) {
  testing::TempDir tmp("xinan_ckvfs_");
  const fs::path& dir = tmp.path();
  std::string path = (dir / "c.db").string();
  sqlite3* writer = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &writer), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                 "PRAGMA wal_autocheckpoint=0; "
                                 "CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)",
                         nullptr, nullptr, nullptr), SQLITE_OK);
  for (int i = 0; i < 200; ++i) {
    ASSERT_EQ(sqlite3_exec(writer, "INSERT INTO t (body) VALUES (randomblob(4000))", nullptr, nullptr, nullptr),
              SQLITE_OK);
  }
  auto wal_sync = std::make_shared<WalSync>(path);
  {
    CheckpointVfs vfs(wal_sync);
    sqlite3* checkpointer = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.c_str(), &checkpointer, SQLITE_OPEN_READWRITE, vfs.name()), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(checkpointer, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr), SQLITE_OK);
    int log = -1, copied = -1;
    ASSERT_EQ(sqlite3_wal_checkpoint_v2(checkpointer, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied),
              SQLITE_OK) << sqlite3_errmsg(checkpointer);
    EXPECT_GE(log, 200);
    EXPECT_EQ(copied, log);
    EXPECT_EQ(wal_sync->syncs(), 1u) << "the WAL's sync before copying went through WalSync";
    EXPECT_EQ(Count(checkpointer), 200);
    sqlite3_close(checkpointer);
  }
  // The database file alone, without its WAL, holds every row.
  std::string copy = (dir / "copy.db").string();
  fs::copy_file(path, copy);
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open(copy.c_str(), &reader), SQLITE_OK);
  EXPECT_EQ(Count(reader), 200);
  sqlite3_close(reader);
  sqlite3_close(writer);
}

}  // namespace
}  // namespace xinan::store
