#pragma once
// An input that arrives in pieces of a fixed size, like the browser's File slices or an
// inflating zip entry: no whole() view, and every read() stops at a piece boundary. With
// ImportSession::set_window_bytes it puts piece boundaries anywhere a test wants, so a
// streaming importer can be checked to give the same corpus whatever the boundaries.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "import/import_session.hpp"
#include "import/input_bytes.hpp"

namespace chatlens::testing {

class ChunkedInput final : public InputBytes {
 public:
  ChunkedInput(std::string bytes, size_t piece) : bytes_(std::move(bytes)), piece_(std::max<size_t>(piece, 1)) {}

  uint64_t size() const override { return bytes_.size(); }
  InputRead read(uint64_t offset, char* dst, size_t n) override {
    ++reads_;
    if (offset < last_offset_) ++rewinds_;
    last_offset_ = offset;
    if (offset >= bytes_.size()) return {};
    // Never past the end of the piece holding `offset`.
    const size_t piece_end = std::min(bytes_.size(), static_cast<size_t>(offset / piece_ * piece_ + piece_));
    n = std::min(n, piece_end - static_cast<size_t>(offset));
    std::memcpy(dst, bytes_.data() + offset, n);
    return {n, std::nullopt};
  }

  size_t reads() const { return reads_; }
  size_t rewinds() const { return rewinds_; }

 private:
  std::string bytes_;
  size_t piece_;
  size_t reads_ = 0;
  size_t rewinds_ = 0;
  uint64_t last_offset_ = 0;
};

// Adds `bytes` to `session` as an input in pieces of `piece` bytes, read through windows of
// the same size ("whole" when piece is 0: a plain string, read in place).
inline const SourceReport& add_in_pieces(ImportSession& session, std::string name, std::string bytes, size_t piece) {
  if (piece == 0) return session.add(std::move(name), std::move(bytes));
  session.set_window_bytes(piece);
  return session.add(std::move(name), std::make_unique<ChunkedInput>(std::move(bytes), piece));
}

}  // namespace chatlens::testing
