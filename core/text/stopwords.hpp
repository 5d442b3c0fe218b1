#pragma once
// Stopwords: words too common to be topics, per language (stopwords-iso 1.1.0) plus chatlens' own
// language-independent lists, "x-chat" (laughter, slang, greetings: jaja, lol, xd, q, pq, ok, omg,
// …) and "x-export" (words of export placeholders: omitted, media, attached, …). Words are looked
// up as the tokenizer emits them (lowercase, NFC, elongations collapsed): see core/data/stopwords_table.hpp.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace chatlens {

// A set of stopword lists: one language's list plus the language-independent ones.
struct StopwordSet {
  uint64_t mask = 0;  // bit i = list stopword_language(i)
  bool contains(std::string_view word) const;
};

// The stopwords of lang (ISO 639-1, e.g. "es") together with "x-chat" and "x-export". For a
// language without a list ("und", "sw") only the language-independent lists.
StopwordSet stopwords_for(std::string_view lang);
bool is_stopword(std::string_view lang, std::string_view word);

// Every list containing word (bit i = stopword_language(i)); 0 when none.
uint64_t stopword_lists_of(std::string_view word);
size_t stopword_language_count();
std::string_view stopword_language(size_t bit);  // "ar", …, "x-chat", "x-export", "zh"
// The bit of a list, or -1 when there is none.
int stopword_language_bit(std::string_view lang);

}  // namespace chatlens
