#include "text/emoji.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <tuple>
#include <vector>

#include "data/emoji_table.hpp"
#include "text/ascii_scan.hpp"
#include "text/string_index.hpp"
#include "text/utf8.hpp"

namespace chatlens {
namespace {

using data::kEmojiKeys;
using data::kEmojiRows;
using data::kEmojiStrings;

constexpr char32_t kZwj = 0x200D;
constexpr char32_t kVs15 = 0xFE0E;  // text presentation selector
constexpr char32_t kVs16 = 0xFE0F;  // emoji presentation selector
constexpr bool is_tone(char32_t cp) { return cp >= 0x1F3FB && cp <= 0x1F3FF; }
constexpr bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }
constexpr bool is_keycap_base(unsigned char b) { return b == '#' || b == '*' || (b >= '0' && b <= '9'); }

// Code points below this limit start an emoji only if some key starts with them (a bitmap built
// once from the table); above it, the pictographic planes 1F000..1FAFF are all candidates.
constexpr char32_t kBmpLimit = 0x3300;
struct StartBits {
  std::array<uint64_t, kBmpLimit / 64> words{};
  bool test(char32_t cp) const { return (words[cp >> 6] >> (cp & 63)) & 1; }
};

const StartBits& start_bits() {
  static const StartBits bits = [] {
    StartBits b;
    for (size_t i = 0; i < data::kEmojiKeyCount; ++i) {
      const std::string_view key = data::view(data::kEmojiKeyStrings, kEmojiKeys[i].key);
      size_t p = 0;
      const char32_t cp = decode_utf8(key, p);
      if (cp >= 0x80 && cp < kBmpLimit) b.words[cp >> 6] |= uint64_t{1} << (cp & 63);
    }
    return b;
  }();
  return bits;
}

inline bool may_start_emoji(char32_t cp, const StartBits& bits) {
  if (cp < kBmpLimit) return bits.test(cp);
  return cp >= 0x1F000 && cp <= 0x1FAFF;
}

// utf8proc 2.8 knows Unicode 15.0: emoji added since (🫩 U+1FAE9, 🫯 U+1FAEF, …) are unassigned
// there, so its boundary class is Other and a ZWJ sequence containing one would be split. Unicode
// reserves these ranges as Extended_Pictographic in advance (emoji-data.txt), so an unassigned code
// point there is given to the break algorithm as a stand-in pictograph.
inline utf8proc_int32_t for_break(char32_t cp) {
  if ((cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x1FC00 && cp <= 0x1FFFD)) {
    if (utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->category == UTF8PROC_CATEGORY_CN) return 0x1F600;
  }
  return static_cast<utf8proc_int32_t>(cp);
}

// The code points of one grapheme cluster (longer clusters are never emoji: kMax is plenty for the
// longest sequence, a family of four with tones and selectors).
struct Cluster {
  static constexpr size_t kMax = 40;
  std::array<char32_t, kMax> cps;
  std::array<uint32_t, kMax + 1> at;  // byte offset of each code point; at[n] = end
  size_t n = 0;
  bool overflow = false;
};

// Reads the cluster that starts at pos (whose first code point, already decoded, ends at next).
void read_cluster(std::string_view text, size_t pos, char32_t first, size_t next, Cluster& c) {
  c.n = 0;
  c.overflow = false;
  c.cps[c.n] = first;
  c.at[c.n++] = static_cast<uint32_t>(pos);
  utf8proc_int32_t state = 0;
  utf8proc_int32_t prev = for_break(first);
  size_t i = next;
  while (i < text.size()) {
    // No ASCII character extends a cluster (CR LF aside, both ASCII): a boundary without a lookup.
    if (static_cast<unsigned char>(text[i]) < 0x80) break;
    size_t j = i;
    const char32_t cp = decode_utf8(text, j);
    const utf8proc_int32_t cur = for_break(cp);
    if (utf8proc_grapheme_break_stateful(prev, cur, &state)) break;
    prev = cur;
    if (c.n < Cluster::kMax) {
      c.cps[c.n] = cp;
      c.at[c.n++] = static_cast<uint32_t>(i);
    } else {
      c.overflow = true;
    }
    i = j;
  }
  c.at[c.n] = static_cast<uint32_t>(i);
}

std::string_view key_at(size_t i) { return data::view(data::kEmojiKeyStrings, kEmojiKeys[i].key); }

const data::EmojiKeyRow* find_key(std::string_view key) {
  static const StringIndex index(data::kEmojiKeyCount, key_at);
  const int i = index.find(key, key_at);
  return i < 0 ? nullptr : &kEmojiKeys[i];
}

// Single text-style symbols that ordinary text uses as punctuation or signs: they count as emoji only
// with U+FE0F. (Everything below U+2600 that is text-default, and these.)
bool is_typographic(char32_t cp) {
  if (cp < 0x2600) return true;
  switch (cp) {
    case 0x2611:  // ☑
    case 0x2640:  // ♀
    case 0x2642:  // ♂
    case 0x2660:  // ♠
    case 0x2663:  // ♣
    case 0x2666:  // ♦
    case 0x267E:  // ♾
    case 0x2695:  // ⚕
    case 0x2714:  // ✔
    case 0x2716:  // ✖
    case 0x2733:  // ✳
    case 0x2734:  // ✴
    case 0x2747:  // ❇
    case 0x27A1:  // ➡
      return true;
    default: return cp >= 0x2B00 && cp < 0x3300;  // ⬅ ⬆ ⬇ ⬛ ⬜ … 〰 〽 ㊗ ㊙
  }
}

// Looks up code points [b, e) of a cluster as one emoji.
bool lookup(const Cluster& c, size_t b, size_t e, EmojiMatch& out) {
  std::array<char, Cluster::kMax * 4> key;
  size_t len = 0;
  bool has_vs16 = false;
  uint8_t tone = 0, tone2 = 0;
  size_t tones = 0;
  for (size_t k = b; k < e; ++k) {
    const char32_t cp = c.cps[k];
    if (cp == kVs16) {
      has_vs16 = true;
      continue;
    }
    if (is_tone(cp)) {
      const auto t = static_cast<uint8_t>(cp - 0x1F3FA);
      if (tones++ == 0) {
        tone = t;
      } else if (tone2 == 0 && t != tone) {
        tone2 = t;
      }
      continue;
    }
    // UTF-8 encode into the key buffer.
    if (cp < 0x80) {
      key[len++] = static_cast<char>(cp);
    } else if (cp < 0x800) {
      key[len++] = static_cast<char>(0xC0 | (cp >> 6));
      key[len++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      key[len++] = static_cast<char>(0xE0 | (cp >> 12));
      key[len++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      key[len++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      key[len++] = static_cast<char>(0xF0 | (cp >> 18));
      key[len++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      key[len++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      key[len++] = static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  bool lone_tone = false;
  if (len == 0) {
    if (tones != 1) return false;  // nothing, or several swatches in one cluster
    // A skin-tone swatch on its own is an emoji of its own (key = the modifier).
    const char32_t cp = 0x1F3FA + tone;
    key[len++] = static_cast<char>(0xF0 | (cp >> 18));
    key[len++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    key[len++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    key[len++] = static_cast<char>(0x80 | (cp & 0x3F));
    lone_tone = true;
  }
  const data::EmojiKeyRow* row = find_key(std::string_view(key.data(), len));
  if (!row) return false;
  const data::EmojiRow& emoji = kEmojiRows[row->emoji];
  // A bare text-default symbol (no FE0F, no tone) that ordinary text uses is not an emoji.
  if ((emoji.flags & data::kEmojiTextDefault) && !has_vs16 && tones == 0 && e - b == 1 && is_typographic(c.cps[b])) {
    return false;
  }
  out.id = static_cast<EmojiId>(row->emoji);
  const bool toned = !lone_tone && (emoji.flags & data::kEmojiTakesSkinTones);
  out.tone = toned ? static_cast<SkinTone>(tone) : SkinTone::None;
  out.tone2 = toned ? static_cast<SkinTone>(tone2) : SkinTone::None;
  out.offset = c.at[b];
  out.length = c.at[e] - c.at[b];
  return true;
}

// Matches the cluster; returns true with out filled, and sets resume to where scanning continues.
bool match_cluster(const Cluster& c, EmojiMatch& out, size_t& resume) {
  resume = c.at[c.n];
  if (c.overflow) return false;
  // U+FE0E right after the first code point asks for text presentation.
  if (c.n >= 2 && c.cps[1] == kVs15) return false;
  if (lookup(c, 0, c.n, out)) return true;
  // Not a known sequence. A ZWJ sequence is shown as its parts: match the part before the first
  // ZWJ and resume after that ZWJ (the rest is matched as a cluster of its own, and so on).
  for (size_t k = 1; k < c.n; ++k) {
    if (c.cps[k] == kZwj) {
      resume = c.at[k + 1];
      return lookup(c, 0, k, out) || lookup(c, 0, 1, out);
    }
  }
  // Two regional indicators that are no flag: the first letter, then the second on its own.
  if (c.n >= 2 && is_regional_indicator(c.cps[0]) && is_regional_indicator(c.cps[1])) {
    resume = c.at[1];
    return lookup(c, 0, 1, out);
  }
  // Anything else (an emoji followed by stray marks): its first code point, if that is an emoji.
  return c.n > 1 && lookup(c, 0, 1, out);
}

// A cluster of one code point, or of one code point and U+FE0F, matched once for every code
// point that may start an emoji: most emoji in chats are such clusters (an ASCII byte or the
// end of the text after them ends the cluster), and they then need neither the break
// algorithm nor a key lookup. The answers are match_cluster's own, so they cannot differ.
struct LoneMatch {
  EmojiId id = kNoEmoji;
  uint8_t length = 0;    // bytes matched from the cluster's start; 0 when no emoji
  bool general = false;  // the general path must decide (never so far: a safeguard)
};

class LoneTable {
 public:
  static constexpr size_t kSize = kBmpLimit + (0x1FB00 - 0x1F000);
  // Precondition: may_start_emoji(cp).
  static size_t index(char32_t cp) { return cp < kBmpLimit ? cp : cp - 0x1F000 + kBmpLimit; }
  LoneTable(const StartBits& bits) : alone_(kSize), with_vs16_(kSize) {
    for (char32_t cp = 0x80; cp < 0x1FB00; cp = cp + 1 == kBmpLimit ? 0x1F000 : cp + 1) {
      if (!may_start_emoji(cp, bits)) continue;
      alone_[index(cp)] = match(cp, "");
      with_vs16_[index(cp)] = match(cp, "\xEF\xB8\x8F");
    }
  }
  const LoneMatch& alone(char32_t cp) const { return alone_[index(cp)]; }
  const LoneMatch& with_vs16(char32_t cp) const { return with_vs16_[index(cp)]; }

 private:
  // What the general path finds in cp, then `rest`, then an ASCII space.
  static LoneMatch match(char32_t cp, std::string_view rest) {
    std::string text;
    append_utf8(text, cp);
    const size_t next = text.size();
    text.append(rest).push_back(' ');
    Cluster c;
    read_cluster(text, 0, cp, next, c);
    EmojiMatch m;
    size_t resume = 0;
    const bool found = match_cluster(c, m, resume);
    // The fast path resumes after the cluster and reports no skin tone: where that would not
    // hold, the general path decides.
    if (resume != text.size() - 1 ||
        (found && (m.offset != 0 || m.tone != SkinTone::None || m.tone2 != SkinTone::None)))
      return {kNoEmoji, 0, true};
    return found ? LoneMatch{m.id, static_cast<uint8_t>(m.length)} : LoneMatch{};
  }
  std::vector<LoneMatch> alone_, with_vs16_;
};

const LoneTable& lone_table() {
  static const LoneTable table(start_bits());
  return table;
}

}  // namespace

bool next_emoji(std::string_view text, size_t& pos, EmojiMatch& out) {
  const StartBits& bits = start_bits();
  const LoneTable& lone = lone_table();
  Cluster cluster;
  const size_t n = text.size();
  const char* p = text.data();
  size_t i = pos;
  while (true) {
    // ASCII never starts an emoji, except a keycap base (# * 0-9) followed by U+FE0F or U+20E3,
    // found below from the non-ASCII byte after it.
    i = ascii::skip_ascii(p, i, n);
    if (i >= n) break;
    size_t next = i;
    const char32_t cp = decode_utf8(text, next);
    size_t start = i;
    char32_t first = cp;
    size_t after_first = next;
    if ((cp == kVs16 || cp == 0x20E3) && i > pos && is_keycap_base(static_cast<unsigned char>(p[i - 1]))) {
      start = i - 1;
      first = static_cast<unsigned char>(p[i - 1]);
      after_first = i;
    } else if (!may_start_emoji(cp, bits)) {
      i = next;
      continue;
    } else if (next == n || static_cast<unsigned char>(p[next]) < 0x80 ||
               (text.substr(next, 3) == "\xEF\xB8\x8F" &&
                (next + 3 == n || static_cast<unsigned char>(p[next + 3]) < 0x80))) {
      const bool vs16 = next < n && static_cast<unsigned char>(p[next]) >= 0x80;
      if (const LoneMatch& m = vs16 ? lone.with_vs16(cp) : lone.alone(cp); !m.general) {
        i = vs16 ? next + 3 : next;
        if (m.length == 0) continue;
        out = EmojiMatch{};
        out.id = m.id;
        out.offset = static_cast<uint32_t>(start);
        out.length = m.length;
        pos = i;
        return true;
      }
    }
    read_cluster(text, start, first, after_first, cluster);
    size_t resume = 0;
    const bool found = match_cluster(cluster, out, resume);
    i = resume;
    if (found) {
      pos = i;
      return true;
    }
  }
  pos = n;
  return false;
}

std::optional<EmojiMatch> match_emoji(std::string_view code) {
  if (code.empty()) return std::nullopt;
  size_t pos = 0;
  EmojiMatch m;
  if (!next_emoji(code, pos, m) || m.offset != 0 || m.length != code.size()) return std::nullopt;
  return m;
}

std::optional<EmojiId> find_emoji(std::string_view code) {
  if (auto m = match_emoji(code)) return m->id;
  return std::nullopt;
}

size_t emoji_count() { return data::kEmojiRowCount; }

EmojiInfo emoji_info(EmojiId id) {
  const data::EmojiRow& r = kEmojiRows[static_cast<uint16_t>(id)];
  EmojiInfo info;
  info.code = data::view(kEmojiStrings, r.code);
  info.name_en = data::view(kEmojiStrings, r.name_en);
  info.name_es = data::view(kEmojiStrings, r.name_es);
  info.group = r.group;
  info.subgroup = r.subgroup;
  info.takes_skin_tones = r.flags & data::kEmojiTakesSkinTones;
  info.component = r.flags & data::kEmojiComponent;
  return info;
}

namespace {
EmojiGroupName name_of(const data::NameRow& r) {
  return {data::view(kEmojiStrings, r.key), data::view(kEmojiStrings, r.name_en), data::view(kEmojiStrings, r.name_es)};
}
}  // namespace

size_t emoji_group_count() { return data::kEmojiGroupCount; }
size_t emoji_subgroup_count() { return data::kEmojiSubgroupCount; }

EmojiGroupName emoji_group(uint8_t group) {
  if (group >= data::kEmojiGroupCount) return {};
  return name_of(data::kEmojiGroups[group]);
}

EmojiGroupName emoji_subgroup(uint8_t subgroup) {
  if (subgroup >= data::kEmojiSubgroupCount) return {};
  return name_of(data::kEmojiSubgroups[subgroup]);
}

EmojiGroupName skin_tone_name(SkinTone tone) {
  const auto t = static_cast<uint8_t>(tone);
  if (t < 1 || t > 5) return {};
  return name_of(data::kSkinToneNames[t - 1]);
}

std::string_view skin_variant(EmojiId id, SkinTone tone, SkinTone tone2) {
  const auto e = static_cast<uint16_t>(id);
  const auto t1 = static_cast<uint8_t>(tone);
  const auto t2 = static_cast<uint8_t>(tone2);
  const auto* begin = data::kSkinVariants;
  const auto* end = begin + data::kSkinVariantCount;
  const auto key = std::make_tuple(e, t1, t2);
  const auto* it = std::lower_bound(begin, end, key, [](const data::SkinVariantRow& r, const auto& k) {
    return std::make_tuple(r.emoji, r.tone, r.tone2) < k;
  });
  if (it == end || it->emoji != e || it->tone != t1 || it->tone2 != t2) return {};
  return data::view(kEmojiStrings, it->code);
}

// ---------------------------------------------------------------------------------------------
// Emoticons

namespace {

struct Emoticon {
  std::string_view text;
  std::string_view emoji;  // fully-qualified code
};

// Longest first where one is a prefix of another (":-)" before ":-"); emoji as emojibase maps them.
constexpr Emoticon kEmoticons[] = {
    {":'(", "\U0001F622"}, {":-)", "\U0001F642"}, {":-(", "\u2639\uFE0F"}, {":-D", "\U0001F604"},
    {":-P", "\U0001F61B"}, {":-p", "\U0001F61B"}, {":-O", "\U0001F632"},   {":-o", "\U0001F632"},
    {";-)", "\U0001F609"}, {"</3", "\U0001F494"}, {":)", "\U0001F642"},    {":(", "\u2639\uFE0F"},
    {":D", "\U0001F604"},  {":P", "\U0001F61B"},  {":p", "\U0001F61B"},    {":O", "\U0001F632"},
    {":o", "\U0001F632"},  {";)", "\U0001F609"},  {"<3", "\u2764\uFE0F"},  {"xD", "\U0001F606"},
    {"XD", "\U0001F606"},
};
constexpr size_t kEmoticonCount = sizeof(kEmoticons) / sizeof(kEmoticons[0]);

const std::array<EmojiId, kEmoticonCount>& emoticon_ids() {
  static const std::array<EmojiId, kEmoticonCount> ids = [] {
    std::array<EmojiId, kEmoticonCount> a{};
    for (size_t k = 0; k < kEmoticonCount; ++k) a[k] = find_emoji(kEmoticons[k].emoji).value_or(kNoEmoji);
    return a;
  }();
  return ids;
}

constexpr bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char c = s[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[k]) return false;
  }
  return true;
}

// A whitespace-separated word that is a URL: skipped whole by the emoticon finder.
bool is_url_word(std::string_view w) {
  // Leading punctuation such as "(" or "<" before the URL.
  while (!w.empty() && (w.front() == '(' || w.front() == '<' || w.front() == '[' || w.front() == '"')) {
    w.remove_prefix(1);
  }
  return starts_with_ci(w, "http://") || starts_with_ci(w, "https://") || starts_with_ci(w, "www.") ||
         w.find("://") != std::string_view::npos;
}

}  // namespace

bool next_emoticon(std::string_view text, size_t& pos, EmojiMatch& out) {
  const auto& ids = emoticon_ids();
  const size_t n = text.size();
  size_t url_until = 0;  // end of the last URL word seen: nothing inside it counts
  for (size_t k = pos; k < n; ++k) {
    k = ascii::next_emoticon_candidate(text.data(), k, n);
    if (k >= n) break;
    const char c = text[k];
    if (c != ':' && c != ';' && c != '<' && c != 'x' && c != 'X') continue;
    if (k < url_until) continue;
    // Decided by the byte before, as below, without looking for the word (an 'x' inside a word
    // is common): a later candidate in the same word still finds a URL around it.
    if (k > pos) {
      const char b = text[k - 1];
      if ((c == 'x' || c == 'X') ? is_ascii_alnum(b) || static_cast<unsigned char>(b) >= 0x80
                                 : (b >= '0' && b <= '9') || b == ':' || b == '<' || b == ';')
        continue;
    }
    // The whitespace-separated word around k: a URL is skipped whole.
    size_t ws = k;
    while (ws > 0 && !is_space(text[ws - 1])) --ws;
    size_t we = k;
    while (we < n && !is_space(text[we])) ++we;
    if (is_url_word(text.substr(ws, we - ws))) {
      url_until = we;
      continue;
    }
    const char before = k > pos && k > ws ? text[k - 1] : ' ';
    if (c == 'x' || c == 'X') {
      if (k > ws && (is_ascii_alnum(before) || static_cast<unsigned char>(before) >= 0x80)) continue;
    } else if ((before >= '0' && before <= '9') || before == ':' || before == '<' || before == ';') {
      continue;  // "10:30", "::", "<<3"
    }
    const std::string_view rest = text.substr(k, we - k);
    for (size_t e = 0; e < kEmoticonCount; ++e) {
      const std::string_view emo = kEmoticons[e].text;
      if (rest.substr(0, emo.size()) != emo) continue;
      size_t len = emo.size();
      while (len < rest.size() && rest[len] == emo.back()) ++len;  // ":)))", "xDDD", "<333"
      if (len < rest.size() && is_ascii_alnum(rest[len])) break;   // "Re:Pedro", "<30", "xDia"
      if (ids[e] == kNoEmoji) break;
      out = EmojiMatch{};
      out.id = ids[e];
      out.offset = static_cast<uint32_t>(k);
      out.length = static_cast<uint32_t>(len);
      pos = k + len;
      return true;
    }
  }
  pos = n;
  return false;
}

}  // namespace chatlens
