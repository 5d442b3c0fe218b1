#include "rate_limiter.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace chatlens::server {

RateLimiter::RateLimiter(double per_minute, double burst, size_t max_clients)
    : rate_per_second_(per_minute / 60.0),
      burst_(std::max(1.0, burst)),
      max_per_shard_(std::max<size_t>(16, max_clients / kShards)) {}

std::string RateLimiter::client_key(std::string_view address) {
  std::string text(address);
  if (text.find(':') == std::string::npos) return text;
  in6_addr a{};
  if (inet_pton(AF_INET6, text.c_str(), &a) != 1) return text;
  // IPv4-mapped addresses (::ffff:a.b.c.d) are IPv4 clients.
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMapped, kMapped + 12, a.s6_addr)) {
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, a.s6_addr + 12, buf, sizeof buf);
    return buf;
  }
  std::fill(a.s6_addr + 8, a.s6_addr + 16, 0);
  char buf[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, &a, buf, sizeof buf);
  return std::string(buf) + "/64";
}

RateLimiter::Decision RateLimiter::acquire(std::string_view client, Clock::time_point now) {
  if (!enabled()) return {};
  Shard& shard = shards_[std::hash<std::string_view>{}(client) % kShards];
  std::lock_guard lock(shard.mu);
  auto it = shard.buckets.find(std::string(client));
  if (it == shard.buckets.end()) {
    if (shard.buckets.size() >= max_per_shard_) evict(shard, now);
    it = shard.buckets.emplace(std::string(client), Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  const double elapsed = std::chrono::duration<double>(now - b.last).count();
  b.tokens = std::min(burst_, b.tokens + std::max(0.0, elapsed) * rate_per_second_);
  b.last = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return {};
  }
  Decision refused;
  refused.allowed = false;
  refused.retry_after_seconds = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rate_per_second_)));
  return refused;
}

void RateLimiter::evict(Shard& shard, Clock::time_point now) {
  // Buckets that have refilled are indistinguishable from new ones: forget them first.
  for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
    const double elapsed = std::chrono::duration<double>(now - it->second.last).count();
    if (it->second.tokens + elapsed * rate_per_second_ >= burst_)
      it = shard.buckets.erase(it);
    else
      ++it;
  }
  // Still full (a flood of distinct addresses): start over rather than grow without bound.
  if (shard.buckets.size() >= max_per_shard_) shard.buckets.clear();
}

size_t RateLimiter::clients() const {
  size_t n = 0;
  for (const Shard& s : shards_) {
    std::lock_guard lock(s.mu);
    n += s.buckets.size();
  }
  return n;
}

}  // namespace chatlens::server
