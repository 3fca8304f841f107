#include "store/checkpoint_vfs.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>

#include "store/sqlite_wal.h"

namespace xinan::store {
namespace {

// Our file object; the default VFS's file object follows it in the same allocation.
struct ShimFile {
  sqlite3_file base;
  sqlite3_file* real;
  WalSync* wal_sync;                // set for the WAL file only
  const std::atomic<bool>* sliced;  // the VFS's switch for the database file's sync
  int db_fd;                        // our own descriptor of the main database file, else -1
  int unused;
};
static_assert(sizeof(ShimFile) % 8 == 0, "the wrapped file object must stay aligned");

sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f)->real; }
const sqlite3_io_methods* M(sqlite3_file* f) { return Real(f)->pMethods; }

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
  auto* shim = reinterpret_cast<ShimFile*>(f);
  if (shim->wal_sync) return shim->wal_sync->Sync().ok() ? SQLITE_OK : SQLITE_IOERR_FSYNC;
  if (shim->db_fd >= 0 && shim->sliced->load() && WriteBackInSlices(shim->db_fd) != 0) {
    return SQLITE_IOERR_FSYNC;
  }
  return M(f)->xSync(Real(f), flags);  // the fdatasync that makes it durable
}

int Close(sqlite3_file* f) {
  auto* shim = reinterpret_cast<ShimFile*>(f);
  if (shim->db_fd >= 0) ::close(shim->db_fd);
  return M(f)->xClose(Real(f));
}
int Read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) { return M(f)->xRead(Real(f), buf, n, off); }
int Write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  return M(f)->xWrite(Real(f), buf, n, off);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) { return M(f)->xTruncate(Real(f), size); }
int FileSize(sqlite3_file* f, sqlite3_int64* size) { return M(f)->xFileSize(Real(f), size); }
int Lock(sqlite3_file* f, int level) { return M(f)->xLock(Real(f), level); }
int Unlock(sqlite3_file* f, int level) { return M(f)->xUnlock(Real(f), level); }
int CheckReservedLock(sqlite3_file* f, int* out) { return M(f)->xCheckReservedLock(Real(f), out); }
int FileControl(sqlite3_file* f, int op, void* arg) { return M(f)->xFileControl(Real(f), op, arg); }
int SectorSize(sqlite3_file* f) { return M(f)->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) { return M(f)->xDeviceCharacteristics(Real(f)); }
int ShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return M(f)->xShmMap(Real(f), region, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) { return M(f)->xShmLock(Real(f), offset, n, flags); }
void ShmBarrier(sqlite3_file* f) { M(f)->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int remove) { return M(f)->xShmUnmap(Real(f), remove); }
int Fetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
  if (M(f)->iVersion < 3) {
    *out = nullptr;  // no memory mapping: SQLite reads instead
    return SQLITE_OK;
  }
  return M(f)->xFetch(Real(f), off, n, out);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
  return M(f)->iVersion < 3 ? SQLITE_OK : M(f)->xUnfetch(Real(f), off, p);
}

// Version 3 like the unix VFS's files; the shared-memory calls exist only for files that have
// them, and SQLite uses them only on the database file of a WAL connection (unix: always).
const sqlite3_io_methods kMethods = {
    3, Close, Read, Write, Truncate, Sync, FileSize, Lock, Unlock, CheckReservedLock, FileControl,
    SectorSize, DeviceCharacteristics, ShmMap, ShmLock, ShmBarrier, ShmUnmap, Fetch, Unfetch,
};

struct VfsData {
  sqlite3_vfs* base;
  WalSync* wal_sync;
  std::atomic<bool> sliced{true};
};

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* data = static_cast<VfsData*>(vfs->pAppData);
  auto* shim = reinterpret_cast<ShimFile*>(f);
  shim->base.pMethods = nullptr;
  shim->real = reinterpret_cast<sqlite3_file*>(shim + 1);
  shim->real->pMethods = nullptr;
  shim->wal_sync = (flags & SQLITE_OPEN_WAL) ? data->wal_sync : nullptr;
  shim->sliced = &data->sliced;
  shim->db_fd = -1;
  int rc = data->base->xOpen(data->base, name, shim->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    if (shim->real->pMethods) shim->real->pMethods->xClose(shim->real);
    return rc;
  }
  if ((flags & SQLITE_OPEN_MAIN_DB) && name) shim->db_fd = ::open(name, O_RDONLY | O_CLOEXEC);
  shim->base.pMethods = &kMethods;
  return SQLITE_OK;
}

sqlite3_vfs* BaseOf(sqlite3_vfs* vfs) { return static_cast<VfsData*>(vfs->pAppData)->base; }
int Delete(sqlite3_vfs* v, const char* name, int sync_dir) { return BaseOf(v)->xDelete(BaseOf(v), name, sync_dir); }
int Access(sqlite3_vfs* v, const char* name, int flags, int* out) {
  return BaseOf(v)->xAccess(BaseOf(v), name, flags, out);
}
int FullPathname(sqlite3_vfs* v, const char* name, int n, char* out) {
  return BaseOf(v)->xFullPathname(BaseOf(v), name, n, out);
}
void* DlOpen(sqlite3_vfs* v, const char* name) { return BaseOf(v)->xDlOpen(BaseOf(v), name); }
void DlError(sqlite3_vfs* v, int n, char* out) { BaseOf(v)->xDlError(BaseOf(v), n, out); }
void (*DlSym(sqlite3_vfs* v, void* lib, const char* sym))(void) { return BaseOf(v)->xDlSym(BaseOf(v), lib, sym); }
void DlClose(sqlite3_vfs* v, void* lib) { BaseOf(v)->xDlClose(BaseOf(v), lib); }
int Randomness(sqlite3_vfs* v, int n, char* out) { return BaseOf(v)->xRandomness(BaseOf(v), n, out); }
int Sleep(sqlite3_vfs* v, int micros) { return BaseOf(v)->xSleep(BaseOf(v), micros); }
int CurrentTime(sqlite3_vfs* v, double* out) { return BaseOf(v)->xCurrentTime(BaseOf(v), out); }
int GetLastError(sqlite3_vfs* v, int n, char* out) { return BaseOf(v)->xGetLastError(BaseOf(v), n, out); }
int CurrentTimeInt64(sqlite3_vfs* v, sqlite3_int64* out) {
  sqlite3_vfs* base = BaseOf(v);
  if (base->iVersion >= 2 && base->xCurrentTimeInt64) return base->xCurrentTimeInt64(base, out);
  double days = 0;
  int rc = base->xCurrentTime(base, &days);
  *out = static_cast<sqlite3_int64>(days * 86400000.0);
  return rc;
}

std::atomic<int> next_id{0};

}  // namespace

off_t WritebackSliceBytes(off_t file_size, int slices, off_t min_bytes) {
  off_t part = slices > 0 ? (file_size + slices - 1) / slices : file_size;
  return std::max(part, min_bytes);
}

CheckpointVfs::CheckpointVfs(std::shared_ptr<WalSync> wal_sync)
    : wal_sync_(std::move(wal_sync)), name_("xinan-checkpoint-" + std::to_string(next_id++)),
      vfs_(std::make_unique<sqlite3_vfs>()) {
  sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
  auto* data = new VfsData{base, wal_sync_.get()};
  *vfs_ = sqlite3_vfs{};
  vfs_->iVersion = 2;
  vfs_->szOsFile = static_cast<int>(sizeof(ShimFile)) + base->szOsFile;
  vfs_->mxPathname = base->mxPathname;
  vfs_->zName = name_.c_str();
  vfs_->pAppData = data;
  vfs_->xOpen = Open;
  vfs_->xDelete = Delete;
  vfs_->xAccess = Access;
  vfs_->xFullPathname = FullPathname;
  vfs_->xDlOpen = DlOpen;
  vfs_->xDlError = DlError;
  vfs_->xDlSym = DlSym;
  vfs_->xDlClose = DlClose;
  vfs_->xRandomness = Randomness;
  vfs_->xSleep = Sleep;
  vfs_->xCurrentTime = CurrentTime;
  vfs_->xGetLastError = GetLastError;
  vfs_->xCurrentTimeInt64 = CurrentTimeInt64;
  sqlite3_vfs_register(vfs_.get(), 0);
}

void CheckpointVfs::SetSlicedWriteback(bool on) { static_cast<VfsData*>(vfs_->pAppData)->sliced.store(on); }

CheckpointVfs::~CheckpointVfs() {
  sqlite3_vfs_unregister(vfs_.get());
  delete static_cast<VfsData*>(vfs_->pAppData);
}

}  // namespace xinan::store
