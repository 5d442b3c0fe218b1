#pragma once
// Stable sort for ranges that are almost in order. Export timestamps go backwards
// only now and then (the hour repeated when clocks go back, a message stamped late),
// so moving the few stragglers into place beats a full merge sort by far. When the
// stragglers are many or travel far, it falls back to std::stable_sort.
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>

namespace chatlens {

template <class It, class Less>
void stable_sort_nearly_sorted(It first, It last, Less less) {
  const auto n = static_cast<size_t>(std::distance(first, last));
  size_t budget = 8 * n + 4096;  // element moves allowed before giving up on insertion
  for (It i = first; i != last; ++i) {
    if (i == first || !less(*i, *std::prev(i))) continue;
    auto value = std::move(*i);
    It j = i;
    // Shifting stops at the first element not greater than `value`: equal elements keep their order.
    do {
      *j = std::move(*std::prev(j));
      --j;
    } while (j != first && less(value, *std::prev(j)) && --budget > 0);
    // Everything `value` passed is greater than it, so placing it here (even when the budget
    // ran out before its final place) swaps no equal elements.
    *j = std::move(value);
    if (budget == 0) {
      std::stable_sort(first, last, less);
      return;
    }
  }
}

}  // namespace chatlens
