#include "text/tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace chatlens;

namespace {

using V = std::vector<std::string>;

// Tokens of one kind, as "text".
V tokens_of(std::string_view text, TokenKind kind) {
  Tokenizer t;
  V out;
  for (const Token& tok : t.tokenize(text)) {
    if (tok.kind == kind) out.emplace_back(tok.text);
  }
  return out;
}
V words(std::string_view text) { return tokens_of(text, TokenKind::Word); }

}  // namespace

TEST(Tokenizer, WordsAreLowercasedWithAccentsKept) {
  EXPECT_EQ(words("Mi CANCIÓN favorita, ¿sabes?"), (V{"mi", "canción", "favorita", "sabes"}));
  EXPECT_EQ(words("Straße ÑANDÚ Ελλάδα МОСКВА İstanbul"), (V{"straße", "ñandú", "ελλάδα", "москва", "istanbul"}));
  // Decomposed accents (o + U+0301) come out precomposed, like typed ones.
  EXPECT_EQ(words("cancio\u0301n"), V{"canción"});
}

TEST(Tokenizer, ElongationsCollapseRunsOfThreeOrMore) {
  EXPECT_EQ(words("holaaaa siiii sooooo"), (V{"hola", "si", "so"}));
  EXPECT_EQ(words("llorar cool HOLAAA"), (V{"llorar", "cool", "hola"}));
  EXPECT_EQ(words("nooooo graciasss"), (V{"no", "gracias"}));
}

TEST(Tokenizer, LaughterIsCanonicalised) {
  EXPECT_EQ(tokens_of("jajajaja JAJAJ jsjsjs jejeje hahaha ahahah kkkkk rsrsrs xDDD loool хахаха ㅋㅋㅋ",
                      TokenKind::Laughter),
            (V{"jaja", "jaja", "jaja", "jeje", "haha", "haha", "kkk", "rsrs", "xd", "lol", "хаха", "ㅋㅋ"}));
  // Real words made of the same letters stay words.
  EXPECT_EQ(words("hijo jefe hace ajo aja"), (V{"hijo", "jefe", "hace", "ajo", "aja"}));
}

TEST(Tokenizer, UrlsBecomeDomains) {
  EXPECT_EQ(tokens_of("mira https://www.example.com/x?y=1 y http://M.YouTube.com/watch", TokenKind::Domain),
            (V{"example.com", "youtube.com"}));
  EXPECT_EQ(words("mira https://www.example.com/path/que?no=palabras y ya"), (V{"mira", "y", "ya"}));
  EXPECT_EQ(tokens_of("youtu.be/abc www.elpais.es (amazon.com).", TokenKind::Domain),
            (V{"youtu.be", "elpais.es", "amazon.com"}));
  // A period without a space is not a link: "bien.es" stays words.
  EXPECT_EQ(words("que bien.es verdad"), (V{"que", "bien", "es", "verdad"}));
  EXPECT_TRUE(tokens_of("http://localhost:8080/", TokenKind::Domain).empty());
}

TEST(Tokenizer, HashtagsAndMentionsAreSeparate) {
  Tokenizer t;
  const auto& toks = t.tokenize("Vamos #Madrid @Ana_99 y #1 #️⃣ C#");
  V hashtags, mentions, ws;
  for (const Token& tok : toks) {
    if (tok.kind == TokenKind::Hashtag) hashtags.emplace_back(tok.text);
    if (tok.kind == TokenKind::Mention) mentions.emplace_back(tok.text);
    if (tok.kind == TokenKind::Word) ws.emplace_back(tok.text);
  }
  EXPECT_EQ(hashtags, V{"madrid"});
  EXPECT_EQ(mentions, V{"ana_99"});
  EXPECT_EQ(ws, (V{"vamos", "y", "c"}));
  // WhatsApp mentions: phone numbers, and contact names inside isolates.
  EXPECT_EQ(tokens_of("hola @34612345678 y @\u2068Ana López\u2069!", TokenKind::Mention),
            (V{"34612345678", "ana lópez"}));
}

TEST(Tokenizer, NumbersAndEmailsAreNotWords) {
  EXPECT_EQ(words("a las 10:30 cuesta 3,50€ el 2x1"), (V{"a", "las", "cuesta", "el", "2x1"}));
  EXPECT_EQ(words("escribe a ana.g@example.com ya"), (V{"escribe", "a", "ya"}));
}

TEST(Tokenizer, ApostrophesAndJoinersStayInsideWords) {
  EXPECT_EQ(words("I don’t know, it's l'amour col·legi 'quoted'"),
            (V{"i", "don't", "know", "it's", "l'amour", "col·legi", "quoted"}));
}

TEST(Tokenizer, JapaneseSplitsAtScriptChanges) {
  EXPECT_EQ(words("私は学生です"), (V{"私", "は", "学生", "です"}));
  EXPECT_EQ(words("カタカナとひらがな"), (V{"カタカナ", "とひらがな"}));
}

TEST(Tokenizer, EmojiAndPunctuationSeparateWords) {
  EXPECT_EQ(words("hola😂adiós!!!¿qué?"), (V{"hola", "adiós", "qué"}));
}

TEST(Tokenizer, OffsetsPointIntoTheInput) {
  const std::string text = "¡Holaaa, mundo!";
  Tokenizer t;
  const auto& toks = t.tokenize(text);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(text.substr(toks[0].offset, toks[0].length), "Holaaa");
  EXPECT_EQ(toks[0].text, "hola");
  EXPECT_EQ(text.substr(toks[1].offset, toks[1].length), "mundo");
}
