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

}  // namespace chatlens
