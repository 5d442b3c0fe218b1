#pragma once
// Stable sort for ranges that are almost in order. Export timestamps go backwards
// only now and then (the hour repeated when clocks go back, a message stamped late),
// so moving the few stragglers into place beats a full merge sort by far. When the
// stragglers are many or travel far, the range is a handful of ordered runs (a thread
// read part by part, the parts in any order): those are merged pairwise. Anything
// more disordered falls back to std::stable_sort.
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace chatlens {

// Merges the ordered runs of [first, last) pairwise until one is left: O(n log runs) moves.
// Returns false, touching nothing, when the runs are too many for that to beat a full sort.
template <class It, class Less>
bool merge_ordered_runs(It first, It last, Less less) {
  using T = typename std::iterator_traits<It>::value_type;
  const auto n = static_cast<size_t>(std::distance(first, last));
  std::vector<size_t> bounds{0};
  for (size_t i = 1; i < n; ++i)
    if (less(first[i], first[i - 1])) bounds.push_back(i);
  bounds.push_back(n);
  if (bounds.size() - 1 > n / 16 + 1) return false;
  std::vector<T> a(std::make_move_iterator(first), std::make_move_iterator(last)), b(n);
  std::vector<size_t> next;
  while (bounds.size() > 2) {
    next.assign(1, 0);
    size_t k = 0;
    for (; k + 2 < bounds.size(); k += 2) {
      // std::merge takes from the first run on ties: equal elements keep their order.
      std::merge(std::make_move_iterator(a.begin() + bounds[k]), std::make_move_iterator(a.begin() + bounds[k + 1]),
                 std::make_move_iterator(a.begin() + bounds[k + 1]), std::make_move_iterator(a.begin() + bounds[k + 2]),
                 b.begin() + bounds[k], less);
      next.push_back(bounds[k + 2]);
    }
    if (k + 1 < bounds.size()) {  // an odd run out: carried over as it is
      std::move(a.begin() + bounds[k], a.begin() + bounds[k + 1], b.begin() + bounds[k]);
      next.push_back(bounds[k + 1]);
    }
    a.swap(b);
    bounds.swap(next);
  }
  std::move(a.begin(), a.end(), first);
  return true;
}

template <class It, class Less>
void stable_sort_nearly_sorted(It first, It last, Less less) {
  const auto n = static_cast<size_t>(std::distance(first, last));
  size_t budget = n + 4096;  // element moves allowed before giving up on insertion
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
      if (!merge_ordered_runs(first, last, less)) std::stable_sort(first, last, less);
      return;
    }
  }
}

}  // namespace chatlens
