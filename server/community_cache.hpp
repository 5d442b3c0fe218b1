#pragma once
// The response of GET /api/v1/community, cached per process and validated against the database on
// every request: one cheap query reads the data version (instance id + generation); the cached
// body is used only when it was built from that same version, so every process behind a load
// balancer answers from the database's current state. A new version is built once (single
// flight), gzip-compressed on first demand.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "storage.hpp"

namespace chatlens::server {

class CommunityCache {
 public:
  struct Entry {
    DataVersion version;
    std::string etag;
    std::shared_ptr<const std::string> body;
    // gzip of body, made on first demand.
    std::shared_ptr<const std::string> gzipped() const;

   private:
    mutable std::once_flag gzip_once_;
    mutable std::shared_ptr<const std::string> gzip_;
  };

  explicit CommunityCache(int k_threshold) : k_(k_threshold) {}

  // The database's data version as of this call or later: concurrent callers share one query
  // (a query that started after they arrived), so a burst of requests costs one round trip to
  // the database, not one each, and none is answered from a state older than its arrival.
  Result<DataVersion> current_version(Storage& storage);

  // The ETag of the body for a version (same in every process with the same k-threshold).
  std::string etag_for(const DataVersion& v) const;

  // The entry for the database's current version. `rebuilt` says whether this call built it.
  Result<std::shared_ptr<const Entry>> get(Storage& storage, const DataVersion& current, bool* rebuilt = nullptr);

  int k_threshold() const { return k_; }

 private:
  int k_;
  std::mutex mu_;        // guards entry_
  std::mutex build_mu_;  // one build at a time
  std::shared_ptr<const Entry> entry_;

  // current_version(): arrival tickets and the check in flight.
  std::mutex version_mu_;
  std::condition_variable version_cv_;
  uint64_t arrivals_ = 0;  // tickets handed out
  uint64_t covered_ = 0;   // the last completed check covers tickets up to this one
  bool checking_ = false;
  Result<DataVersion> last_version_ = Status::error("not read yet", true);
};

}  // namespace chatlens::server
