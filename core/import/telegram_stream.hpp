#pragma once
// The "messages" array of a Telegram export, read in chunks of up to half a
// megabyte: each chunk is a run of whole message objects, copied behind a '['
// into a small padded buffer and parsed with simdjson On-Demand. Memory stays
// flat for exports of any size (full-account exports reach gigabytes, beyond
// simdjson's 4 GiB document limit and the browser's memory), the input needs no
// padding of its own, and progress is reported between chunks.
//
// Where a chunk ends is guessed from the pretty-printing Telegram Desktop always
// uses: every message opens on a line of its own, at the same indentation, and
// the array closes with ']' at the indentation of the line that opened it.
// Raw newlines never occur inside JSON strings, so such lines cannot be text.
// A wrong guess (hand-edited indentation) makes simdjson stop inside the
// chunk: the messages read before that point are kept, and the rest is read
// again with exact boundaries found by JsonScanner, which also pinpoints real
// syntax errors. Files without that layout (minified) use exact boundaries
// throughout: correct, but slower, as the scanner reads every byte once more. The copy costs a memcpy per chunk, cheap
// next to parsing.
//
// A chunk may also run past the end of the array (into the next chat of a
// full-account export): simdjson then closes the array at its real ']' and the
// rest of the chunk is only indexed, never read. Chunks start small in every
// array and double up to kChunkBytes, so that waste stays a small fraction of
// any chat; while they are small the array's closing line is also looked for
// directly, so many tiny chats cost no waste at all.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "import/importer.hpp"
#include "import/json_scan.hpp"

namespace chatlens::telegram {

// A chunk's bytes live in the scratch buffer; texts borrowed from it are re-pointed
// into the input when the input is whole (it outlives the chunk). Read in pieces, the
// input is the scratch itself: the builder copies what it keeps as each message is added.
struct ChunkMap {
  const char* scratch = nullptr;  // first byte of the chunk in the scratch buffer
  const char* input = nullptr;    // the same byte in the input
  size_t size = 0;

  std::string_view to_input(std::string_view in_scratch) const {
    return {input + (in_scratch.data() - scratch), in_scratch.size()};
  }
};

// Every few megabytes: calls the progress callback; and every `passed_step` bytes `passed`
// (may be empty) with the offset the importer has read up to, so it can release what
// lies behind (an input read in pieces drops it from its window then).
class ProgressTicker {
 public:
  ProgressTicker(const ProgressFn* fn, uint64_t total, std::function<void(uint64_t)> passed = {},
                 uint64_t passed_step = kStep)
      : fn_(fn), passed_(std::move(passed)), total_(total), passed_step_(passed_step) {}
  void at(uint64_t done) {
    if (passed_ && done >= last_passed_ + passed_step_) {
      last_passed_ = done;
      if (done >= last_ + kStep) report(done);
      passed_(done);
      return;
    }
    if (done >= last_ + kStep) report(done);
  }
  void finish() {
    if (fn_) (*fn_)(total_, total_);
  }

 private:
  static constexpr uint64_t kStep = uint64_t{4} << 20;
  void report(uint64_t done) {
    last_ = done;
    if (fn_) (*fn_)(done, total_);
  }
  const ProgressFn* fn_;
  std::function<void(uint64_t)> passed_;
  uint64_t total_;
  uint64_t passed_step_;
  uint64_t last_ = 0;
  uint64_t last_passed_ = 0;
};

// How deep a message may nest arrays and objects. Telegram writes five levels
// at most (message, text, entity; poll, answers, answer); the bound keeps every
// recursive walk of a message off the stack's edge, natively and in WebAssembly.
constexpr int kMaxNesting = 64;

class MessageSink {
 public:
  virtual ~MessageSink() = default;
  // An element of valid JSON that cannot be read (nested too deeply, ...),
  // starting at input byte `offset`: skipped and counted, never silently.
  virtual void unreadable(size_t offset, SourceMessage reason) = 0;
  // Reads one element of the array, which starts at input byte `offset`.
  // SUCCESS: taken for good (kept, or skipped and counted). An error leaves
  // nothing behind: the element is read again from its first byte with exact
  // boundaries, or, when `exact` already, the input is reported as broken.
  virtual simdjson::error_code element(simdjson::ondemand::value value, size_t offset, const ChunkMap& map,
                                       bool exact) = 0;
};

class MessageArrayReader {
 public:
  // `scan` is on the '[' of a messages array; on success it ends past the ']'.
  // On a syntax error scan.failed() says where and what was expected. A scanner over a
  // window reads the array through it: only the chunk at hand is held.
  bool read(JsonScanner& scan, MessageSink& sink, ProgressTicker& progress);

  // Half a megabyte keeps a chunk and simdjson's index of it in a core's L2 cache.
  static constexpr size_t kChunkBytes = size_t{512} << 10;
  static constexpr size_t kFirstChunkBytes = size_t{16} << 10;
  static constexpr size_t kLookForEndBelow = size_t{64} << 10;
  // A guessed chunk end is looked for this far at most (then exactly), whole or in pieces.
  static constexpr size_t kMaxGuessBytes = size_t{8} << 20;

 private:
  struct Layout {
    bool usable = false;
    std::string array_indent;    // leading blanks of the line holding '['
    std::string element_indent;  // leading blanks of the first element's line
  };
  static Layout detect_layout(JsonScanner& scan, size_t open);
  // Where the chunk of about `size` bytes from `start` ends (start: no guess, read exactly).
  static size_t guess_chunk_end(JsonScanner& scan, size_t start, size_t size, const Layout& layout);
  // The same within `in`, the bytes from the chunk's start (in.size(): not found there).
  static size_t guess_end_in(std::string_view in, size_t size, const Layout& layout);
  static bool exact_chunk_end(JsonScanner& scan, size_t start, size_t size, size_t& end);
  // Parses `chunk`, the input's bytes from `start`, as array elements; `after` and `taken`
  // advance past every element the sink took. `in_place`: `chunk` outlives the import.
  simdjson::error_code parse_chunk(std::string_view chunk, size_t start, bool in_place, bool exact, MessageSink& sink,
                                   size_t& after, size_t& taken, size_t& failed_at);
  // The element at `start` could not be read even alone: skips it (counted) and
  // moves `after` past it.
  static bool skip_unreadable(JsonScanner& scan, size_t start, simdjson::error_code error, MessageSink& sink,
                              size_t& after);

  simdjson::ondemand::parser parser_;
  std::unique_ptr<char[]> scratch_;
  size_t scratch_capacity_ = 0;
};

}  // namespace chatlens::telegram
