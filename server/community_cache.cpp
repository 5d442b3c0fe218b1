#include "community_cache.hpp"

#include "community_aggregation.hpp"
#include "compression.hpp"

namespace chatlens::server {

std::shared_ptr<const std::string> CommunityCache::Entry::gzipped() const {
  std::call_once(gzip_once_, [this] {
    if (auto z = gzip(*body, 6)) gzip_ = std::make_shared<const std::string>(std::move(*z));
  });
  return gzip_;
}

Result<DataVersion> CommunityCache::current_version(Storage& storage) {
  if (!storage.share_version_reads()) return storage.data_version();
  std::unique_lock lock(version_mu_);
  const uint64_t ticket = ++arrivals_;
  for (;;) {
    if (covered_ >= ticket) return last_version_;  // a check that began after this call arrived
    if (!checking_) {
      checking_ = true;
      const uint64_t covers = arrivals_;  // everyone who has arrived by now
      lock.unlock();
      Result<DataVersion> v = storage.data_version();
      lock.lock();
      checking_ = false;
      last_version_ = v;
      covered_ = covers;
      version_cv_.notify_all();
      if (covered_ >= ticket) return v;
      continue;
    }
    version_cv_.wait(lock);
  }
}

std::string CommunityCache::etag_for(const DataVersion& v) const {
  // Format version of the response, database instance, data generation, k: all that decides the body.
  return "\"c1-" + v.instance.substr(0, 16) + "-" + std::to_string(v.generation) + "-k" + std::to_string(k_) + "\"";
}

Result<std::shared_ptr<const CommunityCache::Entry>> CommunityCache::get(Storage& storage, const DataVersion& current,
                                                                         bool* rebuilt) {
  if (rebuilt) *rebuilt = false;
  {
    std::lock_guard lock(mu_);
    if (entry_ && entry_->version == current) return entry_;
  }
  std::lock_guard build(build_mu_);
  {
    // Someone else may have built it while this thread waited.
    std::lock_guard lock(mu_);
    if (entry_ && (entry_->version == current ||
                   (entry_->version.instance == current.instance && entry_->version.generation > current.generation)))
      return entry_;
  }
  Result<CommunitySnapshot> snap = storage.snapshot();
  if (!snap) return snap.status();
  auto entry = std::make_shared<Entry>();
  entry->version = snap->version;
  entry->etag = etag_for(snap->version);
  entry->body = std::make_shared<const std::string>(community_json(*snap, k_));
  std::shared_ptr<const Entry> out = entry;
  {
    std::lock_guard lock(mu_);
    entry_ = out;
  }
  if (rebuilt) *rebuilt = true;
  return out;
}

}  // namespace chatlens::server
