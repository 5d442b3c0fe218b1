#include "http_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "json/json.hpp"
#include "rate_limiter.hpp"

namespace chatlens::server {
namespace {

using Clock = std::chrono::steady_clock;
using Progress = Connection::Progress;

// How often deadlines are checked: they are kept to within this.
constexpr auto kTick = std::chrono::milliseconds(100);
// After a response, how long a request thread waits for the next request on the same connection
// before giving it back to the connection stage; it gives it back at once when another connection
// waits for a thread, so a client that is slow to send its next request holds a thread 1 ms at most then.
constexpr auto kKeepAliveGrace = std::chrono::milliseconds(50);

thread_local bool tl_close_after = false;
thread_local Clock::time_point tl_request_start{};
thread_local const RequestHeadCheck* tl_head = nullptr;

// A complete error response, JSON like every other error of the service, closing the connection.
std::string error_response(int status, const char* reason, std::string_view code, std::string_view message,
                           const char* extra_headers = "") {
  std::string body = "{\"error\":{\"code\":";
  append_json_string(body, code);
  body += ",\"message\":";
  append_json_string(body, message);
  body += "}}\n";
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n" + extra_headers +
         "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string refusal_response(int status, const std::string& message) {
  switch (status) {
    case 408: return error_response(408, "Request Timeout", "request_timeout", message);
    case 431: return error_response(431, "Request Header Fields Too Large", "head_too_large", message);
    default: return error_response(400, "Bad Request", "bad_request", message);
  }
}

std::string seconds_text(std::chrono::milliseconds d) {
  const double s = std::chrono::duration<double>(d).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

std::string peer_address(const sockaddr_storage& addr) {
  char buf[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&addr)->sin_addr, buf, sizeof buf);
  else if (addr.ss_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_addr, buf, sizeof buf);
  return buf;
}

}  // namespace

HttpServer::HttpServer(HttpLimits limits, Metrics* metrics)
    : limits_(limits), metrics_(metrics), slots_(limits.max_connections, limits.max_connections_per_client) {
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  set_payload_max_length(limits_.max_request_bytes);
  // Only what the Keep-Alive response header says; the connection stages enforce them.
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
  held_.clear();
  svr_sock_ = INVALID_SOCKET;  // the listening socket is this class's to close, not the library's
  if (listen_fd_ >= 0) ::close(listen_fd_);
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
}

int HttpServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  if (bound < 0) return -1;
  // The library listens with a backlog of 5; a burst of connections (a load test, a busy
  // morning) would see SYNs dropped and wait a second each. listen() again raises it.
  ::listen(listen_fd_, SOMAXCONN);
  ::fcntl(listen_fd_, F_SETFL, ::fcntl(listen_fd_, F_GETFL) | O_NONBLOCK);
  return bound;
}

void HttpServer::shutdown() {
  if (stopping_.exchange(true)) return;
  const uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

void HttpServer::close_after_response() { tl_close_after = true; }

std::chrono::steady_clock::time_point HttpServer::request_start() { return tl_request_start; }

bool HttpServer::request_had_empty_field(std::string_view lower_case_name) {
  if (!tl_head) return false;
  for (const std::string& name : tl_head->empty_fields())
    if (name == lower_case_name) return true;
  return false;
}

// ---- The connection stage.

void HttpServer::serve() {
  queue_ = std::make_unique<ConnectionQueue>(
      limits_.threads,
      [this](std::unique_ptr<Connection> c, Clock::time_point queued_at) { serve_requests(std::move(c), queued_at); });
  run_connection_stage();
  queue_->stop();  // nothing is left: every connection is closed
}

void HttpServer::run_connection_stage() {
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.fd = wake_fd_;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake);
  if (listen_fd_ >= 0) set_accepting(true);
  Clock::time_point next_check = Clock::now() + kTick;
  epoll_event events[256];
  for (;;) {
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_check - Clock::now()).count();
    const int n = ::epoll_wait(epoll_fd_, events, 256, wait < 0 ? 0 : static_cast<int>(wait) + 1);
    for (int i = 0; i < n; ++i) {
      const int fd = events[i].data.fd;
      if (fd == listen_fd_) {
        accept_connections();
      } else if (fd == wake_fd_) {
        uint64_t count;
        [[maybe_unused]] ssize_t r = ::read(wake_fd_, &count, sizeof count);
      } else {
        on_readable(fd);
      }
    }
    take_back_returned();
    const Clock::time_point now = Clock::now();
    if (stopping_.load()) {
      if (listen_fd_ >= 0) {  // stop accepting: new connections are refused by the kernel
        set_accepting(false);
        ::close(listen_fd_);
        listen_fd_ = -1;
      }
      // Idle connections close at once; requests already begun are received and served.
      std::vector<int> idle;
      for (const auto& [fd, c] : held_)
        if (!c->started() && !c->lingering()) idle.push_back(fd);
      for (int fd : idle) unwatch_and_close(fd);
      if (slots_.open() == 0) break;
    }
    if (now >= next_check) {
      check_deadlines(now);
      if (!accepting_ && listen_fd_ >= 0 && !stopping_.load() && now >= accept_again_at_) set_accepting(true);
      next_check = now + kTick;
    }
  }
  ::close(epoll_fd_);
  epoll_fd_ = -1;
}

void HttpServer::set_accepting(bool on) {
  if (on == accepting_ || listen_fd_ < 0) return;
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = listen_fd_;
  ::epoll_ctl(epoll_fd_, on ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, listen_fd_, &ev);
  accepting_ = on;
}

void HttpServer::accept_connections() {
  for (;;) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int fd = ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors: pause accepting for a moment rather than spin on a readable socket.
        set_accepting(false);
        accept_again_at_ = Clock::now() + kTick;
      }
      return;  // EAGAIN: all taken
    }
    const std::string client = RateLimiter::client_key(peer_address(addr));
    const ConnectionLimits::Admission admission = slots_.admit(client);
    if (admission != ConnectionLimits::Admission::kAdmitted) {
      count(admission == ConnectionLimits::Admission::kClientFull ? Refusal::kClientCap : Refusal::kServerFull);
      const std::string response =
          admission == ConnectionLimits::Admission::kClientFull
              ? error_response(503, "Service Unavailable", "too_many_connections",
                               "too many connections from your address (at most " +
                                   std::to_string(limits_.max_connections_per_client) + "); close some and retry",
                               "Retry-After: 1\r\n")
              : error_response(503, "Service Unavailable", "overloaded",
                               "the server has too many connections; retry in a moment", "Retry-After: 5\r\n");
      [[maybe_unused]] ssize_t n = ::send(fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      ::shutdown(fd, SHUT_WR);
      ::close(fd);
      continue;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    watch(std::make_unique<Connection>(fd, client, limits_, slots_));
  }
}

void HttpServer::watch(std::unique_ptr<Connection> c) {
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP;
  ev.data.fd = c->fd();
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, c->fd(), &ev);
  held_[c->fd()] = std::move(c);
}

void HttpServer::unwatch_and_close(int fd) {
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  held_.erase(fd);
}

void HttpServer::to_request_stage(int fd) {
  auto it = held_.find(fd);
  std::unique_ptr<Connection> c = std::move(it->second);
  held_.erase(it);
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  queue_->push(std::move(c));
}

void HttpServer::refuse(Connection& c, int status, const std::string& message) {
  count(status == 431 ? Refusal::kHeadTooLarge : Refusal::kMalformedHead);
  c.send_now(refusal_response(status, message));
  c.start_linger();
}

void HttpServer::answer_late(Connection& c, const std::string& message) {
  c.send_now(refusal_response(408, message));
  c.start_linger();
}

void HttpServer::on_readable(int fd) {
  auto it = held_.find(fd);
  if (it == held_.end()) return;
  Connection& c = *it->second;
  if (c.lingering()) {
    if (c.drain()) unwatch_and_close(fd);
    return;
  }
  switch (c.receive()) {
    case Progress::kWaiting:
    case Progress::kPartial: return;
    case Progress::kReady: return to_request_stage(fd);
    case Progress::kRefused: return refuse(c, c.refusal_status(), c.refusal_message());
    case Progress::kClosed: return unwatch_and_close(fd);
  }
}

void HttpServer::check_deadlines(Clock::time_point now) {
  std::vector<int> close, late_head, late_body;
  for (const auto& [fd, c] : held_) {
    if (c->lingering()) {
      if (now >= c->linger_deadline()) close.push_back(fd);
    } else if (!c->started()) {
      if (now >= c->idle_since() + limits_.keep_alive_timeout) close.push_back(fd);
    } else if (!c->head_complete()) {
      if (now >= c->first_byte_at() + limits_.request_head_timeout) late_head.push_back(fd);
    } else if (now >= c->first_byte_at() + limits_.request_timeout) {
      late_body.push_back(fd);
    }
  }
  for (int fd : close) unwatch_and_close(fd);
  for (int fd : late_head) {
    count(Refusal::kHeadTimeout);
    answer_late(*held_[fd],
                "the request head did not arrive within " + seconds_text(limits_.request_head_timeout) + " s");
  }
  for (int fd : late_body) {
    count(Refusal::kRequestTimeout);
    answer_late(*held_[fd], "the request did not arrive within " + seconds_text(limits_.request_timeout) + " s");
  }
}

void HttpServer::give_back(std::unique_ptr<Connection> c) {
  {
    std::lock_guard lock(returned_mu_);
    returned_.push_back(std::move(c));
  }
  const uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(wake_fd_, &one, sizeof one);
}

void HttpServer::take_back_returned() {
  std::vector<std::unique_ptr<Connection>> back;
  {
    std::lock_guard lock(returned_mu_);
    back.swap(returned_);
  }
  for (auto& c : back) watch(std::move(c));  // level-triggered: bytes already waiting are reported
}

// ---- The request stage.

void HttpServer::serve_requests(std::unique_ptr<Connection> c, Clock::time_point queued_at) {
  if (Clock::now() - queued_at > limits_.request_timeout) {
    // Waited too long for a thread: the server is overloaded; say so rather than time out.
    count(Refusal::kOverloaded);
    const std::string busy = error_response(503, "Service Unavailable", "overloaded",
                                            "the server is busy; retry in a moment", "Retry-After: 5\r\n");
    c->write(busy.data(), busy.size());
    c->flush();
    c->start_linger();
    return give_back(std::move(c));
  }
  for (;;) {
    const bool last = c->requests_served() + 1 >= limits_.max_requests_per_connection || stopping_.load();
    c->begin_request();
    tl_request_start = c->first_byte_at();
    tl_head = &c->head();
    tl_close_after = false;
    bool connection_closed = false;
    const bool ok = process_request(*c, last, connection_closed, nullptr);
    tl_head = nullptr;
    c->end_request();
    if (c->needs_answer()) {
      const std::string too_large =
          error_response(413, "Content Too Large", "too_large",
                         "the request is larger than " + std::to_string(limits_.max_request_bytes) + " bytes");
      c->write(too_large.data(), too_large.size());
    }
    if (!c->flush()) return;  // the client is gone or does not read: close
    if (!ok || connection_closed || last || tl_close_after || c->failed()) {
      c->start_linger();
      return give_back(std::move(c));
    }
    c->next_request();
    Progress p = c->progress();
    // The next request usually follows at once: wait for it a moment, unless others need a thread.
    const Clock::time_point grace_end = Clock::now() + kKeepAliveGrace;
    while ((p == Progress::kWaiting || p == Progress::kPartial) && queue_->waiting() == 0 && Clock::now() < grace_end &&
           !stopping_.load()) {
      pollfd pfd{c->fd(), POLLIN, 0};
      if (::poll(&pfd, 1, 1) > 0) p = c->receive();
    }
    switch (p) {
      case Progress::kReady: continue;
      case Progress::kClosed: return;
      case Progress::kRefused: {
        count(c->refusal_status() == 431 ? Refusal::kHeadTooLarge : Refusal::kMalformedHead);
        const std::string r = refusal_response(c->refusal_status(), c->refusal_message());
        c->write(r.data(), r.size());
        c->flush();
        c->start_linger();
        return give_back(std::move(c));
      }
      default: return give_back(std::move(c));  // the connection stage waits for the rest
    }
  }
}

}  // namespace chatlens::server
