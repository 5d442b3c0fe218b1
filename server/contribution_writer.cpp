#include "contribution_writer.hpp"

#include <cstdio>
#include <vector>

#include "day.hpp"
#include "metrics.hpp"
#include "write_health.hpp"

namespace chatlens::server {

namespace {
constexpr int kIdempotencyKeyDays = 2;  // how long a retry is recognised
constexpr auto kPurgeInterval = std::chrono::hours(1);
}  // namespace

struct ContributionWriter::Item {
  PendingContribution pending;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  Result<StoreOutcome> result = Status::error("not stored yet", true);
};

ContributionWriter::ContributionWriter(Storage& storage, Metrics* metrics, Options options, WriteHealth* health)
    : storage_(storage), metrics_(metrics), health_(health), options_(options) {
  thread_ = std::thread([this] { run(); });
}

ContributionWriter::~ContributionWriter() { stop(); }

void ContributionWriter::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Result<StoreOutcome> ContributionWriter::submit(PendingContribution pending, std::chrono::milliseconds timeout) {
  auto item = std::make_shared<Item>();
  item->pending = std::move(pending);
  {
    std::lock_guard lock(mu_);
    if (stopping_) return Status::error("the service is shutting down", true);
    if (queue_.size() >= options_.max_queue) return Status::error("too many contributions waiting to be stored", true);
    queue_.push_back(item);
  }
  cv_.notify_one();
  std::unique_lock lock(item->mu);
  if (!item->cv.wait_for(lock, timeout, [&] { return item->done; }))
    return Status::error("storing took too long; retry with the same Idempotency-Key", true);
  return item->result;
}

void ContributionWriter::run() {
  std::vector<std::shared_ptr<Item>> batch;
  std::vector<PendingContribution> pending;
  maybe_purge();
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, std::chrono::seconds(60), [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) {
        if (stopping_) return;
        lock.unlock();
        maybe_purge();
        continue;
      }
      batch.clear();
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    pending.clear();
    for (const auto& item : batch) pending.push_back(item->pending);
    const auto start = std::chrono::steady_clock::now();
    Result<std::vector<StoreOutcome>> outcomes = storage_.store(pending, utc_day());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (metrics_) metrics_->record_store_batch(batch.size(), seconds, outcomes.is_ok());
    if (health_) health_->record(outcomes.status(), start);
    if (!outcomes)
      std::fprintf(stderr, "chatlens serve: storing %zu contribution(s) failed: %s\n", batch.size(),
                   outcomes.status().detail().c_str());
    for (size_t i = 0; i < batch.size(); ++i) {
      Item& item = *batch[i];
      {
        std::lock_guard lock(item.mu);
        item.result = outcomes ? Result<StoreOutcome>((*outcomes)[i]) : Result<StoreOutcome>(outcomes.status());
        item.done = true;
      }
      item.cv.notify_one();
    }
    maybe_purge();
  }
}

void ContributionWriter::maybe_purge() {
  const auto now = std::chrono::steady_clock::now();
  if (now < next_purge_) return;
  next_purge_ = now + kPurgeInterval;
  auto purged = storage_.purge_idempotency_keys(utc_day_minus(std::chrono::system_clock::now(), kIdempotencyKeyDays));
  if (!purged)
    std::fprintf(stderr, "chatlens serve: forgetting old idempotency keys failed: %s\n",
                 purged.status().detail().c_str());
}

}  // namespace chatlens::server
