#include "routes.hpp"

#include <algorithm>
#include <cstdio>

#include "compression.hpp"
#include "contribution_validation.hpp"
#include "etag.hpp"
#include "json/json.hpp"

namespace chatlens::server {
namespace {

using HandlerResponse = httplib::Server::HandlerResponse;

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kApiCsp = "default-src 'none'; frame-ancestors 'none'";
constexpr const char* kContributionsPath = "/api/v1/contributions";
constexpr const char* kCommunityPath = "/api/v1/community";
constexpr auto kStoreTimeout = std::chrono::seconds(10);

thread_local bool tl_counted = false;  // this request was counted in flight

Route classify(const std::string& path) {
  if (path == kContributionsPath) return Route::kContributions;
  if (path == kCommunityPath) return Route::kCommunity;
  if (path == "/healthz") return Route::kHealthz;
  if (path == "/readyz") return Route::kReadyz;
  if (path == "/metrics") return Route::kMetrics;
  if (path.rfind("/api/", 0) == 0 || path.empty() || path[0] != '/') return Route::kOther;
  return Route::kStatic;
}

// Sends `body` as is (a content provider: the library neither copies nor re-compresses it).
void send(httplib::Response& res, int status, const std::string& type, std::shared_ptr<const std::string> body) {
  res.status = status;
  const size_t size = body->size();
  if (size == 0) {
    res.set_header("Content-Type", type);
    return;
  }
  res.set_content_provider(size, type, [body](size_t offset, size_t length, httplib::DataSink& sink) {
    return sink.write(body->data() + offset, length);
  });
}

void send_json(httplib::Response& res, int status, std::string body) {
  body += '\n';
  res.set_header("Cache-Control", "no-store");
  send(res, status, kJson, std::make_shared<const std::string>(std::move(body)));
}

void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message) {
  std::string body = "{\"error\":{\"code\":";
  append_json_string(body, code);
  body += ",\"message\":";
  append_json_string(body, message);
  body += "}}";
  send_json(res, status, std::move(body));
}

// Whether the request carries a body (that the route may leave unread).
bool has_body(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  if (!req.has_header("Content-Length")) return false;
  const std::string v = req.get_header_value("Content-Length");
  return v.find_first_not_of('0') != std::string::npos;
}

std::string status_json(std::string_view status) {
  std::string out = "{\"status\":";
  append_json_string(out, status);
  out += '}';
  return out;
}

}  // namespace

Routes::Routes(const ServerConfig& config, Storage& storage, ContributionWriter& writer, Metrics& metrics,
               WriteHealth& write_health, StaticFiles statics)
    : config_(config),
      storage_(storage),
      writer_(writer),
      metrics_(metrics),
      write_health_(write_health),
      statics_(std::move(statics)),
      cache_(config.k_threshold),
      limiter_(config.rate_limit_per_minute, config.rate_burst),
      // The pages' own policies are enforced too: the header allows what they were built to reach.
      csp_(content_security_policy(config.community_url, statics_.connect_origins())) {}

void Routes::install(HttpServer& http) {
  http_ = &http;
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
  http.set_pre_routing_handler([this](const Request& req, Response& res) { return pre_route(req, res); });
  http.Post(kContributionsPath, [this](const Request& req, Response& res, const httplib::ContentReader& reader) {
    post_contribution(req, res, reader);
  });
  // Errors the library answers itself (malformed request line or headers, bad ranges): JSON too.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const Request&, Response& res) {
    if (!res.body.empty() || res.content_provider_) return HandlerResponse::Unhandled;
    const char* code = res.status == 413   ? "too_large"
                       : res.status == 414 ? "uri_too_long"
                       : res.status == 416 ? "bad_range"
                       : res.status == 404 ? "not_found"
                                           : "bad_request";
    const char* message = res.status == 413   ? "the request is too large"
                          : res.status == 414 ? "the request target is too long"
                          : res.status == 416 ? "the Range header cannot be satisfied"
                          : res.status == 404 ? "not found"
                                              : "the request is malformed (request line, headers or body)";
    send_error(res, res.status, code, message);
    return HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const Request&, Response& res, std::exception_ptr) {
    send_error(res, 500, "internal", "the server failed to handle this request");
  });
  http.set_post_routing_handler([this](const Request&, Response& res) {
    // A response written while shutting down is the connection's last: say so.
    if (http_->shutting_down() && !res.has_header("Connection")) res.set_header("Connection", "close");
  });
  http.set_logger([this](const Request& req, const Response& res) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - HttpServer::request_start()).count();
    if (!tl_counted) metrics_.request_started();
    tl_counted = false;
    metrics_.request_finished(classify(req.path), res.status, seconds);
  });
}

HandlerResponse Routes::pre_route(const Request& req, Response& res) {
  metrics_.request_started();
  tl_counted = true;
  const std::string& path = req.path;
  const bool get = req.method == "GET" || req.method == "HEAD";
  const Route route = classify(path);
  const bool api = path.rfind("/api/", 0) == 0;

  auto finish = [&]() {
    // Anything the route did not read would be taken for the next request: close instead.
    if (has_body(req)) {
      res.set_header("Connection", "close");
      HttpServer::close_after_response();
    }
    return HandlerResponse::Handled;
  };
  auto method_not_allowed = [&](const char* allow) {
    res.set_header("Allow", allow);
    send_error(res, 405, "method_not_allowed",
               std::string(req.method.substr(0, 16)) + " is not allowed here; use " + allow);
    return finish();
  };

  if (api) {
    res.set_header("Content-Security-Policy", kApiCsp);
    const bool allowed_origin = apply_cors(req, res);
    if (req.method == "OPTIONS" && (route == Route::kContributions || route == Route::kCommunity)) {
      res.set_header("Allow", route == Route::kContributions ? "POST, OPTIONS" : "GET, HEAD, OPTIONS");
      if (allowed_origin) {
        res.set_header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key, If-None-Match");
        res.set_header("Access-Control-Max-Age", "600");
      }
      res.status = 204;
      return finish();
    }
  }

  switch (route) {
    case Route::kContributions:
      if (req.method != "POST") return method_not_allowed("POST, OPTIONS");
      if (!check_contribution_headers(req, res)) return finish();
      return HandlerResponse::Unhandled;  // the body is read by post_contribution
    case Route::kCommunity:
      if (!get) return method_not_allowed("GET, HEAD, OPTIONS");
      get_community(req, res);
      return finish();
    case Route::kHealthz:
      if (!get) return method_not_allowed("GET, HEAD");
      send_json(res, 200, status_json("ok"));
      return finish();
    case Route::kReadyz:
      if (!get) return method_not_allowed("GET, HEAD");
      get_readyz(res);
      return finish();
    case Route::kMetrics:
      if (!get) return method_not_allowed("GET, HEAD");
      metrics_.set_rate_limiter_clients(limiter_.clients());
      if (http_) metrics_.set_open_connections(http_->open_connections());
      res.set_header("Cache-Control", "no-store");
      send(res, 200, "text/plain; version=0.0.4; charset=utf-8",
           std::make_shared<const std::string>(metrics_.render(storage_.backend())));
      return finish();
    case Route::kOther:
      send_error(res, 404, "not_found", "no such API endpoint; see server/openapi.yaml");
      return finish();
    default:
      if (!get) return method_not_allowed("GET, HEAD");
      get_static(req, res);
      return finish();
  }
}

bool Routes::apply_cors(const Request& req, Response& res) {
  if (config_.cors_origins.empty() || !req.has_header("Origin")) return false;
  const std::string origin = req.get_header_value("Origin");
  if (std::find(config_.cors_origins.begin(), config_.cors_origins.end(), origin) == config_.cors_origins.end())
    return false;
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Access-Control-Expose-Headers", "ETag, Retry-After");
  res.set_header("Vary", "Origin");
  return true;
}

std::string Routes::client_address(const Request& req) const {
  if (config_.trust_proxy && req.has_header("X-Forwarded-For")) {
    // The proxy appends the address it saw: the last entry is the one it vouches for.
    const std::string all = req.get_header_value("X-Forwarded-For", req.get_header_value_count("X-Forwarded-For") - 1);
    std::string last = all.substr(all.rfind(',') == std::string::npos ? 0 : all.rfind(',') + 1);
    last.erase(0, last.find_first_not_of(" \t"));
    last.erase(last.find_last_not_of(" \t") + 1);
    if (!last.empty()) return RateLimiter::client_key(last);
  }
  return RateLimiter::client_key(req.remote_addr);
}

bool Routes::check_contribution_headers(const Request& req, Response& res) {
  auto reject = [&](Rejection why, int status, const char* code, const std::string& message) {
    metrics_.contribution_rejected(why);
    send_error(res, status, code, message);
    return false;
  };
  for (const char* field :
       {"content-type", "content-length", "idempotency-key", "content-encoding", "transfer-encoding"})
    if (HttpServer::request_had_empty_field(field))
      return reject(Rejection::kHeaders, 400, "empty_header", std::string("the ") + field + " header is empty");
  if (req.has_header("Transfer-Encoding"))
    return reject(Rejection::kHeaders, 411, "length_required",
                  "send the body with a Content-Length (at most 4096 bytes), not in chunks");
  if (!req.has_header("Content-Length"))
    return reject(Rejection::kHeaders, 411, "length_required", "a Content-Length header is required");
  if (req.get_header_value_count("Content-Length") != 1)
    return reject(Rejection::kHeaders, 400, "bad_content_length", "more than one Content-Length header");
  const std::string length = req.get_header_value("Content-Length");
  if (length.empty() || length.size() > 12 || length.find_first_not_of("0123456789") != std::string::npos)
    return reject(Rejection::kHeaders, 400, "bad_content_length", "Content-Length must be a number of bytes");
  const unsigned long long n = std::stoull(length);
  if (n > kMaxContributionBytes)
    return reject(
        Rejection::kTooLarge, 413, "body_too_large",
        "the body is " + length + " bytes; at most " + std::to_string(kMaxContributionBytes) + " are allowed");
  if (n == 0)
    return reject(Rejection::kValidation, 400, "empty_body",
                  "the request has no body; send a community_summary as JSON");
  if (req.has_header("Content-Encoding")) {
    std::string enc = req.get_header_value("Content-Encoding");
    std::transform(enc.begin(), enc.end(), enc.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (enc != "identity" || req.get_header_value_count("Content-Encoding") != 1)
      return reject(Rejection::kHeaders, 415, "unsupported_content_encoding",
                    "send the body uncompressed (no Content-Encoding)");
  }
  if (req.get_header_value_count("Content-Type") != 1)
    return reject(Rejection::kHeaders, 415, "unsupported_media_type",
                  "exactly one Content-Type: application/json is required");
  if (auto err = check_content_type(req.get_header_value("Content-Type")))
    return reject(Rejection::kHeaders, err->http_status, err->code.c_str(), err->message);
  if (req.has_header("Idempotency-Key")) {
    if (req.get_header_value_count("Idempotency-Key") != 1)
      return reject(Rejection::kHeaders, 400, "bad_idempotency_key", "more than one Idempotency-Key header");
    if (auto err = check_idempotency_key(req.get_header_value("Idempotency-Key")))
      return reject(Rejection::kHeaders, err->http_status, err->code.c_str(), err->message);
  }
  const RateLimiter::Decision d = limiter_.acquire(client_address(req));
  if (!d.allowed) {
    res.set_header("Retry-After", std::to_string(d.retry_after_seconds));
    return reject(Rejection::kRateLimited, 429, "rate_limited",
                  "too many contributions from your address; retry in " + std::to_string(d.retry_after_seconds) + " s");
  }
  return true;
}

void Routes::post_contribution(const Request& req, Response& res, const httplib::ContentReader& reader) {
  std::string body;
  bool too_large = false;
  const bool read = reader([&](const char* data, size_t n) {
    if (body.size() + n > kMaxContributionBytes) {
      too_large = true;
      return false;
    }
    body.append(data, n);
    return true;
  });
  if (!read || too_large) {
    res.set_header("Connection", "close");
    HttpServer::close_after_response();
    metrics_.contribution_rejected(too_large ? Rejection::kTooLarge : Rejection::kHeaders);
    if (too_large) return send_error(res, 413, "body_too_large", "the body is larger than 4096 bytes");
    return send_error(res, 400, "incomplete_body", "the body ended before Content-Length bytes, or took too long");
  }
  auto validated = validate_contribution(body);
  if (auto* err = std::get_if<ValidationError>(&validated)) {
    metrics_.contribution_rejected(err->http_status == 413 ? Rejection::kTooLarge : Rejection::kValidation);
    return send_error(res, err->http_status, err->code, err->message);
  }
  PendingContribution pending;
  pending.contribution = std::move(std::get<Contribution>(validated));
  pending.fingerprint = fingerprint(pending.contribution);
  pending.idempotency_key = req.get_header_value("Idempotency-Key");
  Result<StoreOutcome> outcome = writer_.submit(std::move(pending), kStoreTimeout);
  if (!outcome) {
    metrics_.contribution_rejected(Rejection::kUnavailable);
    res.set_header("Retry-After", "5");
    return send_error(res, 503, "unavailable",
                      "the contribution could not be stored right now (" + outcome.status().detail() +
                          "); retry later with the same Idempotency-Key");
  }
  switch (*outcome) {
    case StoreOutcome::kStored:
      metrics_.contribution_stored(false);
      return send_json(res, 201, "{\"status\":\"stored\",\"replayed\":false}");
    case StoreOutcome::kReplayed:
      metrics_.contribution_stored(true);
      res.set_header("Idempotency-Replayed", "true");
      return send_json(res, 200, "{\"status\":\"stored\",\"replayed\":true}");
    case StoreOutcome::kKeyReused:
      metrics_.contribution_rejected(Rejection::kKeyReused);
      return send_error(res, 422, "idempotency_key_reused",
                        "this Idempotency-Key was already used for a different contribution; use a new key");
  }
}

void Routes::get_community(const Request& req, Response& res) {
  res.set_header("Cache-Control", "no-cache");
  res.set_header("Vary", config_.cors_origins.empty() ? "Accept-Encoding" : "Accept-Encoding, Origin");
  Result<DataVersion> version = cache_.current_version(storage_);
  if (!version) {
    res.set_header("Retry-After", "5");
    return send_error(res, 503, "unavailable", "the community data cannot be read right now; retry later");
  }
  const std::string etag = "W/" + cache_.etag_for(*version);
  if (req.has_header("If-None-Match") && if_none_match(req.get_header_value("If-None-Match"), etag)) {
    metrics_.community_served(false, true);
    res.set_header("ETag", etag);
    res.status = 304;
    return;
  }
  bool rebuilt = false;
  auto entry = cache_.get(storage_, *version, &rebuilt);
  if (!entry) {
    res.set_header("Retry-After", "5");
    return send_error(res, 503, "unavailable", "the community data cannot be read right now; retry later");
  }
  metrics_.community_served(rebuilt, false);
  res.set_header("ETag", "W/" + (*entry)->etag);
  std::shared_ptr<const std::string> body = (*entry)->body;
  if (req.has_header("Accept-Encoding") && accepts_gzip(req.get_header_value("Accept-Encoding"))) {
    if (auto z = (*entry)->gzipped()) {
      res.set_header("Content-Encoding", "gzip");
      body = std::move(z);
    }
  }
  send(res, 200, kJson, std::move(body));
}

void Routes::get_readyz(Response& res) {
  res.set_header("Cache-Control", "no-store");
  if (http_ && http_->shutting_down()) return send_json(res, 503, status_json("shutting_down"));
  auto unavailable = [&](const std::string& reason) {
    std::string body = "{\"status\":\"unavailable\",\"storage\":";
    append_json_string(body, storage_.backend());
    body += ",\"reason\":";
    append_json_string(body, reason);
    body += '}';
    res.set_header("Retry-After", "5");
    send_json(res, 503, std::move(body));
  };
  if (Status s = storage_.ping(); !s) return unavailable("cannot read the storage: " + s.detail());
  // Readable is not enough: a full disk or a read-only file system still reads.
  if (Status s = write_health_.check(storage_); !s) return unavailable("cannot store contributions: " + s.detail());
  std::string body = "{\"status\":\"ready\",\"storage\":";
  append_json_string(body, storage_.backend());
  body += '}';
  send_json(res, 200, std::move(body));
}

void Routes::get_static(const Request& req, Response& res) {
  const StaticFile* f = statics_.find(req.path);
  if (!f) {
    res.set_header("Content-Security-Policy", csp_);
    return send_error(res, 404, "not_found", "no such file");
  }
  const bool gzip_ok =
      f->gzip && req.has_header("Accept-Encoding") && accepts_gzip(req.get_header_value("Accept-Encoding"));
  // A representation per content coding: the gzip one has its own tag.
  const std::string gz_etag = f->etag.substr(0, f->etag.size() - 1) + "-gz\"";
  const std::string& etag = gzip_ok ? gz_etag : f->etag;
  res.set_header("Content-Security-Policy", csp_);
  res.set_header("Cache-Control", f->cache_control);
  res.set_header("ETag", etag);
  if (f->gzip) res.set_header("Vary", "Accept-Encoding");
  if (f->content_type.rfind("text/html", 0) == 0) res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  if (req.has_header("If-None-Match")) {
    const std::string inm = req.get_header_value("If-None-Match");
    if (if_none_match(inm, f->etag) || if_none_match(inm, gz_etag)) {
      res.status = 304;
      return;
    }
  }
  if (gzip_ok) res.set_header("Content-Encoding", "gzip");
  send(res, 200, f->content_type, gzip_ok ? f->gzip : f->body);
}

}  // namespace chatlens::server
