#include "metrics.hpp"

#include <cstdio>

namespace chatlens::server {
namespace {

constexpr std::string_view kRefusalLabels[] = {"client_cap",     "server_full",    "head_timeout", "request_timeout",
                                               "malformed_head", "head_too_large", "overloaded"};
static_assert(std::size(kRefusalLabels) == static_cast<size_t>(Refusal::kCount));
constexpr std::string_view kRejectionLabels[] = {"validation",   "headers",    "too_large",
                                                 "rate_limited", "key_reused", "unavailable"};

void observe(std::atomic<uint64_t>* buckets, size_t n_bounds, const double* bounds, std::atomic<uint64_t>& count,
             std::atomic<uint64_t>& sum, double value) {
  for (size_t i = 0; i < n_bounds; ++i)
    if (value <= bounds[i]) buckets[i].fetch_add(1, std::memory_order_relaxed);
  count.fetch_add(1, std::memory_order_relaxed);
  sum.fetch_add(static_cast<uint64_t>(value * 1e6), std::memory_order_relaxed);
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

std::string_view route_label(Route r) {
  switch (r) {
    case Route::kContributions: return "/api/v1/contributions";
    case Route::kCommunity: return "/api/v1/community";
    case Route::kHealthz: return "/healthz";
    case Route::kReadyz: return "/readyz";
    case Route::kMetrics: return "/metrics";
    case Route::kStatic: return "static";
    default: return "other";
  }
}

Metrics::Metrics() : started_(std::chrono::system_clock::now()) {}

void Metrics::request_finished(Route route, int status, double seconds) {
  in_flight_.fetch_sub(1, std::memory_order_relaxed);
  size_t slot = kStatuses.size();  // other
  if (status >= 500) {
    slot = kStatuses.size() + 1;
  } else {
    for (size_t i = 0; i < kStatuses.size(); ++i)
      if (kStatuses[i] == status) slot = i;
  }
  const auto r = static_cast<size_t>(route);
  requests_[r][slot].fetch_add(1, std::memory_order_relaxed);
  Histogram& h = latency_[r];
  observe(h.buckets.data(), kLatencyBuckets.size(), kLatencyBuckets.data(), h.count, h.sum_micros, seconds);
}

void Metrics::contribution_stored(bool replayed) {
  (replayed ? replayed_ : stored_).fetch_add(1, std::memory_order_relaxed);
}

void Metrics::contribution_rejected(Rejection why) {
  rejected_[static_cast<size_t>(why)].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::record_store_batch(size_t size, double seconds, bool ok) {
  batches_.fetch_add(1, std::memory_order_relaxed);
  if (!ok) batch_failures_.fetch_add(1, std::memory_order_relaxed);
  observe(batch_size_.buckets.data(), kBatchBuckets.size(), kBatchBuckets.data(), batch_size_.count,
          batch_size_.sum_micros, static_cast<double>(size));
  observe(batch_seconds_.buckets.data(), kLatencyBuckets.size(), kLatencyBuckets.data(), batch_seconds_.count,
          batch_seconds_.sum_micros, seconds);
}

void Metrics::community_served(bool rebuilt, bool not_modified) {
  community_served_.fetch_add(1, std::memory_order_relaxed);
  if (rebuilt) community_rebuilds_.fetch_add(1, std::memory_order_relaxed);
  if (not_modified) community_not_modified_.fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::render(std::string_view backend) const {
  std::string out;
  out.reserve(16384);
  auto line = [&](std::string_view name, std::string_view labels, const std::string& value) {
    out += name;
    if (!labels.empty()) {
      out += '{';
      out += labels;
      out += '}';
    }
    out += ' ';
    out += value;
    out += '\n';
  };
  auto header = [&](std::string_view name, std::string_view type, std::string_view help) {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
  };
  auto load = [](const std::atomic<uint64_t>& a) { return std::to_string(a.load(std::memory_order_relaxed)); };
  auto histogram = [&](std::string_view name, std::string_view labels, const Histogram& h, const double* bounds,
                       size_t n_bounds, double sum_scale) {
    const std::string prefix = labels.empty() ? std::string() : std::string(labels) + ",";
    for (size_t i = 0; i < n_bounds; ++i)
      line(std::string(name) + "_bucket", prefix + "le=\"" + number(bounds[i]) + "\"", load(h.buckets[i]));
    line(std::string(name) + "_bucket", prefix + "le=\"+Inf\"", load(h.count));
    line(std::string(name) + "_sum", labels, number(static_cast<double>(h.sum_micros.load()) / sum_scale));
    line(std::string(name) + "_count", labels, load(h.count));
  };

  header("chatlens_build_info", "gauge", "Version and storage backend of this chatlens serve process.");
  line("chatlens_build_info", "version=\"0.1.0\",backend=\"" + std::string(backend) + "\"", "1");
  header("chatlens_process_start_time_seconds", "gauge", "When this process started (Unix time).");
  line("chatlens_process_start_time_seconds", "",
       std::to_string(std::chrono::duration_cast<std::chrono::seconds>(started_.time_since_epoch()).count()));

  header("chatlens_http_requests_in_flight", "gauge", "HTTP requests being handled now.");
  line("chatlens_http_requests_in_flight", "", std::to_string(in_flight_.load(std::memory_order_relaxed)));

  header("chatlens_http_connections_open", "gauge", "Client connections open now.");
  line("chatlens_http_connections_open", "", std::to_string(open_connections_.load(std::memory_order_relaxed)));
  header(
      "chatlens_http_connections_refused_total", "counter",
      "Connections answered and closed before a request reached a route (caps, slow or malformed heads), by reason.");
  for (size_t i = 0; i < refused_.size(); ++i)
    line("chatlens_http_connections_refused_total", "reason=\"" + std::string(kRefusalLabels[i]) + "\"",
         load(refused_[i]));

  header("chatlens_http_requests_total", "counter", "HTTP requests answered, by route and status code.");
  for (size_t r = 0; r < kRoutes; ++r) {
    const std::string route = "route=\"" + std::string(route_label(static_cast<Route>(r))) + "\"";
    for (size_t s = 0; s < kStatusSlots; ++s) {
      const uint64_t n = requests_[r][s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      const std::string code = s < kStatuses.size()    ? std::to_string(kStatuses[s])
                               : s == kStatuses.size() ? "other"
                                                       : "5xx";
      line("chatlens_http_requests_total", route + ",code=\"" + code + "\"", std::to_string(n));
    }
  }
  header("chatlens_http_request_duration_seconds", "histogram", "Time from a request's first byte to its response.");
  for (size_t r = 0; r < kRoutes; ++r) {
    if (latency_[r].count.load(std::memory_order_relaxed) == 0) continue;
    histogram("chatlens_http_request_duration_seconds",
              "route=\"" + std::string(route_label(static_cast<Route>(r))) + "\"", latency_[r], kLatencyBuckets.data(),
              kLatencyBuckets.size(), 1e6);
  }

  header("chatlens_contributions_stored_total", "counter", "Contributions stored (each counted once).");
  line("chatlens_contributions_stored_total", "", load(stored_));
  header("chatlens_contributions_replayed_total", "counter",
         "Retries recognised by their Idempotency-Key (answered, not counted again).");
  line("chatlens_contributions_replayed_total", "", load(replayed_));
  header("chatlens_contributions_rejected_total", "counter", "Contributions refused, by reason.");
  for (size_t i = 0; i < rejected_.size(); ++i)
    line("chatlens_contributions_rejected_total", "reason=\"" + std::string(kRejectionLabels[i]) + "\"",
         load(rejected_[i]));

  header("chatlens_storage_batches_total", "counter", "Transactions that stored contributions (group commit).");
  line("chatlens_storage_batches_total", "", load(batches_));
  header("chatlens_storage_batch_failures_total", "counter", "Store transactions that failed.");
  line("chatlens_storage_batch_failures_total", "", load(batch_failures_));
  header("chatlens_storage_batch_size", "histogram", "Contributions per store transaction.");
  histogram("chatlens_storage_batch_size", "", batch_size_, kBatchBuckets.data(), kBatchBuckets.size(), 1e6);
  header("chatlens_storage_batch_duration_seconds", "histogram", "Duration of store transactions, commit included.");
  histogram("chatlens_storage_batch_duration_seconds", "", batch_seconds_, kLatencyBuckets.data(),
            kLatencyBuckets.size(), 1e6);

  header("chatlens_community_responses_total", "counter", "GET /api/v1/community answered (200 or 304).");
  line("chatlens_community_responses_total", "", load(community_served_));
  header("chatlens_community_not_modified_total", "counter", "GET /api/v1/community answered 304 (ETag matched).");
  line("chatlens_community_not_modified_total", "", load(community_not_modified_));
  header("chatlens_community_rebuilds_total", "counter",
         "Times the community distributions were rebuilt because the database changed.");
  line("chatlens_community_rebuilds_total", "", load(community_rebuilds_));

  header("chatlens_rate_limiter_clients", "gauge", "Clients the in-memory rate limiter currently tracks.");
  line("chatlens_rate_limiter_clients", "", std::to_string(rate_limiter_clients_.load(std::memory_order_relaxed)));
  return out;
}

}  // namespace chatlens::server
