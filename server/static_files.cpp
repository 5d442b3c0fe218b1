#include "static_files.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <utility>
#include <vector>

#include "compression.hpp"
#include "etag.hpp"

namespace chatlens::server {
namespace {

std::string_view extension_of(std::string_view name) {
  const size_t slash = name.rfind('/');
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return name.substr(dot + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

constexpr const char* kPlaceholder =
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>chatlens</title></head>"
    "<body>"
    "<h1>chatlens</h1><p>The community service is running, but the web app is not built here.</p>"
    "<p>Build it (<code>npm ci &amp;&amp; npm run build</code> in <code>web/</code>) and restart "
    "<code>chatlens serve</code>, or point it at a build with <code>--web DIR</code>.</p>"
    "<p>API: <a href=\"/api/v1/community\">/api/v1/community</a> &middot; <a href=\"/healthz\">/healthz</a></p>"
    "</body></html>\n";

}  // namespace

std::string_view media_type(std::string_view filename) {
  const std::string ext = lower(extension_of(filename));
  if (ext == "html" || ext == "htm") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "webmanifest") return "application/manifest+json";
  if (ext == "wasm") return "application/wasm";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "webp") return "image/webp";
  if (ext == "avif") return "image/avif";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "ttf") return "font/ttf";
  if (ext == "otf") return "font/otf";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "xml") return "application/xml";
  if (ext == "yaml" || ext == "yml") return "application/yaml";
  if (ext == "pdf") return "application/pdf";
  return "application/octet-stream";
}

bool is_hashed_asset(std::string_view path) {
  if (path.rfind("/assets/", 0) != 0) return false;
  const std::string_view name = path.substr(path.rfind('/') + 1);
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view stem = name.substr(0, dot);
  const size_t sep = stem.find_last_of("-.");
  if (sep == std::string_view::npos) return false;
  const std::string_view hash = stem.substr(sep + 1);
  if (hash.size() < 8) return false;
  bool digit_or_upper = false;
  for (char c : hash) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && c != '_' && c != '-') return false;
    digit_or_upper = digit_or_upper || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return digit_or_upper;  // a hash, not a word ("index-settings.js" is not hashed)
}

std::string origin_of(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  const std::string scheme = lower(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return {};
  const size_t host_start = scheme_end + 3;
  size_t end = url.find_first_of("/?#", host_start);
  if (end == std::string_view::npos) end = url.size();
  std::string_view authority = url.substr(host_start, end - host_start);
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (authority.empty()) return {};
  for (char c : authority)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
          c == ':' || c == '[' || c == ']'))
      return {};  // nothing that could break out of the header
  return scheme + "://" + lower(authority);
}

std::string content_security_policy(std::string_view community_url, const std::vector<std::string>& connect_origins) {
  // web/index.html's own policy (the built page carries it too), plus frame-ancestors, which only a
  // header can set. tests/server/service_parts_test.cpp keeps the two the same.
  std::string connect = "'self'";
  auto allow = [&connect](const std::string& origin) {
    if (origin.empty()) return;
    for (size_t at = connect.find(origin); at != std::string::npos; at = connect.find(origin, at + 1)) {
      const size_t end = at + origin.size();
      if (connect[at - 1] == ' ' && (end == connect.size() || connect[end] == ' ')) return;  // already there
    }
    connect += " " + origin;
  };
  for (const std::string& origin : connect_origins) allow(origin_of(origin));
  allow(origin_of(community_url));
  return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src " + connect +
         "; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; media-src 'none'; object-src 'none'; "
         "frame-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

void StaticFiles::add(std::string path, std::string content) {
  StaticFile f;
  f.content_type = std::string(media_type(path));
  f.etag = content_etag(content);
  f.cache_control = is_hashed_asset(path) ? "public, max-age=31536000, immutable" : "no-cache";
  if (is_compressible(f.content_type) && content.size() >= 256) {
    if (auto z = gzip(content, 9); z && z->size() + 64 < content.size())
      f.gzip = std::make_shared<const std::string>(std::move(*z));
  }
  f.body = std::make_shared<const std::string>(std::move(content));
  files_[std::move(path)] = std::move(f);
}

Result<StaticFiles> StaticFiles::load(const std::filesystem::path& dir, size_t max_total_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path root = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(root, ec)) return Status::error("no web app folder at " + dir.string());
  StaticFiles out;
  size_t total = 0;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) return Status::error("cannot read " + root.string() + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return Status::error("cannot read " + root.string() + ": " + ec.message());
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {  // .DS_Store, .git, editor files: never served
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    const fs::path real = fs::canonical(p, ec);
    if (ec) continue;
    const std::string rel = fs::relative(real, root, ec).generic_string();
    if (ec || rel.empty() || rel.rfind("..", 0) == 0) continue;  // a link that leads outside
    const uintmax_t size = fs::file_size(real, ec);
    if (ec) continue;
    total += static_cast<size_t>(size);
    if (total > max_total_bytes)
      return Status::error("the web app folder " + root.string() + " holds more than " +
                           std::to_string(max_total_bytes >> 20) + " MB");
    std::ifstream in(real, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return Status::error("cannot read " + real.string());
    std::string rel_path = "/";  // (built in two steps: GCC 12 warns wrongly about "/" + string)
    rel_path += p.lexically_relative(root).generic_string();
    out.add(rel_path, std::move(content));
  }
  if (!out.files_.count("/index.html"))
    return Status::error("the web app folder " + root.string() + " has no index.html");
  return out;
}

namespace {

// Where the connect-src directive of a page's own policy (<meta http-equiv="Content-Security-Policy">)
// lies in `html`: [begin, end) of its sources, after the name; npos when there is none.
std::pair<size_t, size_t> meta_connect_src(const std::string& html) {
  constexpr std::pair<size_t, size_t> none{std::string::npos, std::string::npos};
  const std::string lowered = lower(html);
  const size_t tag = lowered.find("http-equiv=\"content-security-policy\"");
  if (tag == std::string::npos) return none;
  const size_t tag_start = lowered.rfind('<', tag);
  const size_t tag_end = lowered.find('>', tag);
  const size_t content = lowered.find("content=\"", tag_start == std::string::npos ? 0 : tag_start);
  if (content == std::string::npos || tag_end == std::string::npos || content > tag_end) return none;
  const size_t value_end = lowered.find('"', content + 9);
  size_t connect = lowered.find("connect-src", content);
  if (connect == std::string::npos || value_end == std::string::npos || connect > value_end) return none;
  connect += 11;
  size_t directive_end = lowered.find(';', connect);
  if (directive_end == std::string::npos || directive_end > value_end) directive_end = value_end;
  return {connect, directive_end};
}

// A page's policy is enforced by browsers besides the header's, so its connect-src must allow the
// community service's origin too.
void allow_in_meta_policy(std::string& html, const std::string& origin) {
  if (origin.empty()) return;
  const auto [begin, end] = meta_connect_src(html);
  if (begin != std::string::npos) html.insert(end, " " + origin);
}

}  // namespace

std::vector<std::string> StaticFiles::connect_origins() const {
  std::vector<std::string> out;
  for (const auto& [path, file] : files_) {
    if (file.content_type.rfind("text/html", 0) != 0) continue;
    const auto [begin, end] = meta_connect_src(*file.body);
    if (begin == std::string::npos) continue;
    std::istringstream sources(file.body->substr(begin, end - begin));
    for (std::string source; sources >> source;) {
      // Only plain http(s) origins: no wildcards, schemes alone or keywords widen the header's policy.
      const std::string origin = origin_of(source);
      if (origin.empty() || origin.find('*') != std::string::npos) continue;
      if (std::find(out.begin(), out.end(), origin) == out.end()) out.push_back(origin);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void StaticFiles::set_community_url(std::string_view url) {
  if (url.empty()) return;
  std::string escaped;
  for (char c : url) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&#39;"; break;
      default: escaped += c;
    }
  }
  const std::string meta = "<meta name=\"chatlens-community\" content=\"" + escaped + "\">";
  std::vector<std::pair<std::string, std::string>> pages;
  for (const auto& [path, file] : files_) {
    if (file.content_type.rfind("text/html", 0) != 0) continue;
    std::string html = *file.body;
    const std::string lowered = lower(html);
    size_t at = lowered.find("<head");
    at = at == std::string::npos ? 0 : lowered.find('>', at);
    at = at == std::string::npos ? 0 : at + 1;
    html.insert(at, meta);
    allow_in_meta_policy(html, origin_of(url));
    pages.emplace_back(path, std::move(html));
  }
  for (auto& [path, html] : pages) add(path, std::move(html));
}

StaticFiles StaticFiles::placeholder() {
  StaticFiles out;
  out.add("/index.html", kPlaceholder);
  return out;
}

const StaticFile* StaticFiles::find(std::string_view path) const {
  if (path.empty() || path[0] != '/') return nullptr;
  std::string key(path);
  if (key.back() == '/') key += "index.html";
  if (auto it = files_.find(key); it != files_.end()) return &it->second;
  // The app's own routes (/story, /settings/privacy) are index.html; a missing file is not.
  if (extension_of(key).empty()) {
    if (auto it = files_.find("/index.html"); it != files_.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace chatlens::server
