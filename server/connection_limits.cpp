#include "connection_limits.hpp"

namespace chatlens::server {

ConnectionLimits::Admission ConnectionLimits::admit(const std::string& client) {
  std::lock_guard lock(mu_);
  if (open_ >= total_limit_) return Admission::kServerFull;
  if (per_client_limit_ > 0) {
    auto it = per_client_.find(client);
    if (it != per_client_.end() && it->second >= per_client_limit_) return Admission::kClientFull;
  }
  ++open_;
  ++per_client_[client];
  return Admission::kAdmitted;
}

void ConnectionLimits::release(const std::string& client) {
  std::lock_guard lock(mu_);
  --open_;
  auto it = per_client_.find(client);
  if (it != per_client_.end() && --it->second == 0) per_client_.erase(it);  // memory follows open connections
}

size_t ConnectionLimits::open() const {
  std::lock_guard lock(mu_);
  return open_;
}

size_t ConnectionLimits::open_from(const std::string& client) const {
  std::lock_guard lock(mu_);
  auto it = per_client_.find(client);
  return it == per_client_.end() ? 0 : it->second;
}

}  // namespace chatlens::server
