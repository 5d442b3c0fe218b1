#include "import/telegram_stream.hpp"

#include <cstring>

namespace chatlens::telegram {
namespace {

namespace od = simdjson::ondemand;

constexpr bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Is in[at] the first non-blank byte of a line whose indentation is `indent`?
bool starts_line_with_indent(std::string_view in, size_t at, std::string_view indent) {
  if (at < indent.size() + 1) return false;
  const size_t line = at - indent.size();
  return in[line - 1] == '\n' && in.substr(line, indent.size()) == indent;
}

}  // namespace

MessageArrayReader::Layout MessageArrayReader::detect_layout(JsonScanner& scan, size_t open_at) {
  // The line holding '[' starts nearby in a pretty-printed file; never search a
  // minified one backwards to its beginning.
  constexpr size_t kMaxLine = 4096;
  size_t from = open_at > kMaxLine ? open_at - kMaxLine : 0;
  // Read in pieces, the bytes before '[' may be gone: the line start is usually among those held.
  const size_t held = std::min(scan.held_from(), open_at);
  if (held > from && scan.view(held, open_at - held).substr(0, open_at - held).rfind('\n') != std::string_view::npos)
    from = held;
  // Exactly this much, however much the view holds: whole and in pieces must decide alike.
  const std::string_view in = scan.view(from, open_at - from + kMaxLine).substr(0, open_at - from + kMaxLine);
  const size_t open = open_at - from;  // in `in`
  Layout layout;
  if (open >= in.size()) return layout;
  size_t first = open + 1;
  while (first < in.size() && is_ws(in[first])) ++first;
  if (first >= in.size() || in[first] != '{') return layout;
  size_t indent_start = first;
  while (indent_start > open + 1 && is_blank(in[indent_start - 1])) --indent_start;
  if (in[indent_start - 1] != '\n') return layout;  // not on a line of its own
  layout.element_indent = std::string(in.substr(indent_start, first - indent_start));

  const size_t newline = in.substr(0, open).rfind('\n');
  if (newline == std::string_view::npos && from > 0) return layout;
  const size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  size_t i = line_start;
  while (i < open && is_blank(in[i])) ++i;
  layout.array_indent = std::string(in.substr(line_start, i - line_start));
  layout.usable = layout.element_indent.size() > layout.array_indent.size();
  return layout;
}

size_t MessageArrayReader::guess_chunk_end(JsonScanner& scan, size_t start, size_t size, const Layout& layout) {
  // Views of the same sizes whole and in pieces (a whole input's reaches its end), so that
  // both guess the same ends, or both give up and read exactly.
  for (size_t want = size + kLookForEndBelow;; want *= 2) {
    const std::string_view in = scan.view(start, want).substr(0, want);
    const size_t end = guess_end_in(in, size, layout);
    if (end < in.size() || start + in.size() >= scan.size()) return start + end;
    if (want >= kMaxGuessBytes) return start;  // no end in sight: read exactly
  }
}

size_t MessageArrayReader::guess_end_in(std::string_view in, size_t size, const Layout& layout) {
  const size_t n = in.size();
  const size_t start = 0;
  const size_t target = start + size;
  // Does the array close before the target? Then the chunk is the rest of it.
  for (size_t r = start; size <= kLookForEndBelow && r < std::min(target, n);) {
    const void* hit = std::memchr(in.data() + r, ']', std::min(target, n) - r);
    if (!hit) break;
    r = static_cast<size_t>(static_cast<const char*>(hit) - in.data());
    if (starts_line_with_indent(in, r, layout.array_indent)) return r;
    ++r;
  }
  if (target >= n) return n;
  // Else up to the first message that opens on its own line after the target.
  for (size_t q = target; q < n;) {
    const void* hit = std::memchr(in.data() + q, '\n', n - q);
    if (!hit) break;
    q = static_cast<size_t>(static_cast<const char*>(hit) - in.data()) + 1;
    const std::string_view line = in.substr(q);
    if (line.size() > layout.element_indent.size() && line[layout.element_indent.size()] == '{' &&
        line.substr(0, layout.element_indent.size()) == layout.element_indent) {
      size_t b = q;
      while (b > start && is_ws(in[b - 1])) --b;
      if (b > start && in[b - 1] == ',') return b - 1;
    }
    if (line.size() > layout.array_indent.size() && line[layout.array_indent.size()] == ']' &&
        line.substr(0, layout.array_indent.size()) == layout.array_indent)
      return q + layout.array_indent.size();
  }
  return n;
}

bool MessageArrayReader::exact_chunk_end(JsonScanner& scan, size_t start, size_t size, size_t& end) {
  const size_t target = start + size;
  scan.seek(start);
  scan.hold(start);  // the chunk is read again right after: keep it at hand
  for (;;) {
    if (!scan.skip_value()) break;
    end = scan.pos();
    if (end >= target || scan.peek() != ',') break;
    scan.seek(scan.pos() + 1);
    const char next = scan.peek();
    // A trailing comma or a cut-off file: the caller reports it where it is.
    if (next == ']' || scan.pos() >= scan.size()) break;
  }
  scan.release_hold();
  return !scan.failed();
}

simdjson::error_code MessageArrayReader::parse_chunk(std::string_view chunk, size_t start, bool in_place, bool exact,
                                                     MessageSink& sink, size_t& after, size_t& taken,
                                                     size_t& failed_at) {
  const size_t len = chunk.size();
  const size_t need = len + 2 + simdjson::SIMDJSON_PADDING;
  // Both buffers grow with the chunks (small inputs stay small) and double, so
  // chunks a little longer than the last one do not reallocate every time.
  if (need > scratch_capacity_) {
    scratch_capacity_ = std::max(need, 2 * scratch_capacity_);
    scratch_.reset(new char[scratch_capacity_]);
  }
  if (len + 2 > parser_.capacity()) {
    // A failure only defers the allocation to iterate(), which then reports it.
    [[maybe_unused]] const auto status = parser_.allocate(std::max(len + 2, 2 * parser_.capacity()));
  }
  char* buf = scratch_.get();
  buf[0] = '[';
  std::memcpy(buf + 1, chunk.data(), len);
  buf[len + 1] = ']';
  // Defined bytes past the end: a truncated element must never look closed.
  std::memset(buf + len + 2, 0, simdjson::SIMDJSON_PADDING);

  const ChunkMap map{buf + 1, in_place ? chunk.data() : buf + 1, len};
  auto input_offset = [&](const char* p) { return start + static_cast<size_t>(p - map.scratch); };

  failed_at = start;
  od::document doc;
  if (auto error = parser_.iterate(simdjson::padded_string_view(buf, len + 2, scratch_capacity_)).get(doc))
    return error;
  od::array array;
  if (auto error = doc.get_array().get(array)) return error;
  for (auto element : array) {
    od::value value;
    if (auto error = element.get(value)) return error;
    const char* first = nullptr;
    if (auto error = value.current_location().get(first)) return error;
    failed_at = input_offset(first);
    if (auto error = sink.element(value, failed_at, map, exact)) return error;
    // The sink consumed the whole element: the cursor is on the ',' or ']' after it
    // (after a scalar simdjson may still point at the scalar: find its end).
    const char* next = nullptr;
    if (auto error = doc.current_location().get(next)) return error;
    after = input_offset(next);
    if (after <= failed_at) {
      JsonScanner scalar(std::string_view(map.scratch, len), failed_at - start);
      if (!scalar.skip_value()) return simdjson::TAPE_ERROR;
      after = start + scalar.pos();
    }
    failed_at = after;
    ++taken;
  }
  return simdjson::SUCCESS;
}

bool MessageArrayReader::skip_unreadable(JsonScanner& scan, size_t start, simdjson::error_code error, MessageSink& sink,
                                         size_t& after) {
  scan.seek(start);
  if (!scan.skip_value()) return false;  // cannot happen: exact boundaries were validated
  after = scan.pos();
  JsonScanner probe = scan.fresh(start);
  probe.limit_depth(kMaxNesting);
  if (!probe.skip_value() && probe.too_deep()) {
    sink.unreadable(start,
                    {"input.nested_too_deeply", Json::Object{{"offset", probe.error().offset}, {"max", kMaxNesting}}});
  } else {
    sink.unreadable(start, {"input.unreadable_message", Json::Object{{"detail", simdjson::error_message(error)}}});
  }
  return true;
}

bool MessageArrayReader::read(JsonScanner& scan, MessageSink& sink, ProgressTicker& progress) {
  if (!scan.expect('[', "'[' (the messages array)")) return false;
  const Layout layout = detect_layout(scan, scan.pos() - 1);
  size_t after = scan.pos();  // just past the last element taken, or the '['
  size_t taken = 0;
  bool exact = !layout.usable;
  bool single = false;  // one element per chunk, to isolate one that cannot be read
  size_t chunk = kFirstChunkBytes;
  for (;;) {
    scan.seek(after);
    if (scan.consume(']')) return true;
    if (taken > 0 && !scan.expect(',', "',' or ']' after a message")) return false;
    const char c = scan.peek();
    if (c == ']' || scan.pos() >= scan.size())
      return scan.fail(scan.pos(), taken > 0 ? "a message after ','" : "a message or ']'");
    const size_t start = scan.pos();

    size_t end = scan.size();
    if (exact) {
      if (!exact_chunk_end(scan, start, single ? 1 : chunk, end)) return false;
    } else {
      end = guess_chunk_end(scan, start, chunk, layout);
      if (end <= start) {
        exact = true;
        continue;
      }
    }
    const std::string_view bytes = scan.view(start, end - start).substr(0, end - start);
    if (bytes.size() < end - start) return scan.fail(start + bytes.size(), "bytes the input could not give");
    size_t failed_at = start;
    const simdjson::error_code error = parse_chunk(bytes, start, scan.in_place(), exact, sink, after, taken, failed_at);
    progress.at(after);
    chunk = std::min(2 * chunk, kChunkBytes);
    if (error == simdjson::SUCCESS) {
      exact = !layout.usable;
      single = false;
      continue;
    }
    if (!exact) {
      exact = true;  // read the rest of this chunk again with exact boundaries
      continue;
    }
    if (!single) {
      single = true;  // exact boundaries, so valid JSON: find which element cannot be read
      continue;
    }
    // Valid JSON that the reader refuses (nesting too deep, ...): that one element is skipped.
    if (!skip_unreadable(scan, start, error, sink, after)) return false;
    ++taken;
    single = false;
    exact = !layout.usable;
  }
}

}  // namespace chatlens::telegram
