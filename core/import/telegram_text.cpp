#include "import/telegram_text.hpp"

#include <cstring>

namespace chatlens::telegram {
namespace {

namespace od = simdjson::ondemand;

constexpr bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Most strings are a few bytes long: eight at a time beats a call to memchr.
bool has_backslash(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  constexpr uint64_t kBackslashes = 0x5C * kOnes;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    const uint64_t x = word ^ kBackslashes;  // a zero byte where there was a backslash
    if ((x - kOnes) & ~x & kHighs) return true;
  }
  for (; i < s.size(); ++i)
    if (s[i] == '\\') return true;
  return false;
}

// Appends a non-empty part: the first part is kept as a view (often borrowed
// from the input), and only a second part starts a joined copy.
class Joiner {
 public:
  explicit Joiner(std::string& buffer) : buffer_(buffer) {}
  void add(std::string_view part) {
    if (part.empty()) return;
    if (parts_ == 1) buffer_.assign(first_.data(), first_.size());
    if (parts_ == 0)
      first_ = part;
    else
      buffer_.append(part.data(), part.size());
    ++parts_;
  }
  std::string_view result() const { return parts_ <= 1 ? first_ : std::string_view(buffer_); }

 private:
  std::string& buffer_;
  std::string_view first_;
  size_t parts_ = 0;
};

// The "text" of an entity object; other keys (type, href, user_id, ...) are skipped.
simdjson::error_code read_entity_text(od::value& v, const ChunkMap& map, std::string_view& out) {
  od::object entity;
  CHATLENS_TRY(v.get_object().get(entity));
  for (auto field_result : entity) {
    od::field field;
    CHATLENS_TRY(std::move(field_result).get(field));
    if (!field.key().unsafe_is_equal("text")) continue;
    od::value text = field.value();
    if (shape_of(text) == ValueShape::String) CHATLENS_TRY(read_string(text, map, out));
  }
  return simdjson::SUCCESS;
}

}  // namespace

ValueShape shape_of(od::value& v) {
  const std::string_view token = v.raw_json_token();
  switch (token.empty() ? '\0' : token[0]) {
    case '"': return ValueShape::String;
    case '[': return ValueShape::Array;
    case '{': return ValueShape::Object;
    case 't':
    case 'f': return ValueShape::Bool;
    case 'n': return ValueShape::Null;
    default: return ValueShape::Number;
  }
}

bool raw_string(od::value& v, std::string_view& out) {
  std::string_view token = v.raw_json_token();
  while (!token.empty() && is_ws(token.back())) token.remove_suffix(1);
  if (token.size() < 2 || token.front() != '"' || token.back() != '"') return false;
  out = token.substr(1, token.size() - 2);
  return true;
}

simdjson::error_code read_string(od::value& v, const ChunkMap& map, std::string_view& out) {
  std::string_view content;
  if (!raw_string(v, content)) return simdjson::INCORRECT_TYPE;
  if (!has_backslash(content)) {
    // Validated by simdjson's first pass (UTF-8, no raw control characters): borrow it.
    out = map.to_input(content);
    return simdjson::SUCCESS;
  }
  return v.get_string().get(out);
}

simdjson::error_code read_text(od::value& v, const ChunkMap& map, std::string& buffer, std::string_view& out,
                               ValueShape& shape) {
  out = {};
  shape = shape_of(v);
  if (shape == ValueShape::String) return read_string(v, map, out);
  if (shape != ValueShape::Array) return consume_value(v);
  od::array parts;
  CHATLENS_TRY(v.get_array().get(parts));
  Joiner joined(buffer);
  for (auto part_result : parts) {
    od::value part;
    CHATLENS_TRY(part_result.get(part));
    std::string_view piece;
    switch (shape_of(part)) {
      case ValueShape::String: CHATLENS_TRY(read_string(part, map, piece)); break;
      case ValueShape::Object: CHATLENS_TRY(read_entity_text(part, map, piece)); break;
      default: CHATLENS_TRY(consume_value(part)); break;
    }
    joined.add(piece);
  }
  out = joined.result();
  return simdjson::SUCCESS;
}

simdjson::error_code consume_value(od::value& v, int depth) {
  const ValueShape shape = shape_of(v);
  if ((shape == ValueShape::Array || shape == ValueShape::Object) && depth >= kMaxNesting) return simdjson::DEPTH_ERROR;
  switch (shape) {
    case ValueShape::String: {
      od::raw_json_string raw;
      return v.get_raw_json_string().get(raw);
    }
    case ValueShape::Array: {
      od::array array;
      CHATLENS_TRY(v.get_array().get(array));
      for (auto element : array) {
        od::value inner;
        CHATLENS_TRY(element.get(inner));
        CHATLENS_TRY(consume_value(inner, depth + 1));
      }
      return simdjson::SUCCESS;
    }
    case ValueShape::Object: {
      od::object object;
      CHATLENS_TRY(v.get_object().get(object));
      for (auto field_result : object) {
        od::field field;
        CHATLENS_TRY(std::move(field_result).get(field));
        od::value& inner = field.value();
        CHATLENS_TRY(consume_value(inner, depth + 1));
      }
      return simdjson::SUCCESS;
    }
    case ValueShape::Bool: {
      bool b;
      return v.get_bool().get(b);
    }
    case ValueShape::Null: {
      bool null = false;
      CHATLENS_TRY(v.is_null().get(null));
      return null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    case ValueShape::Number: {
      od::number number;
      return v.get_number().get(number);
    }
  }
  return simdjson::SUCCESS;
}

}  // namespace chatlens::telegram
