#pragma once
// The localised strings WhatsApp writes into text exports instead of content
// (media placeholders, deleted messages, calls, locations, group events...;
// FORMATS.md §1.6-1.7), and the loose comparison used to recognise them:
// direction marks and BOMs ignored, NBSP as space, case-insensitive, all kinds
// of quotes alike, optional trailing period.
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chatlens::whatsapp {

// Appends the loose form of `s` to `out`. When `map` is given, it receives for
// every appended byte the offset in `s` of the character it came from, so a
// match found in the loose form can be cut out of the original text.
void fold_append(std::string_view s, std::string& out, std::vector<uint32_t>* map = nullptr);

// The first eight bytes of `s` after leading spaces and marks, ASCII lowercased,
// zero-padded: a cheap key (no UTF-8 decoding) to rule out most texts before
// folding them. Templates are remembered under the key of their written and of
// their loose form, so only a non-ASCII case difference could slip through.
// The text as pointer and size: see parse_header (whatsapp_header.hpp). Nearly every text
// (no leading space or mark, none of ' ` tab in its first eight bytes) is keyed inline, the
// others by fold_key_general.
uint64_t fold_key_general(const char* s, size_t size);
inline uint64_t fold_key(const char* s, size_t size) {
  if constexpr (std::endian::native == std::endian::little) {
    const auto b0 = static_cast<unsigned char>(size ? s[0] : ' ');
    if (size && b0 != ' ' && b0 != 0xE2 && b0 != 0xEF) {
      constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
      uint64_t w = 0;
      if (size >= 8)
        std::memcpy(&w, s, 8);
      else
        for (size_t i = 0; i < size; ++i) w |= static_cast<uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
      auto has = [&](unsigned char c) {
        const uint64_t x = w ^ (kOnes * c);
        return ((x - kOnes) & ~x & kHigh) != 0;
      };
      if (!has('\'') && !has('`') && !has('\t')) {
        // ASCII lowercased, every other byte as it is.
        const uint64_t low7 = w & ~kHigh;
        const uint64_t upper = (low7 + kOnes * (0x80 - 'A')) & ~(low7 + kOnes * (0x7F - 'Z')) & ~w & kHigh;
        return w | (upper >> 2);
      }
    }
  }
  return fold_key_general(s, size);
}
inline uint64_t fold_key(std::string_view s) { return fold_key(s.data(), s.size()); }

// Without leading spaces and trailing spaces/periods (the loose "optional trailing period").
std::string_view trim_loose(std::string_view folded);

// Whole-text placeholders.
enum class Placeholder : uint8_t {
  None,
  MediaOmitted,  // Android "<Media omitted>": type unknown, a caption may follow on the next lines
  ImageOmitted,  // iOS, by type
  VideoOmitted,
  AudioOmitted,
  StickerOmitted,
  GifOmitted,
  DocumentOmitted,
  ContactOmitted,
  DeletedByOther,
  DeletedByYou,  // the author of the line is the owner of the export
  MissedCall,
  ViewOnce,  // Android "null"
  LiveLocation,
  Waiting,  // "Waiting for this message" (could not be decrypted)
};

// Labels at the start of a text.
enum class Label : uint8_t { None, E2E, E2EGroup, Location, Poll };

// System lines without an author.
enum class Event : uint8_t {
  None,
  GroupCreated,  // the captured name is the group's name
  GroupRenamed,  // ditto (the new name)
  GroupEvent,    // only groups have these: added, removed, left, icon, invite link...
  ChatEvent,     // any chat: security code, number change, disappearing messages...
};

class Templates {
 public:
  static const Templates& get();

  // False when no whole-text placeholder or label starts with this fold_key().
  bool may_start(uint64_t key) const { return test(long_, key) || test(short_, key & 0xFFFFFFFF); }

  // `folded` is trim_loose(loose form of the whole text).
  Placeholder placeholder(std::string_view folded) const;
  // A label at the start of `folded`; `length` receives its loose length.
  Label label(std::string_view folded, size_t& length) const;
  // Android "NAME (file attached)": the loose length of the suffix (with its leading space), or 0.
  size_t attached_suffix(std::string_view folded) const;
  // iOS "NAME <LRM>document omitted": the placeholder at the end of `folded` and its loose length.
  Placeholder omitted_suffix(std::string_view folded, size_t& length) const;
  // iOS "<attached: NAME>" and its translations: the loose length of "attached:" at the start of
  // `folded` (the text right after '<'), or 0.
  size_t attach_prefix(std::string_view folded) const;
  // " <This message was edited>" and translations: `folded` is the "<...>" part.
  bool edited_marker(std::string_view folded) const;
  size_t shortest_edited_marker() const { return shortest_edited_; }
  // Group and chat events; `name` receives the captured group name (a view into `folded`) if any.
  Event event(std::string_view folded, std::string_view& name) const;

  struct Pattern {
    std::vector<std::string> pieces;  // literal text around the holes
    std::vector<bool> wildcard;       // per hole: may be empty ("%*")
    Event event = Event::None;
    int name_hole = -1;  // hole holding the group name
  };

 private:
  Templates();
  // One-hash Bloom filters of the keys of long (8+ bytes) and short strings (first 4 bytes).
  using Bloom = uint64_t[256];  // 16 Kbit each: small enough to stay in L1 next to the text
  static uint32_t slot(uint64_t key) { return static_cast<uint32_t>((key * 0x9E3779B97F4A7C15ULL) >> 50); }
  static bool test(const Bloom& bloom, uint64_t key) { return bloom[slot(key) >> 6] >> (slot(key) & 63) & 1; }
  void remember_start(std::string_view text);

  Bloom long_ = {}, short_ = {};
  std::vector<std::pair<std::string, Placeholder>> exact_;         // owns the texts
  std::unordered_map<std::string_view, Placeholder> exact_index_;  // views into exact_
  std::vector<std::pair<std::string, Label>> labels_;
  std::vector<std::string> attached_suffixes_;
  std::vector<std::pair<std::string, Placeholder>> omitted_;
  std::vector<std::string> attach_prefixes_;
  std::vector<std::string> edited_;
  size_t shortest_edited_ = 0;
  std::vector<Pattern> events_;
};

}  // namespace chatlens::whatsapp
