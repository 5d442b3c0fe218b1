#include "text/word_rank.hpp"

#include <algorithm>
#include <string_view>

#include "data/word_rank_table.hpp"

namespace chatlens {
namespace {

int language_index(std::string_view lang) {
  const auto* begin = data::kWordRankLanguages;
  const auto* end = begin + data::kWordRankLanguageCount;
  const auto* it = std::lower_bound(begin, end, lang, [](const char* a, std::string_view b) { return a < b; });
  return it != end && lang == *it ? static_cast<int>(it - begin) : -1;
}

}  // namespace

bool has_word_ranks(std::string_view lang) { return language_index(lang) >= 0; }

int word_rank(std::string_view lang, std::string_view word) {
  const int li = language_index(lang);
  if (li < 0) return 0;
  const data::StrRef* begin = data::kWordRankWords + data::kWordRankLanguageBegin[li];
  const data::StrRef* end = data::kWordRankWords + data::kWordRankLanguageBegin[li + 1];
  const data::StrRef* it = std::lower_bound(
      begin, end, word, [](data::StrRef r, std::string_view w) { return data::view(data::kWordRankStrings, r) < w; });
  if (it == end || data::view(data::kWordRankStrings, *it) != word) return 0;
  return data::kWordRankRanks[it - data::kWordRankWords];
}

double everyday_share(int rank) { return 0.1 / static_cast<double>(rank > 0 ? rank : kEverydayRankLimit); }

}  // namespace chatlens
