#pragma once
// Which language a chat is written in, from a sample of its text.
//
// First the script: letters written in kana -> ja, Han alone -> zh, Hangul -> ko, Thai -> th,
// Devanagari -> hi, Greek -> el, Hebrew -> he. Cyrillic is ru or uk by the letters only one of them
// uses (і ї є ґ against ы э ъ ё), Arabic script ar or fa by stopwords and Persian letters (پ چ ژ گ ک ی).
// Latin script by stopwords: each word found in some of the candidate lists counts 1/k for each of
// the k languages that list it, so words shared by Spanish, Portuguese and Galician weigh less than
// words only one of them has. The answer is an ISO 639-1 code, or "und" when the sample is too small
// (fewer than 8 words, or no stopword at all for Latin script).
#include <array>
#include <string_view>

#include "text/tokenizer.hpp"

namespace chatlens {

struct LanguageGuess {
  std::string_view code = "und";  // static storage
  double confidence = 0;          // 0 .. 1: margin over the runner-up, shrunk for small samples
};

// Feed messages with add() until enough() (or the chat ends); then guess().
class LanguageGuesser {
 public:
  void add(std::string_view text);
  bool enough() const { return words_ >= kEnoughWords; }
  LanguageGuess guess() const;

  static constexpr size_t kEnoughWords = 3000;

 private:
  enum Script : uint8_t {
    kLatin,
    kCyrillic,
    kArabic,
    kDevanagari,
    kKana,
    kHan,
    kHangul,
    kThai,
    kGreek,
    kHebrew,
    kOtherScript,
    kScriptCount
  };
  Tokenizer tokenizer_;
  size_t words_ = 0;
  size_t latin_words_ = 0;
  std::array<size_t, kScriptCount> letters_{};
  size_t uk_letters_ = 0, ru_letters_ = 0, fa_letters_ = 0;
  std::array<double, 64> scores_{};  // by stopword list bit
};

LanguageGuess guess_language(std::string_view text);

}  // namespace chatlens
