#pragma once
// Per-client rate limit for POST /api/v1/contributions: a token bucket per client address, kept in
// this process's memory only (never stored, never logged, forgotten when full again). With several
// processes behind a load balancer each enforces its own limit, so a client may get up to
// processes x the limit; that is the documented trade-off for keeping the service stateless.
//
// A client is its IP address; IPv6 addresses are grouped by /64 (what one household or host
// usually gets), so that rotating through one's own addresses does not multiply the allowance.
#include <array>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chatlens::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // per_minute == 0: no limit. burst: the bucket's size (requests allowed at once).
  RateLimiter(double per_minute, double burst, size_t max_clients = 100000);

  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;  // when refused: until one token is back
  };
  Decision acquire(std::string_view client, Clock::time_point now = Clock::now());

  size_t clients() const;
  bool enabled() const { return rate_per_second_ > 0; }

  // The key for an address: IPv4 as is, IPv6 as its /64 prefix.
  static std::string client_key(std::string_view address);

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<std::string, Bucket> buckets;
  };
  static constexpr size_t kShards = 16;

  void evict(Shard& shard, Clock::time_point now);

  double rate_per_second_;
  double burst_;
  size_t max_per_shard_;
  std::array<Shard, kShards> shards_;
};

}  // namespace chatlens::server
