#include "connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace chatlens::server {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kReadChunk = 16384;
constexpr auto kLinger = std::chrono::milliseconds(500);
constexpr size_t kMaxDrained = 1 << 20;

int millis_until(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : left > 1000000 ? 1000000 : static_cast<int>(left);
}

}  // namespace

Connection::Connection(int fd, std::string client, const HttpLimits& limits, ConnectionLimits& slots)
    : fd_(fd), client_(std::move(client)), limits_(limits), slots_(slots), idle_since_(Clock::now()) {}

Connection::~Connection() {
  ::close(fd_);
  slots_.release(client_);
}

Connection::Progress Connection::receive() {
  char buf[kReadChunk];
  // Never more than one request's worth beyond what is parsed: the rest waits in the socket.
  while (!eof_ && in_.size() - pos_ < limits_.max_request_bytes + kReadChunk) {
    const ssize_t n = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) {
      if (!started_) {
        started_ = true;
        first_byte_at_ = Clock::now();
      }
      in_.append(buf, static_cast<size_t>(n));
      if (static_cast<size_t>(n) < sizeof buf) break;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      break;
    } else {
      eof_ = true;  // closed (0) or failed
    }
  }
  return progress();
}

Connection::Progress Connection::progress() {
  if (refusal_status_) return Progress::kRefused;
  if (!head_.head_complete() && in_.size() > head_.head_size())
    head_.feed(in_.data() + head_.head_size(), in_.size() - head_.head_size());
  if (head_.malformed()) return refuse(400, head_.problem());
  if (!head_.head_complete()) {
    if (head_.head_size() >= limits_.max_request_bytes)
      return refuse(431, "the request head is larger than " + std::to_string(limits_.max_request_bytes) + " bytes");
    if (eof_)
      return started_ ? refuse(400, "the connection closed before the request head was complete") : Progress::kClosed;
    return started_ ? Progress::kPartial : Progress::kWaiting;
  }
  // A body that fits is received here too, so that a thread never waits for a slow client; one
  // that does not, or whose size is not declared, is left to the parser (which refuses it or
  // reads it within the request timeout). At the end of the stream, the parser says what is missing.
  const std::optional<size_t> body = head_.declared_body_size();
  const size_t whole = head_.head_size() + body.value_or(0);
  if (body && whole <= limits_.max_request_bytes && in_.size() < whole && !eof_) return Progress::kPartial;
  return Progress::kReady;
}

Connection::Progress Connection::refuse(int status, std::string message) {
  refusal_status_ = status;
  refusal_message_ = std::move(message);
  return Progress::kRefused;
}

void Connection::next_request() {
  in_.erase(0, pos_);
  pos_ = 0;
  head_.reset();
  started_ = !in_.empty();
  idle_since_ = Clock::now();
  if (started_) first_byte_at_ = idle_since_;
}

void Connection::begin_request() {
  consumed_ = 0;
  over_limit_ = false;
  wrote_ = false;
  deadline_ = first_byte_at_ + limits_.request_timeout;
}

bool Connection::is_readable() const {
  if (pos_ < in_.size()) return true;
  pollfd p{fd_, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

ssize_t Connection::read(char* ptr, size_t size) {
  if (failed_) return -1;
  if (consumed_ >= limits_.max_request_bytes) {
    over_limit_ = true;
    return -1;
  }
  size = std::min(size, limits_.max_request_bytes - consumed_);
  if (pos_ == in_.size() && !fill()) return eof_ ? 0 : -1;
  const size_t n = std::min(size, in_.size() - pos_);
  std::memcpy(ptr, in_.data() + pos_, n);
  pos_ += n;
  consumed_ += n;
  return static_cast<ssize_t>(n);
}

bool Connection::fill() {
  if (!flush()) return false;
  for (;;) {
    pollfd p{fd_, POLLIN, 0};
    const int r = ::poll(&p, 1, millis_until(deadline_));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;  // the request's time is up (or poll failed)
    char buf[kReadChunk];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
    if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    in_.append(buf, static_cast<size_t>(n));
    return true;
  }
}

ssize_t Connection::write(const char* ptr, size_t size) {
  if (failed_) return -1;
  wrote_ = true;
  out_.append(ptr, size);
  if (out_.size() >= 256 * 1024 && !flush()) return -1;
  return static_cast<ssize_t>(size);
}

bool Connection::flush() {
  // One deadline for the whole response: a client reading a byte at a time cannot hold the thread.
  const Clock::time_point deadline = Clock::now() + limits_.write_timeout;
  size_t sent = 0;
  while (sent < out_.size() && !failed_) {
    const ssize_t n = ::send(fd_, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      sent += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd p{fd_, POLLOUT, 0};
      if (::poll(&p, 1, millis_until(deadline)) <= 0) failed_ = true;
    } else {
      failed_ = true;
    }
  }
  out_.clear();
  return !failed_;
}

void Connection::send_now(const std::string& response) {
  size_t sent = 0;
  while (sent < response.size()) {
    const ssize_t n = ::send(fd_, response.data() + sent, response.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      sent += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return;  // full or failed: a refusal is not worth waiting for
    }
  }
}

void Connection::start_linger() {
  ::shutdown(fd_, SHUT_WR);
  lingering_ = true;
  linger_deadline_ = Clock::now() + kLinger;
}

bool Connection::drain() {
  char sink[kReadChunk];
  for (;;) {
    const ssize_t n = ::recv(fd_, sink, sizeof sink, MSG_DONTWAIT);
    if (n > 0) {
      drained_ += static_cast<size_t>(n);
      if (drained_ >= kMaxDrained) return true;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return !(n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
    }
  }
}

void Connection::address(bool local, std::string& ip, int& port) const {
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

}  // namespace chatlens::server
