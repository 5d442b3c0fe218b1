#include "compression.hpp"

#include <zlib.h>

#include <cctype>
#include <cstdlib>

namespace chatlens::server {
namespace {

Status zlib_error(const char* what, int rc, const z_stream& zs) {
  return Status::error(std::string(what) + ": " + (zs.msg ? zs.msg : zError(rc)));
}

}  // namespace

Result<std::string> gzip(std::string_view data, int level) {
  z_stream zs{};
  if (const int rc = deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY); rc != Z_OK)
    return zlib_error("gzip", rc, zs);
  std::string out;
  out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  const size_t written = out.size() - zs.avail_out;
  if (rc != Z_STREAM_END) {
    const Status failed = zlib_error("gzip", rc, zs);
    deflateEnd(&zs);
    return failed;
  }
  deflateEnd(&zs);
  out.resize(written);
  return out;
}

Result<std::string> gunzip(std::string_view data, size_t max_size) {
  z_stream zs{};
  if (const int rc = inflateInit2(&zs, 15 + 16); rc != Z_OK) return zlib_error("gunzip", rc, zs);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_size) {
      inflateEnd(&zs);
      return Status::error("gunzip: more than " + std::to_string(max_size) + " bytes once inflated");
    }
  }
  if (rc != Z_STREAM_END) {
    // Z_BUF_ERROR here: the input ended before the gzip stream did.
    const Status failed = rc == Z_BUF_ERROR ? Status::error("gunzip: the data ends before the gzip stream does")
                                            : zlib_error("gunzip", rc, zs);
    inflateEnd(&zs);
    return failed;
  }
  inflateEnd(&zs);
  return out;
}

bool accepts_gzip(std::string_view header) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  };
  auto iequals = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
        return false;
    return true;
  };
  bool gzip_seen = false, gzip_ok = false, star_ok = false;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view item = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const size_t semi = item.find(';');
    const std::string_view coding = trim(item.substr(0, semi));
    double q = 1.0;
    if (semi != std::string_view::npos) {
      std::string_view params = trim(item.substr(semi + 1));
      if (params.size() >= 2 && (params[0] == 'q' || params[0] == 'Q') && params[1] == '=') {
        const std::string value(trim(params.substr(2)));
        char* end = nullptr;
        q = std::strtod(value.c_str(), &end);
        if (end == value.c_str()) q = 0;
      }
    }
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
      gzip_seen = true;
      gzip_ok = q > 0;
    } else if (coding == "*") {
      star_ok = q > 0;
    }
  }
  return gzip_seen ? gzip_ok : star_ok;
}

bool is_compressible(std::string_view type) {
  const size_t semi = type.find(';');
  if (semi != std::string_view::npos) type = type.substr(0, semi);
  return type.rfind("text/", 0) == 0 || type == "application/json" || type == "application/javascript" ||
         type == "application/manifest+json" || type == "application/wasm" || type == "image/svg+xml" ||
         type == "application/xml" || type == "application/yaml";
}

}  // namespace chatlens::server
