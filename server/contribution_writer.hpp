#pragma once
// Group commit: request threads hand validated contributions to one writer thread, which stores
// whatever has queued up in one transaction (one disk sync for many contributions) and then wakes
// each request with its outcome. A contribution is acknowledged only after its transaction
// committed. The queue holds no state beyond in-flight requests: a process that dies loses only
// contributions it had not acknowledged.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "storage.hpp"

namespace chatlens::server {

class Metrics;
class WriteHealth;

class ContributionWriter {
 public:
  struct Options {
    size_t max_batch = 512;
    size_t max_queue = 20000;  // beyond this, submit() refuses at once (503)
  };

  // `health` (optional) learns the outcome of every batch.
  ContributionWriter(Storage& storage, Metrics* metrics, Options options, WriteHealth* health = nullptr);
  ~ContributionWriter();  // stop()

  // Stores one contribution; blocks until its batch committed, failed, or `timeout` passed. A
  // timeout does not withdraw the contribution: it may still be stored (a retry with the same
  // idempotency key is then answered as a replay).
  Result<StoreOutcome> submit(PendingContribution item, std::chrono::milliseconds timeout);

  // Stores what is queued, then ends the writer thread. Later submits fail.
  void stop();

 private:
  struct Item;
  void run();
  void maybe_purge();

  Storage& storage_;
  Metrics* metrics_;
  WriteHealth* health_;
  Options options_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::shared_ptr<Item>> queue_;
  bool stopping_ = false;
  std::chrono::steady_clock::time_point next_purge_{};
  std::thread thread_;
};

}  // namespace chatlens::server
