// WalWriteVfs (the write connection's VFS): a commit's WAL frames reach the file in one write,
// and nothing that was committed is missing from the file when COMMIT returns (a crash image
// taken then recovers it) or when a reader on another connection looks.
#include "store/wal_write_vfs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "security/tokens.h"
#include "store/sqlite_connection.h"
#include "testing/temp_dir.h"

namespace xinan::store {
namespace {

namespace fs = std::filesystem;

// Write system calls this process has made so far (/proc/self/io), or -1.
int64_t WriteSyscalls() {
  std::ifstream io("/proc/self/io");
  std::string key;
  int64_t value = 0;
  while (io >> key >> value) {
    if (key == "syscw:") return value;
  }
  return -1;
}

class WalWriteVfsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("g.db");
    auto opened = OpenSqlite(path_, /*read_only=*/false);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    writer_ = std::move(opened).value();
    ASSERT_TRUE(writer_->ExecScript("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)").ok());
  }
  void TearDown() override { writer_.reset(); }

  // Inserts rows [from, to) in one transaction of 1 KB rows.
  void Insert(int from, int to) {
    ASSERT_TRUE(writer_->ExecScript("BEGIN IMMEDIATE").ok());
    for (int i = from; i < to; ++i) {
      ASSERT_TRUE(writer_->Exec("INSERT INTO t (id, body) VALUES ($1, $2)", {i, Body(i)}).ok());
    }
    ASSERT_TRUE(writer_->ExecScript("COMMIT").ok());
  }
  static std::string Body(int i) { return std::string(1000, static_cast<char>('a' + i % 26)); }

  // Copies the database and its WAL as they are in the file system now, as a crash would leave
  // them (the page cache is what reaches the disk once synced), and opens the copy.
  sqlite3* OpenCrashImage() {
    fs::path image = dir_.path() / ("image_" + security::NewId());
    fs::create_directories(image);
    fs::copy_file(path_, image / "g.db");
    fs::copy_file(path_ + "-wal", image / "g.db-wal");
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open((image / "g.db").c_str(), &db), SQLITE_OK);
    return db;
  }

  static std::string Scalar(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    std::string v;
    if (sqlite3_step(st) == SQLITE_ROW) v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
  }

  testing::TempDir dir_{"xinan_gather_"};
  std::string path_;
  std::unique_ptr<Connection> writer_;
};

TEST_F(WalWriteVfsTest, ACommitOfManyFramesIsOneWrite) {
  Insert(0, 10);  // the WAL header and first frames are behind us
  int64_t before = WriteSyscalls();
  ASSERT_GE(before, 0) << "no /proc/self/io";
  Insert(10, 210);  // ~200 KB: about 50 frames, 100 writes if each went on its own
  int64_t writes = WriteSyscalls() - before;
  EXPECT_LE(writes, 4) << "the frames of one commit are written together";
}

TEST_F(WalWriteVfsTest, EveryCommitIsInTheFileWhenCommitReturns) {
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &reader), SQLITE_OK);  // the default VFS
  const int ends[] = {1, 2, 40, 41, 300};  // one-frame and many-frame commits
  int from = 0;
  for (int end : ends) {
    Insert(from, end);
    from = end;
    EXPECT_EQ(Scalar(reader, "SELECT count(*) FROM t"), std::to_string(end)) << "a reader sees the commit";
    sqlite3* image = OpenCrashImage();
    EXPECT_EQ(Scalar(image, "SELECT count(*) FROM t"), std::to_string(end)) << "the crash image has it";
    EXPECT_EQ(Scalar(image, "SELECT body FROM t WHERE id = " + std::to_string(end - 1)), Body(end - 1));
    sqlite3_close(image);
  }
  sqlite3_close(reader);
}

// A transaction larger than the page cache spills frames before its commit and then writes
// some pages again in place (SQLite rewrites the frame checksums afterwards), and one larger
// than the gathering limit is written in pieces.
TEST_F(WalWriteVfsTest, ATransactionLargerThanTheCacheAndTheGatheringLimitSurvives) {
  ASSERT_TRUE(writer_->ExecScript("PRAGMA cache_size=8").ok());
  ASSERT_TRUE(writer_->ExecScript("BEGIN IMMEDIATE").ok());
  for (int i = 0; i < 6000; ++i) {  // ~6 MB
    ASSERT_TRUE(writer_->Exec("INSERT INTO t (id, body) VALUES ($1, $2)", {i, Body(i)}).ok());
  }
  ASSERT_TRUE(writer_->Exec("UPDATE t SET body = $1 WHERE id < 20", {std::string(1000, '#')}).ok());
  ASSERT_TRUE(writer_->ExecScript("COMMIT").ok());
  sqlite3* image = OpenCrashImage();
  EXPECT_EQ(Scalar(image, "SELECT count(*) FROM t"), "6000");
  EXPECT_EQ(Scalar(image, "SELECT body FROM t WHERE id = 5"), std::string(1000, '#'));
  EXPECT_EQ(Scalar(image, "SELECT body FROM t WHERE id = 5999"), Body(5999));
  EXPECT_EQ(Scalar(image, "PRAGMA integrity_check"), "ok");
  sqlite3_close(image);
}

}  // namespace
}  // namespace xinan::store
