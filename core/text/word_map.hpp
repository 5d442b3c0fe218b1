#pragma once
// WordMap: words to small integers, for a lookup per token in hot loops (topics decides each
// word once and looks it up at every use). Open addressing over a power-of-two table with the
// hash kept beside each key: a lookup is one FNV-1a hash, a mask and usually one comparison,
// with no division and no node per word; the words themselves live in one arena.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text/string_index.hpp"

namespace chatlens {

class WordMap {
 public:
  // The value of word, or nullptr when it was never put.
  const int64_t* find(std::string_view word) const {
    if (slots_.empty()) return nullptr;
    const uint32_t h = hash_bytes(word);
    for (uint32_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.len == kEmpty) return nullptr;
      if (s.hash == h && s.len == word.size() && std::memcmp(words_.data() + s.offset, word.data(), word.size()) == 0)
        return &s.value;
    }
  }

  // Adds word (not yet in the map) with its value.
  void put(std::string_view word, int64_t value) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    const uint32_t h = hash_bytes(word);
    place({h, static_cast<uint32_t>(word.size()), words_.size(), value});
    words_.append(word);
    ++count_;
  }

  size_t size() const { return count_; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t hash = 0;
    uint32_t len = kEmpty;  // kEmpty: a free slot
    size_t offset = 0;      // in words_
    int64_t value = 0;
  };

  void place(const Slot& s) {
    uint32_t i = s.hash & mask_;
    while (slots_[i].len != kEmpty) i = (i + 1) & mask_;
    slots_[i] = s;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    mask_ = static_cast<uint32_t>(slots_.size() - 1);
    for (const Slot& s : old)
      if (s.len != kEmpty) place(s);
  }

  std::vector<Slot> slots_;
  uint32_t mask_ = 0;
  size_t count_ = 0;
  std::string words_;
};

}  // namespace chatlens
