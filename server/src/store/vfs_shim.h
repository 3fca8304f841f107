// The plumbing shared by xinan's SQLite VFSs (CheckpointVfs, WalWriteVfs): a VFS registered
// under a name of its own that forwards every call to the default VFS, except the few a shim
// replaces. A shim's file object starts with ShimFile (its own fields may follow); the default
// VFS's file object comes after it in the same allocation.
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace xinan::store::vfs_shim {

struct ShimFile {
  sqlite3_file base;
  sqlite3_file* real;  // the default VFS's file object
};

// What a shim's sqlite3_vfs::pAppData points to: the default VFS first, then the shim's own.
struct AppData {
  sqlite3_vfs* base = nullptr;
};

sqlite3_file* Real(sqlite3_file* f);
const sqlite3_io_methods* M(sqlite3_file* f);  // the default VFS's methods of the file

// io methods that forward every call; a shim copies them and replaces what it changes.
sqlite3_io_methods ForwardingMethods();

// Opens `name` with the default VFS into the file object behind `f`, whose shim part is
// `shim_bytes` long, then sets `methods` on `f`. Closes the half-opened file on failure.
int OpenForwarding(sqlite3_vfs* vfs, size_t shim_bytes, const sqlite3_io_methods* methods,
                   const char* name, sqlite3_file* f, int flags, int* out_flags);

// A VFS called `name` (which must outlive it) whose files have `shim_bytes` of shim before the
// default VFS's, opened by `open`, with `data` as pAppData (data->base is set here). Registered
// (not as the default); the owner calls sqlite3_vfs_unregister once its connections are closed.
std::unique_ptr<sqlite3_vfs> Register(const std::string& name, size_t shim_bytes,
                                      int (*open)(sqlite3_vfs*, const char*, sqlite3_file*, int, int*),
                                      AppData* data);

// Writes to one file gathered in memory while each continues the one before, then written
// with one pwrite (the default VFS writes at most 128 KB per call, so through a descriptor of
// the shim's own). Not thread-safe: a connection's files are used by one thread at a time.
class Gathered {
 public:
  bool empty() const { return bytes_.empty(); }
  size_t size() const { return bytes_.size(); }
  // Whether a write at `offset` continues what is gathered (false when nothing is).
  bool Continues(sqlite3_int64 offset) const;
  // Appends a write; one that does not continue must come after a Flush.
  void Add(const void* buf, int n, sqlite3_int64 offset);
  // Writes what is gathered to `fd` and forgets it: SQLITE_OK, SQLITE_FULL or SQLITE_IOERR_WRITE.
  int Flush(int fd);

 private:
  std::vector<char> bytes_;
  sqlite3_int64 at_ = 0;
};

}  // namespace xinan::store::vfs_shim
