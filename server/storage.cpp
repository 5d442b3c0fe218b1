#include "storage.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <random>

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

Result<std::unique_ptr<Storage>> open_storage(const std::string& db, const std::filesystem::path& data_dir,
                                              const StorageOptions& options) {
  if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) {
    return open_postgres_storage(db, options);
  }
  std::filesystem::path path;
  if (db.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec) return Status::error("cannot create the data folder " + data_dir.string() + ": " + ec.message());
    ::chmod(data_dir.c_str(), 0700);  // contributions are nobody else's business on this machine
    path = data_dir / "community.sqlite3";
  } else if (db.rfind("sqlite:", 0) == 0) {
    std::string rest = db.substr(7);
    if (rest.rfind("//", 0) == 0) rest = rest.substr(2);  // sqlite://PATH too
    if (rest.empty()) return Status::error("--db sqlite:PATH needs a PATH");
    if (rest == ":memory:" || rest.rfind("file:", 0) == 0)
      return Status::error("--db sqlite: needs a file path (contributions must survive a restart)");
    path = rest;
    if (path.has_parent_path()) {
      std::error_code ec;
      std::filesystem::create_directories(path.parent_path(), ec);
      if (ec) return Status::error("cannot create the folder " + path.parent_path().string() + ": " + ec.message());
    }
  } else {
    return Status::error("--db must be sqlite:PATH or a postgresql:// URL, not \"" + redact_url(db) + "\"");
  }
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
