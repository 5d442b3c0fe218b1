#pragma once
// Everyday language: how common a word is in general use, per language, from frequency lists
// built mostly from film subtitles (close to chat language): core/data/word_rank_table.hpp.
// Topics use it as the background a term must stand out against.
#include <string_view>

namespace chatlens {

// The lists keep this many of each language's most common words.
inline constexpr int kEverydayRankLimit = 2000;

// The word's frequency rank in lang (1 = most common), or 0 when it is not among the first
// kEverydayRankLimit or the language has no list. Words as the tokenizer emits them.
int word_rank(std::string_view lang, std::string_view word);
bool has_word_ranks(std::string_view lang);

// Share of running text the word makes up in general language, by Zipf's law from its rank
// (0.1 / rank); words past the lists get the share of the last rank, an upper bound.
double everyday_share(int rank);

}  // namespace chatlens
