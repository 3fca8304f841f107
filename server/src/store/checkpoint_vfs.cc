#include "store/checkpoint_vfs.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>

#include "store/sqlite_wal.h"
#include "store/vfs_shim.h"

namespace xinan::store {
namespace {

using vfs_shim::M;
using vfs_shim::Real;

struct VfsData : vfs_shim::AppData {
  WalSync* wal_sync = nullptr;
  std::atomic<bool> sliced{true};
};

VfsData* DataOf(sqlite3_vfs* vfs) {
  return static_cast<VfsData*>(static_cast<vfs_shim::AppData*>(vfs->pAppData));
}

// Our file object; the default VFS's file object follows it in the same allocation.
struct CheckpointFile {
  vfs_shim::ShimFile shim;
  WalSync* wal_sync;                // set for the WAL file only
  const std::atomic<bool>* sliced;  // the VFS's switch for the database file's sync
  int db_fd;                        // our own descriptor of the main database file, else -1
  int unused;
};
static_assert(sizeof(CheckpointFile) % 8 == 0, "the wrapped file object must stay aligned");

// Writes the file's dirty pages back slice by slice, each written before the next is queued,
// so the disk never holds more than one slice of them ahead of a WAL sync. 0, or -1 (errno).
int WriteBackInSlices(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return -1;
  off_t slice = WritebackSliceBytes(st.st_size, CheckpointVfs::kWritebackSlices, CheckpointVfs::kMinSliceBytes);
  for (off_t offset = 0; offset < st.st_size; offset += slice) {
    if (::sync_file_range(fd, offset, slice, SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER) != 0) return -1;
  }
  return 0;
}

int Sync(sqlite3_file* f, int flags) {
  auto* c = reinterpret_cast<CheckpointFile*>(f);
  if (c->wal_sync) return c->wal_sync->Sync().ok() ? SQLITE_OK : SQLITE_IOERR_FSYNC;
  if (c->db_fd >= 0 && c->sliced->load() && WriteBackInSlices(c->db_fd) != 0) {
    return SQLITE_IOERR_FSYNC;
  }
  return M(f)->xSync(Real(f), flags);  // the fdatasync that makes it durable
}

int Close(sqlite3_file* f) {
  auto* c = reinterpret_cast<CheckpointFile*>(f);
  if (c->db_fd >= 0) ::close(c->db_fd);
  return M(f)->xClose(Real(f));
}

const sqlite3_io_methods kMethods = [] {
  sqlite3_io_methods m = vfs_shim::ForwardingMethods();
  m.xClose = Close;
  m.xSync = Sync;
  return m;
}();

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  VfsData* data = DataOf(vfs);
  auto* c = reinterpret_cast<CheckpointFile*>(f);
  c->wal_sync = (flags & SQLITE_OPEN_WAL) ? data->wal_sync : nullptr;
  c->sliced = &data->sliced;
  c->db_fd = -1;
  int rc = vfs_shim::OpenForwarding(vfs, sizeof(CheckpointFile), &kMethods, name, f, flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  if ((flags & SQLITE_OPEN_MAIN_DB) && name) c->db_fd = ::open(name, O_RDONLY | O_CLOEXEC);
  return SQLITE_OK;
}

std::atomic<int> next_id{0};

}  // namespace

off_t WritebackSliceBytes(off_t file_size, int slices, off_t min_bytes) {
  off_t part = slices > 0 ? (file_size + slices - 1) / slices : file_size;
  return std::max(part, min_bytes);
}

CheckpointVfs::CheckpointVfs(std::shared_ptr<WalSync> wal_sync)
    : wal_sync_(std::move(wal_sync)), name_("xinan-checkpoint-" + std::to_string(next_id++)) {
  auto* data = new VfsData;
  data->wal_sync = wal_sync_.get();
  vfs_ = vfs_shim::Register(name_, sizeof(CheckpointFile), Open, data);
}

void CheckpointVfs::SetSlicedWriteback(bool on) { DataOf(vfs_.get())->sliced.store(on); }

CheckpointVfs::~CheckpointVfs() {
  sqlite3_vfs_unregister(vfs_.get());
  delete DataOf(vfs_.get());
}

}  // namespace xinan::store
