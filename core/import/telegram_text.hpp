#pragma once
// Telegram text values. A message's "text" is either a plain string or an
// array mixing plain strings and entity objects ({"type": "bold", "text": "…"});
// the message text is the exact concatenation of every part's text, with no
// separator ("text_entities", newer, holds the same parts, all as objects).
// Some third-party parsers join parts with spaces; that is not the message.
//
// Strings without escapes are borrowed from the input (the common case: no
// copy at all); escaped strings are decoded by simdjson into its own buffer,
// valid until the next chunk; joined parts are built in a caller's buffer.
#include <simdjson.h>

#include <string>
#include <string_view>

#include "import/telegram_stream.hpp"

// Returns the error of a simdjson call. (SIMDJSON_TRY expands to a bare block,
// which cannot stand before an `else`.)
#define CHATLENS_TRY(EXPR)               \
  do {                                   \
    if (auto chatlens_error_ = (EXPR)) { \
      return chatlens_error_;            \
    }                                    \
  } while (0)

namespace chatlens::telegram {

enum class ValueShape : uint8_t { String, Array, Object, Number, Bool, Null };

// The JSON type of `v`, from its first byte (never consumes it).
ValueShape shape_of(simdjson::ondemand::value& v);

// The content between the quotes of the string `v`, escapes left as written:
// for values that are compared or parsed rather than kept (types, dates).
// False when `v` is not a string.
bool raw_string(simdjson::ondemand::value& v, std::string_view& out);

// The decoded string `v`, which must be a string.
simdjson::error_code read_string(simdjson::ondemand::value& v, const ChunkMap& map, std::string_view& out);

// A text value (string, or array of strings and entities). Other shapes give
// "" and are reported through `shape`. `buffer` holds joined parts.
simdjson::error_code read_text(simdjson::ondemand::value& v, const ChunkMap& map, std::string& buffer,
                               std::string_view& out, ValueShape& shape);

// Consumes a value of any shape, so the cursor moves past it. DEPTH_ERROR when
// it nests more than kMaxNesting - depth levels (telegram_stream.hpp).
simdjson::error_code consume_value(simdjson::ondemand::value& v, int depth = 0);

}  // namespace chatlens::telegram
