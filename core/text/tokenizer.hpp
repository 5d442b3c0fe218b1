#pragma once
// Words of a chat message, for topics, stopwords and the language guess.
//
// Rules (what a token is and how it is normalised):
//  - A word is a run of letters, combining marks and digits (utf8proc categories L*, M*, Nd),
//    which may contain an apostrophe (' or ’, stored as '), a middle dot (Catalan "col·legi") or a
//    zero-width (non-)joiner between two letters. Runs of digits only (numbers, times, prices) are
//    not tokens. Between Han, hiragana and katakana a change of script also ends a word, a cheap
//    segmentation of Japanese; Chinese and Thai runs stay whole (no dictionary segmentation).
//  - Case: lowercased code point by code point (utf8proc_tolower; ASCII by table). Accents are
//    kept ("Canción" -> "canción"); a word with combining marks is put in NFC.
//  - Elongation: a run of three or more identical letters becomes one letter ("holaaaa" -> "hola",
//    "sooooo" -> "so", "hmmm" -> "hm"); runs of two are kept ("llorar", "cool"). German "fff"
//    ("Schifffahrt") is collapsed too: an accepted cost.
//  - Laughter is recognised before that and canonicalised, kind Laughter: "jajajaja", "JAJAJ",
//    "jsjsjs" -> "jaja" ("jeje", "jiji", "jojo" by the first vowel); "hahaha", "ahahah" -> "haha"
//    ("hehe", …); "kkkkk" -> "kkk"; "rsrsrs" -> "rsrs"; "xDDD" -> "xd"; "loool" -> "lol";
//    "lmaooo" -> "lmao"; "wkwkwk" -> "wkwk"; "mdrrr" -> "mdr"; "хахаха" -> "хаха"; "ㅋㅋㅋ" -> "ㅋㅋ".
//  - URLs (scheme://…, www.…, and bare host/path such as "youtu.be/x") are not words: each gives
//    one Domain token, the host lowercased without "www." or "m." ("https://www.example.com/x" ->
//    "example.com"). A bare host without a path counts only with a common generic TLD
//    ("amazon.com"), so "bien.es" in running text stays two words. E-mail addresses are skipped.
//  - "#tag" gives a Hashtag token "tag" (lowercased; needs a letter, so "#1" and keycaps are not);
//    "@name" a Mention token "name" (WhatsApp's "@⁨Ana López⁩" with isolates gives "ana lópez").
//  - Emoji, punctuation and symbols separate words and are not tokens.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chatlens {

enum class TokenKind : uint8_t { Word, Laughter, Hashtag, Mention, Domain };

struct Token {
  TokenKind kind = TokenKind::Word;
  std::string_view text;  // normalised; valid until the tokenizer is used again or destroyed
  uint32_t offset = 0;    // raw bytes in the input
  uint32_t length = 0;
};

// Reusable: keeps its buffers between messages, so tokenizing allocates nothing once warm.
class Tokenizer {
 public:
  const std::vector<Token>& tokenize(std::string_view text);

 private:
  struct Pending {
    TokenKind kind;
    uint32_t begin, size;  // in buf_, or in a static string when fixed != nullptr
    const char* fixed;
    uint32_t offset, length;
  };
  void add(TokenKind kind, size_t buf_begin, size_t raw_begin, size_t raw_end);
  void add_fixed(TokenKind kind, std::string_view text, size_t raw_begin, size_t raw_end);
  size_t scan_url(std::string_view text, size_t i);
  size_t scan_word(std::string_view text, size_t i);
  size_t scan_tag(std::string_view text, size_t i, TokenKind kind);

  std::string buf_;
  std::vector<Pending> pending_;
  std::vector<Token> tokens_;
};

// Convenience: the normalised texts of the tokens (allocates; for tests and small callers).
std::vector<std::string> tokenize_words(std::string_view text);

}  // namespace chatlens
