#pragma once
// Connections with a whole request received wait here for one of a fixed number of request
// threads. Only the connection stage puts them here, so a slow client never takes a thread.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "connection.hpp"

namespace chatlens::server {

class ConnectionQueue {
 public:
  using Clock = std::chrono::steady_clock;
  // Runs on a request thread; `queued_at`: when the connection was put in the queue.
  using Serve = std::function<void(std::unique_ptr<Connection>, Clock::time_point queued_at)>;

  ConnectionQueue(size_t threads, Serve serve);
  ~ConnectionQueue();  // stop()

  void push(std::unique_ptr<Connection> connection);
  // Connections waiting for a thread.
  size_t waiting() const;
  // Serves what is queued, then joins the threads.
  void stop();

 private:
  struct Job {
    std::unique_ptr<Connection> connection;
    Clock::time_point queued_at;
  };
  void work();

  Serve serve_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  bool done_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace chatlens::server
