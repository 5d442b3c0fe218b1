#pragma once
// The fictional cast, chats and phrase banks behind bench/export_generator.
// Everyone here is invented; phone numbers use the 555-01xx range reserved for fiction.
#include <cstdint>
#include <string_view>
#include <vector>

namespace chatlens::bench::content {

enum class Lang : uint8_t { Es, En, Both };

// When a person or chat is active over the span of the export (x in 0..1 of the span).
enum class Arc : uint8_t {
  Steady,     // always there
  Fading,     // full until `a`, fades to nothing at `b` (someone who left your life)
  Appearing,  // nothing before `a`, then grows (someone new)
  Burst,      // intense between `a` and `b`, quiet otherwise
  Seasonal,   // summers and spring weekends
  Window,     // only between `a` and `b` (a job, a flat share)
};

// Hour-of-day rhythm of a chat (local time of the owner).
enum class Rhythm : uint8_t { Evenings, NightOwl, WorkHours, Family };

struct Person {
  std::string_view name;      // as saved in the owner's phone / Telegram display name
  std::string_view username;  // Telegram @username, may be empty
  Lang lang;
  uint8_t emoji_rate;       // percent of texts that carry emoji
  uint16_t reply_median_s;  // typical delay before answering the owner
  std::string_view laugh;   // "jajaja", "hahaha", "jsjsjs", "lol"
  uint8_t favourite[4];     // indexes into emoji()
};

struct Membership {
  uint16_t person;  // index into cast()
  float join = 0;   // fraction of the chat's window; 0 = founding member
  float leave = 2;  // > 1: never leaves
  uint8_t weight = 10;
};

struct ChatSpec {
  std::string_view title;  // group title; empty for private chats (title = the contact's name)
  bool group;
  std::vector<Membership> members;  // without the owner
  Arc arc;
  float a, b;        // parameters of the arc
  float start, end;  // window of the chat inside the span (fractions)
  Rhythm rhythm;
  Lang lang;
  uint16_t weight;      // share of the messages
  uint8_t session_len;  // mean messages per conversation
  uint16_t owner_reply_median_s;
  uint8_t owner_weight;  // groups: how much the owner talks, relative to a member weight of 10
  int8_t creator;        // groups: index into members of who created it, -1 = the owner
  uint32_t topics;       // bit mask of Topic
};

enum Topic : uint32_t {
  kPlans = 1 << 0,
  kFood = 1 << 1,
  kWork = 1 << 2,
  kFamily = 1 << 3,
  kSport = 1 << 4,
  kShows = 1 << 5,
  kTravel = 1 << 6,
  kDaily = 1 << 7,
  kLove = 1 << 8,
  kHome = 1 << 9,
  kBooks = 1 << 10,
  kTopicCount = 11,
};

// Phrases of one topic in one language.
struct TopicBank {
  std::vector<std::string_view> openers;    // start a conversation
  std::vector<std::string_view> replies;    // carry it on
  std::vector<std::string_view> multiline;  // messages with line breaks (may be empty)
};

const std::vector<Person>& cast();
uint16_t owner();  // index of the owner in cast()
std::string_view owner_first_name();
std::string_view owner_last_name();
std::string_view owner_phone();
std::string_view owner_username();

// The i-th chat of an export with `count` chats. Chats past the hand-written list are
// private chats with people made up from name parts (they are added to `extra_people`).
ChatSpec chat_spec(uint32_t i, std::vector<Person>& extra_people);

const TopicBank& topic(uint32_t topic_bit_index, Lang lang);
const std::vector<std::string_view>& acks(Lang lang);
const std::vector<std::string_view>& greetings(Lang lang, bool morning);
const std::vector<std::string_view>& goodnights(Lang lang);
const std::vector<std::string_view>& link_intros(Lang lang);
const std::vector<std::string_view>& captions(Lang lang);
const std::vector<std::string_view>& poll_questions(Lang lang);
const std::vector<std::string_view>& poll_options(Lang lang);
const std::vector<std::string_view>& notes_to_self();
const std::vector<std::string_view>& document_names();

// Emoji, several with skin tones, ZWJ sequences and flags.
const std::vector<std::string_view>& emoji();
// Indexes of emoji() suited as Telegram sticker emoji.
const std::vector<uint8_t>& sticker_emoji();

struct Place {
  std::string_view name;
  double lat, lng;
};
const std::vector<Place>& places();

}  // namespace chatlens::bench::content
