#include "import/input_window.hpp"

#include <algorithm>

namespace chatlens {

InputWindow::InputWindow(InputBytes& input, size_t chunk_bytes)
    : input_(input), size_(input.size()), whole_(input.whole()), chunk_(std::max<size_t>(chunk_bytes, 1)) {}

std::string_view InputWindow::at(uint64_t offset, size_t min) {
  if (whole_) return offset < whole_->size() ? whole_->substr(offset) : std::string_view();
  if (offset >= size_) return {};
  const char* const data = buffer_.data();
  const uint64_t base = base_;
  if (offset < base_ || offset > base_ + buffer_.size()) {
    // Before the buffer (a second pass) or past it: start over at `offset`.
    buffer_.clear();
    base_ = offset;
  } else if (offset > base_) {
    // Drop what lies before `offset` only once it is a good part of the buffer: a memmove
    // per call would make small steps quadratic.
    const size_t dead = offset - base_;
    if (dead >= chunk_ || dead * 2 >= buffer_.size()) {
      buffer_.erase(0, dead);
      base_ = offset;
    }
  }
  const size_t skip = offset - base_;
  if (buffer_.size() - skip < min) fill(skip + min);
  if (buffer_.data() != data || base_ != base) ++generation_;
  return std::string_view(buffer_).substr(skip);
}

bool InputWindow::fill(size_t wanted) {
  const uint64_t end = std::min<uint64_t>(size_, base_ + wanted);
  if (base_ + buffer_.size() >= end) return true;
  // Read in chunks of at least chunk_ bytes, never past the end.
  const uint64_t target = std::min<uint64_t>(size_, std::max<uint64_t>(end, base_ + buffer_.size() + chunk_));
  size_t have = buffer_.size();
  buffer_.resize(static_cast<size_t>(target - base_));
  while (base_ + have < target) {
    const InputRead r = input_.read(base_ + have, buffer_.data() + have, buffer_.size() - have);
    if (r.error || r.bytes == 0) {
      if (!error_)
        error_ = r.error ? *r.error : SourceMessage{"input.truncated", Json::Object{{"offset", base_ + have}}};
      buffer_.resize(have);
      return false;
    }
    have += r.bytes;
  }
  peak_ = std::max(peak_, buffer_.capacity());
  return true;
}

void InputWindow::release_before(uint64_t offset) {
  input_.release_before(offset);
  if (whole_ || offset <= base_) return;
  const size_t dead = static_cast<size_t>(std::min<uint64_t>(offset - base_, buffer_.size()));
  if (dead >= chunk_ || dead * 2 >= buffer_.size()) {
    buffer_.erase(0, dead);
    base_ += dead;
    ++generation_;
  }
}

}  // namespace chatlens
