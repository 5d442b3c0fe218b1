#include "http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "request_head.hpp"

namespace chatlens::server {
namespace {

using Clock = std::chrono::steady_clock;

thread_local bool tl_close_after = false;
thread_local Clock::time_point tl_request_start{};
thread_local Clock::time_point tl_enqueued_at{};
thread_local const RequestHeadCheck* tl_head = nullptr;

int millis_until(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : left > 1000000 ? 1000000 : static_cast<int>(left);
}

// Connections wait here for one of a fixed number of threads.
class ConnectionQueue final : public httplib::TaskQueue {
 public:
  ConnectionQueue(size_t threads, std::atomic<size_t>& waiting) : waiting_(waiting) {
    for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
  }
  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard lock(mu_);
      jobs_.push_back({std::move(fn), Clock::now()});
      waiting_.fetch_add(1);
    }
    cv_.notify_one();
  }
  void shutdown() override {
    {
      std::lock_guard lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

 private:
  struct Job {
    std::function<void()> fn;
    Clock::time_point enqueued;
  };
  void work() {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return done_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // done_, and nothing left: every accepted connection is served
        job = std::move(jobs_.front());
        jobs_.pop_front();
        waiting_.fetch_sub(1);
      }
      tl_enqueued_at = job.enqueued;
      job.fn();
    }
  }
  std::atomic<size_t>& waiting_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  bool done_ = false;
  std::vector<std::thread> threads_;
};

// One connection's bytes: buffered reads bounded per request in size and time, buffered writes
// sent when the response is complete (or the buffer is large).
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(int fd, const HttpLimits& limits, int wake_fd) : fd_(fd), limits_(limits), wake_fd_(wake_fd) {}

  bool is_readable() const override {
    if (in_pos_ < in_len_) return true;
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
  }
  bool is_writable() const override { return !failed_; }

  ssize_t read(char* ptr, size_t size) override {
    if (failed_) return -1;
    if (consumed_ >= limits_.max_request_bytes) {
      over_limit_ = true;
      return -1;
    }
    size = std::min(size, limits_.max_request_bytes - consumed_);
    if (in_pos_ == in_len_ && !fill(deadline_)) return eof_ ? 0 : -1;
    const size_t n = std::min(size, in_len_ - in_pos_);
    if (!head_.head_complete() && !head_.feed(in_ + in_pos_, n)) return -1;  // refused: see RequestHeadCheck
    std::memcpy(ptr, in_ + in_pos_, n);
    in_pos_ += n;
    consumed_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (failed_) return -1;
    wrote_ = true;
    out_.append(ptr, size);
    if (out_.size() >= 256 * 1024 && !flush()) return -1;
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
  // Only used by the library to refuse descriptors select() cannot watch; this stream uses poll().
  socket_t socket() const override { return fd_ < FD_SETSIZE ? fd_ : 0; }

  // Waits for the next request's first byte: false when the connection is idle too long, closed,
  // or the server is shutting down. `yield`: whether other connections wait for this thread.
  bool wait_for_request(const std::function<bool()>& yield) {
    if (in_pos_ < in_len_) return true;
    if (!flush()) return false;
    const Clock::time_point start = Clock::now();
    const Clock::time_point deadline = start + limits_.keep_alive_timeout;
    for (;;) {
      pollfd p[2] = {{fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
      const int wait = std::min(millis_until(deadline), 100);
      const int r = ::poll(p, 2, wait);
      if (r < 0 && errno != EINTR) return false;
      if (r > 0 && (p[1].revents & POLLIN)) return false;  // shutting down
      if (r > 0 && p[0].revents) return true;              // data, or EOF (read() reports it)
      if (Clock::now() >= deadline) return false;
      if (Clock::now() - start >= std::chrono::milliseconds(50) && yield()) return false;
    }
  }

  void begin_request() {
    consumed_ = 0;
    over_limit_ = false;
    wrote_ = false;
    head_.reset();
    tl_head = &head_;
    tl_request_start = Clock::now();
    deadline_ = tl_request_start + limits_.request_timeout;
  }

  bool flush() {
    size_t sent = 0;
    while (sent < out_.size() && !failed_) {
      const ssize_t n = ::send(fd_, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL);
      if (n > 0) {
        sent += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        pollfd p{fd_, POLLOUT, 0};
        if (::poll(&p, 1, static_cast<int>(limits_.write_timeout.count())) <= 0) failed_ = true;
      } else {
        failed_ = true;
      }
    }
    out_.clear();
    return !failed_;
  }

  bool failed() const { return failed_ || over_limit_ || head_.malformed(); }
  // The request's head was refused (or too large) before the library could answer: answer here.
  bool needs_answer() const { return !wrote_ && (head_.malformed() || over_limit_); }
  const RequestHeadCheck& head() const { return head_; }
  bool has_unread_input() const { return in_pos_ < in_len_; }

  // Closes politely: after our last response, stop sending, then read (and drop) what the client
  // still sends for a moment, so the kernel does not answer it with a reset that could destroy the
  // response before the client reads it.
  void linger_and_close() {
    ::shutdown(fd_, SHUT_WR);
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(500);
    char sink[4096];
    size_t drained = 0;
    while (drained < (1u << 20)) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, millis_until(deadline)) <= 0) break;
      const ssize_t n = ::recv(fd_, sink, sizeof sink, 0);
      if (n <= 0) break;
      drained += static_cast<size_t>(n);
    }
    ::close(fd_);
  }

 private:
  bool fill(Clock::time_point deadline) {
    if (!flush()) return false;
    for (;;) {
      pollfd p{fd_, POLLIN, 0};
      const int r = ::poll(&p, 1, millis_until(deadline));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) return false;  // timed out (or poll failed)
      const ssize_t n = ::recv(fd_, in_, sizeof in_, 0);
      if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (n <= 0) {
        eof_ = n == 0;
        return false;
      }
      in_pos_ = 0;
      in_len_ = static_cast<size_t>(n);
      return true;
    }
  }

  void address(bool local, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int rc = local ? ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len)
                         : ::getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    ip.clear();
    port = 0;
    if (rc != 0) return;
    char buf[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
      auto* a = reinterpret_cast<sockaddr_in*>(&addr);
      inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf);
      port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
      inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf);
      port = ntohs(a->sin6_port);
    }
    ip = buf;
  }

  int fd_;
  const HttpLimits& limits_;
  int wake_fd_;
  char in_[16384];
  size_t in_pos_ = 0, in_len_ = 0;
  size_t consumed_ = 0;
  bool over_limit_ = false, failed_ = false, eof_ = false, wrote_ = false;
  RequestHeadCheck head_;
  Clock::time_point deadline_{};
  std::string out_;
};

}  // namespace

HttpServer::HttpServer(HttpLimits limits) : limits_(limits) {
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  new_task_queue = [this] { return new ConnectionQueue(limits_.threads, waiting_); };
  set_tcp_nodelay(true);
  const auto rs = std::chrono::duration_cast<std::chrono::seconds>(limits_.request_timeout).count();
  const auto ws = std::chrono::duration_cast<std::chrono::seconds>(limits_.write_timeout).count();
  set_read_timeout(rs > 0 ? rs : 1, 0);
  set_write_timeout(ws > 0 ? ws : 1, 0);
  set_payload_max_length(limits_.max_request_bytes);
  // Only what the Keep-Alive response header says; this file's connection loop enforces them.
  set_keep_alive_max_count(limits_.max_requests_per_connection);
  const auto ks = std::chrono::duration_cast<std::chrono::seconds>(limits_.keep_alive_timeout).count();
  set_keep_alive_timeout(ks > 0 ? ks : 1);
  set_socket_options([this](socket_t sock) {
    int one = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    listen_fd_ = sock;
  });
}

HttpServer::~HttpServer() {
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

int HttpServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  if (bound < 0) return -1;
  // The library listens with a backlog of 5; a burst of connections (a load test, a busy
  // morning) would see SYNs dropped and wait a second each. listen() again raises it.
  ::listen(listen_fd_, SOMAXCONN);
  return bound;
}

void HttpServer::serve() { listen_after_bind(); }

void HttpServer::shutdown() {
  if (stopping_.exchange(true)) return;
  const uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
  // Wakes accept() (Linux: shutdown() on a listening socket) without the library's stop(), which
  // would also cut short responses being written.
  ::shutdown(listen_fd_, SHUT_RDWR);
}

void HttpServer::close_after_response() { tl_close_after = true; }

std::chrono::steady_clock::time_point HttpServer::request_start() { return tl_request_start; }

std::string HttpServer::request_problem() {
  return tl_head && tl_head->malformed() ? tl_head->problem() : std::string();
}

bool HttpServer::request_had_empty_field(std::string_view lower_case_name) {
  if (!tl_head) return false;
  for (const std::string& name : tl_head->empty_fields())
    if (name == lower_case_name) return true;
  return false;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  ConnectionStream strm(sock, limits_, wake_fd_);
  if (Clock::now() - tl_enqueued_at > limits_.request_timeout) {
    // Waited too long for a thread: the server is overloaded; say so rather than time out.
    const std::string body =
        "{\"error\":{\"code\":\"overloaded\",\"message\":\"the server is busy; retry in a moment\"}}\n";
    const std::string busy =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: 5\r\n"
        "Connection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    strm.write(busy.data(), busy.size());
    strm.flush();
    strm.linger_and_close();
    return false;
  }
  bool ok = true;
  for (size_t served = 0;; ++served) {
    if (!strm.wait_for_request([this] { return waiting_.load() > 0; })) break;
    const bool last = served + 1 >= limits_.max_requests_per_connection || stopping_.load();
    strm.begin_request();
    tl_close_after = false;
    bool connection_closed = false;
    ok = process_request(strm, last, connection_closed, nullptr);
    if (strm.needs_answer()) {
      const std::string why = strm.head().malformed() ? strm.head().problem() : "the request head is too large";
      const std::string body = "{\"error\":{\"code\":\"bad_request\",\"message\":\"" + why + "\"}}\n";
      const std::string response =
          "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n"
          "Connection: close\r\nContent-Length: " +
          std::to_string(body.size()) + "\r\n\r\n" + body;
      strm.write(response.data(), response.size());
    }
    if (!strm.flush()) break;
    if (!ok || connection_closed || last || tl_close_after || strm.failed()) break;
  }
  strm.flush();
  strm.linger_and_close();
  return ok;
}

}  // namespace chatlens::server
