#include "server_config.hpp"

#include <charconv>
#include <cmath>

#include "static_files.hpp"

namespace chatlens::server {

const char* const kServeUsage =
    "usage: chatlens serve [--port 8080] [--bind 127.0.0.1] [--db sqlite:PATH | postgresql://...] [--web DIR]\n"
    "                      [--data-dir DIR] [--k-threshold 10] [--rate-limit 10] [--rate-burst 20]\n"
    "                      [--trust-proxy] [--community-url URL] [--cors-origin ORIGIN]... [--threads 64]\n"
    "                      [--db-pool 8] [--request-head-timeout 5] [--request-timeout 10]\n"
    "                      [--keep-alive-timeout 5] [--max-connections 10000]\n"
    "                      [--max-connections-per-client 32] [--quiet]\n"
    "\n"
    "Serves the web app and the community API (/api/v1, documented in server/openapi.yaml) on one port.\n"
    "  --db             sqlite:PATH, or a postgresql:// URL (several processes may share one database);\n"
    "                   default: SQLite in --data-dir (default ~/.local/share/chatlens, created 0700;\n"
    "                   a new database file is created 0600)\n"
    "  --web DIR        the built web app (default: web/dist here, or beside the chatlens command)\n"
    "  --k-threshold K  publish only numbers counting at least K contributors (default 10, at least 5)\n"
    "  --trust-proxy    take the client address from X-Forwarded-For (only behind a proxy you run);\n"
    "                   the per-client connection cap is then off unless given\n"
    "  --community-url  where the web app sends contributions when that is another origin (CSP)\n"
    "  --cors-origin    an origin allowed to call the API from a browser (repeatable)\n"
    "  --db-pool N      PostgreSQL read connections (default 8)\n"
    "Limits (docs/limits.md, \"The service\"):\n"
    "  --request-head-timeout S       request line and headers within S seconds of their first byte (5)\n"
    "  --request-timeout S            a whole request within S seconds of its first byte (10)\n"
    "  --keep-alive-timeout S         an idle connection is closed after S seconds (5)\n"
    "  --max-connections N            connections open at once, in all (10000)\n"
    "  --max-connections-per-client N connections open at once from one address (32; 0: no cap)\n"
    "  --threads N                    requests served at once (64)\n"
    "  --rate-limit N, --rate-burst N contributions per minute per client address (10; 0: off), and at\n"
    "                                 once (20)\n"
    "  Fixed: a request (line, headers, body) at most 24 KiB, a contribution body at most 4 KiB,\n"
    "  a response sent within 10 s, storing a contribution within 10 s.\n"
    "Stops gracefully on SIGTERM or SIGINT: in-flight requests finish, then the process exits.\n";

namespace {

template <class T>
bool parse_number(const std::string& s, T& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

Result<ServerConfig> parse_serve_args(const std::vector<std::string>& args) {
  ServerConfig c;
  bool per_client_given = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      c.help = true;
      return c;
    }
    if (a == "--trust-proxy") {
      c.trust_proxy = true;
      continue;
    }
    if (a == "--quiet") {
      c.quiet = true;
      continue;
    }
    // Every other option takes a value, as "--opt VALUE" or "--opt=VALUE".
    std::string name = a, value;
    if (const size_t eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
    } else {
      if (a.rfind("--", 0) != 0) return Status::error("unexpected argument '" + a + "'");
      if (i + 1 >= args.size()) return Status::error(a + " needs a value");
      value = args[++i];
    }
    auto bad = [&](const std::string& what) { return Status::error(name + " " + what + ", not '" + value + "'"); };
    double number = 0;
    if (name == "--port") {
      if (!parse_number(value, c.port) || c.port < 0 || c.port > 65535) return bad("must be a port number (0-65535)");
    } else if (name == "--bind") {
      if (value.empty()) return bad("must be an address");
      c.bind = value;
    } else if (name == "--db") {
      c.db = value;
    } else if (name == "--data-dir") {
      c.data_dir = value;
    } else if (name == "--web") {
      c.web = std::filesystem::path(value);
    } else if (name == "--k-threshold") {
      if (!parse_number(value, c.k_threshold)) return bad("must be a whole number");
      if (c.k_threshold < kMinKThreshold)
        return Status::error("--k-threshold must be at least " + std::to_string(kMinKThreshold) +
                             ": smaller groups could single people out");
    } else if (name == "--rate-limit") {
      if (!parse_number(value, number) || !std::isfinite(number) || number < 0) return bad("must be a number >= 0");
      c.rate_limit_per_minute = number;
    } else if (name == "--rate-burst") {
      if (!parse_number(value, number) || !std::isfinite(number) || number < 1) return bad("must be a number >= 1");
      c.rate_burst = number;
    } else if (name == "--community-url") {
      if (origin_of(value).empty()) return bad("must be an absolute http:// or https:// URL");
      c.community_url = value;
    } else if (name == "--cors-origin") {
      c.cors_origins.push_back(value);
    } else if (name == "--threads") {
      if (!parse_number(value, c.http.threads) || c.http.threads < 1 || c.http.threads > 4096)
        return bad("must be from 1 to 4096");
    } else if (name == "--db-pool") {
      if (!parse_number(value, c.db_pool) || c.db_pool < 1 || c.db_pool > 1024) return bad("must be from 1 to 1024");
    } else if (name == "--request-timeout" || name == "--keep-alive-timeout" || name == "--request-head-timeout") {
      if (!parse_number(value, number) || !std::isfinite(number) || number <= 0 || number > 3600)
        return bad("must be a number of seconds (0-3600]");
      const auto ms = std::chrono::milliseconds(static_cast<int64_t>(number * 1000));
      (name == "--request-timeout"        ? c.http.request_timeout
       : name == "--request-head-timeout" ? c.http.request_head_timeout
                                          : c.http.keep_alive_timeout) = ms;
    } else if (name == "--max-connections") {
      if (!parse_number(value, c.http.max_connections) || c.http.max_connections < 1 ||
          c.http.max_connections > 1000000)
        return bad("must be from 1 to 1000000");
    } else if (name == "--max-connections-per-client") {
      if (!parse_number(value, c.http.max_connections_per_client) || c.http.max_connections_per_client > 1000000)
        return bad("must be from 0 (no cap) to 1000000");
      per_client_given = true;
    } else {
      return Status::error("unknown option " + name);
    }
  }
  // Behind a proxy every connection comes from the proxy: a per-address cap would cap the service.
  if (c.trust_proxy && !per_client_given) c.http.max_connections_per_client = 0;
  if (c.http.request_head_timeout > c.http.request_timeout)
    return Status::error("--request-head-timeout cannot be longer than --request-timeout");
  return c;
}

}  // namespace chatlens::server
