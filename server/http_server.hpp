#pragma once
// The HTTP/1.1 transport: cpp-httplib's request parsing and routing (Debian's libcpp-httplib),
// with this file's own connection handling in two stages, because the library gives each
// connection a thread from its first byte, so that a few hundred slow clients (slowloris) hold
// every thread and even /healthz waits:
//  - the connection stage (one thread, epoll) accepts connections and receives each request
//    (its head, checked strictly as it arrives (request_head.hpp), and a body that fits) without
//    a thread of its own, within deadlines: the head within the request head timeout of its first
//    byte, the whole request within the request timeout, the next request on an idle connection
//    within the keep-alive timeout. Late requests are answered 408, malformed ones 400, both by
//    this stage; connections beyond the caps (in all, and per client address) are answered 503;
//  - the request stage: a fixed pool of threads (connection_queue.hpp) serves requests that are
//    whole; a connection kept alive goes back to the connection stage between requests (after a
//    few milliseconds of grace, ended at once when another connection waits). A connection that waited longer
//    than the request timeout for a thread is answered 503 at once;
//  - every request is bounded in bytes (request line + headers + body); responses are written
//    with one send() where possible, within the write timeout;
//  - graceful shutdown: stop accepting, let each request already begun finish (its response is
//    sent whole, with "Connection: close"), close idle connections at once.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "connection.hpp"
#include "connection_limits.hpp"
#include "connection_queue.hpp"
#include "http_limits.hpp"
#include "metrics.hpp"

namespace chatlens::server {

class HttpServer : public httplib::Server {
 public:
  // `metrics` (optional) counts what the connection stage refuses.
  explicit HttpServer(HttpLimits limits, Metrics* metrics = nullptr);
  ~HttpServer() override;

  // Binds and listens; the port (the chosen one when port is 0), or -1 (errno says why).
  int bind(const std::string& host, int port);
  // Serves until shutdown() has completed: every begun request answered, every thread joined.
  void serve();
  // Begins a graceful shutdown; returns at once (serve() returns when it is done). Safe from any thread.
  void shutdown();
  bool shutting_down() const { return stopping_.load(); }

  // For handlers, on the request's thread: close the connection after this response (e.g. a
  // request whose body was not read).
  static void close_after_response();
  // When the current request's first byte arrived.
  static std::chrono::steady_clock::time_point request_start();
  // Whether the current request sent this header field (lower case) with an empty value, which the
  // library drops.
  static bool request_had_empty_field(std::string_view lower_case_name);

  // Connections open now (held by either stage).
  size_t open_connections() const { return slots_.open(); }

 private:
  using Clock = std::chrono::steady_clock;

  // The connection stage (serve()'s thread).
  void run_connection_stage();
  void accept_connections();
  void on_readable(int fd);
  void check_deadlines(Clock::time_point now);
  void take_back_returned();
  void watch(std::unique_ptr<Connection> c);
  void unwatch_and_close(int fd);
  void to_request_stage(int fd);
  void refuse(Connection& c, int status, const std::string& message);  // a malformed or too large head
  void answer_late(Connection& c, const std::string& message);         // 408
  void count(Refusal why) {
    if (metrics_) metrics_->connection_refused(why);
  }
  void set_accepting(bool on);

  // The request stage (pool threads).
  void serve_requests(std::unique_ptr<Connection> c, Clock::time_point queued_at);
  // Gives a connection back to the connection stage (to wait for its next request, or to linger).
  void give_back(std::unique_ptr<Connection> c);

  HttpLimits limits_;
  Metrics* metrics_;
  ConnectionLimits slots_;
  int listen_fd_ = -1;
  int wake_fd_ = -1;  // eventfd: shutdown, or connections given back
  int epoll_fd_ = -1;
  bool accepting_ = false;
  Clock::time_point accept_again_at_{};  // after running out of file descriptors
  std::atomic<bool> stopping_{false};
  std::unordered_map<int, std::unique_ptr<Connection>> held_;  // by the connection stage
  std::mutex returned_mu_;
  std::vector<std::unique_ptr<Connection>> returned_;
  std::unique_ptr<ConnectionQueue> queue_;
};

}  // namespace chatlens::server
