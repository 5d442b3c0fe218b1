#pragma once
// `chatlens serve` options.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "community_aggregation.hpp"
#include "http_limits.hpp"

namespace chatlens::server {

struct ServerConfig {
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string db;                            // --db; empty: SQLite in data_dir
  std::filesystem::path data_dir;            // --data-dir; empty: default_data_dir()
  std::optional<std::filesystem::path> web;  // --web; nullopt: look for web/dist; empty: none
  int k_threshold = kDefaultKThreshold;      // --k-threshold (never below kMinKThreshold)
  double rate_limit_per_minute = 10;         // --rate-limit (0: off)
  double rate_burst = 20;                    // --rate-burst
  bool trust_proxy = false;                  // --trust-proxy: client address from X-Forwarded-For
  std::string community_url;                 // --community-url: added to the CSP's connect-src
  std::vector<std::string> cors_origins;     // --cors-origin (repeatable)
  size_t db_pool = 8;                        // --db-pool
  HttpLimits http;     // --threads, --request-head-timeout, --request-timeout, --keep-alive-timeout,
                       // --max-connections, --max-connections-per-client
  bool quiet = false;  // --quiet: no startup lines
  bool help = false;   // -h, --help: print kServeUsage and nothing else
};

extern const char* const kServeUsage;

// Parses the arguments after "serve"; an error names the option and the value at fault.
Result<ServerConfig> parse_serve_args(const std::vector<std::string>& args);

}  // namespace chatlens::server
