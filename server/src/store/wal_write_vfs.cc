#include "store/wal_write_vfs.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>

#include "store/vfs_shim.h"

namespace xinan::store {
namespace {

using vfs_shim::M;
using vfs_shim::Real;

constexpr int kFrameHeaderBytes = 24;
constexpr size_t kMaxGathered = 4 << 20;  // a larger transaction is written in pieces of this size

struct GatherFile;

struct VfsData : vfs_shim::AppData {
  GatherFile* wal = nullptr;  // the connection's open WAL file
  std::atomic<bool> failed{false};
};

VfsData* DataOf(sqlite3_vfs* vfs) {
  return static_cast<VfsData*>(static_cast<vfs_shim::AppData*>(vfs->pAppData));
}

// Our file object; the default VFS's file object follows it in the same allocation.
struct GatherFile {
  vfs_shim::ShimFile shim;
  VfsData* vfs;
  vfs_shim::Gathered* gathered;  // WAL file only: frames not yet written
  int fd;                        // WAL file only: our own descriptor, for the gathered writes
  bool commit_header;            // the last write was the header of a commit frame
};
static_assert(sizeof(GatherFile) % 8 == 0, "the wrapped file object must stay aligned");

GatherFile* G(sqlite3_file* f) { return reinterpret_cast<GatherFile*>(f); }

int Flush(GatherFile* g) { return g->gathered ? g->gathered->Flush(g->fd) : SQLITE_OK; }

// A frame header whose "database size after commit" field is set ends a transaction.
bool IsCommitHeader(const void* buf, int n) {
  if (n != kFrameHeaderBytes) return false;
  const auto* b = static_cast<const unsigned char*>(buf);
  return (b[4] | b[5] | b[6] | b[7]) != 0;
}

// A WAL write joins the gathered frames when it continues them. The page that completes a
// commit frame is written at once together with them. A commit frame's header that continues
// nothing is written at once too: that is a header SQLite rewrites after the frames (new
// checksums when a transaction wrote a page twice), and no page of it follows.
int Write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  GatherFile* g = G(f);
  if (!g->gathered) return M(f)->xWrite(Real(f), buf, n, off);
  const bool continues = g->gathered->Continues(off);
  if (!continues) {
    if (int rc = Flush(g); rc != SQLITE_OK) return rc;
  }
  const bool commit_header = IsCommitHeader(buf, n);
  const bool completes_commit = g->commit_header && n != kFrameHeaderBytes;
  g->commit_header = commit_header;
  if (commit_header && !continues) return M(f)->xWrite(Real(f), buf, n, off);
  g->gathered->Add(buf, n, off);
  if (completes_commit || g->gathered->size() >= kMaxGathered) return Flush(g);
  return SQLITE_OK;
}

// Every other use of the WAL file writes what is gathered first.
int FlushFirst(sqlite3_file* f) { return Flush(G(f)); }

int Close(sqlite3_file* f) {
  GatherFile* g = G(f);
  int flushed = Flush(g);
  if (g->gathered) {
    if (g->vfs->wal == g) g->vfs->wal = nullptr;
    delete g->gathered;
    g->gathered = nullptr;
    ::close(g->fd);
  }
  int rc = M(f)->xClose(Real(f));
  return flushed != SQLITE_OK ? flushed : rc;
}
int Read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
  if (int rc = FlushFirst(f); rc != SQLITE_OK) return rc;
  return M(f)->xRead(Real(f), buf, n, off);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (int rc = FlushFirst(f); rc != SQLITE_OK) return rc;
  return M(f)->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) {
  if (int rc = FlushFirst(f); rc != SQLITE_OK) return rc;
  return M(f)->xSync(Real(f), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  if (int rc = FlushFirst(f); rc != SQLITE_OK) return rc;
  return M(f)->xFileSize(Real(f), size);
}
int FileControl(sqlite3_file* f, int op, void* arg) {
  if (int rc = FlushFirst(f); rc != SQLITE_OK) return rc;
  return M(f)->xFileControl(Real(f), op, arg);
}
// SQLite calls the database file's barrier between the two copies of a new wal-index header:
// the frames it announces are in the file before a reader can take the header as valid.
void ShmBarrier(sqlite3_file* f) {
  VfsData* vfs = G(f)->vfs;
  if (vfs->wal && Flush(vfs->wal) != SQLITE_OK) vfs->failed = true;
  M(f)->xShmBarrier(Real(f));
}

const sqlite3_io_methods kMethods = [] {
  sqlite3_io_methods m = vfs_shim::ForwardingMethods();
  m.xClose = Close;
  m.xRead = Read;
  m.xWrite = Write;
  m.xTruncate = Truncate;
  m.xSync = Sync;
  m.xFileSize = FileSize;
  m.xFileControl = FileControl;
  m.xShmBarrier = ShmBarrier;
  return m;
}();

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  VfsData* data = DataOf(vfs);
  GatherFile* g = G(f);
  g->vfs = data;
  g->gathered = nullptr;
  g->fd = -1;
  g->commit_header = false;
  int rc = vfs_shim::OpenForwarding(vfs, sizeof(GatherFile), &kMethods, name, f, flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  // Without a descriptor of its own the WAL is written as SQLite writes it.
  if ((flags & SQLITE_OPEN_WAL) && name && (g->fd = ::open(name, O_WRONLY | O_CLOEXEC)) >= 0) {
    g->gathered = new vfs_shim::Gathered();
    data->wal = g;
  }
  return SQLITE_OK;
}

std::atomic<int> next_id{0};

}  // namespace

WalWriteVfs::WalWriteVfs() : name_("xinan-wal-write-" + std::to_string(next_id++)) {
  vfs_ = vfs_shim::Register(name_, sizeof(GatherFile), Open, new VfsData);
}

bool WalWriteVfs::failed() const { return DataOf(vfs_.get())->failed.load(); }

WalWriteVfs::~WalWriteVfs() {
  sqlite3_vfs_unregister(vfs_.get());
  delete DataOf(vfs_.get());
}

}  // namespace xinan::store
