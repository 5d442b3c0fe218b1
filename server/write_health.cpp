#include "write_health.hpp"

#include "storage.hpp"

namespace chatlens::server {

void WriteHealth::record(const Status& outcome, Clock::time_point at) {
  std::lock_guard lock(mu_);
  if (at_ && *at_ > at) return;  // a later outcome is already known
  at_ = at;
  last_ = outcome;
}

Status WriteHealth::check(Storage& storage) {
  {
    std::lock_guard lock(mu_);
    if (at_ && Clock::now() - *at_ < kTrusted) return last_;
  }
  // Probes may run side by side (each is one short transaction); the latest outcome is kept.
  const Clock::time_point started = Clock::now();
  Status probed = storage.probe_write();
  record(probed, started);
  return probed;
}

}  // namespace chatlens::server
