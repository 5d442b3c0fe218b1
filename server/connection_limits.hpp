#pragma once
// How many connections are open, in all and per client address, and whether one more may open:
// the connection stage refuses a client's connection beyond its share, so that one address
// cannot hold every socket (slowloris) however slowly it sends. A client is an address as the
// rate limiter groups them (IPv6 by /64). Thread-safe: slots are taken by the accepting thread
// and given back by whichever thread closes the connection.
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace chatlens::server {

class ConnectionLimits {
 public:
  // per_client == 0: no per-client cap.
  ConnectionLimits(size_t total, size_t per_client) : total_limit_(total), per_client_limit_(per_client) {}

  enum class Admission { kAdmitted, kServerFull, kClientFull };
  // Takes a slot for a new connection from `client` (its key) when there is one.
  Admission admit(const std::string& client);
  void release(const std::string& client);

  size_t open() const;
  size_t open_from(const std::string& client) const;

 private:
  const size_t total_limit_;
  const size_t per_client_limit_;
  mutable std::mutex mu_;
  size_t open_ = 0;
  std::unordered_map<std::string, size_t> per_client_;
};

}  // namespace chatlens::server
