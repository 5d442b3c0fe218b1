#pragma once
// How importers read an input of any size: they ask for the bytes from an offset and get
// a view of at least the bytes they need. A whole input (a mapped file, a string) is
// handed out in place, as the rest of the input; an input arriving in pieces (the
// browser's File, a zip entry being inflated) goes through one buffer that holds only
// what the importer still needs, so memory stays bounded however large the export.
//
// The usual loop: view = window.at(pos, need); consume what the view holds; when a record
// runs past its end, ask again from the record's start with a larger `need`. Ask from the
// earliest offset still needed: bytes before it may be dropped, and asking for them again
// later costs a re-read.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "import/input_bytes.hpp"

namespace chatlens {

class InputWindow {
 public:
  static constexpr size_t kDefaultChunkBytes = size_t{4} << 20;

  // `chunk_bytes`: how much a read asks the input for at least (tests use 1 and 7 to put
  // piece boundaries everywhere).
  explicit InputWindow(InputBytes& input, size_t chunk_bytes = kDefaultChunkBytes);

  uint64_t size() const { return size_; }
  bool is_whole() const { return whole_.has_value(); }
  // How much a read asks the input for at least: what a reader grows its views by.
  size_t chunk_bytes() const { return chunk_; }

  // The bytes from `offset` on that are at hand: at least `min` of them, or all that remain
  // when fewer do. Valid until the next call. A read error leaves the view short (empty
  // at worst) and error() set; it stays set.
  std::string_view at(uint64_t offset, size_t min = 1);

  // The bytes [offset, offset + n) as one view (fewer when the input ends before): for
  // records whose extent is already known.
  std::string_view span(uint64_t offset, size_t n) { return at(offset, n).substr(0, n); }

  // The first bytes, for sniffing: the buffer keeps them, so no re-read follows.
  std::string_view head(size_t n) { return span(0, n); }

  const std::optional<SourceMessage>& error() const { return error_; }

  // Done with the bytes before `offset`: the buffer may drop them and the input hears of it.
  void release_before(uint64_t offset);

  // Largest buffer held so far, for tests and benchmarks (0 for a whole input).
  size_t peak_buffer() const { return peak_; }

  // Changes whenever views handed out earlier may have become invalid (the buffer moved or
  // dropped bytes): readers sharing one window keep their views while it stays the same.
  uint64_t generation() const { return generation_; }
  // The first byte still held (asking from there on needs no re-read).
  uint64_t held_from() const { return whole_ ? 0 : base_; }

 private:
  bool fill(size_t wanted);  // grows the buffer to `wanted` bytes past base_, or to the end

  InputBytes& input_;
  const uint64_t size_;
  const std::optional<std::string_view> whole_;
  const size_t chunk_;
  std::string buffer_;  // input bytes [base_, base_ + buffer_.size())
  uint64_t base_ = 0;
  size_t peak_ = 0;
  uint64_t generation_ = 0;
  std::optional<SourceMessage> error_;
};

}  // namespace chatlens
