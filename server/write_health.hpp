#pragma once
// Whether the service can store a contribution now, for GET /readyz: the outcome of the last
// write (a batch of contributions, or a probe), trusted for a few seconds; when it is older, a
// probe (a real write transaction, committed: Storage::probe_write) finds out again. So a disk
// that filled up or a file system remounted read-only makes the service unready within seconds,
// and ready again once writes succeed.
#include <chrono>
#include <mutex>
#include <optional>

#include "base/status.hpp"

namespace chatlens::server {

class Storage;

class WriteHealth {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::seconds kTrusted{5};

  void record(const Status& outcome, Clock::time_point at = Clock::now());
  // The last outcome when it is recent, else a probe's (recorded).
  Status check(Storage& storage);

 private:
  std::mutex mu_;
  std::optional<Clock::time_point> at_;
  Status last_;
};

}  // namespace chatlens::server
