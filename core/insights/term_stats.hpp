#pragma once
// Per-term counts of one group of messages (topics): how often, and on how many distinct days.
// Term ids are small integers looked up several times per word of the owner's texts: an open
// addressing table (Fibonacci hash of the id, power-of-two size) instead of a node per term.
#include <cstdint>
#include <vector>

namespace chatlens {

struct TermStat {
  uint32_t count = 0;
  uint32_t days = 0;
  int64_t last_day = INT64_MIN;
  // Days must come in order (messages in time order) for `days` to count distinct days.
  void add(int64_t day) {
    ++count;
    if (day != last_day) ++days, last_day = day;
  }
};

class TermStats {
 public:
  TermStat& operator[](uint32_t id) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    Slot& s = slots_[find_slot(id)];
    if (s.id == kFree) s.id = id, ++count_;
    return s.stat;
  }
  // The stat of a term counted in this group (every term of a group is in its reference).
  const TermStat& at(uint32_t id) const {
    static const TermStat kNone;
    return slots_.empty() ? kNone : slots_[find_slot(id)].stat;
  }
  size_t size() const { return count_; }
  // f(id, stat) for every term, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.id != kFree) f(s.id, s.stat);
  }

 private:
  static constexpr uint32_t kFree = UINT32_MAX;
  struct Slot {
    uint32_t id = kFree;
    TermStat stat;
  };

  size_t find_slot(uint32_t id) const {
    size_t i = (id * 0x9E3779B97F4A7C15ull) >> shift_;
    while (slots_[i].id != kFree && slots_[i].id != id) i = (i + 1) & (slots_.size() - 1);
    return i;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    shift_ = 64 - bits(slots_.size());
    for (const Slot& s : old)
      if (s.id != kFree) slots_[find_slot(s.id)] = s;
  }
  static unsigned bits(size_t n) {  // log2 of a power of two
    unsigned b = 0;
    while ((size_t{1} << b) < n) ++b;
    return b;
  }

  std::vector<Slot> slots_;
  unsigned shift_ = 64;
  size_t count_ = 0;
};

}  // namespace chatlens
