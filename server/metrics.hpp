#pragma once
// Counters for GET /metrics, in Prometheus' text format (version 0.0.4). Lock-free on the request
// path: fixed label sets, atomic counters. Nothing here identifies a client.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace chatlens::server {

enum class Route : uint8_t { kContributions, kCommunity, kHealthz, kReadyz, kMetrics, kStatic, kOther, kCount };
std::string_view route_label(Route r);

// Why a contribution was refused (label of chatlens_contributions_rejected_total).
enum class Rejection : uint8_t {
  kValidation,   // the body is not a valid community_summary
  kHeaders,      // content type, length, encoding or idempotency key
  kTooLarge,     // over 4 KB
  kRateLimited,  // too many from one client
  kKeyReused,    // idempotency key reused with another body
  kUnavailable,  // storage failed or the queue was full
  kCount
};

// Why the connection stage answered and closed a connection itself (label of
// chatlens_http_connections_refused_total).
enum class Refusal : uint8_t {
  kClientCap,       // too many connections from one address
  kServerFull,      // too many connections in all
  kHeadTimeout,     // the request head came too slowly
  kRequestTimeout,  // the request (its body) came too slowly
  kMalformedHead,   // refused by the strict head check (request_head.hpp)
  kHeadTooLarge,    // a head over the size limit
  kOverloaded,      // waited too long for a thread
  kCount
};

class Metrics {
 public:
  Metrics();

  void request_started() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void request_finished(Route route, int status, double seconds);
  void contribution_stored(bool replayed);
  void contribution_rejected(Rejection why);
  void record_store_batch(size_t size, double seconds, bool ok);
  void community_served(bool rebuilt, bool not_modified);
  void set_rate_limiter_clients(size_t n) { rate_limiter_clients_.store(n, std::memory_order_relaxed); }
  void connection_refused(Refusal why) { refused_[static_cast<size_t>(why)].fetch_add(1, std::memory_order_relaxed); }
  void set_open_connections(size_t n) { open_connections_.store(n, std::memory_order_relaxed); }

  // Everything, as Prometheus text. `backend`: "sqlite" or "postgresql".
  std::string render(std::string_view backend) const;

 private:
  static constexpr size_t kRoutes = static_cast<size_t>(Route::kCount);
  static constexpr std::array<int, 19> kStatuses = {200, 201, 204, 206, 304, 400, 401, 403, 404, 405,
                                                    408, 411, 413, 414, 415, 416, 422, 429, 431};
  static constexpr size_t kStatusSlots = kStatuses.size() + 2;  // + other 4xx/1xx-3xx, + 5xx
  static constexpr std::array<double, 12> kLatencyBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                             0.05,   0.1,   0.25,   0.5,   1,    5};
  static constexpr std::array<double, 9> kBatchBuckets = {1, 2, 4, 8, 16, 32, 64, 128, 256};

  struct Histogram {
    std::array<std::atomic<uint64_t>, 16> buckets{};
    std::atomic<uint64_t> count{0};
    std::atomic<uint64_t> sum_micros{0};  // sum in millionths (of seconds, or of items)
  };

  std::atomic<int64_t> in_flight_{0};
  std::array<std::array<std::atomic<uint64_t>, kStatusSlots>, kRoutes> requests_{};
  std::array<Histogram, kRoutes> latency_{};
  std::atomic<uint64_t> stored_{0}, replayed_{0};
  std::array<std::atomic<uint64_t>, static_cast<size_t>(Rejection::kCount)> rejected_{};
  std::atomic<uint64_t> batches_{0}, batch_failures_{0};
  Histogram batch_size_, batch_seconds_;
  std::atomic<uint64_t> community_rebuilds_{0}, community_not_modified_{0}, community_served_{0};
  std::atomic<size_t> rate_limiter_clients_{0};
  std::array<std::atomic<uint64_t>, static_cast<size_t>(Refusal::kCount)> refused_{};
  std::atomic<size_t> open_connections_{0};
  std::chrono::system_clock::time_point started_;
};

}  // namespace chatlens::server
