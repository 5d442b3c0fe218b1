#pragma once
// The response of GET /api/v1/community, cached per process and validated against the database on
// every request: one cheap query reads the data version (instance id + generation); the cached
// body is used only when it was built from that same version, so every process behind a load
// balancer answers from the database's current state. A new version is built once (single
// flight), gzip-compressed on first demand.
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
};

}  // namespace chatlens::server
