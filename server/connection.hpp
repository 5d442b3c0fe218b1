#pragma once
// One client connection, shared in turn by the connection stage (which receives each request
// without a thread of its own) and a request thread (which serves it): the socket, the bytes
// received and not yet parsed, the strict check of the request head (request_head.hpp), the
// deadlines of each phase, and the slot it holds in ConnectionLimits. It is the httplib::Stream
// the parser reads a whole request from and writes the response to.
#include <httplib.h>

#include <chrono>
#include <string>

#include "connection_limits.hpp"
#include "http_limits.hpp"
#include "request_head.hpp"

namespace chatlens::server {

class Connection final : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  // Takes ownership of `fd` (non-blocking) and of the slot `client` holds in `slots`.
  Connection(int fd, std::string client, const HttpLimits& limits, ConnectionLimits& slots);
  ~Connection() override;  // closes the socket, gives the slot back
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  int fd() const { return fd_; }

  // ---- Receiving the next request (never blocks).
  enum class Progress {
    kWaiting,  // nothing of the next request yet
    kPartial,  // part of it
    kReady,    // its head, and its body when the head declares one that fits, are here
    kRefused,  // malformed or too large: answer refusal_status() / refusal_message() and close
    kClosed,   // the client closed (or the socket failed) with no request to answer
  };
  // Reads what the socket holds now, then checks what is buffered.
  Progress receive();
  // Checks what is buffered (e.g. a pipelined request that arrived with the last one).
  Progress progress();
  // After a response, on a connection kept alive: the next request starts with what is buffered.
  void next_request();
  bool started() const { return started_; }  // a byte of the current request has arrived
  bool head_complete() const { return head_.head_complete(); }
  Clock::time_point idle_since() const { return idle_since_; }
  Clock::time_point first_byte_at() const { return first_byte_at_; }
  int refusal_status() const { return refusal_status_; }
  const std::string& refusal_message() const { return refusal_message_; }
  const RequestHeadCheck& head() const { return head_; }
  size_t requests_served() const { return served_; }

  // ---- Serving the current request (a request thread): reads wait until its deadline.
  void begin_request();
  void end_request() { ++served_; }
  bool is_readable() const override;
  bool is_writable() const override { return !failed_; }
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
  // Only used by the library to refuse descriptors select() cannot watch; this stream uses poll().
  socket_t socket() const override { return fd_ < FD_SETSIZE ? fd_ : 0; }
  // Sends what write() buffered; false when the client does not take it within the write timeout.
  bool flush();
  bool failed() const { return failed_ || over_limit_; }
  // The parser stopped at the size limit before anything was answered: answer here.
  bool needs_answer() const { return !wrote_ && over_limit_; }

  // Sends a small response now, as much as the socket takes without waiting (the connection
  // stage answering a refused or late request).
  void send_now(const std::string& response);

  // ---- Closing politely: stop sending, then read and drop what the client still sends for a
  // moment, so that its kernel does not answer it with a reset that could destroy our response.
  void start_linger();
  bool lingering() const { return lingering_; }
  Clock::time_point linger_deadline() const { return linger_deadline_; }
  // Drops what arrived (never blocks); true once the lingering is over.
  bool drain();

 private:
  Progress refuse(int status, std::string message);
  bool fill();  // waits (until the request's deadline) for more bytes
  void address(bool local, std::string& ip, int& port) const;

  int fd_;
  std::string client_;
  const HttpLimits& limits_;
  ConnectionLimits& slots_;

  std::string in_;         // received, from the current request on
  size_t pos_ = 0;         // bytes of in_ the parser has read
  RequestHeadCheck head_;  // of the request starting at in_[0]
  bool started_ = false;
  bool eof_ = false;
  Clock::time_point idle_since_;
  Clock::time_point first_byte_at_{};
  int refusal_status_ = 0;
  std::string refusal_message_;

  size_t consumed_ = 0;  // by the parser, of the current request
  Clock::time_point deadline_{};
  bool over_limit_ = false, failed_ = false, wrote_ = false;
  std::string out_;
  size_t served_ = 0;

  bool lingering_ = false;
  Clock::time_point linger_deadline_{};
  size_t drained_ = 0;
};

}  // namespace chatlens::server
