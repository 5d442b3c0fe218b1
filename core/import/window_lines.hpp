#pragma once
// Lines of an input read through an InputWindow: LineReader's lines (split on \n, one
// trailing \r stripped), carried across the pieces an input arrives in. Offsets are the
// input's. A whole input is read in place and never refilled, so the hot loop is
// LineReader's; otherwise a line that runs past the view asks the window again from the
// earliest byte still needed (the line's start, or an open record's) for a larger view.
//
// Views (line(), view()) stay valid until the next call of next(): a refill moves the bytes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/input_window.hpp"
#include "import/line_reader.hpp"

namespace chatlens {

class WindowLines {
 public:
  static constexpr uint64_t kKeepNothing = UINT64_MAX;

  WindowLines(InputWindow& window, uint64_t start)
      : window_(window), size_(window.size()), reader_(std::string_view()) {
    if (window.is_whole()) {
      view_ = window.at(0, 0);
      complete_ = true;
      reader_ = LineReader(view_, static_cast<size_t>(std::min<uint64_t>(start, view_.size())));
    } else {
      refill(start, start);
      reader_ = LineReader(view_, 0);
    }
  }

  // The next line, or false at the end of the input (or where it could not be read: the
  // window's error then says why). `keep`: an earlier offset whose bytes must stay in view
  // (an open record's start), kKeepNothing when only this line matters.
  // The first try inline, the rest (reading on) out of the caller's loop: in WebAssembly
  // this is otherwise a call per line.
  __attribute__((always_inline)) bool next(uint64_t keep = kKeepNothing) {
    const uint64_t number = reader_.number;
    size_t b = 0, e = 0;
    if (!reader_.next(b, e)) return complete_ ? false : read_on(keep, number, base_ + reader_.pos);
    if (!complete_ && reader_.pos == view_.size() && view_.back() != '\n') return read_on(keep, number, base_ + b);
    begin_ = base_ + b;
    end_ = base_ + e;
    unterminated_ = reader_.pos == view_.size() && (view_.empty() || view_.back() != '\n');
    return true;
  }

  uint64_t begin() const { return begin_; }             // of the current line
  uint64_t end() const { return end_; }                 // without its line break
  uint64_t pos() const { return base_ + reader_.pos; }  // where the next line starts
  uint64_t number() const { return reader_.number; }    // 1-based, of the current line
  uint64_t size() const { return size_; }
  // The current line is the input's last and has no line break.
  bool unterminated() const { return unterminated_; }
  std::string_view line() const {
    return view_.substr(static_cast<size_t>(begin_ - base_), static_cast<size_t>(end_ - begin_));
  }
  // Bytes in view from `from` (at or after the last `keep`, or the current line's start).
  std::string_view view(uint64_t from, uint64_t to) const {
    return view_.substr(static_cast<size_t>(from - base_), static_cast<size_t>(to - from));
  }
  // How many bytes from `from` are in view: a parser may look past the line (never past this).
  size_t readable(uint64_t from) const { return view_.size() - static_cast<size_t>(from - base_); }
  bool is_whole() const { return window_.is_whole(); }

 private:
  // Where next() found no line, or one cut by the view's end: a larger view from `resume`
  // (and from `keep` if earlier), then the lines as next() reads them.
  __attribute__((noinline)) bool read_on(uint64_t keep, uint64_t number, uint64_t resume) {
    if (!grow(std::min<uint64_t>(keep, resume), number, resume)) return false;
    return next_loop(keep);
  }

  bool next_loop(uint64_t keep) {
    for (;;) {
      const uint64_t number = reader_.number;
      size_t b = 0, e = 0;
      if (!reader_.next(b, e)) {
        if (complete_) return false;
        if (!grow(std::min<uint64_t>(keep, base_ + reader_.pos), number, base_ + reader_.pos)) return false;
        continue;
      }
      // Cut by the view's end (no line break in view yet): read on and cut it again.
      if (!complete_ && reader_.pos == view_.size() && view_.back() != '\n') {
        if (!grow(std::min<uint64_t>(keep, base_ + b), number, base_ + b)) return false;
        continue;
      }
      begin_ = base_ + b;
      end_ = base_ + e;
      unterminated_ = reader_.pos == view_.size() && (view_.empty() || view_.back() != '\n');
      return true;
    }
  }

  // A view from `from` holding more than the bytes up to `have_to`, then the line reader set
  // back to `resume` (a line start) with its count as it was before that line.
  bool grow(uint64_t from, uint64_t number, uint64_t resume) {
    const uint64_t before = base_ + view_.size();
    refill(from, before);
    if (base_ + view_.size() <= before && !complete_) complete_ = true;  // a read error: stop here
    reader_ = LineReader(view_, static_cast<size_t>(resume - base_));
    reader_.number = number;
    return base_ + view_.size() > resume || complete_;
  }

  void refill(uint64_t from, uint64_t have_to) {
    // At least doubling what is kept, so that a long line read in small pieces costs linear time.
    const size_t have = static_cast<size_t>(have_to - from);
    view_ = window_.at(from, have + std::max(have, window_.chunk_bytes()));
    base_ = from;
    complete_ = base_ + view_.size() >= size_ || window_.error().has_value();
  }

  InputWindow& window_;
  const uint64_t size_;
  std::string_view view_;  // input bytes [base_, base_ + view_.size())
  uint64_t base_ = 0;
  bool complete_ = false;  // view_ reaches the end of what can be read
  LineReader reader_;
  uint64_t begin_ = 0, end_ = 0;
  bool unterminated_ = false;
};

}  // namespace chatlens
