#include "storage.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "postgres_storage.hpp"
#include "sqlite_storage.hpp"

namespace chatlens::server {

std::filesystem::path default_data_dir() {
  if (const char* dir = std::getenv("CHATLENS_DATA_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "chatlens";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".local" / "share" / "chatlens";
  return std::filesystem::path("chatlens-data");
}

std::string redact_url(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const size_t authority = scheme + 3;
  size_t end = url.find_first_of("/?#", authority);
  if (end == std::string_view::npos) end = url.size();
  const size_t at = url.rfind('@', end);
  if (at == std::string_view::npos || at < authority) return std::string(url);
  const size_t colon = url.find(':', authority);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

namespace {

// Creates the folders of `dir` that do not exist, each 0700: contributions are nobody else's
// business on this machine. Folders that exist are left as they are.
Status create_private_directories(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> missing;
  std::error_code ec;
  for (std::filesystem::path p = dir; !p.empty() && !std::filesystem::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it)
    if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST)
      return Status::error("cannot create the folder " + it->string() + ": " + std::strerror(errno));
  return Status::ok();
}

// A new database file is created 0600 before SQLite opens it (SQLite would use 0644, less the
// umask); its -wal and -shm files take the same mode from it.
Status create_private_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    return Status::ok();
  }
  if (errno == EEXIST) return Status::ok();
  return Status::error("cannot create the database " + path.string() + ": " + std::strerror(errno));
}

}  // namespace

Result<std::unique_ptr<Storage>> open_storage(const std::string& db, const std::filesystem::path& data_dir,
                                              const StorageOptions& options) {
  if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) {
    return open_postgres_storage(db, options);
  }
  std::filesystem::path path;
  if (db.empty()) {
    if (Status s = create_private_directories(data_dir); !s) return s;
    ::chmod(data_dir.c_str(), 0700);  // the service's own folder, even when it existed
    path = data_dir / "community.sqlite3";
  } else if (db.rfind("sqlite:", 0) == 0) {
    std::string rest = db.substr(7);
    if (rest.rfind("//", 0) == 0) rest = rest.substr(2);  // sqlite://PATH too
    if (rest.empty()) return Status::error("--db sqlite:PATH needs a PATH");
    if (rest == ":memory:" || rest.rfind("file:", 0) == 0)
      return Status::error("--db sqlite: needs a file path (contributions must survive a restart)");
    path = rest;
    if (path.has_parent_path())
      if (Status s = create_private_directories(path.parent_path()); !s) return s;
  } else {
    return Status::error("--db must be sqlite:PATH or a postgresql:// URL, not \"" + redact_url(db) + "\"");
  }
  if (Status s = create_private_file(path); !s) return s;
  return open_sqlite_storage(path, options);
}

namespace storage_detail {

std::string random_instance_id() {
  std::random_device rd;
  std::string out;
  static const char* hex = "0123456789abcdef";
  for (int i = 0; i < 4; ++i) {
    uint32_t v = rd();
    for (int k = 0; k < 4; ++k) {
      out += hex[(v >> 4) & 15];
      out += hex[v & 15];
      v >>= 8;
    }
  }
  return out;
}

}  // namespace storage_detail
}  // namespace chatlens::server
