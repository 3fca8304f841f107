// CheckpointVfs: the SQLite VFS of the background checkpoint's connection. It wraps the default
// VFS and changes only the two syncs of a checkpoint:
//  - the WAL's, before frames are copied, is a WalSync::Sync, shared with the group commit's
//    sync thread instead of a second fdatasync of the same file beside it;
//  - the database file's, once the whole WAL is copied, first writes the dirty pages back one
//    slice of the file at a time (sync_file_range, waiting for each) and only then fdatasyncs.
//    A plain fdatasync queued megabytes of random writes at once, and every WAL sync behind them
//    waited: the create p99 went from ~18 ms to ~12 ms with the slices (bench/README.md).
// Durability is unchanged: the fdatasync still runs, after the slices.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

struct sqlite3_vfs;

namespace xinan::store {

class WalSync;

// Length of each slice written back before a database file of `file_size` bytes is synced:
// the file in `slices` parts, none shorter than `min_bytes`.
off_t WritebackSliceBytes(off_t file_size, int slices, off_t min_bytes);

class CheckpointVfs {
 public:
  static constexpr int kWritebackSlices = 256;
  static constexpr off_t kMinSliceBytes = 256 << 10;

  // Registers a VFS under a name of its own (not the default one).
  explicit CheckpointVfs(std::shared_ptr<WalSync> wal_sync);
  // Unregisters it: every connection opened with it must be closed first.
  ~CheckpointVfs();
  CheckpointVfs(const CheckpointVfs&) = delete;
  CheckpointVfs& operator=(const CheckpointVfs&) = delete;

  // The name to pass to sqlite3_open_v2.
  const char* name() const { return name_.c_str(); }
  // Whether the database sync writes back in slices first (on at the start). A sliced write-back
  // takes tens of milliseconds on a large database; close to the WAL's restart the checkpoint
  // should rather keep copying, since what it has not copied by then the restart copies while
  // the writer waits. Thread-safe.
  void SetSlicedWriteback(bool on);

 private:
  std::shared_ptr<WalSync> wal_sync_;
  std::string name_;
  std::unique_ptr<sqlite3_vfs> vfs_;
};

}  // namespace xinan::store
