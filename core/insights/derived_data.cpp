#include "insights/derived_data.hpp"

#include <algorithm>

namespace chatlens {

const std::vector<uint64_t>& DerivedData::by_time() {
  if (!by_time_) {
    std::vector<uint64_t> order;
    order.reserve(corpus_.size());
    for (uint64_t i = 0; i < corpus_.size(); ++i)
      if (is_personal(corpus_, i)) order.push_back(i);
    const auto& t = corpus_.messages.time;
    std::stable_sort(order.begin(), order.end(), [&](uint64_t a, uint64_t b) { return t[a] < t[b]; });
    by_time_ = std::move(order);
  }
  return *by_time_;
}

const std::vector<uint64_t>& DerivedData::owner_by_time() {
  if (!owner_by_time_) {
    std::vector<uint64_t> mine;
    for (uint64_t i : by_time())
      if (corpus_.is_owner(corpus_.messages.sender[i])) mine.push_back(i);
    owner_by_time_ = std::move(mine);
  }
  return *owner_by_time_;
}

const std::vector<uint32_t>& DerivedData::conversation() {
  if (!conversation_) {
    std::vector<uint32_t> conv(corpus_.size(), kNoConversation);
    uint32_t next = 0;
    // Chats are contiguous and sorted by time in the corpus.
    for (const Chat& chat : corpus_.chats) {
      std::optional<LocalTime> last;
      for (uint64_t i = chat.begin; i < chat.end; ++i) {
        if (!is_personal(corpus_, i)) continue;
        const LocalTime t = corpus_.messages.time[i];
        if (!last || t.seconds - last->seconds > gap_) ++next;
        conv[i] = next - 1;
        last = t;
      }
    }
    conversation_ = std::move(conv);
  }
  return *conversation_;
}

const std::vector<Reply>& DerivedData::replies() {
  if (!replies_) {
    const auto& conv = conversation();
    std::vector<Reply> out;
    for (const Chat& chat : corpus_.chats) {
      uint64_t prev = UINT64_MAX;
      for (uint64_t i = chat.begin; i < chat.end; ++i) {
        if (!is_personal(corpus_, i)) continue;
        if (prev != UINT64_MAX && conv[prev] == conv[i] && corpus_.messages.sender[prev] != corpus_.messages.sender[i])
          out.push_back({i, prev, corpus_.messages.time[i].seconds - corpus_.messages.time[prev].seconds});
        prev = i;
      }
    }
    replies_ = std::move(out);
  }
  return *replies_;
}

std::optional<LocalTime> DerivedData::export_end() {
  const auto& order = by_time();
  if (order.empty()) return std::nullopt;
  return corpus_.messages.time[order.back()];
}

}  // namespace chatlens
