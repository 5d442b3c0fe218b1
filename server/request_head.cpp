#include "request_head.hpp"

namespace chatlens::server {
namespace {

// RFC 9110 5.6.2 tchar.
bool is_tchar(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
  }
}

bool is_field_value_char(unsigned char c) { return c == '\t' || c == ' ' || (c >= 0x21 && c != 0x7F); }

// RFC 3986 host [":" port]: reg-name, IPv4 or [IPv6] characters, nothing that could start a path,
// user info or another field.
bool is_host_char(unsigned char c) {
  if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '%':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '[':
    case ']': return true;
    default: return false;
  }
}

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

void RequestHeadCheck::reset() {
  state_ = State::kRequestLine;
  line_.clear();
  after_cr_ = false;
  head_size_ = 0;
  problem_.clear();
  empty_fields_.clear();
  http11_ = false;
  hosts_ = 0;
  content_lengths_ = 0;
  content_length_.reset();
  framing_unknown_ = false;
}

bool RequestHeadCheck::fail(const char* why) {
  state_ = State::kMalformed;
  problem_ = why;
  return false;
}

bool RequestHeadCheck::feed(const char* data, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    if (state_ == State::kMalformed) return false;
    if (state_ == State::kBody) return true;
    const char c = data[i];
    ++head_size_;
    if (after_cr_) {
      if (c != '\n') return fail("a CR not followed by LF in the request head");
      after_cr_ = false;
      if (!end_of_line()) return false;
      continue;
    }
    if (c == '\r') {
      after_cr_ = true;
    } else if (c == '\n') {
      return fail("a line of the request head ends in LF without CR");
    } else {
      line_ += c;
    }
  }
  return state_ != State::kMalformed;
}

bool RequestHeadCheck::end_of_line() {
  const std::string& l = line_;
  if (state_ == State::kRequestLine) {
    // method SP request-target SP HTTP-version, single spaces, nothing else.
    const size_t sp1 = l.find(' ');
    const size_t sp2 = sp1 == std::string::npos ? std::string::npos : l.find(' ', sp1 + 1);
    if (sp1 == std::string::npos || sp2 == std::string::npos || l.find(' ', sp2 + 1) != std::string::npos)
      return fail("the request line is not METHOD TARGET HTTP/1.1");
    if (sp1 == 0) return fail("the request line has no method");
    for (size_t i = 0; i < sp1; ++i)
      if (!is_tchar(static_cast<unsigned char>(l[i]))) return fail("the method has characters a method cannot have");
    if (sp2 == sp1 + 1) return fail("the request line has no target");
    for (size_t i = sp1 + 1; i < sp2; ++i) {
      const auto c = static_cast<unsigned char>(l[i]);
      if (c <= 0x20 || c >= 0x7F) return fail("the request target has characters a URL cannot have");
    }
    const std::string version = l.substr(sp2 + 1);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") return fail("only HTTP/1.1 and HTTP/1.0 are spoken here");
    http11_ = version == "HTTP/1.1";
    state_ = State::kFields;
  } else if (l.empty()) {
    return end_of_head();  // the blank line: the head is complete
  } else {
    if (l[0] == ' ' || l[0] == '\t') return fail("folded header lines (obs-fold) are not accepted");
    const size_t colon = l.find(':');
    if (colon == std::string::npos || colon == 0) return fail("a header line without a name and a colon");
    for (size_t i = 0; i < colon; ++i)
      if (!is_tchar(static_cast<unsigned char>(l[i]))) return fail("a header name has characters a name cannot have");
    bool empty = true;
    for (size_t i = colon + 1; i < l.size(); ++i) {
      const auto c = static_cast<unsigned char>(l[i]);
      if (!is_field_value_char(c)) return fail("a header value has control characters");
      if (c != ' ' && c != '\t') empty = false;
    }
    std::string name = l.substr(0, colon);
    for (char& ch : name)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (!field(name, trim(l.substr(colon + 1)))) return false;
    if (empty) empty_fields_.push_back(std::move(name));
  }
  line_.clear();
  return true;
}

bool RequestHeadCheck::field(const std::string& name, const std::string& value) {
  if (name == "host") {
    ++hosts_;
    for (char c : value)
      if (!is_host_char(static_cast<unsigned char>(c))) return fail("the Host header is not a host name");
  } else if (name == "content-length") {
    ++content_lengths_;
    if (!value.empty() && value.size() <= 12 && value.find_first_not_of("0123456789") == std::string::npos)
      content_length_ = static_cast<size_t>(std::stoull(value));
  } else if (name == "transfer-encoding" || name == "expect") {
    framing_unknown_ = true;
  }
  return true;
}

bool RequestHeadCheck::end_of_head() {
  // RFC 9112 3.2: a server MUST answer 400 to an HTTP/1.1 request without a Host, and to any
  // request with more than one.
  if (hosts_ > 1) return fail("more than one Host header");
  if (http11_ && hosts_ == 0) return fail("an HTTP/1.1 request needs a Host header");
  state_ = State::kBody;
  line_.clear();
  return true;
}

std::optional<size_t> RequestHeadCheck::declared_body_size() const {
  if (framing_unknown_ || content_lengths_ > 1) return std::nullopt;
  if (content_lengths_ == 0) return 0;
  return content_length_;
}

}  // namespace chatlens::server
