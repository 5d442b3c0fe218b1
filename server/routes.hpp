#pragma once
// The routes of `chatlens serve`, on one port:
//   POST /api/v1/contributions   a community_summary (contribution_validation.hpp), group-committed
//   GET  /api/v1/community       the published distributions (community_aggregation.hpp), ETag/304
//   GET  /healthz                the process is up
//   GET  /readyz                 the process can serve: storage readable, schema current, a contribution
//                                can be stored now (write_health.hpp), not stopping
//   GET  /metrics                Prometheus text
//   GET  /*                      the web app (static_files.hpp)
// Every error is JSON: {"error": {"code": "...", "message": "..."}} with a 4xx (or 503) status.
#include <memory>
#include <string>

#include "community_cache.hpp"
#include "contribution_writer.hpp"
#include "http_server.hpp"
#include "metrics.hpp"
#include "rate_limiter.hpp"
#include "server_config.hpp"
#include "static_files.hpp"
#include "storage.hpp"
#include "write_health.hpp"

namespace chatlens::server {

class Routes {
 public:
  Routes(const ServerConfig& config, Storage& storage, ContributionWriter& writer, Metrics& metrics,
         WriteHealth& write_health, StaticFiles statics);

  // Installs the handlers on `http`.
  void install(HttpServer& http);

 private:
  using Request = httplib::Request;
  using Response = httplib::Response;

  httplib::Server::HandlerResponse pre_route(const Request& req, Response& res);
  void post_contribution(const Request& req, Response& res, const httplib::ContentReader& reader);
  void get_community(const Request& req, Response& res);
  void get_readyz(Response& res);
  void get_static(const Request& req, Response& res);
  // Checks POST /contributions' headers before its body is read; false when answered.
  bool check_contribution_headers(const Request& req, Response& res);
  bool apply_cors(const Request& req, Response& res);  // whether the Origin is allowed
  std::string client_address(const Request& req) const;

  const ServerConfig& config_;
  Storage& storage_;
  ContributionWriter& writer_;
  Metrics& metrics_;
  WriteHealth& write_health_;
  StaticFiles statics_;
  CommunityCache cache_;
  RateLimiter limiter_;
  std::string csp_;
  HttpServer* http_ = nullptr;
};

}  // namespace chatlens::server
