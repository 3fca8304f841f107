// WalWriteVfs: the SQLite VFS of the group commit's write connection. It wraps the default VFS
// and changes one thing: the WAL frames a commit writes are gathered in memory and reach the
// file with one write when the commit frame is complete, instead of two writes per frame (its
// 24-byte header, then the page). Each of those writes took the kernel's whole write path, and
// a 4,120-byte frame straddles two file pages, so a frame cost three page updates instead of
// about one.
//
// Nothing another connection can see changes: readers and the checkpoint use frames only up to
// the end the wal-index header announces, and that header is written after the commit frame.
// Every other use of the WAL file (a read, a sync, its size, a truncation) and the database
// file's shared-memory barrier, which SQLite calls while it publishes a new header, first write
// what is gathered. A write that fails inside that barrier cannot be reported to SQLite; it is
// kept in failed(), and the write connection's durability barrier then fails, so the batch is
// not acknowledged and no later one is (as after a failed fdatasync).
#pragma once

#include <atomic>
#include <memory>
#include <string>

struct sqlite3_vfs;

namespace xinan::store {

class WalWriteVfs {
 public:
  // Registers a VFS under a name of its own (not the default one), for one connection.
  WalWriteVfs();
  // Unregisters it: the connection opened with it must be closed first.
  ~WalWriteVfs();
  WalWriteVfs(const WalWriteVfs&) = delete;
  WalWriteVfs& operator=(const WalWriteVfs&) = delete;

  // The name to pass to sqlite3_open_v2.
  const char* name() const { return name_.c_str(); }
  // Whether gathered frames could not be written where the failure could not be returned.
  // Thread-safe.
  bool failed() const;

 private:
  std::string name_;
  std::unique_ptr<sqlite3_vfs> vfs_;
};

}  // namespace xinan::store
