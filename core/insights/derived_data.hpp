#pragma once
// Data several insights need, computed once per report and cached.
#include <cstdint>
#include <optional>
#include <vector>

#include "model/corpus.hpp"

namespace chatlens {

class DerivedData {
 public:
  explicit DerivedData(const Corpus& corpus) : corpus_(corpus) {}

  // Indices of all non-system messages in global time order (stable).
  const std::vector<uint64_t>& by_time();

 private:
  const Corpus& corpus_;
  std::optional<std::vector<uint64_t>> by_time_;
};

// Whether message i was written by a person (not a system line).
inline bool is_personal(const Corpus& c, uint64_t i) {
  return c.messages.sender[i] != kNoPerson && c.messages.kind[i] != MessageKind::System;
}

}  // namespace chatlens
