#pragma once
// A SQLite VFS for tests that passes everything to the default VFS, except that while fail_writes
// is set, writing, truncating and syncing files fail as they do on a full disk (SQLITE_FULL).
// SQLite and the service then take their real error paths. Installed as the default VFS for the
// databases opened while it lives.
#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace chatlens::server::testing {

class FailingVfs {
 public:
  FailingVfs() {
    real_ = sqlite3_vfs_find(nullptr);
    vfs_ = *real_;
    vfs_.zName = "chatlens-failing";
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
    vfs_.pAppData = this;
    vfs_.xOpen = &FailingVfs::open;
    sqlite3_vfs_register(&vfs_, 1);
  }
  ~FailingVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
  }
  FailingVfs(const FailingVfs&) = delete;
  FailingVfs& operator=(const FailingVfs&) = delete;

  void fail_writes(bool on) { fail_.store(on); }

 private:
  struct File {
    sqlite3_file base;
    FailingVfs* vfs;
    sqlite3_file* real;  // follows this struct in the same allocation
  };
  static File* f(sqlite3_file* p) { return reinterpret_cast<File*>(p); }
  static sqlite3_file* r(sqlite3_file* p) { return f(p)->real; }
  static bool failing(sqlite3_file* p) { return f(p)->vfs->fail_.load(); }

  static int open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    auto* self = static_cast<FailingVfs*>(vfs->pAppData);
    File* wrapper = f(file);
    std::memset(wrapper, 0, sizeof(File));
    wrapper->vfs = self;
    wrapper->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + sizeof(File));
    const int rc = self->real_->xOpen(self->real_, name, wrapper->real, flags, out_flags);
    if (wrapper->real->pMethods) {
      // The same methods for every file of the default VFS: wrapped once.
      std::call_once(self->wrapped_, [&] { self->wrap(wrapper->real->pMethods); });
      wrapper->base.pMethods = &self->methods_;
    }
    return rc;
  }

  void wrap(const sqlite3_io_methods* real) {
    FailingVfs* self = this;
    {
      self->methods_ = *real;
      self->methods_.xClose = &close;
      self->methods_.xRead = [](sqlite3_file* p, void* b, int n, sqlite3_int64 o) {
        return r(p)->pMethods->xRead(r(p), b, n, o);
      };
      self->methods_.xWrite = [](sqlite3_file* p, const void* b, int n, sqlite3_int64 o) {
        return failing(p) ? SQLITE_FULL : r(p)->pMethods->xWrite(r(p), b, n, o);
      };
      self->methods_.xTruncate = [](sqlite3_file* p, sqlite3_int64 size) {
        return failing(p) ? SQLITE_FULL : r(p)->pMethods->xTruncate(r(p), size);
      };
      self->methods_.xSync = [](sqlite3_file* p, int flags) {
        return failing(p) ? SQLITE_FULL : r(p)->pMethods->xSync(r(p), flags);
      };
      self->methods_.xFileSize = [](sqlite3_file* p, sqlite3_int64* size) {
        return r(p)->pMethods->xFileSize(r(p), size);
      };
      self->methods_.xLock = [](sqlite3_file* p, int l) { return r(p)->pMethods->xLock(r(p), l); };
      self->methods_.xUnlock = [](sqlite3_file* p, int l) { return r(p)->pMethods->xUnlock(r(p), l); };
      self->methods_.xCheckReservedLock = [](sqlite3_file* p, int* out) {
        return r(p)->pMethods->xCheckReservedLock(r(p), out);
      };
      self->methods_.xFileControl = [](sqlite3_file* p, int op, void* arg) {
        return r(p)->pMethods->xFileControl(r(p), op, arg);
      };
      self->methods_.xSectorSize = [](sqlite3_file* p) { return r(p)->pMethods->xSectorSize(r(p)); };
      self->methods_.xDeviceCharacteristics = [](sqlite3_file* p) {
        return r(p)->pMethods->xDeviceCharacteristics(r(p));
      };
      self->methods_.xShmMap = [](sqlite3_file* p, int pg, int sz, int ext, void volatile** out) {
        return r(p)->pMethods->xShmMap(r(p), pg, sz, ext, out);
      };
      self->methods_.xShmLock = [](sqlite3_file* p, int off, int n, int fl) {
        return r(p)->pMethods->xShmLock(r(p), off, n, fl);
      };
      self->methods_.xShmBarrier = [](sqlite3_file* p) { r(p)->pMethods->xShmBarrier(r(p)); };
      self->methods_.xShmUnmap = [](sqlite3_file* p, int del) { return r(p)->pMethods->xShmUnmap(r(p), del); };
      self->methods_.xFetch = [](sqlite3_file* p, sqlite3_int64 o, int n, void** out) {
        return r(p)->pMethods->xFetch(r(p), o, n, out);
      };
      self->methods_.xUnfetch = [](sqlite3_file* p, sqlite3_int64 o, void* ptr) {
        return r(p)->pMethods->xUnfetch(r(p), o, ptr);
      };
    }
  }
  static int close(sqlite3_file* p) {
    const int rc = r(p)->pMethods->xClose(r(p));
    p->pMethods = nullptr;
    return rc;
  }

  sqlite3_vfs* real_;
  sqlite3_vfs vfs_;
  std::once_flag wrapped_;
  sqlite3_io_methods methods_{};
  std::atomic<bool> fail_{false};
};

}  // namespace chatlens::server::testing
