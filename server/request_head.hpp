#pragma once
// A strict check of each request's head (request line and header fields, RFC 9112), fed the bytes
// as they arrive. cpp-httplib is lenient: it skips header lines without a colon or with a bare LF,
// drops fields with an empty value, accepts runs of spaces in the request line, serves HTTP/1.1
// requests without a Host. A request that needs such leniency is refused (400) instead, so that
// what the service acts on is exactly what the client sent.
//
// The check also tells where the head ends and how long the body declares itself, so that the
// connection stage (http_server.hpp) can wait for a whole request before it takes a thread.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace chatlens::server {

class RequestHeadCheck {
 public:
  void reset();
  // Feeds bytes in arrival order; stops at the end of the head (what follows is the body or the
  // next request: see head_size()). False once the head is malformed (and from then on).
  bool feed(const char* data, size_t size);
  bool head_complete() const { return state_ == State::kBody; }
  bool malformed() const { return state_ == State::kMalformed; }
  const std::string& problem() const { return problem_; }
  // Bytes of the head fed so far (all of it once complete).
  size_t head_size() const { return head_size_; }
  // Lower-cased names of fields sent with an empty value (the parser drops them).
  const std::vector<std::string>& empty_fields() const { return empty_fields_; }
  // Once complete: the body's size when the head declares it plainly (one Content-Length, no
  // Transfer-Encoding, no Expect), 0 when it declares none; nullopt when it cannot be known
  // before reading (the parser then reads it, or the request is refused).
  std::optional<size_t> declared_body_size() const;

 private:
  enum class State { kRequestLine, kFields, kBody, kMalformed };
  bool end_of_line();
  bool end_of_head();
  bool field(const std::string& lower_name, const std::string& value);
  bool fail(const char* why);

  State state_ = State::kRequestLine;
  std::string line_;
  bool after_cr_ = false;
  size_t head_size_ = 0;
  std::string problem_;
  std::vector<std::string> empty_fields_;
  bool http11_ = false;
  int hosts_ = 0;
  int content_lengths_ = 0;
  std::optional<size_t> content_length_;  // the (one) Content-Length, when it is a plain number
  bool framing_unknown_ = false;          // Transfer-Encoding or Expect
};

}  // namespace chatlens::server
