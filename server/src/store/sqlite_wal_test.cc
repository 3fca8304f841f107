// WalCheckpointer: under continuous writes the WAL starts over once it passes its size limit
// (a passive checkpoint alone never catches up with a busy writer), and nothing is lost.
#include "store/sqlite_wal.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "security/tokens.h"

namespace xinan::store {
namespace {

namespace fs = std::filesystem;

int64_t SizeOf(const fs::path& p) {
  std::error_code ec;
  auto n = fs::file_size(p, ec);
  return ec ? 0 : static_cast<int64_t>(n);
}

TEST(WalCheckpointer, ContinuousWritesKeepTheWalBounded) {
  fs::path dir = fs::temp_directory_path() / ("xinan_wal_" + security::NewId());
  fs::create_directories(dir);
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
  fs::remove_all(dir);
}

}  // namespace
}  // namespace xinan::store
