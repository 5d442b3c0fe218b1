#pragma once
// Response compression: gzip (zlib), negotiated with Accept-Encoding. Bodies are compressed once
// (static files when loaded, the community distributions once per data version), never per request.
#include <string>
#include <string_view>

#include "base/status.hpp"

namespace chatlens::server {

// gzip at the given zlib level; an error carries zlib's reason.
Result<std::string> gzip(std::string_view data, int level = 9);
// The inverse, for tests and the export's check of earlier files (at most max_size bytes
// out); an error says whether the data is damaged or too large.
Result<std::string> gunzip(std::string_view data, size_t max_size = 64u << 20);

// Whether Accept-Encoding allows gzip (a "gzip" or "*" coding with q > 0, RFC 9110 12.5.3).
bool accepts_gzip(std::string_view accept_encoding);

// Whether a media type is worth compressing (text, JSON, JavaScript, SVG, WebAssembly...).
bool is_compressible(std::string_view content_type);

}  // namespace chatlens::server
