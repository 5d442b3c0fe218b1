#pragma once
// Entity tags and conditional GET (RFC 9110 13.1.2): If-None-Match uses weak comparison.
#include <string>
#include <string_view>

namespace chatlens::server {

// Whether an If-None-Match header value matches `etag` (a quoted tag, e.g. "\"abc\"").
bool if_none_match(std::string_view header, std::string_view etag);

// A strong ETag from content: "\"<16 hex digits>\"" (FNV-1a 64).
std::string content_etag(std::string_view content);

}  // namespace chatlens::server
