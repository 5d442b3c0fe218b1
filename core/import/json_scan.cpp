#include "import/json_scan.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

#include "text/utf8.hpp"

namespace chatlens {
namespace {

constexpr bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Bytes that need no attention inside a string: printable ASCII except '"' and '\\'.
constexpr std::array<bool, 256> kPlainStringByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

// Does any of the 8 bytes of `w` need a look inside a string: '"', '\\', a
// control character or a non-ASCII byte? (Bit tricks: a zero byte of x shows in
// (x - 0x01..) & ~x & 0x80..; for "below 0x20" subtract 0x20 instead.)
constexpr bool word_needs_attention(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  const uint64_t zero_quote = (quote - kOnes) & ~quote, zero_backslash = (backslash - kOnes) & ~backslash;
  const uint64_t control = (w - kOnes * 0x20) & ~w;
  return ((zero_quote | zero_backslash | control) & kHighs) != 0 || (w & kHighs) != 0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits at s[i..i+4), or -1.
int32_t hex4(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return -1;
  int32_t v = 0;
  for (size_t k = 0; k < 4; ++k) {
    const int h = hex_value(s[i + k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

// Length of the valid UTF-8 sequence at s[i] (a non-ASCII lead byte), or 0.
size_t utf8_sequence(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t len;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF)
    len = 2, min = 0x80;
  else if (b0 >= 0xE0 && b0 <= 0xEF)
    len = 3, min = 0x800;
  else if (b0 >= 0xF0 && b0 <= 0xF4)
    len = 4, min = 0x10000;
  else
    return 0;
  if (i + len > s.size()) return 0;
  char32_t cp = b0 & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// A window's view reaches this far past the cursor at least, when the input does.
constexpr size_t kAhead = 4096;
// And keeps this much before it, for callers that look back to the start of a line.
constexpr size_t kBehind = 4096;

}  // namespace

JsonScanner::JsonScanner(InputWindow& window, size_t pos) : size_(window.size()), limit_(window.size()) {
  if (window.is_whole()) {
    s_ = window.at(0, 0);
    pos_ = pos;
    return;
  }
  window_ = &window;
  generation_ = window.generation();
  base_ = std::min(pos, size_);  // an empty view: the first look fills it
}

JsonScanner JsonScanner::fresh(size_t pos) const { return window_ ? JsonScanner(*window_, pos) : JsonScanner(s_, pos); }

void JsonScanner::sync() {
  if (window_ && window_->generation() != generation_) cover(pos(), pos());
}

void JsonScanner::cover(size_t from, size_t end) {
  const size_t cursor = pos();
  from = std::min({from, cursor, hold_});
  end = std::min(std::max(end, cursor), size_);
  const bool valid = window_->generation() == generation_;
  if (valid && from >= base_ && end <= base_ + s_.size()) return;
  // Moving on: keep a little of what is behind, when it is still at hand.
  const size_t held = valid ? base_ : static_cast<size_t>(std::min<uint64_t>(window_->held_from(), from));
  if (from > held) from = std::max(held, from - std::min(from, kBehind));
  // Count the lines the window may drop now, while they are at hand.
  if (valid && mark_ >= base_ && mark_ < from) {
    const size_t stop = std::min(from, base_ + s_.size());
    mark_line_ += static_cast<uint64_t>(std::count(s_.begin() + (mark_ - base_), s_.begin() + (stop - base_), '\n'));
    mark_ = stop;
  }
  s_ = window_->at(from, end - from);
  base_ = from;
  pos_ = cursor - from;
  generation_ = window_->generation();
  // A read that failed ends the input here (the window keeps the error).
  if (base_ + s_.size() < end) limit_ = std::min(limit_, base_ + s_.size());
  if (pos_ > s_.size()) pos_ = s_.size();
}

void JsonScanner::seek(size_t pos) {
  // Outside the view, or the window moved on (maybe past the old cursor): a view from `pos`.
  if (window_ && (window_->generation() != generation_ || pos < base_ || pos > base_ + s_.size())) {
    base_ = pos;
    s_ = {};
    pos_ = 0;
    generation_ = ~window_->generation();
    cover(pos, pos);
    return;
  }
  pos_ = pos - base_;
}

std::string_view JsonScanner::view(size_t offset, size_t min) {
  if (!window_) return offset < s_.size() ? s_.substr(offset) : std::string_view();
  if (offset >= size_) return {};
  cover(offset, offset + min);
  return offset - base_ < s_.size() ? s_.substr(offset - base_) : std::string_view();
}

uint64_t JsonScanner::line_at(size_t offset) {
  offset = std::min(offset, size_);
  const auto newlines = [this](size_t from, size_t to) {
    uint64_t n = 0;
    while (from < to) {
      const std::string_view piece = view(from, to - from).substr(0, to - from);
      if (piece.empty()) break;
      n += static_cast<uint64_t>(std::count(piece.begin(), piece.end(), '\n'));
      from += piece.size();
    }
    return n;
  };
  if (offset < mark_) return mark_line_ - newlines(offset, mark_);
  // view() may count some of these itself as it moves on; what is left is counted here.
  while (mark_ < offset) {
    const size_t from = mark_;
    const std::string_view piece = view(from, offset - from).substr(0, offset - from);
    if (piece.empty()) break;
    if (mark_ != from) continue;  // the view moved the mark on
    mark_line_ += static_cast<uint64_t>(std::count(piece.begin(), piece.end(), '\n'));
    mark_ = from + piece.size();
  }
  return mark_line_;
}

template <class Scan>
bool JsonScanner::token(Scan scan) {
  for (;;) {
    const size_t start = pos_;
    if (scan()) return true;
    if (!starved_) return false;
    starved_ = false;
    pos_ = start;
    const size_t have = s_.size() - start;
    cover(pos(), pos() + std::max(2 * have, kAhead));
  }
}

char JsonScanner::peek() {
  sync();
  for (;;) {
    while (pos_ < s_.size() && is_ws(s_[pos_])) ++pos_;
    if (pos_ < s_.size()) return s_[pos_];
    if (!more()) return '\0';
    cover(pos(), pos() + kAhead);
  }
}

bool JsonScanner::consume(char c) {
  if (peek() != c || pos_ >= s_.size()) return false;
  ++pos_;
  return true;
}

bool JsonScanner::expect(char c, std::string_view what) { return consume(c) || fail_in_view(pos_, what); }

bool JsonScanner::fail(size_t offset, std::string_view expected) {
  if (!failed_) {
    failed_ = true;
    error_ = {std::min(offset, size_), std::string(expected)};
  }
  return false;
}

bool JsonScanner::read_string(std::string_view& raw) {
  if (peek() != '"') return fail_in_view(pos_, "a string");
  const size_t start = pos() + 1;
  if (!token([this] { return scan_string(); })) return false;
  raw = s_.substr(start - base_, pos() - 1 - start);
  return true;
}

bool JsonScanner::read_number(std::string_view& token) {
  const char c = peek();
  if (c != '-' && !is_digit(c)) return fail_in_view(pos_, "a number");
  const size_t start = pos();
  if (!this->token([this] { return scan_number(); })) return false;
  token = s_.substr(start - base_, pos() - start);
  return true;
}

bool JsonScanner::scan_string() {
  const size_t open = pos_;
  size_t i = pos_ + 1;
  const size_t n = s_.size();
  for (;;) {
    for (uint64_t w; i + 8 <= n; i += 8) {
      std::memcpy(&w, s_.data() + i, 8);
      if (word_needs_attention(w)) break;
    }
    while (i < n && kPlainStringByte[static_cast<unsigned char>(s_[i])]) ++i;
    // Anything but a closing quote may need up to 12 bytes (a surrogate pair's escapes).
    if (i + 12 > n && more()) return starve();
    if (i >= n) return fail_in_view(open, "a string closed by '\"' (this one never ends)");
    const auto c = static_cast<unsigned char>(s_[i]);
    if (c == '"') {
      pos_ = i + 1;
      return true;
    }
    if (c == '\\') {
      if (i + 1 >= n) return fail_in_view(i, "an escape sequence after '\\'");
      const char e = s_[i + 1];
      if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
        i += 2;
        continue;
      }
      if (e != 'u') return fail_in_view(i, "a valid escape sequence (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
      const int32_t u = hex4(s_, i + 2);
      if (u < 0) return fail_in_view(i, "four hexadecimal digits after \\u");
      if (u >= 0xDC00 && u <= 0xDFFF) return fail_in_view(i, "a high surrogate before this low surrogate \\u escape");
      if (u >= 0xD800 && u <= 0xDBFF) {
        const int32_t low = i + 7 < n && s_[i + 6] == '\\' && s_[i + 7] == 'u' ? hex4(s_, i + 8) : -1;
        if (low < 0xDC00 || low > 0xDFFF)
          return fail_in_view(i, "a low surrogate \\u escape after this high surrogate");
        i += 12;
      } else {
        i += 6;
      }
      continue;
    }
    if (c < 0x20) return fail_in_view(i, "no raw control character inside a string (it must be escaped)");
    const size_t len = utf8_sequence(s_, i);
    if (len == 0) return fail_in_view(i, "valid UTF-8");
    i += len;
  }
}

bool JsonScanner::scan_number() {
  size_t i = pos_;
  const size_t n = s_.size();
  // The view ends where the number might go on: look again with more.
  const auto cut = [&] { return i >= n && more(); };
  if (i < n && s_[i] == '-') ++i;
  if (cut()) return starve();
  if (i >= n || !is_digit(s_[i])) return fail_in_view(i, "a digit");
  if (s_[i] == '0') {
    ++i;
  } else {
    while (i < n && is_digit(s_[i])) ++i;
  }
  if (cut()) return starve();
  if (i < n && s_[i] == '.') {
    ++i;
    if (cut()) return starve();
    if (i >= n || !is_digit(s_[i])) return fail_in_view(i, "a digit after the decimal point");
    while (i < n && is_digit(s_[i])) ++i;
  }
  if (cut()) return starve();
  if (i < n && (s_[i] == 'e' || s_[i] == 'E')) {
    ++i;
    if (cut()) return starve();
    if (i < n && (s_[i] == '+' || s_[i] == '-')) ++i;
    if (cut()) return starve();
    if (i >= n || !is_digit(s_[i])) return fail_in_view(i, "a digit in the exponent");
    while (i < n && is_digit(s_[i])) ++i;
  }
  if (cut()) return starve();
  pos_ = i;
  return true;
}

bool JsonScanner::scan_literal() {
  if (pos_ + 5 > s_.size() && more()) return starve();
  for (std::string_view word : {"true", "false", "null"}) {
    if (s_.substr(pos_, word.size()) == word) {
      pos_ += word.size();
      return true;
    }
  }
  return fail_in_view(pos_, "a value");
}

bool JsonScanner::skip_value() {
  std::string open;  // the containers the cursor is inside, innermost last
  for (;;) {
    // A value is expected here.
    const char c = peek();
    if (c == '{' || c == '[') {
      ++pos_;
      const char close = c == '{' ? '}' : ']';
      if (!consume(close)) {
        if (open.size() >= max_depth_) {
          too_deep_ = true;
          return fail_in_view(pos_ - 1,
                              "at most " + std::to_string(max_depth_) + " levels of nested arrays and objects");
        }
        open.push_back(c);
        if (c == '{') {
          if (peek() != '"') return fail_in_view(pos_, "a string key or '}'");
          if (!token([this] { return scan_string(); }) || !expect(':', "':' after an object key")) return false;
        }
        continue;
      }
    } else if (c == '"') {
      if (!token([this] { return scan_string(); })) return false;
    } else if (c == 't' || c == 'f' || c == 'n') {
      if (!token([this] { return scan_literal(); })) return false;
    } else if (c == '-' || is_digit(c)) {
      if (!token([this] { return scan_number(); })) return false;
    } else {
      return fail_in_view(pos_, "a value");
    }
    // A value is complete: close what it completes, up to the next value.
    for (;;) {
      if (open.empty()) return true;
      const bool object = open.back() == '{';
      const char d = peek();
      if (d == ',' && pos_ < s_.size()) {
        ++pos_;
        if (object) {
          if (peek() != '"') return fail_in_view(pos_, "a string key after ','");
          if (!token([this] { return scan_string(); }) || !expect(':', "':' after an object key")) return false;
        }
        break;
      }
      if (d == (object ? '}' : ']') && pos_ < s_.size()) {
        ++pos_;
        open.pop_back();
        continue;
      }
      return fail_in_view(pos_, object ? "',' or '}' after an object member" : "',' or ']' after an array element");
    }
  }
}

std::string json_unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    if (c != '\\' || i + 1 >= raw.size()) {
      out += c;
      ++i;
      continue;
    }
    const char e = raw[i + 1];
    i += 2;
    switch (e) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        int32_t cp = hex4(raw, i);
        if (cp < 0) {
          out += "\xEF\xBF\xBD";
          break;
        }
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < raw.size() && raw[i] == '\\' && raw[i + 1] == 'u') {
          const int32_t low = hex4(raw, i + 2);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        append_utf8(out, (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : static_cast<char32_t>(cp));
        break;
      }
      default: out += e; break;  // '"', '\\', '/'
    }
  }
  return out;
}

TextPosition text_position(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  const auto begin = bytes.begin();
  const auto at = begin + static_cast<std::ptrdiff_t>(offset);
  TextPosition p;
  p.line = 1 + static_cast<uint64_t>(std::count(begin, at, '\n'));
  const size_t line_start = offset == 0 ? std::string_view::npos : bytes.rfind('\n', offset - 1);
  p.column = 1 + offset - (line_start == std::string_view::npos ? 0 : line_start + 1);
  return p;
}

SourceMessage describe_json_error(std::string_view bytes, const JsonSyntaxError& error) {
  const TextPosition at = text_position(bytes, error.offset);
  std::string found;
  if (error.offset >= bytes.size()) {
    found = "the end of the input";
  } else {
    const auto b = static_cast<unsigned char>(bytes[error.offset]);
    char buf[16];
    if (b >= 0x20 && b < 0x7F)
      std::snprintf(buf, sizeof buf, "'%c'", b);
    else
      std::snprintf(buf, sizeof buf, "byte 0x%02X", b);
    found = buf;
  }
  // The sentence is the catalogue's; what was expected and found stay technical detail.
  return {"input.invalid_json", Json::Object{{"offset", error.offset},
                                             {"line", at.line},
                                             {"column", at.column},
                                             {"expected", error.expected},
                                             {"found", found}}};
}

SourceMessage describe_json_error(InputWindow& input, const JsonSyntaxError& error) {
  if (input.is_whole()) return describe_json_error(input.at(0, 0), error);
  // Errors end an import: reading the input again up to the error costs nothing that matters.
  const size_t offset = std::min<uint64_t>(error.offset, input.size());
  uint64_t newlines = 0, line_start = 0;
  for (uint64_t at = 0; at < offset;) {
    const std::string_view piece = input.at(at, 1).substr(0, offset - at);
    if (piece.empty()) break;
    newlines += static_cast<uint64_t>(std::count(piece.begin(), piece.end(), '\n'));
    if (const size_t last = piece.rfind('\n'); last != std::string_view::npos) line_start = at + last + 1;
    at += piece.size();
  }
  // The found byte, placed as in the whole input: a view whose offset 0 is the error's.
  const std::string_view found = input.span(offset, 1);
  std::string near(found);
  JsonSyntaxError local{0, error.expected};
  SourceMessage m = describe_json_error(near, local);
  m.params["offset"] = error.offset;
  m.params["line"] = 1 + newlines;
  m.params["column"] = 1 + offset - line_start;
  return m;
}

}  // namespace chatlens
