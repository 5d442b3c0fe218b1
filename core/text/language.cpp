#include "text/language.hpp"

#include <algorithm>

#include "text/stopwords.hpp"
#include "text/utf8.hpp"

namespace chatlens {
namespace {

// Languages a Latin-script text is weighed between (the Latin-script stopword lists).
constexpr std::string_view kLatinLanguages[] = {"ca", "cs", "da", "de", "en", "es", "eu", "fi", "fr", "gl", "hu",
                                                "id", "it", "nl", "no", "pl", "pt", "ro", "sv", "tr", "vi"};

uint64_t mask_of(std::initializer_list<std::string_view> langs) {
  uint64_t m = 0;
  for (auto l : langs) {
    if (const int bit = stopword_language_bit(l); bit >= 0) m |= uint64_t{1} << bit;
  }
  return m;
}

uint64_t latin_mask() {
  static const uint64_t m = [] {
    uint64_t r = 0;
    for (auto l : kLatinLanguages) r |= mask_of({l});
    return r;
  }();
  return m;
}

uint64_t arabic_mask() {
  static const uint64_t m = mask_of({"ar", "fa"});
  return m;
}

int popcount64(uint64_t x) {
  int n = 0;
  for (; x; x &= x - 1) ++n;
  return n;
}

}  // namespace

void LanguageGuesser::add(std::string_view text) {
  const uint64_t candidates = latin_mask() | arabic_mask();
  for (const Token& t : tokenizer_.tokenize(text)) {
    if (t.kind != TokenKind::Word) continue;
    ++words_;
    bool latin = false;
    for (size_t i = 0; i < t.text.size();) {
      const char32_t cp = decode_utf8(t.text, i);
      Script s = kOtherScript;
      if (cp < 0x250) {
        s = (cp >= '0' && cp <= '9') ? kOtherScript : kLatin;
      } else if (cp >= 0x0370 && cp <= 0x03FF) {
        s = kGreek;
      } else if (cp >= 0x0400 && cp <= 0x052F) {
        s = kCyrillic;
        if (cp == 0x0456 || cp == 0x0457 || cp == 0x0454 || cp == 0x0491) ++uk_letters_;
        if (cp == 0x044B || cp == 0x044D || cp == 0x044A || cp == 0x0451) ++ru_letters_;
      } else if (cp >= 0x0590 && cp <= 0x05FF) {
        s = kHebrew;
      } else if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0xFB50 && cp <= 0xFEFF)) {
        s = kArabic;
        if (cp == 0x067E || cp == 0x0686 || cp == 0x0698 || cp == 0x06AF || cp == 0x06A9 || cp == 0x06CC) ++fa_letters_;
      } else if (cp >= 0x0900 && cp <= 0x097F) {
        s = kDevanagari;
      } else if (cp >= 0x0E00 && cp <= 0x0E7F) {
        s = kThai;
      } else if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F)) {
        s = kKana;
      } else if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x3FFFF)) {
        s = kHan;
      } else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F)) {
        s = kHangul;
      } else if (cp >= 0x1E00 && cp <= 0x1EFF) {
        s = kLatin;  // Latin Extended Additional (Vietnamese)
      }
      ++letters_[s];
      latin = latin || s == kLatin;
    }
    if (latin) ++latin_words_;
    const uint64_t lists = stopword_lists_of(t.text) & candidates;
    if (lists == 0) continue;
    const double share = 1.0 / popcount64(lists);
    for (uint64_t m = lists; m; m &= m - 1) {
      int bit = 0;
      while (!((m >> bit) & 1)) ++bit;
      scores_[bit] += share;
    }
  }
}

LanguageGuess LanguageGuesser::guess() const {
  size_t total = 0;
  for (size_t n : letters_) total += n;
  size_t best = 0;
  for (size_t s = 1; s < kScriptCount; ++s) {
    if (letters_[s] > letters_[best]) best = s;
  }
  // Kana marks Japanese even when kanji outnumber it.
  if (letters_[kKana] > 0 && (letters_[kKana] + letters_[kHan]) * 2 > total &&
      letters_[kKana] * 10 >= letters_[kKana] + letters_[kHan]) {
    best = kKana;
  }
  // Scripts written without spaces (Japanese, Chinese, Thai) are judged by letters, others by words.
  const bool unspaced = best == kKana || best == kHan || best == kThai;
  if (total < 20 || best == kOtherScript || (!unspaced && words_ < 8)) return {};
  const double script_share = static_cast<double>(best == kKana ? letters_[kKana] + letters_[kHan] : letters_[best]) /
                              static_cast<double>(total);
  const double size_factor =
      unspaced ? std::min(1.0, static_cast<double>(total) / 100.0) : std::min(1.0, static_cast<double>(words_) / 40.0);
  auto fixed = [&](std::string_view code) { return LanguageGuess{code, script_share * size_factor}; };
  switch (best) {
    case kKana: return fixed("ja");
    case kHan: return fixed("zh");
    case kHangul: return fixed("ko");
    case kThai: return fixed("th");
    case kDevanagari: return fixed("hi");
    case kGreek: return fixed("el");
    case kHebrew: return fixed("he");
    case kCyrillic: {
      const size_t a = uk_letters_, b = ru_letters_;
      const double margin = (a + b) ? static_cast<double>(std::max(a, b)) / static_cast<double>(a + b) : 0.5;
      return {a > b ? "uk" : "ru", script_share * size_factor * margin};
    }
    default: break;
  }
  // Stopword scores among the script's candidates.
  const uint64_t mask = best == kArabic ? arabic_mask() : latin_mask();
  int first = -1, second = -1;
  for (int bit = 0; bit < 64; ++bit) {
    if (!((mask >> bit) & 1)) continue;
    if (first < 0 || scores_[bit] > scores_[first]) {
      second = first;
      first = bit;
    } else if (second < 0 || scores_[bit] > scores_[second]) {
      second = bit;
    }
  }
  if (best == kArabic) {
    // Persian letters are strong evidence on their own.
    const int fa = stopword_language_bit("fa");
    const int ar = stopword_language_bit("ar");
    const double fa_score = (fa >= 0 ? scores_[fa] : 0) + static_cast<double>(fa_letters_) * 0.2;
    const double ar_score = ar >= 0 ? scores_[ar] : 0;
    const double sum = fa_score + ar_score;
    const double margin = sum > 0 ? std::max(fa_score, ar_score) / sum : 0.5;
    return {fa_score > ar_score ? "fa" : "ar", script_share * size_factor * margin};
  }
  if (first < 0 || scores_[first] <= 0) return {};
  const double s1 = scores_[first];
  const double s2 = second >= 0 ? scores_[second] : 0;
  // Stopwords cover roughly half of the words of a chat: few hits mean little evidence.
  const double hits = std::min(1.0, s1 / 10.0);
  return {stopword_language(static_cast<size_t>(first)), script_share * size_factor * hits * (s1 / (s1 + s2))};
}

LanguageGuess guess_language(std::string_view text) {
  LanguageGuesser g;
  g.add(text);
  return g.guess();
}

}  // namespace chatlens
