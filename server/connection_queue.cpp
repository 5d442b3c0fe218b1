#include "connection_queue.hpp"

namespace chatlens::server {

ConnectionQueue::ConnectionQueue(size_t threads, Serve serve) : serve_(std::move(serve)) {
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

ConnectionQueue::~ConnectionQueue() { stop(); }

void ConnectionQueue::push(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard lock(mu_);
    jobs_.push_back({std::move(connection), Clock::now()});
  }
  cv_.notify_one();
}

size_t ConnectionQueue::waiting() const {
  std::lock_guard lock(mu_);
  return jobs_.size();
}

void ConnectionQueue::stop() {
  {
    std::lock_guard lock(mu_);
    done_ = true;
  }
  cv_.notify_all();
  for (std::thread& t : threads_)
    if (t.joinable()) t.join();
}

void ConnectionQueue::work() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return done_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // done_, and nothing left
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    serve_(std::move(job.connection), job.queued_at);
  }
}

}  // namespace chatlens::server
