#include "text/stopwords.hpp"

#include "data/stopwords_table.hpp"
#include "text/string_index.hpp"

namespace chatlens {

namespace {

std::string_view word_at(size_t i) { return data::view(data::kStopwordStrings, data::kStopwordWords[i]); }

const StringIndex& word_index() {
  static const StringIndex index(data::kStopwordCount, word_at);
  return index;
}

}  // namespace

uint64_t stopword_lists_of(std::string_view word) {
  const int i = word_index().find(word, word_at);
  return i < 0 ? 0 : data::kStopwordMasks[data::kStopwordLangSets[i]];
}

size_t stopword_language_count() { return data::kStopwordLanguageCount; }

std::string_view stopword_language(size_t bit) {
  return bit < data::kStopwordLanguageCount ? data::kStopwordLanguages[bit] : std::string_view();
}

int stopword_language_bit(std::string_view lang) {
  for (size_t i = 0; i < data::kStopwordLanguageCount; ++i) {
    if (lang == data::kStopwordLanguages[i]) return static_cast<int>(i);
  }
  return -1;
}

bool StopwordSet::contains(std::string_view word) const { return (stopword_lists_of(word) & mask) != 0; }

StopwordSet stopwords_for(std::string_view lang) {
  StopwordSet set;
  for (std::string_view own : {"x-chat", "x-export"}) {
    if (const int bit = stopword_language_bit(own); bit >= 0) set.mask |= uint64_t{1} << bit;
  }
  if (!lang.empty() && lang[0] != 'x') {
    if (const int bit = stopword_language_bit(lang); bit >= 0) set.mask |= uint64_t{1} << bit;
  }
  return set;
}

bool is_stopword(std::string_view lang, std::string_view word) { return stopwords_for(lang).contains(word); }

}  // namespace chatlens
