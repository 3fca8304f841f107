#include "store/vfs_shim.h"

#include <unistd.h>

#include <cerrno>

namespace xinan::store::vfs_shim {
namespace {

int Close(sqlite3_file* f) { return M(f)->xClose(Real(f)); }
int Read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) { return M(f)->xRead(Real(f), buf, n, off); }
int Write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  return M(f)->xWrite(Real(f), buf, n, off);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) { return M(f)->xTruncate(Real(f), size); }
int Sync(sqlite3_file* f, int flags) { return M(f)->xSync(Real(f), flags); }
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

sqlite3_vfs* BaseOf(sqlite3_vfs* vfs) { return static_cast<AppData*>(vfs->pAppData)->base; }
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

}  // namespace

sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f)->real; }
const sqlite3_io_methods* M(sqlite3_file* f) { return Real(f)->pMethods; }

// Version 3 like the unix VFS's files; the shared-memory calls exist only for files that have
// them, and SQLite uses them only on the database file of a WAL connection (unix: always).
sqlite3_io_methods ForwardingMethods() {
  return {3, Close, Read, Write, Truncate, Sync, FileSize, Lock, Unlock, CheckReservedLock, FileControl,
          SectorSize, DeviceCharacteristics, ShmMap, ShmLock, ShmBarrier, ShmUnmap, Fetch, Unfetch};
}

int OpenForwarding(sqlite3_vfs* vfs, size_t shim_bytes, const sqlite3_io_methods* methods,
                   const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* shim = reinterpret_cast<ShimFile*>(f);
  shim->base.pMethods = nullptr;
  shim->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + shim_bytes);
  shim->real->pMethods = nullptr;
  sqlite3_vfs* base = BaseOf(vfs);
  int rc = base->xOpen(base, name, shim->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    if (shim->real->pMethods) shim->real->pMethods->xClose(shim->real);
    return rc;
  }
  shim->base.pMethods = methods;
  return SQLITE_OK;
}

std::unique_ptr<sqlite3_vfs> Register(const std::string& name, size_t shim_bytes,
                                      int (*open)(sqlite3_vfs*, const char*, sqlite3_file*, int, int*),
                                      AppData* data) {
  sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
  data->base = base;
  auto vfs = std::make_unique<sqlite3_vfs>();
  *vfs = sqlite3_vfs{};
  vfs->iVersion = 2;
  vfs->szOsFile = static_cast<int>(shim_bytes) + base->szOsFile;
  vfs->mxPathname = base->mxPathname;
  vfs->zName = name.c_str();
  vfs->pAppData = data;
  vfs->xOpen = open;
  vfs->xDelete = Delete;
  vfs->xAccess = Access;
  vfs->xFullPathname = FullPathname;
  vfs->xDlOpen = DlOpen;
  vfs->xDlError = DlError;
  vfs->xDlSym = DlSym;
  vfs->xDlClose = DlClose;
  vfs->xRandomness = Randomness;
  vfs->xSleep = Sleep;
  vfs->xCurrentTime = CurrentTime;
  vfs->xGetLastError = GetLastError;
  vfs->xCurrentTimeInt64 = CurrentTimeInt64;
  sqlite3_vfs_register(vfs.get(), 0);
  return vfs;
}

bool Gathered::Continues(sqlite3_int64 offset) const {
  return !bytes_.empty() && offset == at_ + static_cast<sqlite3_int64>(bytes_.size());
}

void Gathered::Add(const void* buf, int n, sqlite3_int64 offset) {
  if (bytes_.empty()) at_ = offset;
  const char* p = static_cast<const char*>(buf);
  bytes_.insert(bytes_.end(), p, p + n);
}

int Gathered::Flush(int fd) {
  const char* p = bytes_.data();
  size_t left = bytes_.size();
  off_t at = at_;
  int rc = SQLITE_OK;
  while (left > 0) {
    ssize_t n = ::pwrite(fd, p, left, at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      rc = n < 0 && errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR_WRITE;
      break;
    }
    p += n;
    left -= static_cast<size_t>(n);
    at += n;
  }
  bytes_.clear();
  return rc;
}

}  // namespace xinan::store::vfs_shim
