#pragma once
// A message column that most inputs never fill: WhatsApp carries no UTC instants,
// message ids or reply links, so for it these columns would be 24 bytes of defaults
// per message. The values are stored only once one differs from the default; until
// then the column is just a length.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace chatlens {

template <class T, T Default>
class SparseColumn {
 public:
  T operator[](size_t i) const { return values_.empty() ? Default : values_[i]; }
  size_t size() const { return size_; }
  bool all_default() const { return values_.empty(); }

  void push_back(T v) {
    if (!values_.empty())
      values_.push_back(v);
    else if (v != Default)
      materialize(v);
    ++size_;
  }
  void set(size_t i, T v) {
    if (values_.empty()) {
      if (v == Default) return;
      values_.assign(size_, Default);
    }
    values_[i] = v;
  }
  void reserve(size_t n) {
    reserved_ = n;
    if (!values_.empty()) values_.reserve(n);
  }
  void resize(size_t n) {
    if (!values_.empty()) values_.resize(n, Default);
    size_ = n;
  }
  // Reorders to out[k] = this[order[k]] (order may also drop entries).
  template <class Index>
  void permute(const std::vector<Index>& order) {
    size_ = order.size();
    if (values_.empty()) return;
    std::vector<T> out;
    out.reserve(order.size());
    for (Index i : order) out.push_back(values_[i]);
    values_.swap(out);
  }

  // Sets this[to[j]] = old this[from[j]] for every j: a permutation touching few entries.
  template <class Index>
  void move_within(const std::vector<Index>& to, const std::vector<Index>& from) {
    if (values_.empty()) return;
    std::vector<T> moving;
    moving.reserve(from.size());
    for (Index i : from) moving.push_back(values_[i]);
    for (size_t j = 0; j < to.size(); ++j) values_[to[j]] = moving[j];
  }

 private:
  [[gnu::noinline]] void materialize(T first_value) {
    values_.reserve(reserved_ > size_ ? reserved_ : size_ + 1);
    values_.assign(size_, Default);
    values_.push_back(first_value);
  }

  std::vector<T> values_;  // empty while every value is Default
  size_t size_ = 0;
  size_t reserved_ = 0;
};

}  // namespace chatlens
