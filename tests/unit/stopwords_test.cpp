#include "text/stopwords.hpp"

#include <gtest/gtest.h>

#include "text/tokenizer.hpp"

using namespace chatlens;

TEST(Stopwords, SpanishAndEnglishLists) {
  for (const char* w : {"que", "de", "el", "y", "pero", "también", "está"}) EXPECT_TRUE(is_stopword("es", w)) << w;
  for (const char* w : {"the", "and", "of", "don't", "would"}) EXPECT_TRUE(is_stopword("en", w)) << w;
  for (const char* w : {"canción", "playa", "cumpleaños"}) EXPECT_FALSE(is_stopword("es", w)) << w;
  for (const char* w : {"beach", "birthday"}) EXPECT_FALSE(is_stopword("en", w)) << w;
  // A list is per language: "the" is no Spanish word.
  EXPECT_FALSE(is_stopword("es", "the"));
}

TEST(Stopwords, ChatSlangAndExportPlaceholdersAreStopwordsInEveryLanguage) {
  for (const char* lang : {"es", "en", "pt", "und", "sw"}) {
    for (const char* w : {"jaja", "jajaja", "haha", "lol", "xd", "kkk", "q", "xq", "pq", "ok", "omg", "thx", "omitted",
                          "omitido", "media", "attached", "null"}) {
      EXPECT_TRUE(is_stopword(lang, w)) << lang << " " << w;
    }
  }
}

TEST(Stopwords, MatchTokensAsTheTokenizerEmitsThem) {
  Tokenizer t;
  size_t stop = 0, total = 0;
  for (const Token& tok : t.tokenize("Holaaaa!! JAJAJAJA pero QUE dice, <Multimedia omitido>")) {
    ++total;
    stop += is_stopword("es", tok.text);
  }
  EXPECT_EQ(total, 7u);
  EXPECT_EQ(stop, 7u);
}

TEST(Stopwords, RequiredLanguagesHaveLists) {
  for (const char* lang : {"es", "en", "pt", "fr", "de", "it", "nl", "ru", "uk", "cs", "ar", "hi", "ja", "id", "th",
                           "vi", "tr", "pl", "ca"}) {
    EXPECT_GE(stopword_language_bit(lang), 0) << lang;
  }
  EXPECT_TRUE(is_stopword("ru", "и"));
  EXPECT_TRUE(is_stopword("fr", "avec"));
  EXPECT_TRUE(is_stopword("de", "nicht"));
  EXPECT_EQ(stopword_language_bit("xx"), -1);
}
