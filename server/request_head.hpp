#pragma once
// A strict check of each request's head (request line and header fields, RFC 9112), fed the bytes
// as the parser consumes them. cpp-httplib is lenient: it skips header lines without a colon or
// with a bare LF, drops fields with an empty value, accepts runs of spaces in the request line. A
// request that needs such leniency is refused (400) instead, so that what the service acts on is
// exactly what the client sent.
#include <cstddef>
#include <string>
#include <vector>

namespace chatlens::server {

class RequestHeadCheck {
 public:
  void reset();
  // Feeds consumed bytes; false once the head is malformed (and from then on).
  bool feed(const char* data, size_t size);
  bool head_complete() const { return state_ == State::kBody; }
  bool malformed() const { return state_ == State::kMalformed; }
  const std::string& problem() const { return problem_; }
  // Lower-cased names of fields sent with an empty value (the parser drops them).
  const std::vector<std::string>& empty_fields() const { return empty_fields_; }

 private:
  enum class State { kRequestLine, kFields, kBody, kMalformed };
  bool end_of_line();
  bool fail(const char* why);

  State state_ = State::kRequestLine;
  std::string line_;
  bool after_cr_ = false;
  std::string problem_;
  std::vector<std::string> empty_fields_;
};

}  // namespace chatlens::server
