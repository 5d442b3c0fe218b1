#pragma once
// The transport's limits (docs/limits.md, "The service"); `chatlens serve` options change them.
#include <chrono>
#include <cstddef>

namespace chatlens::server {

struct HttpLimits {
  size_t max_request_bytes = 24 * 1024;                  // request line + headers + body
  std::chrono::milliseconds request_head_timeout{5000};  // first byte to the end of the head
  std::chrono::milliseconds request_timeout{10000};      // first byte to the end of the body
  std::chrono::milliseconds keep_alive_timeout{5000};    // idle, waiting for a request
  std::chrono::milliseconds write_timeout{10000};        // sending one response
  size_t max_requests_per_connection = 100000;
  size_t threads = 64;                     // requests served at once
  size_t max_connections = 10000;          // open at once, in all
  size_t max_connections_per_client = 32;  // open at once from one address (0: no cap)
};

}  // namespace chatlens::server
