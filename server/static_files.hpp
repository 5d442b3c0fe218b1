#pragma once
// The built web app (web/dist), served from memory: read once at startup, each compressible file
// gzip-compressed once. Caching: hashed build assets (/assets/name-HASH.ext, as Vite names them)
// are immutable for a year; index.html and every other file must be revalidated (no-cache, with a
// strong ETag). Paths without a file extension that name no file get index.html (the app's own
// routes). Every response carries the Content Security Policy.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.hpp"

namespace chatlens::server {

struct StaticFile {
  std::string content_type;
  std::shared_ptr<const std::string> body;
  std::shared_ptr<const std::string> gzip;  // null when not compressible or not smaller
  std::string etag;
  std::string cache_control;
};

class StaticFiles {
 public:
  // Reads every regular file under dir (hidden files and symbolic links to outside it skipped).
  static Result<StaticFiles> load(const std::filesystem::path& dir, size_t max_total_bytes = 256u << 20);
  // A stand-in app for when the web app is not built: one page that says how to build it.
  static StaticFiles placeholder();

  // Tells the web app where the community service is when it is not this origin: every HTML page
  // gets <meta name="chatlens-community" content="URL"> (web/src/community/client.ts reads it).
  void set_community_url(std::string_view url);

  // The origins the pages' own policies (<meta http-equiv="Content-Security-Policy">) allow
  // connections to besides their own: a community service the app was built for
  // (VITE_COMMUNITY_URL), and the one set_community_url added. Sorted, without duplicates.
  std::vector<std::string> connect_origins() const;

  // The file for a request path ("/", "/assets/index-3f9a1c2b.js", "/story" -> index.html).
  const StaticFile* find(std::string_view path) const;
  size_t size() const { return files_.size(); }

 private:
  void add(std::string path, std::string content);
  std::unordered_map<std::string, StaticFile> files_;  // by URL path: "/index.html"
};

// The media type for a file name (by extension); UTF-8 text types say so.
std::string_view media_type(std::string_view filename);
// Whether a URL path is a content-hashed build asset (cacheable forever).
bool is_hashed_asset(std::string_view path);

// The Content-Security-Policy value: web/index.html's policy plus frame-ancestors 'none'. Its
// connect-src is 'self', plus `community_url`'s origin when that is an absolute http(s) URL (the
// community service hosted elsewhere), plus the origins of `connect_origins` (those the served pages
// were built to connect to: StaticFiles::connect_origins()).
std::string content_security_policy(std::string_view community_url = {},
                                    const std::vector<std::string>& connect_origins = {});
// "https://host:port" of an absolute http(s) URL; empty otherwise.
std::string origin_of(std::string_view url);

}  // namespace chatlens::server
