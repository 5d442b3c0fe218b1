#pragma once
// The HTTP/1.1 transport: cpp-httplib's request parsing and routing (Debian's libcpp-httplib),
// with this file's own connection handling, because the library's leaves some limits open:
//  - every request is bounded in bytes (request line + headers + body) and in time (from its
//    first byte until it is read), so neither huge headers nor a slow client can hold a thread
//    or memory for long; idle keep-alive connections are closed after a timeout, and sooner
//    when other connections are waiting for a thread;
//  - responses are written with one send() where possible (headers and body together);
//  - graceful shutdown: stop accepting, let each in-flight request finish (its response is sent
//    whole, with "Connection: close"), close idle connections at once;
//  - each request's head is checked strictly (request_head.hpp) where the library is lenient;
//  - the listen backlog is raised from the library's 5 to SOMAXCONN;
//  - connections are served by a fixed pool of threads; a connection that waited longer than the
//    request timeout for a thread is answered 503 at once.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace chatlens::server {

struct HttpLimits {
  size_t max_request_bytes = 24 * 1024;  // request line + headers + body
  std::chrono::milliseconds request_timeout{10000};
  std::chrono::milliseconds keep_alive_timeout{5000};
  std::chrono::milliseconds write_timeout{10000};
  size_t max_requests_per_connection = 100000;
  size_t threads = 64;
};

class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(HttpLimits limits);
  ~HttpServer() override;

  // Binds and listens; the port (the chosen one when port is 0), or -1 (errno says why).
  int bind(const std::string& host, int port);
  // Serves until shutdown() has completed: every accepted request answered, every thread joined.
  void serve();
  // Begins a graceful shutdown; returns at once (serve() returns when it is done). Safe from any thread.
  void shutdown();
  bool shutting_down() const { return stopping_.load(); }

  // For handlers, on the request's thread: close the connection after this response (e.g. a
  // request whose body was not read).
  static void close_after_response();
  // When the current request's first byte arrived.
  static std::chrono::steady_clock::time_point request_start();
  // Why the current request's head was refused ("" when it was not).
  static std::string request_problem();
  // Whether the current request sent this header field (lower case) with an empty value, which the
  // library drops.
  static bool request_had_empty_field(std::string_view lower_case_name);

  // Connections accepted but waiting for a thread.
  size_t waiting_connections() const { return waiting_.load(); }

 private:
  bool process_and_close_socket(socket_t sock) override;

  HttpLimits limits_;
  int listen_fd_ = -1;
  int wake_fd_ = -1;  // eventfd, readable once shutting down: wakes idle connections
  std::atomic<bool> stopping_{false};
  std::atomic<size_t> waiting_{0};
};

}  // namespace chatlens::server
