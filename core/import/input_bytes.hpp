#pragma once
// The bytes of one input, as the platform can give them: natively a mapped file or a
// string holds them all at once (`whole()`); in the browser a File is read slice by
// slice and a zip entry is inflated piece by piece, so they arrive in pieces (`read()`).
// Importers never ask which: they read through an InputWindow (input_window.hpp), which
// hands out views in place when the input is whole and a bounded buffer otherwise.
//
// The corpus copies the texts it keeps into its own arena, so nothing points into an
// input once its import returns: the session then destroys the input.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "import/source_report.hpp"

namespace chatlens {

// What one read() gave: `bytes` copied, fewer than asked only at the end of the input;
// or an error naming why the input could not be read (an input.* key).
struct InputRead {
  size_t bytes = 0;
  std::optional<SourceMessage> error;
};

class InputBytes {
 public:
  virtual ~InputBytes() = default;
  // Known before reading: a file's size, a zip entry's uncompressed size.
  virtual uint64_t size() const = 0;
  // Every byte as one view, when the platform already holds them so; importers then read in
  // place, without copies. Empty when the input arrives in pieces.
  virtual std::optional<std::string_view> whole() const { return std::nullopt; }
  // Copies up to `n` bytes from `offset` into `dst`. Reads go forward in the usual case; an
  // earlier offset (a second pass) must work too, though it may cost a re-read.
  virtual InputRead read(uint64_t offset, char* dst, size_t n) = 0;
  // The importer will not read the bytes before `offset` again soon (a later pass that
  // starts over calls it again with smaller offsets). A hint: natively the mapped pages go back.
  virtual void release_before(uint64_t offset) { (void)offset; }
};

// An input whose bytes are all at hand in one view.
class WholeInput : public InputBytes {
 public:
  virtual std::string_view bytes() const = 0;
  uint64_t size() const final { return bytes().size(); }
  std::optional<std::string_view> whole() const final { return bytes(); }
  InputRead read(uint64_t offset, char* dst, size_t n) final {
    const std::string_view all = bytes();
    if (offset >= all.size()) return {};
    n = std::min<uint64_t>(n, all.size() - offset);
    std::memcpy(dst, all.data() + offset, n);
    return {n, std::nullopt};
  }
};

// Bytes held in a string: a test's input, a UTF-16 input decoded to UTF-8.
class OwnedInput final : public WholeInput {
 public:
  explicit OwnedInput(std::string bytes) : bytes_(std::move(bytes)) {}
  std::string_view bytes() const override { return bytes_; }

 private:
  std::string bytes_;
};

}  // namespace chatlens
