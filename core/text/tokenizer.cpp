#include "text/tokenizer.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdlib>

#include "text/utf8.hpp"

namespace chatlens {
namespace {

// What a code point is to the tokenizer.
enum class Cls : uint8_t { Other, Space, Letter, Digit, Mark, Apostrophe, Joiner };

constexpr std::array<Cls, 128> make_ascii_classes() {
  std::array<Cls, 128> t{};
  for (int c = 0; c < 128; ++c) {
    Cls k = Cls::Other;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = Cls::Letter;
    if (c >= '0' && c <= '9') k = Cls::Digit;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') k = Cls::Space;
    if (c == '\'') k = Cls::Apostrophe;
    t[c] = k;
  }
  return t;
}
constexpr std::array<Cls, 128> kAscii = make_ascii_classes();

// ASCII letters and digits -> their lowercase; anything else -> 0.
constexpr std::array<uint8_t, 128> make_ascii_word() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) t[c] = static_cast<uint8_t>(c);
    if (c >= 'A' && c <= 'Z') t[c] = static_cast<uint8_t>(c - 'A' + 'a');
  }
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiWord = make_ascii_word();

constexpr bool is_ascii_alnum(unsigned char c) {
  return c < 0x80 && (kAscii[c] == Cls::Letter || kAscii[c] == Cls::Digit);
}
constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

struct CodePoint {
  char32_t cp;
  size_t next;
  Cls cls;
  bool upper;  // needs lowercasing (non-ASCII)
};

inline CodePoint classify(std::string_view text, size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return {b, i + 1, kAscii[b], false};
  // Latin-1 letters (á é ñ ü ç ß …: C3 80..BF), the most common non-ASCII letters here, without a lookup.
  if (b == 0xC3 && i + 1 < text.size()) {
    const auto b2 = static_cast<unsigned char>(text[i + 1]);
    if (b2 >= 0x80 && b2 <= 0xBF) {
      const char32_t cp = 0xC0 + (b2 - 0x80);
      if (cp == 0xD7 || cp == 0xF7) return {cp, i + 2, Cls::Other, false};  // × ÷
      return {cp, i + 2, Cls::Letter, cp <= 0xDE};
    }
  }
  size_t next = i;
  const char32_t cp = decode_utf8(text, next);
  if (cp == 0x2019) return {cp, next, Cls::Apostrophe, false};
  if (cp == 0x00B7 || cp == 0x200C || cp == 0x200D) return {cp, next, Cls::Joiner, false};
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return {cp, next, Cls::Letter, true};
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return {cp, next, Cls::Letter, false};
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return {cp, next, Cls::Mark, false};
    case UTF8PROC_CATEGORY_ND: return {cp, next, Cls::Digit, false};
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: return {cp, next, Cls::Space, false};
    default: return {cp, next, Cls::Other, false};
  }
}

// Lowercase of a non-ASCII letter that classify() marked upper.
inline char32_t to_lower(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE) return cp + 0x20;  // Latin-1 (× is not a letter)
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

// Scripts between which a word is split (Japanese has no spaces).
enum class Script : uint8_t { Other, Han, Hiragana, Katakana };
constexpr Script script_of(char32_t cp) {
  if (cp < 0x3005) return Script::Other;
  if (cp >= 0x3040 && cp <= 0x309F) return Script::Hiragana;
  if ((cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0xFF66 && cp <= 0xFF9F)) {
    return Script::Katakana;
  }
  if (cp == 0x3005 || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF)) {
    return Script::Han;
  }
  return Script::Other;
}

// Laughter: the canonical form of w (lowercase, before elongation collapse), or empty.
std::string_view laughter(std::string_view w) {
  const size_t n = w.size();
  if (n < 2) return {};
  // One pass: whether w is ASCII, and the set of its letters a..z (bit 31: anything else).
  // Laughter starts with one of few letters (х = D1 85, а = D0 B0, ㅋ ㅎ = E3 85 ..).
  switch (static_cast<unsigned char>(w[0])) {
    case 'a':
    case 'h':
    case 'j':
    case 'k':
    case 'l':
    case 'm':
    case 'r':
    case 'w':
    case 'x':
    case 0xD0:
    case 0xD1:
    case 0xE3: break;
    default: return {};
  }
  unsigned char any = 0;
  uint32_t present = 0;
  for (char c : w) {
    any |= static_cast<unsigned char>(c);
    present |= (c >= 'a' && c <= 'z') ? 1u << (c - 'a') : 0x80000000u;
  }
  const bool ascii = any < 0x80;
  constexpr auto letters = [](std::string_view set) {
    uint32_t m = 0;
    for (char c : set) m |= 1u << (c - 'a');
    return m;
  };
  auto all_of = [&](std::string_view allowed) { return (present & ~letters(allowed)) == 0; };
  auto count = [&](char x) {
    size_t k = 0;
    for (char c : w) k += c == x;
    return k;
  };
  auto first_vowel = [&]() {
    for (char c : w) {
      if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') return c;
    }
    return 'a';
  };
  if (ascii) {
    // Laughter uses few letters: most words fail here at once.
    if (!all_of("jaeiouskhrxdlmw")) return {};
    // "jajaja", "jajaj", "ajaja", "jsjsjs", "jajsjs": j and vowels (and keyboard-smash s/k/h), two j at least.
    if (n >= 4 && (w[0] == 'j' || w[1] == 'j') && count('j') >= 2 && all_of("jaeiouskh")) {
      switch (first_vowel()) {
        case 'e': return "jeje";
        case 'i': return "jiji";
        case 'o': return "jojo";
        default: return "jaja";
      }
    }
    // "haha", "hahaha", "ahahah", "hehe": alternating h-runs and vowel-runs, two h-runs at least.
    if (n >= 4 && all_of("haeiou")) {
      size_t runs = 0;
      bool ok = true;
      for (size_t k = 0; k < n; ++k) {
        if (w[k] == 'h') {
          if (k == 0 || w[k - 1] != 'h') ++runs;
        } else if (k + 1 < n && w[k + 1] != 'h' && w[k + 1] != w[k]) {
          ok = false;  // two different vowels in a row: a word ("hoaha"), not laughter
        }
      }
      if (ok && runs >= 2 && w.find('h') <= 1) {
        switch (first_vowel()) {
          case 'e': return "hehe";
          case 'i': return "hihi";
          case 'o': return "hoho";
          case 'u': return "huhu";
          default: return "haha";
        }
      }
    }
    if (n >= 3 && all_of("k")) return "kkk";
    if (n >= 4 && all_of("rs") && w[0] == 'r' && w.find("rr") == std::string_view::npos &&
        w.find("ss") == std::string_view::npos) {
      return "rsrs";
    }
    if (w[0] == 'x' && all_of("xd") && count('d') >= 1 && w.find("dx") == std::string_view::npos) return "xd";
    if (n >= 3 && w[0] == 'l' && w.back() == 'l' && all_of("lo") && count('l') == 2 && w[1] == 'o') return "lol";
    if (n >= 4 && w.substr(0, 2) == "lm" && all_of("lmao") && w.find("ao") != std::string_view::npos &&
        w.back() == 'o') {
      return "lmao";
    }
    if (n >= 4 && all_of("wk") && w[0] == 'w' && w.find("ww") == std::string_view::npos &&
        w.find("kk") == std::string_view::npos) {
      return "wkwk";
    }
    if (n >= 3 && w[0] == 'm' && all_of("mdr") && w.find("dr") != std::string_view::npos && count('m') == 1 &&
        w[1] == 'd') {
      return "mdr";
    }
    return {};
  }
  // Cyrillic "хахаха", "ахахах", "хехе" (х = D1 85, а = D0 B0); Korean "ㅋㅋㅋ", "ㅎㅎ" (E3 85 8B/8E).
  const auto b0 = static_cast<unsigned char>(w[0]);
  const auto b1 = static_cast<unsigned char>(w[1]);
  if (!((b0 == 0xD1 && b1 == 0x85) || (b0 == 0xD0 && b1 == 0xB0) || (b0 == 0xE3 && b1 == 0x85))) return {};
  std::array<char32_t, 64> cps;
  size_t m = 0;
  for (size_t i = 0; i < n && m < cps.size();) cps[m++] = decode_utf8(w, i);
  if (m < 2 || m == cps.size()) return {};
  auto only = [&](std::initializer_list<char32_t> allowed) {
    for (size_t k = 0; k < m; ++k) {
      bool ok = false;
      for (char32_t a : allowed) ok = ok || cps[k] == a;
      if (!ok) return false;
    }
    return true;
  };
  if (only({0x314B})) return "\u314B\u314B";       // ㅋㅋ
  if (only({0x314E})) return "\u314E\u314E";       // ㅎㅎ
  if (m >= 4 && only({0x0445, 0x0430, 0x0435})) {  // х а е
    size_t runs = 0;
    bool e = false;
    for (size_t k = 0; k < m; ++k) {
      if (cps[k] == 0x0445 && (k == 0 || cps[k - 1] != 0x0445)) ++runs;
      if (cps[k] == 0x0435) e = true;
    }
    if (runs >= 2 && (cps[0] == 0x0445 || cps[1] == 0x0445))
      return e ? "\u0445\u0435\u0445\u0435" : "\u0445\u0430\u0445\u0430";
  }
  return {};
}

// Collapses runs of three or more identical code points (not ASCII digits) in s[begin..] to one.
void collapse_elongations(std::string& s, size_t begin) {
  // Fast path: three identical bytes in a row are needed for a run of three identical ASCII
  // letters; a run of a multi-byte letter repeats its lead byte every few bytes.
  bool maybe = false;
  for (size_t k = begin; k + 2 < s.size() && !maybe; ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    maybe = c >= 0x80 ? (k + 4 < s.size()) : (s[k + 1] == s[k] && s[k + 2] == s[k]);
  }
  if (!maybe) return;
  size_t w = begin;
  char32_t prev = 0;
  int run = 0;
  for (size_t r = begin; r < s.size();) {
    const size_t start = r;
    const char32_t cp = decode_utf8(s, r);
    const size_t len = r - start;
    if (cp == prev && !(cp >= '0' && cp <= '9')) {
      ++run;
      if (run == 3) w -= len;  // drop the second copy; this and later copies are not written
      if (run >= 3) continue;
    } else {
      prev = cp;
      run = 1;
    }
    for (size_t k = 0; k < len; ++k) s[w + k] = s[start + k];
    w += len;
  }
  s.resize(w);
}

bool starts_with_ci(std::string_view s, size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (ascii_lower(s[i + k]) != prefix[k]) return false;
  }
  return true;
}

constexpr bool is_url_punct(unsigned char c) {
  return c == '.' || c == ':' || c == '_' || c == '+' || c == '-' || c == '@';
}

constexpr bool is_host_char(unsigned char c) { return is_ascii_alnum(c) || c == '-' || c == '.'; }

// A bare host counts as a link without a path only with one of these top-level domains.
bool is_generic_tld(std::string_view tld) {
  constexpr std::string_view kTlds[] = {"com", "net", "org", "io", "app", "dev", "edu", "gov", "info"};
  for (auto t : kTlds) {
    if (tld.size() == t.size() && starts_with_ci(tld, 0, t)) return true;
  }
  return false;
}

// End of a URL starting at i: the next whitespace, or a character that cannot be in one.
size_t url_end(std::string_view text, size_t i) {
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && (kAscii[c] == Cls::Space || c == '"' || c == '<' || c == '>')) break;
    ++i;
  }
  return i;
}

}  // namespace

void Tokenizer::add(TokenKind kind, size_t buf_begin, size_t raw_begin, size_t raw_end) {
  pending_.push_back({kind, static_cast<uint32_t>(buf_begin), static_cast<uint32_t>(buf_.size() - buf_begin), nullptr,
                      static_cast<uint32_t>(raw_begin), static_cast<uint32_t>(raw_end - raw_begin)});
}

void Tokenizer::add_fixed(TokenKind kind, std::string_view text, size_t raw_begin, size_t raw_end) {
  pending_.push_back({kind, 0, static_cast<uint32_t>(text.size()), text.data(), static_cast<uint32_t>(raw_begin),
                      static_cast<uint32_t>(raw_end - raw_begin)});
}

// A URL at i (a word start): emits its Domain token and returns its end, or returns 0.
size_t Tokenizer::scan_url(std::string_view text, size_t i) {
  const size_t n = text.size();
  // One pass over the host-like run: letters, digits, '-' and '.'.
  // ('_' and '+' only for e-mail addresses, whose local part is skipped here whole.)
  size_t e = i;
  bool letters_only = true;
  bool dotted = false;
  bool other = false;
  while (e < n) {
    const auto c = static_cast<unsigned char>(text[e]);
    if (c == '_' || c == '+') {
      other = true;
    } else if (!is_host_char(c)) {
      break;
    }
    letters_only = letters_only && kAscii[c] == Cls::Letter;
    dotted = dotted || c == '.';
    ++e;
  }
  if (e + 1 < n && text[e] == '@' && is_ascii_alnum(static_cast<unsigned char>(text[e + 1]))) {
    return url_end(text, i);  // "ana.g@example.com": an e-mail address is not words
  }
  if (other) return 0;
  size_t host;
  size_t end;
  if (letters_only && e - i <= 12 && text.substr(e, 3) == "://") {  // scheme://
    host = e + 3;
    end = url_end(text, i);
  } else if (!dotted) {
    return 0;
  } else if (starts_with_ci(text, i, "www.")) {
    host = i;
    end = url_end(text, i);
  } else {
    // Bare host: labels joined by dots, ending in a top-level domain of two letters or more.
    size_t e2 = e;
    while (e2 > i && text[e2 - 1] == '.') --e2;  // "amazon.com." ends a sentence
    const std::string_view run = text.substr(i, e2 - i);
    const size_t dot = run.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 3 > run.size()) return 0;
    if (run.find("..") != std::string_view::npos) return 0;
    for (char c : run.substr(dot + 1)) {
      if (kAscii[static_cast<unsigned char>(c)] != Cls::Letter) return 0;
    }
    const bool has_path = e2 == e && e < n && text[e] == '/';
    if (!has_path && !is_generic_tld(run.substr(dot + 1))) return 0;
    host = i;
    end = has_path ? url_end(text, i) : e2;
  }
  // Host: up to / ? # : (port), after any "user@".
  size_t h = host;
  size_t he = h;
  while (he < end && text[he] != '/' && text[he] != '?' && text[he] != '#' && text[he] != ':') ++he;
  const std::string_view authority = text.substr(h, he - h);
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) h += at + 1;
  const size_t begin = buf_.size();
  for (size_t p = h; p < he; ++p) buf_ += ascii_lower(text[p]);
  // Trim what ends a sentence rather than the host ("(see www.example.com).").
  while (buf_.size() > begin && !is_ascii_alnum(static_cast<unsigned char>(buf_.back()))) buf_.pop_back();
  const std::string_view host_text(buf_.data() + begin, buf_.size() - begin);
  if (host_text.substr(0, 4) == "www.") {
    buf_.erase(begin, 4);
  } else if (host_text.substr(0, 2) == "m.") {
    buf_.erase(begin, 2);
  }
  if (std::string_view(buf_.data() + begin, buf_.size() - begin).find('.') == std::string_view::npos) {
    buf_.resize(begin);  // "http://localhost": a link, but no domain worth counting
  } else {
    add(TokenKind::Domain, begin, i, end);
  }
  return end;
}

// "#tag" or "@name" at i (text[i] is '#' or '@'); returns where scanning continues.
size_t Tokenizer::scan_tag(std::string_view text, size_t i, TokenKind kind) {
  const size_t n = text.size();
  const size_t begin = buf_.size();
  size_t j = i + 1;
  bool has_letter = false;
  // WhatsApp wraps mentions of contacts in isolates: "@⁨Ana López⁩" (U+2068 .. U+2069).
  if (kind == TokenKind::Mention && text.substr(j, 3) == "\xE2\x81\xA8") {
    const size_t close = text.find("\xE2\x81\xA9", j + 3);
    if (close != std::string_view::npos && close - j <= 200 &&
        text.substr(j, close - j).find('\n') == std::string_view::npos) {
      for (size_t p = j + 3; p < close;) {
        const CodePoint c = classify(text, p);
        if (c.cls == Cls::Letter) has_letter = true;
        append_utf8(buf_, c.upper ? to_lower(c.cp)
                                  : (c.cp < 0x80 ? static_cast<char32_t>(ascii_lower(static_cast<char>(c.cp))) : c.cp));
        p = c.next;
      }
      if (buf_.size() > begin) {
        add(kind, begin, i, close + 3);
      }
      return close + 3;
    }
  }
  while (j < n) {
    const CodePoint c = classify(text, j);
    const bool inner_dot = kind == TokenKind::Mention && c.cp == '.' && c.next < n &&
                           is_ascii_alnum(static_cast<unsigned char>(text[c.next])) && j > i + 1;
    if (!(c.cls == Cls::Letter || c.cls == Cls::Digit || (c.cls == Cls::Mark && j > i + 1) || c.cp == '_' ||
          inner_dot)) {
      break;
    }
    if (c.cls == Cls::Letter) has_letter = true;
    if (c.cp < 0x80) {
      buf_ += ascii_lower(static_cast<char>(c.cp));
    } else {
      append_utf8(buf_, c.upper ? to_lower(c.cp) : c.cp);
    }
    j = c.next;
  }
  // Hashtags need a letter ("#1" is a number, "#️⃣" a keycap); mentions may be phone numbers.
  if (j == i + 1 || (kind == TokenKind::Hashtag && !has_letter)) {
    buf_.resize(begin);
    return i + 1;
  }
  add(kind, begin, i, j);
  return j;
}

// A word starting at i (a letter or digit); returns its end.
size_t Tokenizer::scan_word(std::string_view text, size_t i) {
  const size_t n = text.size();
  const size_t begin = buf_.size();
  bool has_letter = false;
  bool needs_nfc = false;
  bool last_letter = false;
  Script script = Script::Other;
  // Fast path: the ASCII letters and digits at the start, lowercased in bulk.
  size_t j = i;
  while (j < n && static_cast<unsigned char>(text[j]) < 0x80 && kAsciiWord[static_cast<unsigned char>(text[j])]) ++j;
  if (j > i) {
    buf_.append(text.data() + i, j - i);
    uint8_t letters = 0;
    for (char* out = buf_.data() + begin; out != buf_.data() + buf_.size(); ++out) {
      const auto c = static_cast<unsigned char>(*out);
      *out = static_cast<char>(kAsciiWord[c]);
      letters |= static_cast<uint8_t>(c > '9');
    }
    has_letter = letters != 0;
    last_letter = kAscii[static_cast<unsigned char>(text[j - 1])] == Cls::Letter;
  }
  while (j < n) {
    const CodePoint c = classify(text, j);
    if (c.cls == Cls::Letter) {
      const Script s = script_of(c.cp);
      if (has_letter && s != script && (s != Script::Other || script != Script::Other)) break;
      script = s;
      has_letter = true;
      last_letter = true;
      if (c.cp < 0x80) {
        buf_ += ascii_lower(static_cast<char>(c.cp));
      } else {
        append_utf8(buf_, c.upper ? to_lower(c.cp) : c.cp);
      }
    } else if (c.cls == Cls::Digit) {
      last_letter = false;
      if (c.cp < 0x80) {
        buf_ += static_cast<char>(c.cp);
      } else {
        append_utf8(buf_, c.cp);
      }
    } else if (c.cls == Cls::Mark && j > i) {
      if (c.cp >= 0x0300 && c.cp <= 0x036F) needs_nfc = true;  // combining diacritics: precomposed forms exist
      append_utf8(buf_, c.cp);
    } else if ((c.cls == Cls::Apostrophe || c.cls == Cls::Joiner) && last_letter && c.next < n &&
               classify(text, c.next).cls == Cls::Letter) {
      if (c.cls == Cls::Apostrophe) {
        buf_ += '\'';
      } else {
        append_utf8(buf_, c.cp);
      }
      last_letter = false;
    } else {
      break;
    }
    j = c.next;
  }
  // "bob@example.com": an e-mail address is not words.
  if (j + 1 < n && text[j] == '@' && is_ascii_alnum(static_cast<unsigned char>(text[j + 1]))) {
    buf_.resize(begin);
    while (j < n &&
           !(static_cast<unsigned char>(text[j]) < 0x80 && kAscii[static_cast<unsigned char>(text[j])] == Cls::Space))
      ++j;
    return j;
  }
  if (!has_letter) {  // a number
    buf_.resize(begin);
    return j;
  }
  if (needs_nfc) {
    const std::string word = buf_.substr(begin);
    if (utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(word.c_str()))) {
      buf_.resize(begin);
      buf_ += reinterpret_cast<const char*>(nfc);
      std::free(nfc);
    }
  }
  if (const std::string_view laugh = laughter(std::string_view(buf_).substr(begin)); !laugh.empty()) {
    buf_.resize(begin);
    add_fixed(TokenKind::Laughter, laugh, i, j);
    return j;
  }
  collapse_elongations(buf_, begin);
  add(TokenKind::Word, begin, i, j);
  return j;
}

const std::vector<Token>& Tokenizer::tokenize(std::string_view text) {
  buf_.clear();
  pending_.clear();
  tokens_.clear();
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      const Cls c = kAscii[b];
      if (c == Cls::Letter || c == Cls::Digit) {
        // Most words are words: scan one, and look for a URL only when it stops at . : _ + - or @.
        const size_t saved_buf = buf_.size();
        const size_t saved_tokens = pending_.size();
        const size_t j = scan_word(text, i);
        if (j < n && is_url_punct(static_cast<unsigned char>(text[j]))) {
          const size_t url_buf = buf_.size();
          const size_t url_tokens = pending_.size();
          if (const size_t end = scan_url(text, i)) {
            // Drop the word, keep the Domain token scan_url appended after it.
            const bool has_domain = pending_.size() > url_tokens;
            Pending domain = has_domain ? pending_.back() : Pending{};
            pending_.resize(saved_tokens);
            buf_.erase(saved_buf, url_buf - saved_buf);
            if (has_domain) {
              domain.begin = static_cast<uint32_t>(saved_buf);
              pending_.push_back(domain);
            }
            i = end;
            continue;
          }
        }
        i = j;
      } else if ((b == '#' || b == '@') && (i == 0 || !is_ascii_alnum(static_cast<unsigned char>(text[i - 1])))) {
        i = scan_tag(text, i, b == '#' ? TokenKind::Hashtag : TokenKind::Mention);
      } else {
        ++i;
      }
      continue;
    }
    const CodePoint c = classify(text, i);
    if (c.cls == Cls::Letter || c.cls == Cls::Digit) {
      i = scan_word(text, i);
    } else {
      i = c.next;
    }
  }
  tokens_.reserve(pending_.size());
  for (const Pending& p : pending_) {
    const char* base = p.fixed ? p.fixed : buf_.data() + p.begin;
    tokens_.push_back({p.kind, std::string_view(base, p.size), p.offset, p.length});
  }
  return tokens_;
}

std::vector<std::string> tokenize_words(std::string_view text) {
  Tokenizer t;
  std::vector<std::string> out;
  for (const Token& tok : t.tokenize(text)) out.emplace_back(tok.text);
  return out;
}

}  // namespace chatlens
