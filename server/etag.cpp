#include "etag.hpp"

#include <cstdint>
#include <cstdio>

namespace chatlens::server {

bool if_none_match(std::string_view header, std::string_view etag) {
  auto opaque = [](std::string_view tag) {
    if (tag.rfind("W/", 0) == 0) tag.remove_prefix(2);
    return tag;
  };
  const std::string_view want = opaque(etag);
  size_t i = 0;
  while (i < header.size()) {
    while (i < header.size() && (header[i] == ' ' || header[i] == '\t' || header[i] == ',')) ++i;
    if (i >= header.size()) break;
    if (header[i] == '*') return true;
    size_t start = i;
    if (header.compare(i, 2, "W/") == 0) i += 2;
    if (i >= header.size() || header[i] != '"') return false;  // malformed: no match
    const size_t close = header.find('"', i + 1);
    if (close == std::string_view::npos) return false;
    if (opaque(header.substr(start, close + 1 - start)) == want) return true;
    i = close + 1;
  }
  return false;
}

std::string content_etag(std::string_view content) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : content) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace chatlens::server
