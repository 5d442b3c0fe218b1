// Deterministic generator of realistic chat exports.
//
// What is simulated (the same for every format, so the Android and the iOS export of one
// seed hold the same conversations):
//  * A fictional owner, "Alex Rivera", who lives in Madrid (Europe/Madrid, with daylight
//    saving time), writes Spanish and English, and is in every chat, so "the one participant
//    common to all chats" finds them.
//  * Chats from content::chat_spec: private chats and groups with arcs over the span of the
//    export: people who fade out (Sam, Javi, Inés), appear (Lucía, the book club), burst
//    (Marta), come and go in groups (join/leave system messages), a job window (Emma and the
//    "Product team" group, weekdays 9-19 only). Chats past the hand-written list are private
//    chats with made-up people.
//  * The span grows with the message count (200 days .. 5 years) and ends on 2025-05-31.
//    Each day of a chat gets a weight (arc x weekday x holidays x noise, ~25% silent days);
//    messages are spread over days by cumulative rounding, so every chat gets exactly its
//    budget. A day's messages come in conversations whose start hours follow the chat's
//    rhythm (sleep at night, work hours, evenings, weekends later); inside a conversation
//    people alternate with log-normal reply delays (each person, and the owner per chat, has
//    a typical delay) or send several bubbles in a row. Very dense days are compressed.
//  * Content: topic phrase banks in Spanish and English, acknowledgements, laughs, greetings
//    in the morning, good-nights late at night, emoji (skin tones, ZWJ sequences, flags),
//    multi-line messages (lists, an empty line inside), links, media, stickers, deleted
//    messages, locations, missed calls, polls, mentions, edits (WhatsApp only after May 2023,
//    when editing arrived), replies and forwards (Telegram).
//
// Format choices (see shared/FORMATS.md §1-2):
//  * WhatsApp Android: "d/m/yy, HH:MM - Name: text", LF line ends, minute resolution.
//    12-hour clock (seed % 4 == 3, or --clock 12): US order "m/d/yy, h:MM<U+202F>PM - ".
//    File "WhatsApp Chat with <title>.txt". Media: "<Media omitted>" in exports without media,
//    "IMG-20230415-WA0003.jpg (file attached)" in chats exported with media (every 4th chat);
//    an optional caption follows on the next line. Deleted: "This message was deleted" /
//    "You deleted this message" (owner). System lines have no author: the E2E notice (first
//    line), "X created group "T"", "X added you", "You added X", "X left", "X joined using
//    this group's invite link", "X changed this group's icon", "Your security code with X
//    changed. Tap to learn more.". Missed calls carry the caller as author. Mentions are
//    "@<U+2068>Name<U+2069>". Polls are "POLL:" blocks. Edits append " <This message was edited>".
//  * WhatsApp iOS: "[d/m/yy, HH:MM:SS] Name: text" (12-hour: "[m/d/yy, h:MM:SS<U+202F>PM] "),
//    CRLF between records and bare LF inside multi-line messages (as in several real exports),
//    file "WhatsApp Chat - <title>.txt" with the content of a _chat.txt. Media lines start with
//    <LRM> before "[" and the body with <LRM>: "<LRM>image omitted" ("<LRM><attached:
//    00000012-PHOTO-2023-04-15-21-41-55.jpg>" when exported with media); deleted and location
//    bodies start with <LRM>; system lines carry <LRM> after the bracket and curly quotes; the
//    E2E notice is attributed to the chat's title, as iOS does.
//  * Telegram: one full-account result.json (about, personal_information, chats.list),
//    one-space indentation and key order as Telegram Desktop writes them, UTF-8 unescaped,
//    "date" in Madrid local time plus "date_unixtime" (UTC, string), ids increasing with gaps,
//    "from_id" "user<id>" (the same id for a person in every chat; the owner's is
//    personal_information.user_id). Text is a string when plain, else an array mixing strings
//    and entity objects (link, mention, mention_name, hashtag, bold); text_entities always.
//    Service messages: create_group, invite_members, join_group_by_link, remove_members,
//    phone_call (with duration_seconds / discard_reason), pin_message. Media: photo, sticker
//    (with sticker_emoji), voice_message, video_file, animation, documents, polls, locations,
//    all "(File not included...)". A Saved Messages chat (no name) closes lists of >= 10 chats.
//
// Randomness: xoshiro256** seeded through splitmix64 with (seed, chat index); only integer
// and IEEE double arithmetic, no std:: distributions (their output differs between standard
// libraries), so the bytes depend on the options alone.
#include "export_generator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "export_content.hpp"

namespace chatlens::bench {
namespace {

using namespace content;

// ---------------------------------------------------------------------------------------
// Random numbers

uint64_t splitmix64(uint64_t& x) {
  uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  Rng(uint64_t seed, uint64_t stream) {
    uint64_t x = seed * 0x9E3779B97F4A7C15ull ^ (stream + 1) * 0xD1B54A32D192ED03ull;
    for (auto& s : s_) s = splitmix64(x);
  }
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  uint32_t below(uint64_t n) { return static_cast<uint32_t>(((next() >> 32) * n) >> 32); }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return uniform() < p; }
  // Approximately standard normal (Irwin-Hall of 4, rescaled): cheap and deterministic.
  double normal() {
    const double s = uniform() + uniform() + uniform() + uniform();
    return (s - 2.0) * 1.7320508075688772;
  }
  double exponential(double mean) { return -std::log(1.0 - uniform()) * mean; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// ---------------------------------------------------------------------------------------
// Calendar and the owner's time zone (Europe/Madrid: CET, CEST from the last Sunday of March
// 01:00 UTC to the last Sunday of October 01:00 UTC).

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Civil {
  int y;
  unsigned m, d;
};

Civil civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), m, d};
}

int weekday(int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }  // 0 = Monday

int64_t last_sunday(int y, unsigned m) {
  const unsigned next_m = m == 12 ? 1 : m + 1;
  const int next_y = m == 12 ? y + 1 : y;
  const int64_t last = days_from_civil(next_y, next_m, 1) - 1;
  return last - (weekday(last) + 1) % 7;
}

class MadridClock {
 public:
  int offset_at_utc(int64_t utc) {
    if (utc < lo_ || utc >= hi_) load(civil_from_days(floor_div(utc, 86400)).y);
    return utc >= dst_start_ && utc < dst_end_ ? 7200 : 3600;
  }
  int64_t to_local(int64_t utc) { return utc + offset_at_utc(utc); }
  int64_t to_utc(int64_t local) { return local - offset_at_utc(local - 3600); }

 private:
  static int64_t floor_div(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
  void load(int y) {
    lo_ = days_from_civil(y, 1, 1) * 86400;
    hi_ = days_from_civil(y + 1, 1, 1) * 86400;
    dst_start_ = last_sunday(y, 3) * 86400 + 3600;
    dst_end_ = last_sunday(y, 10) * 86400 + 3600;
  }
  int64_t lo_ = 1, hi_ = 0, dst_start_ = 0, dst_end_ = 0;
};

const int64_t kExportDay = days_from_civil(2025, 5, 31);
const int64_t kEditsSince = days_from_civil(2023, 5, 22) * 86400;  // WhatsApp message editing

// Relative frequency of conversation starts per local hour.
const uint8_t kRhythms[4][2][24] = {
    // Evenings: weekday, weekend
    {{14, 6, 3, 1, 1, 1, 3, 12, 25, 30, 30, 35, 40, 55, 50, 35, 35, 45, 60, 70, 80, 85, 70, 35},
     {25, 14, 6, 2, 1, 1, 1, 3, 8, 18, 30, 40, 45, 50, 45, 40, 40, 45, 55, 65, 75, 80, 70, 45}},
    // NightOwl
    {{35, 22, 10, 3, 1, 1, 1, 5, 15, 20, 22, 28, 32, 45, 40, 30, 30, 40, 55, 65, 75, 90, 95, 70},
     {55, 40, 22, 8, 2, 1, 1, 1, 3, 8, 18, 30, 38, 45, 40, 35, 35, 40, 50, 60, 75, 90, 95, 80}},
    // WorkHours
    {{0, 0, 0, 0, 0, 0, 0, 2, 35, 90, 100, 100, 80, 40, 70, 95, 90, 70, 30, 8, 2, 1, 0, 0},
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 4, 3, 2, 2, 3, 3, 2, 1, 1, 0, 0, 0, 0}},
    // Family: mornings and after dinner
    {{3, 1, 0, 0, 0, 0, 2, 15, 45, 70, 60, 45, 40, 50, 45, 30, 30, 35, 45, 55, 70, 75, 45, 12},
     {4, 1, 0, 0, 0, 0, 1, 6, 25, 55, 70, 65, 55, 60, 45, 30, 30, 35, 45, 55, 70, 70, 45, 14}},
};

// ---------------------------------------------------------------------------------------
// Output buffering and number formatting

class Out {
 public:
  explicit Out(ExportSink& sink) : sink_(sink) { buf_.reserve(kFlushAt + 64 * 1024); }
  void open(std::string_view name) { sink_.open(name); }
  void close() {
    flush();
    sink_.close();
  }
  void flush() {
    if (buf_.empty()) return;
    total_ += buf_.size();
    sink_.write(buf_);
    buf_.clear();
  }
  void maybe_flush() {
    if (buf_.size() >= kFlushAt) flush();
  }
  Out& operator<<(std::string_view s) {
    buf_.append(s);
    return *this;
  }
  Out& operator<<(char c) {
    buf_.push_back(c);
    return *this;
  }
  void num(int64_t v) {
    if (v < 0) buf_.push_back('-'), v = -v;
    char tmp[24];
    int n = 0;
    do tmp[n++] = static_cast<char>('0' + v % 10), v /= 10;
    while (v);
    while (n) buf_.push_back(tmp[--n]);
  }
  void num2(int v) {  // two digits, zero-padded
    buf_.push_back(static_cast<char>('0' + v / 10));
    buf_.push_back(static_cast<char>('0' + v % 10));
  }
  void num_padded(int64_t v, int width) {
    char tmp[24];
    int n = 0;
    do tmp[n++] = static_cast<char>('0' + v % 10), v /= 10;
    while (v);
    while (n < width) tmp[n++] = '0';
    while (n) buf_.push_back(tmp[--n]);
  }
  void fixed6(double v) {  // coordinates with 5 decimals
    if (v < 0) buf_.push_back('-'), v = -v;
    const int64_t scaled = static_cast<int64_t>(v * 100000.0 + 0.5);
    num(scaled / 100000);
    buf_.push_back('.');
    num_padded(scaled % 100000, 5);
  }
  void json_string(std::string_view s) {
    buf_.push_back('"');
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      buf_.append(s.substr(start, i - start));
      switch (c) {
        case '"': buf_.append("\\\""); break;
        case '\\': buf_.append("\\\\"); break;
        case '\n': buf_.append("\\n"); break;
        case '\r': buf_.append("\\r"); break;
        case '\t': buf_.append("\\t"); break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          buf_.append("\\u00");
          buf_.push_back(kHex[c >> 4]);
          buf_.push_back(kHex[c & 15]);
        }
      }
      start = i + 1;
    }
    buf_.append(s.substr(start));
    buf_.push_back('"');
  }
  uint64_t total() const { return total_ + buf_.size(); }

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  ExportSink& sink_;
  std::string buf_;
  uint64_t total_ = 0;
};

// ---------------------------------------------------------------------------------------
// Messages as the simulation produces them; the writers turn them into a format.

enum class Kind : uint8_t {
  Text,
  Media,
  Deleted,
  Location,
  Call,
  Poll,
  // system / service
  E2E,
  Created,
  AddedYou,
  Added,
  JoinedLink,
  Left,
  IconChanged,
  SecurityCode,
  Pin,
};
enum class Media : uint8_t { Image, Video, Voice, Sticker, Gif, Document };
enum class Seg : uint8_t { Plain, Link, Mention, Hashtag, Bold };

struct Segment {
  Seg type;
  uint32_t off, len;
  int person = -1;  // mentions
};

struct Msg {
  int64_t utc = 0;
  int64_t local = 0;
  int sender = -1;   // person index; -1 for system lines
  int subject = -1;  // the person a system line is about
  Kind kind = Kind::Text;
  Media media = Media::Image;
  bool edited = false;
  int64_t edited_utc = 0;
  int64_t id = 0;
  int64_t reply_to = 0;   // 0: none
  uint32_t aux = 0;       // place, document, sticker emoji, call duration, pinned id
  std::string_view text;  // flattened text (WhatsApp), or caption of media
  const std::vector<Segment>* segments = nullptr;
  const std::string* scratch = nullptr;
  std::string_view forwarded_from;
  // polls
  std::string_view poll_question;
  std::string_view poll_options[3];
  uint8_t poll_votes[3] = {0, 0, 0};
  uint8_t poll_count = 0;
};

struct ChatInfo {
  uint32_t index;
  std::string title;
  bool group;
  bool saved;  // Telegram Saved Messages
  bool with_media;
  std::vector<int> members;  // person indexes, owner excluded
  std::vector<std::string> member_names;
  int64_t telegram_id;
};

struct World {
  std::vector<Person> extra;  // made-up people
  const Person& person(int i) const {
    return i < static_cast<int>(cast().size()) ? cast()[i] : extra[i - cast().size()];
  }
  std::string_view name(int i, bool telegram) const {
    std::string_view n = person(i).name;
    if (telegram && !n.empty() && n[0] == '+') return "Jordan";  // Telegram shows the profile name
    return n;
  }
  // The name each platform shows: WhatsApp the phone's contact name, Telegram the profile name,
  // Discord a short nickname ("Ana G."), Messenger, Instagram and Signal the full profile name.
  // The same person thus appears with slightly different names on different platforms.
  std::string display_name(int i, ExportFormat f) const {
    if (f == ExportFormat::WhatsAppAndroid || f == ExportFormat::WhatsAppIos) return std::string(name(i, false));
    const std::string_view full = name(i, true);
    if (f != ExportFormat::Discord) return std::string(full);
    const size_t space = full.find(' ');
    if (space == std::string_view::npos || space + 1 >= full.size()) return std::string(full);
    size_t initial = 1;  // one UTF-8 character
    while (space + 1 + initial < full.size() && (static_cast<unsigned char>(full[space + 1 + initial]) & 0xC0) == 0x80)
      ++initial;
    return std::string(full.substr(0, space + 1 + initial)) + ".";
  }
  static int64_t telegram_user_id(int i) {
    if (i == owner()) return 5123456789;
    return 1000000000 + static_cast<int64_t>(i) * 1234567 + 424242;
  }
};

// ---------------------------------------------------------------------------------------
// Writers

class Writer {
 public:
  explicit Writer(Out& out, const World& world) : out_(out), world_(world) {}
  virtual ~Writer() = default;
  virtual void begin(const std::vector<ChatInfo>&) {}
  virtual void begin_chat(const ChatInfo& chat) = 0;
  virtual void message(const Msg& m) = 0;
  virtual void end_chat() = 0;
  virtual void end() {}
  virtual std::string file_of(const ChatInfo&) const { return {}; }  // the first file a chat is written to

 protected:
  Out& out_;
  const World& world_;
};

std::string whatsapp_file_name(ExportFormat f, std::string_view title) {
  return std::string(f == ExportFormat::WhatsAppIos ? "WhatsApp Chat - " : "WhatsApp Chat with ") + std::string(title) +
         ".txt";
}

constexpr std::string_view kLrm = "\u200E";
constexpr std::string_view kNnbsp = "\u202F";
constexpr std::string_view kE2E =
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or "
    "listen to them.";

class WhatsAppWriter final : public Writer {
 public:
  WhatsAppWriter(Out& out, const World& world, ExportFormat format, bool twelve_hour)
      : Writer(out, world), ios_(format == ExportFormat::WhatsAppIos), h12_(twelve_hour), format_(format) {}

  void begin_chat(const ChatInfo& chat) override {
    chat_ = &chat;
    out_.open(whatsapp_file_name(format_, chat.title));
    cached_day_ = INT64_MIN;
    attachment_ = 0;
  }
  void end_chat() override { out_.close(); }

  void message(const Msg& m) override {
    const bool lrm_line = ios_ && (m.kind == Kind::Media);
    header(m.local, lrm_line);
    const std::string_view sender = m.sender >= 0 ? world_.name(m.sender, false) : std::string_view{};
    switch (m.kind) {
      case Kind::E2E:
        if (ios_)
          out_ << chat_->title << ": " << kLrm << kE2E;
        else
          out_ << kE2E << " Tap to learn more.";
        break;
      case Kind::Created:
        system_prefix();
        out_ << actor(m.sender) << " created group ";
        quoted(chat_->title);
        break;
      case Kind::AddedYou:
        system_prefix();
        out_ << actor(m.sender) << " added you";
        break;
      case Kind::Added:
        system_prefix();
        out_ << actor(m.sender) << " added " << world_.name(m.subject, false);
        break;
      case Kind::JoinedLink:
        system_prefix();
        out_ << world_.name(m.subject, false) << " joined using this group's invite link";
        break;
      case Kind::Left:
        system_prefix();
        out_ << world_.name(m.subject, false) << " left";
        break;
      case Kind::IconChanged:
        system_prefix();
        out_ << actor(m.sender) << " changed this group's icon";
        break;
      case Kind::SecurityCode:
        system_prefix();
        out_ << "Your security code with " << world_.name(m.subject, false) << " changed. Tap to learn more.";
        break;
      case Kind::Pin:  // not produced for WhatsApp
        break;
      case Kind::Text:
        out_ << sender << ": " << m.text;
        if (m.edited) out_ << " <This message was edited>";
        break;
      case Kind::Media:
        out_ << sender << ": ";
        media(m);
        break;
      case Kind::Deleted:
        out_ << sender << ": ";
        if (ios_)
          out_ << kLrm << (m.sender == owner() ? "You deleted this message." : "This message was deleted.");
        else
          out_ << (m.sender == owner() ? "You deleted this message" : "This message was deleted");
        break;
      case Kind::Location: {
        const Place& p = places()[m.aux % places().size()];
        out_ << sender << ": " << (ios_ ? "\u200ELocation: " : "location: ") << "https://maps.google.com/?q=";
        out_.fixed6(p.lat);
        out_ << ',';
        out_.fixed6(p.lng);
        break;
      }
      case Kind::Call:
        out_ << sender << ": ";
        if (ios_) out_ << kLrm;
        out_ << (m.aux % 4 == 0 ? "Missed video call" : "Missed voice call");
        break;
      case Kind::Poll:
        out_ << sender << ": POLL:\n" << m.poll_question;
        for (int i = 0; i < m.poll_count; ++i) {
          out_ << "\nOPTION: " << m.poll_options[i] << " (";
          out_.num(m.poll_votes[i]);
          out_ << (m.poll_votes[i] == 1 ? " vote)" : " votes)");
        }
        break;
    }
    out_ << (ios_ ? "\r\n" : "\n");
    out_.maybe_flush();
  }

 private:
  std::string_view actor(int person) const { return person == owner() ? "You" : world_.name(person, false); }
  void system_prefix() {
    if (ios_) out_ << kLrm;
  }
  void quoted(std::string_view s) {
    if (ios_)
      out_ << "\u201C" << s << "\u201D";
    else
      out_ << '"' << s << '"';
  }

  void header(int64_t local, bool lrm) {
    const int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const int sod = static_cast<int>(local - day * 86400);
    if (day != cached_day_) {
      cached_day_ = day;
      const Civil c = civil_from_days(day);
      date_.clear();
      const unsigned first = h12_ ? c.m : c.d, second = h12_ ? c.d : c.m;
      date_ += std::to_string(first);
      date_ += '/';
      date_ += std::to_string(second);
      date_ += '/';
      const int yy = c.y % 100;
      date_ += static_cast<char>('0' + yy / 10);
      date_ += static_cast<char>('0' + yy % 10);
      stamp_.clear();
      stamp_ += std::to_string(c.y);
      stamp_ += c.m < 10 ? "0" : "";
      stamp_ += std::to_string(c.m);
      stamp_ += c.d < 10 ? "0" : "";
      stamp_ += std::to_string(c.d);
      wa_counter_ = 0;
    }
    const int h = sod / 3600, mi = sod / 60 % 60, s = sod % 60;
    if (lrm) out_ << kLrm;
    if (ios_) out_ << '[';
    out_ << date_ << ", ";
    if (h12_) {
      out_.num(h % 12 == 0 ? 12 : h % 12);
      out_ << ':';
      out_.num2(mi);
      if (ios_) out_ << ':', out_.num2(s);
      out_ << kNnbsp << (h < 12 ? "AM" : "PM");
    } else {
      out_.num2(h);
      out_ << ':';
      out_.num2(mi);
      if (ios_) out_ << ':', out_.num2(s);
    }
    out_ << (ios_ ? "] " : " - ");
    last_sod_ = sod;
  }

  void media(const Msg& m) {
    static const std::string_view kIosOmitted[] = {"image omitted", "video omitted", "audio omitted", "sticker omitted",
                                                   "GIF omitted"};
    static const std::string_view kIosKind[] = {"PHOTO", "VIDEO", "AUDIO", "STICKER", "GIF"};
    static const std::string_view kIosExt[] = {".jpg", ".mp4", ".opus", ".webp", ".mp4"};
    static const std::string_view kAndroidPrefix[] = {"IMG-", "VID-", "PTT-", "STK-", "VID-"};
    static const std::string_view kAndroidExt[] = {".jpg", ".mp4", ".opus", ".webp", ".mp4"};
    const auto k = static_cast<size_t>(m.media);
    if (m.media == Media::Document) {
      const std::string_view doc = document_names()[m.aux % document_names().size()];
      if (ios_ && chat_->with_media) {
        out_ << doc << " " << kLrm << "<attached: ";
        out_.num_padded(++attachment_, 8);
        out_ << '-' << doc << '>';
      } else if (ios_) {
        out_ << doc << " \u2022 " << kLrm;
        out_.num(1 + m.aux % 9);
        out_ << " pages " << kLrm << "document omitted";
      } else if (chat_->with_media) {
        out_ << doc << " (file attached)";
      } else {
        out_ << "<Media omitted>";
      }
    } else if (ios_ && chat_->with_media) {
      out_ << kLrm << "<attached: ";
      out_.num_padded(++attachment_, 8);
      out_ << '-' << kIosKind[k] << '-';
      const Civil c = civil_from_days(cached_day_);
      out_.num(c.y);
      out_ << '-';
      out_.num2(static_cast<int>(c.m));
      out_ << '-';
      out_.num2(static_cast<int>(c.d));
      out_ << '-';
      out_.num2(last_sod_ / 3600);
      out_ << '-';
      out_.num2(last_sod_ / 60 % 60);
      out_ << '-';
      out_.num2(last_sod_ % 60);
      out_ << kIosExt[k] << '>';
    } else if (ios_) {
      out_ << kLrm << kIosOmitted[k];
    } else if (chat_->with_media) {
      out_ << kAndroidPrefix[k] << stamp_ << "-WA";
      out_.num_padded(wa_counter_++, 4);
      out_ << kAndroidExt[k] << " (file attached)";
    } else {
      out_ << "<Media omitted>";
    }
    if (!ios_ && !m.text.empty()) out_ << '\n' << m.text;  // caption
  }

  const bool ios_, h12_;
  const ExportFormat format_;
  const ChatInfo* chat_ = nullptr;
  int64_t cached_day_ = INT64_MIN;
  std::string date_, stamp_;
  int last_sod_ = 0;
  int64_t wa_counter_ = 0;
  int64_t attachment_ = 0;
};

class TelegramWriter final : public Writer {
 public:
  TelegramWriter(Out& out, const World& world) : Writer(out, world) {}

  void begin(const std::vector<ChatInfo>&) override {
    out_.open("result.json");
    out_ << "{\n \"about\": ";
    out_.json_string(
        "Here is the data you requested. Remember: Telegram is ad free, it doesn't use your data for ad targeting "
        "and doesn't sell it to others. Telegram only keeps the information it needs to function as a secure and "
        "feature-rich cloud service.");
    out_ << ",\n \"personal_information\": {\n  \"user_id\": ";
    out_.num(World::telegram_user_id(owner()));
    out_ << ",\n  \"first_name\": ";
    out_.json_string(owner_first_name());
    out_ << ",\n  \"last_name\": ";
    out_.json_string(owner_last_name());
    out_ << ",\n  \"phone_number\": ";
    out_.json_string(owner_phone());
    out_ << ",\n  \"username\": ";
    out_.json_string(std::string("@") + std::string(owner_username()));
    out_ << ",\n  \"bio\": ";
    out_.json_string("Madrid · hiking · bad puns 🥾");
    out_ << "\n },\n \"chats\": {\n  \"about\": \"This page lists all chats from this export.\",\n  \"list\": [";
    first_chat_ = true;
  }

  void begin_chat(const ChatInfo& chat) override {
    chat_ = &chat;
    out_ << (first_chat_ ? "\n" : ",\n") << "   {\n";
    first_chat_ = false;
    if (!chat.saved) {
      out_ << "    \"name\": ";
      out_.json_string(chat.title);
      out_ << ",\n";
    }
    out_ << "    \"type\": \""
         << (chat.saved                ? "saved_messages"
             : !chat.group             ? "personal_chat"
             : chat.members.size() > 4 ? "private_supergroup"
                                       : "private_group")
         << "\",\n    \"id\": ";
    out_.num(chat.telegram_id);
    out_ << ",\n    \"messages\": [";
    first_message_ = true;
  }

  void end_chat() override {
    out_ << (first_message_ ? "]" : "\n    ]") << "\n   }";
    out_.maybe_flush();
  }

  void end() override {
    out_ << "\n  ]\n }\n}\n";
    out_.close();
  }

  void message(const Msg& m) override {
    out_ << (first_message_ ? "\n" : ",\n") << "     {\n      \"id\": ";
    first_message_ = false;
    out_.num(m.id);
    const bool service = m.kind >= Kind::E2E || m.kind == Kind::Call;
    out_ << ",\n      \"type\": \"" << (service ? "service" : "message") << "\",\n      \"date\": ";
    date(m.local);
    out_ << ",\n      \"date_unixtime\": \"";
    out_.num(m.utc);
    out_ << '"';
    if (m.edited) {
      out_ << ",\n      \"edited\": ";
      date(m.local + (m.edited_utc - m.utc));
      out_ << ",\n      \"edited_unixtime\": \"";
      out_.num(m.edited_utc);
      out_ << '"';
    }
    if (service) {
      service_body(m);
    } else {
      key("from");
      out_.json_string(world_.name(m.sender, true));
      key("from_id");
      user_id(m.sender);
      if (!m.forwarded_from.empty()) {
        key("forwarded_from");
        out_.json_string(m.forwarded_from);
      }
      if (m.reply_to) {
        key("reply_to_message_id");
        out_.num(m.reply_to);
      }
      switch (m.kind) {
        case Kind::Media:
          media(m);
          plain_text(m.text);
          break;
        case Kind::Location:
          location(m);
          plain_text({});
          break;
        case Kind::Poll:
          poll(m);
          plain_text({});
          break;
        default: text(m);
      }
    }
    out_ << "\n     }";
    out_.maybe_flush();
  }

 private:
  void key(std::string_view k) { out_ << ",\n      \"" << k << "\": "; }
  void user_id(int person) {
    out_ << "\"user";
    out_.num(World::telegram_user_id(person));
    out_ << '"';
  }
  void date(int64_t local) {
    const int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const int sod = static_cast<int>(local - day * 86400);
    const Civil c = civil_from_days(day);
    out_ << '"';
    out_.num(c.y);
    out_ << '-';
    out_.num2(static_cast<int>(c.m));
    out_ << '-';
    out_.num2(static_cast<int>(c.d));
    out_ << 'T';
    out_.num2(sod / 3600);
    out_ << ':';
    out_.num2(sod / 60 % 60);
    out_ << ':';
    out_.num2(sod % 60);
    out_ << '"';
  }

  void service_body(const Msg& m) {
    const int actor = m.kind == Kind::Left || m.kind == Kind::JoinedLink ? m.subject : m.sender;
    key("actor");
    out_.json_string(world_.name(actor, true));
    key("actor_id");
    user_id(actor);
    key("action");
    switch (m.kind) {
      case Kind::Created:
        out_ << "\"create_group\"";
        key("title");
        out_.json_string(chat_->title);
        key("members");
        out_ << '[';
        for (size_t i = 0; i < chat_->member_names.size(); ++i)
          out_ << (i ? ",\n       " : "\n       "), out_.json_string(chat_->member_names[i]);
        out_ << "\n      ]";
        break;
      case Kind::Added:
        out_ << "\"invite_members\"";
        key("members");
        out_ << "[\n       ";
        out_.json_string(world_.name(m.subject, true));
        out_ << "\n      ]";
        break;
      case Kind::JoinedLink:
        out_ << "\"join_group_by_link\"";
        key("inviter");
        out_.json_string(world_.name(m.sender, true));
        break;
      case Kind::Left:
        out_ << "\"remove_members\"";
        key("members");
        out_ << "[\n       ";
        out_.json_string(world_.name(m.subject, true));
        out_ << "\n      ]";
        break;
      case Kind::Pin:
        out_ << "\"pin_message\"";
        key("message_id");
        out_.num(m.aux);
        break;
      case Kind::Call:
        out_ << "\"phone_call\"";
        if (m.aux % 3 != 0) {
          key("duration_seconds");
          out_.num(20 + m.aux % 1700);
          key("discard_reason");
          out_ << "\"hangup\"";
        } else {
          key("discard_reason");
          out_ << "\"missed\"";
        }
        break;
      default: out_ << "\"\"";
    }
    key("text");
    out_ << "\"\"";
    key("text_entities");
    out_ << "[]";
  }

  void media(const Msg& m) {
    static constexpr std::string_view kNotIncluded =
        "\"(File not included. Change data exporting settings to download.)\"";
    switch (m.media) {
      case Media::Image:
        key("photo");
        out_ << kNotIncluded;
        key("photo_file_size");
        out_.num(60000 + m.aux % 240000);
        key("width");
        out_ << (m.aux % 3 == 0 ? "960" : "1280");
        key("height");
        out_ << (m.aux % 3 == 0 ? "1280" : "960");
        return;
      case Media::Sticker: {
        key("file");
        out_ << kNotIncluded;
        key("file_name");
        out_ << "\"sticker.webp\"";
        key("file_size");
        out_.num(8000 + m.aux % 40000);
        key("thumbnail");
        out_ << kNotIncluded;
        key("thumbnail_file_size");
        out_.num(2000 + m.aux % 6000);
        key("media_type");
        out_ << "\"sticker\"";
        key("sticker_emoji");
        const auto& se = sticker_emoji();
        out_.json_string(emoji()[se[m.aux % se.size()]]);
        key("mime_type");
        out_ << "\"image/webp\"";
        key("width");
        out_ << "512";
        key("height");
        out_ << "512";
        return;
      }
      case Media::Voice:
        key("file");
        out_ << kNotIncluded;
        key("file_size");
        out_.num(9000 + m.aux % 300000);
        key("media_type");
        out_ << "\"voice_message\"";
        key("mime_type");
        out_ << "\"audio/ogg\"";
        key("duration_seconds");
        out_.num(2 + m.aux % 170);
        return;
      case Media::Video:
      case Media::Gif:
        key("file");
        out_ << kNotIncluded;
        key("file_name");
        out_ << (m.media == Media::Gif ? "\"giphy.mp4\"" : "\"VID_20240101.mp4\"");
        key("file_size");
        out_.num(200000 + m.aux % 9000000);
        key("thumbnail");
        out_ << kNotIncluded;
        key("thumbnail_file_size");
        out_.num(5000 + m.aux % 20000);
        key("media_type");
        out_ << (m.media == Media::Gif ? "\"animation\"" : "\"video_file\"");
        key("mime_type");
        out_ << "\"video/mp4\"";
        key("duration_seconds");
        out_.num(m.media == Media::Gif ? 3 : 5 + m.aux % 120);
        key("width");
        out_ << "720";
        key("height");
        out_ << "1280";
        return;
      case Media::Document:
        key("file");
        out_ << kNotIncluded;
        key("file_name");
        out_.json_string(document_names()[m.aux % document_names().size()]);
        key("file_size");
        out_.num(30000 + m.aux % 2000000);
        key("mime_type");
        out_ << "\"application/pdf\"";
        return;
    }
  }

  void location(const Msg& m) {
    const Place& p = places()[m.aux % places().size()];
    out_ << ",\n      \"location_information\": {\n       \"latitude\": ";
    out_.fixed6(p.lat);
    out_ << ",\n       \"longitude\": ";
    out_.fixed6(p.lng);
    out_ << "\n      }";
  }

  void poll(const Msg& m) {
    int total = 0;
    for (int i = 0; i < m.poll_count; ++i) total += m.poll_votes[i];
    out_ << ",\n      \"poll\": {\n       \"question\": ";
    out_.json_string(m.poll_question);
    out_ << ",\n       \"closed\": " << (m.aux % 2 ? "true" : "false") << ",\n       \"total_voters\": ";
    out_.num(total);
    out_ << ",\n       \"answers\": [";
    for (int i = 0; i < m.poll_count; ++i) {
      out_ << (i ? ",\n" : "\n") << "        {\n         \"text\": ";
      out_.json_string(m.poll_options[i]);
      out_ << ",\n         \"voters\": ";
      out_.num(m.poll_votes[i]);
      out_ << ",\n         \"chosen\": " << (i == static_cast<int>(m.aux % m.poll_count) ? "true" : "false")
           << "\n        }";
    }
    out_ << "\n       ]\n      }";
  }

  void plain_text(std::string_view t) {
    key("text");
    out_.json_string(t);
    key("text_entities");
    if (t.empty()) {
      out_ << "[]";
      return;
    }
    out_ << "[\n       {\n        \"type\": \"plain\",\n        \"text\": ";
    out_.json_string(t);
    out_ << "\n       }\n      ]";
  }

  static std::string_view entity_type(const Segment& s, bool has_username) {
    switch (s.type) {
      case Seg::Plain: return "plain";
      case Seg::Link: return "link";
      case Seg::Mention: return has_username ? "mention" : "mention_name";
      case Seg::Hashtag: return "hashtag";
      case Seg::Bold: return "bold";
    }
    return "plain";
  }

  void entity(const Segment& s, std::string_view t) {
    const bool has_username = s.type != Seg::Mention || !world_.person(s.person).username.empty();
    out_ << "{\n        \"type\": \"" << entity_type(s, has_username) << "\",\n        \"text\": ";
    out_.json_string(t);
    if (s.type == Seg::Mention && !has_username) {
      out_ << ",\n        \"user_id\": ";
      out_.num(World::telegram_user_id(s.person));
    }
    out_ << "\n       }";
  }

  void text(const Msg& m) {
    const auto& segs = *m.segments;
    if (segs.size() == 1 && segs[0].type == Seg::Plain) {
      plain_text(m.text);
      return;
    }
    auto seg_text = [&](const Segment& s) { return std::string_view(*m.scratch).substr(s.off, s.len); };
    key("text");
    out_ << '[';
    for (size_t i = 0; i < segs.size(); ++i) {
      out_ << (i ? ",\n       " : "\n       ");
      if (segs[i].type == Seg::Plain)
        out_.json_string(seg_text(segs[i]));
      else
        entity(segs[i], seg_text(segs[i]));
    }
    out_ << "\n      ]";
    key("text_entities");
    out_ << '[';
    for (size_t i = 0; i < segs.size(); ++i) {
      out_ << (i ? ",\n       " : "\n       ");
      entity(segs[i], seg_text(segs[i]));
    }
    out_ << "\n      ]";
  }

  const ChatInfo* chat_ = nullptr;
  bool first_chat_ = true, first_message_ = true;
};

// ---------------------------------------------------------------------------------------
// Writers of the other platforms (FORMATS.md §3-5). Shared helpers first.

// "2025-05-31T21:05:09" of a local time.
void append_local_iso(std::string& s, int64_t local, char sep = 'T') {
  const int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  const int sod = static_cast<int>(local - day * 86400);
  const Civil c = civil_from_days(day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u%c%02d:%02d:%02d", c.y, c.m, c.d, sep, sod / 3600, sod / 60 % 60,
                sod % 60);
  s += buf;
}

// A JSON string: UTF-8 kept, but characters beyond the BMP written as \uD83D\uDC46 surrogate
// escapes, as System.Text.Json (DiscordChatExporter) writes emoji.
void append_json_surrogates(std::string& s, std::string_view text) {
  s += '"';
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xF0 && i + 3 < text.size()) {
      const char32_t cp = (char32_t{c & 0x07u} << 18) |
                          (char32_t{static_cast<unsigned char>(text[i + 1]) & 0x3Fu} << 12) |
                          (char32_t{static_cast<unsigned char>(text[i + 2]) & 0x3Fu} << 6) |
                          char32_t{static_cast<unsigned char>(text[i + 3]) & 0x3Fu};
      const char32_t v = cp - 0x10000;
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04X\\u%04X", static_cast<unsigned>(0xD800 + (v >> 10)),
                    static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
      s += buf;
      i += 3;
    } else if (c == '"' || c == '\\') {
      s += '\\', s += static_cast<char>(c);
    } else if (c == '\n') {
      s += "\\n";
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      s += buf;
    } else {
      s += static_cast<char>(c);
    }
  }
  s += '"';
}

// A JSON string the way Facebook's and Instagram's downloads write it: each UTF-8 byte as its
// own \u00XX escape (the text decoded as Latin-1: "mojibake").
void append_json_mojibake(std::string& s, std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  s += '"';
  for (const char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      s += '\\', s += ch;
    } else if (c == '\n') {
      s += "\\n";
    } else if (c < 0x20 || c >= 0x80) {
      s += "\\u00";
      s += kHex[c >> 4];
      s += kHex[c & 15];
    } else {
      s += ch;
    }
  }
  s += '"';
}

// A file-name-safe slug: "Book club" -> "bookclub".
std::string slug(std::string_view title) {
  std::string out;
  for (const char c : title)
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
  return out.empty() ? "chat" : out;
}

std::string_view media_file_name(const Msg& m, bool voice_as_audio = false) {
  switch (m.media) {
    case Media::Image: return "IMG_20240101_120000.jpg";
    case Media::Video: return "VID_20240101_120000.mp4";
    case Media::Voice: return voice_as_audio ? "audio_message.m4a" : "voice-message.ogg";
    case Media::Gif: return "giphy.gif";
    case Media::Sticker: return "sticker.webp";
    case Media::Document: return document_names()[m.aux % document_names().size()];
  }
  return "file";
}

// The text a message shows on platforms without a structured form for it.
std::string plain_body(const World& world, const Msg& m, ExportFormat f) {
  auto who = [&](int p) { return world.display_name(p, f); };
  switch (m.kind) {
    case Kind::Location: return "📍 " + std::string(places()[m.aux % places().size()].name);
    case Kind::Poll: {
      std::string s = std::string(m.poll_question);
      for (int i = 0; i < m.poll_count; ++i) s += "\n- " + std::string(m.poll_options[i]);
      return s;
    }
    case Kind::Created: return who(m.sender) + " created the group.";
    case Kind::Added: return who(m.sender) + " added " + who(m.subject) + " to the group.";
    case Kind::JoinedLink: return who(m.subject) + " joined the group via the invite link.";
    case Kind::Left: return who(m.subject) + " left the group.";
    case Kind::Pin: return who(m.sender) + " pinned a message.";
    default: return std::string(m.text);
  }
}

// DiscordChatExporter JSON: one file per chat, two-space indentation, key order as
// JsonMessageWriter.cs writes it (2.40+ layout: exportedAt, roles). Private chats are direct
// messages (guild "0"), groups channels of the owner's server "Rivera & friends". People are
// their user ids (snowflakes fixed per person); names are short nicknames ("Ana G.").
class DiscordWriter final : public Writer {
 public:
  DiscordWriter(Out& out, const World& world) : Writer(out, world) {}

  std::string file_of(const ChatInfo& chat) const override {
    return (chat.group ? std::string(kGuild) + " - " + slug(chat.title) : "Direct Messages - " + chat.title) + " [" +
           std::to_string(channel_id(chat)) + "].json";
  }

  void begin_chat(const ChatInfo& chat) override {
    chat_ = &chat;
    out_.open(file_of(chat));
    s_.clear();
    s_ += "{\n  \"guild\": {\n    \"id\": \"";
    s_ += chat.group ? std::to_string(kGuildId) : "0";
    s_ += "\",\n    \"name\": ";
    append_json_surrogates(s_, chat.group ? kGuild : "Direct Messages");
    s_ +=
        ",\n    \"iconUrl\": \"https://cdn.discordapp.com/embed/avatars/0.png\"\n  },\n  \"channel\": {\n    \"id\": "
        "\"";
    s_ += std::to_string(channel_id(chat));
    s_ += chat.group ? "\",\n    \"type\": \"GuildTextChat\",\n    \"categoryId\": \"1100000000000000001\",\n"
                       "    \"category\": \"Text Channels\",\n    \"name\": "
                     : "\",\n    \"type\": \"DirectTextChat\",\n    \"categoryId\": \"0\",\n"
                       "    \"category\": \"Private\",\n    \"name\": ";
    append_json_surrogates(s_, chat.group ? slug(chat.title) : chat.title);
    s_ +=
        ",\n    \"topic\": null\n  },\n  \"dateRange\": {\n    \"after\": null,\n    \"before\": null\n  },\n"
        "  \"exportedAt\": \"2025-05-31T23:59:00.000+02:00\",\n  \"messages\": [";
    out_ << s_;
    count_ = 0;
  }

  void message(const Msg& m) override {
    s_.clear();
    s_ += count_++ ? ",\n    {\n      \"id\": \"" : "\n    {\n      \"id\": \"";
    s_ += std::to_string(snowflake(m.id));
    s_ += "\",\n      \"type\": \"";
    s_ += type_of(m);
    s_ += "\",\n      \"timestamp\": ";
    stamp(m.local, m.utc);
    s_ += ",\n      \"timestampEdited\": ";
    if (m.edited)
      stamp(m.local + (m.edited_utc - m.utc), m.edited_utc);
    else
      s_ += "null";
    s_ += ",\n      \"callEndedTimestamp\": ";
    const int64_t call_seconds = m.kind == Kind::Call && m.aux % 3 != 0 ? 20 + m.aux % 1700 : 0;
    if (m.kind == Kind::Call)
      stamp(m.local + call_seconds, m.utc + call_seconds);
    else
      s_ += "null";
    s_ += ",\n      \"isPinned\": false,\n      \"content\": ";
    if (m.kind == Kind::Call)
      append_json_surrogates(s_,
                             "Started a call that lasted " + std::to_string((call_seconds + 59) / 60) + " minutes.");
    else if (m.kind == Kind::Media && m.media == Media::Sticker)
      s_ += "\"\"";
    else
      append_json_surrogates(s_, plain_body(world_, m, ExportFormat::Discord));
    const int author = m.sender >= 0 ? m.sender : m.subject >= 0 ? m.subject : owner();
    s_ += ",\n      \"author\": ";
    user(author, "      ");
    s_ += ",\n      \"attachments\": [";
    if (m.kind == Kind::Media && m.media != Media::Sticker) {
      const std::string_view name = media_file_name(m);
      s_ += "\n        {\n          \"id\": \"";
      s_ += std::to_string(snowflake(m.id) + 1);
      s_ += "\",\n          \"url\": \"https://cdn.discordapp.com/attachments/";
      s_ += std::to_string(channel_id(*chat_));
      s_ += '/';
      s_ += name;
      s_ += "\",\n          \"fileName\": ";
      append_json_surrogates(s_, name);
      s_ += ",\n          \"fileSizeBytes\": ";
      s_ += std::to_string(20000 + m.aux % 900000);
      s_ += "\n        }\n      ";
    }
    s_ += "],\n      \"embeds\": [],\n      \"stickers\": [";
    if (m.kind == Kind::Media && m.media == Media::Sticker) {
      s_ += "\n        {\n          \"id\": \"749054660769218631\",\n          \"name\": \"";
      s_ += kStickers[m.aux % std::size(kStickers)];
      s_ +=
          "\",\n          \"format\": \"Apng\",\n          \"sourceUrl\": "
          "\"https://media.discordapp.net/stickers/749054660769218631.png\"\n        }\n      ";
    }
    s_ += "],\n      \"reactions\": [";
    if (m.kind == Kind::Text && m.aux % 9 == 0) {
      const auto& se = sticker_emoji();
      s_ += "\n        {\n          \"emoji\": {\n            \"id\": \"\",\n            \"name\": ";
      append_json_surrogates(s_, emoji()[se[m.aux % se.size()]]);
      s_ +=
          ",\n            \"code\": \"heart\",\n            \"isAnimated\": false,\n            \"imageUrl\": "
          "\"https://cdn.jsdelivr.net/gh/twitter/twemoji@latest/assets/svg/2764.svg\"\n          },\n"
          "          \"count\": ";
      s_ += std::to_string(1 + m.aux % 3);
      s_ += ",\n          \"users\": [\n            ";
      user(chat_->members.empty() ? owner() : chat_->members[m.aux % chat_->members.size()], "            ");
      s_ += "\n          ]\n        }\n      ";
    }
    s_ += "],\n      \"mentions\": [";
    int mentions = 0;
    if (m.segments)
      for (const Segment& seg : *m.segments)
        if (seg.type == Seg::Mention) {
          s_ += mentions++ ? ",\n        " : "\n        ";
          user(seg.person, "        ");
        }
    s_ += mentions ? "\n      ]" : "]";
    if (m.reply_to) {
      s_ += ",\n      \"reference\": {\n        \"messageId\": \"";
      s_ += std::to_string(snowflake(m.reply_to));
      s_ += "\",\n        \"channelId\": \"";
      s_ += std::to_string(channel_id(*chat_));
      s_ += "\",\n        \"guildId\": ";
      s_ += chat_->group ? "\"" + std::to_string(kGuildId) + "\"" : "null";
      s_ += "\n      }";
    }
    s_ += ",\n      \"inlineEmojis\": []\n    }";
    out_ << s_;
    out_.maybe_flush();
  }

  void end_chat() override {
    out_ << (count_ ? "\n  ],\n  \"messageCount\": " : "],\n  \"messageCount\": ");
    out_.num(static_cast<int64_t>(count_));
    out_ << "\n}\n";
    out_.close();
  }

 private:
  static constexpr std::string_view kGuild = "Rivera & friends";
  static constexpr int64_t kGuildId = 1100000000000000000;
  static constexpr std::string_view kStickers[] = {"Wave", "Hi", "Laugh", "Thumbs up", "Sleepy"};

  static int64_t user_id(int person) { return 400000000000000000 + static_cast<int64_t>(person) * 1234567891; }
  static int64_t channel_id(const ChatInfo& chat) { return 1200000000000000000 + int64_t{chat.index} * 1000003; }
  int64_t snowflake(int64_t id) const { return 1300000000000000000 + int64_t{chat_->index} * 100000000 + id * 16; }

  static std::string_view type_of(const Msg& m) {
    switch (m.kind) {
      case Kind::Call: return "Call";
      case Kind::Created: return "ChannelNameChange";
      case Kind::Added: return "RecipientAdd";
      case Kind::Left: return "RecipientRemove";
      case Kind::JoinedLink: return "GuildMemberJoin";
      case Kind::Pin: return "ChannelPinnedMessage";
      default: return m.reply_to ? "Reply" : "Default";
    }
  }

  // "2025-05-31T21:05:09.000+02:00": the local wall clock with its offset.
  void stamp(int64_t local, int64_t utc) {
    s_ += '"';
    append_local_iso(s_, local);
    const int64_t offset = (local - utc) / 60;
    char buf[16];
    std::snprintf(buf, sizeof buf, ".000%c%02d:%02d", offset < 0 ? '-' : '+', static_cast<int>(std::abs(offset) / 60),
                  static_cast<int>(std::abs(offset) % 60));
    s_ += buf;
    s_ += '"';
  }

  void user(int person, std::string_view indent) {
    const std::string name = world_.display_name(person, ExportFormat::Discord);
    std::string handle = slug(world_.name(person, true));
    s_ += "{\n  ";
    s_ += indent;
    s_ += "\"id\": \"";
    s_ += std::to_string(user_id(person));
    s_ += "\",\n  ";
    s_ += indent;
    s_ += "\"name\": \"";
    s_ += handle;
    s_ += "\",\n  ";
    s_ += indent;
    s_ += "\"discriminator\": \"0000\",\n  ";
    s_ += indent;
    s_ += "\"nickname\": ";
    append_json_surrogates(s_, name);
    s_ += ",\n  ";
    s_ += indent;
    s_ += "\"color\": null,\n  ";
    s_ += indent;
    s_ += "\"isBot\": false,\n  ";
    s_ += indent;
    s_ += "\"roles\": [],\n  ";
    s_ += indent;
    s_ += "\"avatarUrl\": \"https://cdn.discordapp.com/embed/avatars/0.png\"\n";
    s_ += indent;
    s_ += '}';
  }

  const ChatInfo* chat_ = nullptr;
  std::string s_;
  uint64_t count_ = 0;
};

// Messenger and Instagram "Download your information" JSON: per thread a folder
// (your_activity_across_facebook/messages/inbox/<slug>_<id>/ and
// your_instagram_activity/messages/inbox/<slug>_<id>/) with message_1.json (the newest
// 10,000 messages), message_2.json, ...; messages newest first, every string mojibake
// (UTF-8 bytes as \u00XX), timestamp_ms in UTC, the newer layout without "type".
class MessengerWriter final : public Writer {
 public:
  MessengerWriter(Out& out, const World& world, ExportFormat format)
      : Writer(out, world), format_(format), instagram_(format == ExportFormat::Instagram) {}

  std::string file_of(const ChatInfo& chat) const override { return folder(chat) + "/message_1.json"; }

  void begin_chat(const ChatInfo& chat) override {
    chat_ = &chat;
    messages_.clear();
    last_ms_ = INT64_MIN;
  }

  void message(const Msg& m) override {
    std::string s = "    {\n      \"sender_name\": ";
    const int sender = m.sender >= 0 ? m.sender : owner();
    append_json_mojibake(s, world_.display_name(sender, format_));
    s += ",\n      \"timestamp_ms\": ";
    // Meta lists a thread strictly by time: the milliseconds never go back within a second
    // (chat-analytics refuses a thread whose time goes back).
    const int64_t ms = std::max<int64_t>(m.utc * 1000 + m.aux % 1000, std::min<int64_t>(last_ms_, m.utc * 1000 + 999));
    last_ms_ = std::max(last_ms_, ms);
    s += std::to_string(ms);
    const bool sticker = m.kind == Kind::Media && m.media == Media::Sticker;
    const bool unsent = m.kind == Kind::Text && m.aux % 97 == 5;
    if (m.kind == Kind::Call) {
      s += ",\n      \"content\": ";
      append_json_mojibake(
          s, world_.display_name(sender, format_) + (instagram_ ? " started a video chat" : " called you."));
      s += ",\n      \"call_duration\": ";
      s += std::to_string(m.aux % 3 ? 20 + m.aux % 1700 : 0);
    } else if (m.kind == Kind::Media) {
      if (!m.text.empty()) {
        s += ",\n      \"content\": ";
        append_json_mojibake(s, m.text);
      }
      if (sticker) {
        s += ",\n      \"sticker\": {\n        \"uri\": \"" + folder(*chat_) + "/stickers_used/" +
             std::to_string(m.aux % 50) + ".png\"\n      }";
      } else {
        s += ",\n      \"";
        s += m.media == Media::Image   ? "photos"
             : m.media == Media::Video ? "videos"
             : m.media == Media::Voice ? "audio_files"
             : m.media == Media::Gif   ? "gifs"
                                       : "files";
        s += "\": [\n        {\n          \"uri\": \"" + folder(*chat_) + "/" +
             std::string(m.media == Media::Image ? "photos/" : "files/") + std::string(media_file_name(m, true)) +
             "\",\n          \"creation_timestamp\": " + std::to_string(m.utc) + "\n        }\n      ]";
      }
    } else if (unsent) {
      s += ",\n      \"is_unsent\": true";
    } else {
      s += ",\n      \"content\": ";
      append_json_mojibake(s, plain_body(world_, m, format_));
      if (m.kind == Kind::Text && m.segments)
        for (const Segment& seg : *m.segments)
          if (seg.type == Seg::Link) {
            s += ",\n      \"share\": {\n        \"link\": ";
            append_json_mojibake(s, std::string_view(*m.scratch).substr(seg.off, seg.len));
            s += "\n      }";
            break;
          }
    }
    if (m.kind == Kind::Text && !unsent && m.aux % 9 == 0 && !chat_->members.empty()) {
      const auto& se = sticker_emoji();
      s += ",\n      \"reactions\": [\n        {\n          \"reaction\": ";
      append_json_mojibake(s, emoji()[se[m.aux % se.size()]]);
      s += ",\n          \"actor\": ";
      append_json_mojibake(s, world_.display_name(chat_->members[m.aux % chat_->members.size()], format_));
      if (instagram_) s += ",\n          \"timestamp\": " + std::to_string(m.utc + 60);
      s += "\n        }\n      ]";
    }
    s += instagram_ ? ",\n      \"is_geoblocked_for_viewer\": false,\n      "
                      "\"is_unsent_image_by_messenger_kid_parent\": false\n    }"
                    : ",\n      \"is_geoblocked_for_viewer\": false\n    }";
    messages_.push_back(std::move(s));
  }

  void end_chat() override {
    const size_t n = messages_.size();
    const size_t files = std::max<size_t>(1, (n + kPerFile - 1) / kPerFile);
    for (size_t f = 0; f < files; ++f) {
      out_.open(folder(*chat_) + "/message_" + std::to_string(f + 1) + ".json");
      std::string head = "{\n  \"participants\": [";
      std::vector<int> people{owner()};
      people.insert(people.end(), chat_->members.begin(), chat_->members.end());
      for (size_t i = 0; i < people.size(); ++i) {
        head += i ? ",\n    {\n      \"name\": " : "\n    {\n      \"name\": ";
        append_json_mojibake(head, world_.display_name(people[i], format_));
        head += "\n    }";
      }
      head += "\n  ],\n  \"messages\": [\n";
      out_ << head;
      // Newest first: file 1 holds the last kPerFile messages, from the newest down.
      const size_t hi = n - f * kPerFile, lo = hi > kPerFile ? hi - kPerFile : 0;
      for (size_t i = hi; i-- > lo;) {
        out_ << messages_[i] << (i > lo ? ",\n" : "\n");
        out_.maybe_flush();
      }
      std::string tail = "  ],\n  \"title\": ";
      append_json_mojibake(tail, chat_->title);
      tail += ",\n  \"is_still_participant\": true,\n  \"thread_path\": \"inbox/" + thread(*chat_) +
              "\",\n  \"magic_words\": []";
      if (chat_->group) tail += ",\n  \"joinable_mode\": {\n    \"mode\": 1,\n    \"link\": \"\"\n  }";
      tail += "\n}\n";
      out_ << tail;
      out_.close();
    }
    messages_.clear();
  }

 private:
  static constexpr size_t kPerFile = 10000;
  std::string thread(const ChatInfo& chat) const {
    return slug(chat.title) + "_" + std::to_string(1000000000 + int64_t{chat.index} * 7919);
  }
  std::string folder(const ChatInfo& chat) const {
    return std::string(instagram_ ? "your_instagram_activity" : "your_activity_across_facebook") + "/messages/inbox/" +
           thread(chat);
  }

  const ExportFormat format_;
  const bool instagram_;
  const ChatInfo* chat_ = nullptr;
  std::vector<std::string> messages_;
  int64_t last_ms_ = INT64_MIN;  // the latest timestamp_ms written in the thread
};

// signal-export's chat.md (FORMATS.md §5): one folder per chat named after it, records
// "[YYYY-MM-DD HH:MM:SS] Sender: <quote><body>  " each followed by an empty line; the owner
// is "Me"; quotes, reactions, attachments and stickers as models.py writes them.
class SignalWriter final : public Writer {
 public:
  SignalWriter(Out& out, const World& world) : Writer(out, world) {}

  std::string file_of(const ChatInfo& chat) const override { return chat.title + "/chat.md"; }

  void begin_chat(const ChatInfo& chat) override {
    chat_ = &chat;
    out_.open(file_of(chat));
    recent_.clear();
  }

  void message(const Msg& m) override {
    s_.clear();
    s_ += '[';
    append_local_iso(s_, m.local, ' ');
    s_ += "] ";
    const int sender = m.sender >= 0 ? m.sender : m.subject >= 0 ? m.subject : owner();
    s_ += sender == owner() ? std::string("Me") : world_.display_name(sender, ExportFormat::Signal);
    s_ += ": ";
    if (m.reply_to) {
      for (const auto& [id, text] : recent_)
        if (id == m.reply_to) {
          s_ += "\n\n> ";
          s_ += text;
          s_ += "\n\n";
          break;
        }
    }
    std::string body;
    if (m.kind == Kind::Call) {
      body = m.aux % 3 ? "Incoming voice call (accepted, " + std::to_string((20 + m.aux % 1700) / 60) + "m " +
                             std::to_string((20 + m.aux % 1700) % 60) + "s)"
                       : "Missed voice call";
    } else if (m.kind != Kind::Media) {
      body = plain_body(world_, m, ExportFormat::Signal);
    } else if (!m.text.empty()) {
      body = std::string(m.text);
    }
    s_ += body;
    s_ += "  ";
    if (m.kind == Kind::Text && m.aux % 9 == 0 && !chat_->members.empty()) {
      const auto& se = sticker_emoji();
      s_ += "\n(- ";
      s_ += world_.display_name(chat_->members[m.aux % chat_->members.size()], ExportFormat::Signal);
      s_ += ": ";
      s_ += emoji()[se[m.aux % se.size()]];
      s_ += " -)";
    }
    if (m.kind == Kind::Media) {
      if (m.media == Media::Sticker) {
        const auto& se = sticker_emoji();
        s_ += "\n(( ";
        s_ += emoji()[se[m.aux % se.size()]];
        s_ += " ))";
      } else {
        const std::string_view name = media_file_name(m, true);
        s_ += m.media == Media::Image ? "\n![" : "\n[";
        s_ += name;
        s_ += "](./media/";
        s_ += std::to_string(m.utc);
        s_ += '-';
        s_ += name;
        s_ += ')';
      }
    }
    s_ += "\n\n";
    out_ << s_;
    out_.maybe_flush();
    if (m.kind == Kind::Text) {
      recent_.emplace_back(m.id, body.substr(0, body.find('\n')));
      if (recent_.size() > 8) recent_.erase(recent_.begin());
    }
  }

  void end_chat() override { out_.close(); }

 private:
  const ChatInfo* chat_ = nullptr;
  std::string s_;
  std::vector<std::pair<int64_t, std::string>> recent_;  // ids and first lines, for quotes
};

// ---------------------------------------------------------------------------------------
// The simulation of one chat

struct Fixed {
  int64_t utc;
  Kind kind;
  int actor;    // person
  int subject;  // person
};

struct MemberState {
  int person;
  int64_t join_utc, leave_utc;
  uint8_t weight;
};

class ChatSimulation {
 public:
  ChatSimulation(const GeneratorOptions& o, const World& world, const ChatSpec& spec, const ChatInfo& info,
                 int64_t span_first_day, int64_t span_days, uint64_t budget, Writer& writer)
      : telegram_(!is_whatsapp(o.format)),
        world_(world),
        spec_(spec),
        info_(info),
        rng_(o.seed, info.index),
        span_first_day_(span_first_day),
        span_days_(span_days),
        budget_(budget),
        writer_(writer) {}

  // System messages that the chat has whatever its size (WhatsApp E2E notice, group events).
  static uint64_t fixed_count(const ChatSpec& spec, bool telegram, bool saved) {
    if (saved) return 0;
    uint64_t n = telegram ? 0 : 1;  // E2E notice
    if (!spec.group) return n;
    n += 1;                                      // created
    if (!telegram && spec.creator >= 0) n += 1;  // "X added you"
    if (!telegram) n += 1;                       // icon changed
    for (const Membership& m : spec.members) n += (m.join > 0) + (m.leave <= 1);
    return n;
  }

  void run(uint64_t* system_count) {
    window();
    plan_fixed();
    const uint64_t regular = budget_ - fixed_.size();
    allocate_days(regular);
    next_id_ = 1 + rng_.below(telegram_ ? 5000 : 1);
    for (size_t d = 0; d < per_day_.size(); ++d)
      if (per_day_[d]) run_day(first_day_ + static_cast<int64_t>(d), per_day_[d]);
    flush_fixed(INT64_MAX);
    *system_count = system_;
  }

 private:
  // --- planning ---------------------------------------------------------------------

  void window() {
    first_day_ = span_first_day_ + static_cast<int64_t>(spec_.start * static_cast<float>(span_days_));
    last_day_ = span_first_day_ + static_cast<int64_t>(std::min(1.0f, spec_.end) * static_cast<float>(span_days_));
    if (last_day_ <= first_day_) last_day_ = first_day_ + 1;
    start_utc_ = clock_.to_utc(first_day_ * 86400 + 9 * 3600 + rng_.below(12 * 3600));
    end_utc_ = clock_.to_utc(last_day_ * 86400 - 1);
    last_utc_ = start_utc_;
  }

  int64_t utc_at(float frac) {
    const int64_t span = last_day_ - first_day_;
    const int64_t day = first_day_ + static_cast<int64_t>(frac * static_cast<float>(span));
    return std::max(start_utc_ + 60, clock_.to_utc(day * 86400 + 10 * 3600 + rng_.below(11 * 3600)));
  }

  void plan_fixed() {
    if (info_.saved) return;
    if (!telegram_) fixed_.push_back({start_utc_, Kind::E2E, -1, -1});
    for (const Membership& m : spec_.members)
      members_.push_back(
          {m.person, m.join > 0 ? utc_at(m.join) : start_utc_, m.leave <= 1 ? utc_at(m.leave) : INT64_MAX, m.weight});
    if (!spec_.group) return;
    const int creator = spec_.creator < 0 ? owner() : spec_.members[spec_.creator].person;
    creator_ = creator;
    fixed_.push_back({start_utc_, Kind::Created, creator, -1});
    if (!telegram_ && creator != owner()) fixed_.push_back({start_utc_, Kind::AddedYou, creator, -1});
    if (!telegram_) fixed_.push_back({utc_at(0.03f), Kind::IconChanged, creator, -1});
    int n = 0;
    for (const MemberState& m : members_) {
      if (m.join_utc > start_utc_) {
        const bool by_link = ++n % 2 == 0;
        fixed_.push_back({m.join_utc, by_link ? Kind::JoinedLink : Kind::Added, by_link ? creator : owner(), m.person});
      }
      if (m.leave_utc != INT64_MAX) fixed_.push_back({m.leave_utc, Kind::Left, -1, m.person});
    }
    std::stable_sort(fixed_.begin(), fixed_.end(), [](const Fixed& a, const Fixed& b) { return a.utc < b.utc; });
  }

  double arc(double x) const {
    const double a = spec_.a, b = spec_.b;
    switch (spec_.arc) {
      case Arc::Steady: return 1.0;
      case Arc::Fading: return x < a ? 1.0 : x < b ? std::max(0.03, (b - x) / (b - a)) : 0.0;
      case Arc::Appearing: return x < a ? 0.0 : x < a + 0.08 ? 0.2 + (x - a) / 0.08 : 1.0 + 0.6 * (x - a);
      case Arc::Burst: return x >= a && x < b ? 3.0 : 0.5;
      case Arc::Seasonal: return 1.0;  // by month, below
      case Arc::Window: return x >= a && x < b ? 1.0 : 0.0;
    }
    return 1.0;
  }

  void allocate_days(uint64_t regular) {
    const int64_t n = last_day_ - first_day_;
    std::vector<double> w(static_cast<size_t>(n));
    const double quiet = spec_.group ? 0.2 : spec_.session_len >= 12 ? 0.08 : 0.3;
    double total = 0;
    for (int64_t i = 0; i < n; ++i) {
      const int64_t day = first_day_ + i;
      const double x = static_cast<double>(day - span_first_day_) / static_cast<double>(span_days_);
      const Civil c = civil_from_days(day);
      const int wd = weekday(day);
      double v = arc(x);
      if (spec_.arc == Arc::Seasonal) v = c.m >= 5 && c.m <= 9 ? 1.6 : (c.m == 3 || c.m == 4 || c.m == 10) ? 0.9 : 0.35;
      switch (spec_.rhythm) {
        case Rhythm::WorkHours: v *= wd >= 5 ? 0.03 : 1.0; break;
        case Rhythm::Family: v *= wd == 6 ? 1.4 : 1.0; break;
        default: v *= wd == 4 ? 1.15 : wd == 5 ? 1.25 : wd == 6 ? 1.05 : 1.0;
      }
      const bool summer_break = c.m == 8 && c.d <= 15;
      const bool christmas = (c.m == 12 && c.d >= 23) || (c.m == 1 && c.d <= 2);
      if (summer_break || christmas) {
        if (spec_.rhythm == Rhythm::WorkHours)
          v *= 0.02;
        else if (spec_.rhythm == Rhythm::Family)
          v *= christmas ? 1.6 : 1.2;
        else
          v *= 0.6;
      }
      v *= std::exp(0.55 * rng_.normal());
      if (rng_.chance(quiet)) v = 0;
      w[static_cast<size_t>(i)] = v;
      total += v;
    }
    if (total <= 0) {
      std::fill(w.begin(), w.end(), 1.0);
      total = static_cast<double>(n);
    }
    per_day_.assign(static_cast<size_t>(n), 0);
    double acc = 0;
    uint64_t given = 0;
    for (int64_t i = 0; i < n; ++i) {
      acc += w[static_cast<size_t>(i)];
      const uint64_t target =
          i + 1 == n
              ? regular
              : std::min<uint64_t>(regular, static_cast<uint64_t>(static_cast<double>(regular) * acc / total + 0.5));
      per_day_[static_cast<size_t>(i)] = static_cast<uint32_t>(target - given);
      given = target;
    }
  }

  // --- one day ----------------------------------------------------------------------

  void run_day(int64_t day, uint32_t count) {
    const double mean_len = spec_.session_len * (0.6 + 0.8 * rng_.uniform());
    uint32_t sessions = static_cast<uint32_t>(std::max(1.0, std::round(count / mean_len)));
    sessions = std::min<uint32_t>({sessions, count, 48});
    // Conversation start times, from the chat's rhythm.
    const bool weekend = weekday(day) >= 5;
    const uint8_t* hours = kRhythms[static_cast<int>(spec_.rhythm)][weekend ? 1 : 0];
    uint32_t hour_total = 0;
    for (int h = 0; h < 24; ++h) hour_total += hours[h];
    starts_.clear();
    for (uint32_t s = 0; s < sessions; ++s) {
      uint32_t r = rng_.below(hour_total == 0 ? 1 : hour_total);
      int h = 0;
      while (h < 23 && r >= hours[h]) r -= hours[h++];
      if (hour_total == 0) h = 12;
      starts_.push_back(day * 86400 + h * 3600 + rng_.below(3600));
    }
    std::sort(starts_.begin(), starts_.end());
    // Dense days talk faster.
    const double tempo = std::min(1.0, 15.0 * 3600 / (static_cast<double>(count) * 75.0));
    uint32_t left = count;
    for (uint32_t s = 0; s < sessions; ++s) {
      const uint32_t remaining_sessions = sessions - s;
      uint32_t len;
      if (remaining_sessions == 1) {
        len = left;
      } else {
        const double mean = static_cast<double>(left) / remaining_sessions;
        len = static_cast<uint32_t>(std::lround(mean * (0.4 + 1.2 * rng_.uniform())));
        len = std::clamp<uint32_t>(len, 1, left - (remaining_sessions - 1));
      }
      left -= len;
      run_session(clock_.to_utc(starts_[s]), len, tempo);
    }
  }

  bool active(const MemberState& m, int64_t t) const { return t >= m.join_utc && t < m.leave_utc; }

  int pick_member(int64_t t, int exclude) {
    uint32_t total = 0;
    for (const MemberState& m : members_)
      if (active(m, t) && m.person != exclude) total += m.weight;
    const uint32_t owner_w = exclude == owner() ? 0 : spec_.group ? spec_.owner_weight : 10;
    total += owner_w;
    if (total == 0) return owner();
    uint32_t r = rng_.below(total);
    if (r < owner_w) return owner();
    r -= owner_w;
    for (const MemberState& m : members_) {
      if (!active(m, t) || m.person == exclude) continue;
      if (r < m.weight) return m.person;
      r -= m.weight;
    }
    return owner();
  }

  void run_session(int64_t start, uint32_t len, double tempo) {
    int64_t t = std::max(start, last_utc_ + 30);
    const bool fading = spec_.arc == Arc::Fading;
    topic_ = pick_topic();
    session_lang_ = spec_.lang != Lang::Both ? spec_.lang : rng_.chance(0.6) ? Lang::Es : Lang::En;
    int sender = -1;
    for (uint32_t i = 0; i < len; ++i) {
      int next;
      if (info_.saved) {
        next = owner();
      } else if (regular_ < 2) {
        // Every chat opens with a message from someone and the owner's answer, so the owner
        // is among the participants of every chat.
        if (regular_ == 0)
          next = spec_.group ? creator_or_member(t) : (info_.index % 2 ? members_[0].person : owner());
        else
          next = sender == owner() ? pick_member(t, owner()) : owner();
      } else if (i == 0) {
        const double owner_starts = fading ? 0.7 : 0.45;
        next = spec_.group ? pick_member(t, -1) : rng_.chance(owner_starts) ? owner() : members_[0].person;
      } else if (rng_.chance(spec_.group ? 0.3 : 0.38)) {
        next = sender;
      } else {
        next = spec_.group ? pick_member(t, sender) : sender == owner() ? members_[0].person : owner();
      }
      if (i > 0) {
        double delay;
        if (next == sender) {
          delay = 2 + rng_.exponential(12);
        } else {
          const double median = next == owner() ? spec_.owner_reply_median_s : world_.person(next).reply_median_s;
          delay = std::clamp(median * std::exp(1.0 * rng_.normal()) * (spec_.group ? 0.5 : 1.0), 3.0, 3600.0);
        }
        t += static_cast<int64_t>(delay * tempo) + 1;
      }
      t = std::min(std::max(t, last_utc_), end_utc_);
      sender = next;
      emit_regular(t, sender, i, len);
    }
  }

  int creator_or_member(int64_t t) {
    if (creator_ >= 0 && creator_ != owner()) return creator_;
    return pick_member(t, owner());
  }

  uint32_t pick_topic() {
    uint32_t bits[kTopicCount];
    uint32_t n = 0;
    for (uint32_t b = 0; b < kTopicCount; ++b)
      if (spec_.topics & (1u << b)) bits[n++] = b;
    return n ? bits[rng_.below(n)] : 7;
  }

  void flush_fixed(int64_t until) {
    while (fixed_next_ < fixed_.size() && fixed_[fixed_next_].utc <= until) {
      const Fixed& f = fixed_[fixed_next_++];
      Msg m;
      m.utc = std::max(f.utc, last_utc_);
      last_utc_ = m.utc;
      m.local = clock_.to_local(m.utc);
      m.kind = f.kind;
      m.sender = f.actor;
      m.subject = f.subject;
      m.id = take_id();
      ++system_;
      writer_.message(m);
    }
  }

  int64_t take_id() {
    const int64_t id = next_id_;
    next_id_ += 1 + (rng_.chance(0.04) ? rng_.below(6) : 0);
    recent_ids_[recent_n_++ % 8] = id;
    return id;
  }

  // Bilingual people speak the chat's language, or the conversation's in bilingual chats.
  Lang lang_of(int person) const {
    const Lang own = world_.person(person).lang;
    return own != Lang::Both ? own : session_lang_;
  }

  // --- text ---------------------------------------------------------------------------

  void add(Seg type, std::string_view s, int person = -1) {
    segments_.push_back({type, static_cast<uint32_t>(scratch_.size()), static_cast<uint32_t>(s.size()), person});
    scratch_ += s;
  }
  // A phrase not used in the last few messages of the chat (people rarely repeat themselves).
  std::string_view fresh(const std::vector<std::string_view>& v) {
    std::string_view s = rng_.pick(v);
    for (int attempt = 0;
         attempt < 4 && std::find(std::begin(recent_), std::end(recent_), s.data()) != std::end(recent_); ++attempt)
      s = rng_.pick(v);
    recent_[recent_next_++ % std::size(recent_)] = s.data();
    return s;
  }

  // Appends to the last plain segment (or starts one).
  void add_plain(std::string_view s) {
    if (!segments_.empty() && segments_.back().type == Seg::Plain &&
        segments_.back().off + segments_.back().len == scratch_.size()) {
      segments_.back().len += static_cast<uint32_t>(s.size());
      scratch_ += s;
    } else {
      add(Seg::Plain, s);
    }
  }

  void emoji_suffix(const Person& p) {
    if (!rng_.chance(p.emoji_rate / 100.0)) return;
    const std::string_view e = rng_.chance(0.88) ? emoji()[p.favourite[rng_.below(4)]] : rng_.pick(emoji());
    add_plain(" ");
    const uint32_t repeat = rng_.chance(0.15) ? 2 + rng_.below(2) : 1;
    for (uint32_t i = 0; i < repeat; ++i) add_plain(e);
  }

  void laugh(const Person& p) {
    add_plain(p.laugh);
    const uint32_t extra = rng_.below(4);
    const std::string_view tail = p.laugh.substr(p.laugh.size() >= 2 ? p.laugh.size() - 2 : 0);
    for (uint32_t i = 0; i < extra; ++i) add_plain(tail);
  }

  void link(Lang lang) {
    add_plain(rng_.pick(link_intros(lang)));
    std::string url;
    const char* alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    auto id = [&](int n) {
      for (int i = 0; i < n; ++i) url += alphabet[rng_.below(58)];
    };
    switch (topic_) {
      case 0:
      case 6:
        url = "https://maps.app.goo.gl/";
        id(17);
        break;
      case 4:
      case 5:
        url = "https://youtu.be/";
        id(11);
        break;
      case 1:
        url = "https://www.instagram.com/reel/";
        id(11);
        url += '/';
        break;
      case 10:
        url = "https://www.goodreads.com/book/show/";
        url += std::to_string(1000000 + rng_.below(9000000));
        break;
      default: url = "https://open.spotify.com/track/"; id(22);
    }
    if (segments_.size() == 1 && segments_[0].len == 0) segments_.clear();
    add(Seg::Link, url);
  }

  void compose_text(int sender, uint32_t index, uint32_t len, int64_t local, bool allow_link) {
    const Person& p = world_.person(sender);
    const Lang lang = lang_of(sender);
    const int hour = static_cast<int>((local % 86400 + 86400) % 86400 / 3600);
    const TopicBank& bank = topic(topic_, lang);
    if (info_.saved) {
      if (allow_link && rng_.chance(0.3)) return link(lang);
      add_plain(fresh(notes_to_self()));
      return;
    }
    if (allow_link && rng_.chance(0.02)) return link(lang);
    if (spec_.group && rng_.chance(0.02)) {
      const int who = pick_member(utc_now_, sender);
      if (who != sender) {
        const Person& target = world_.person(who);
        if (telegram_) {
          if (!target.username.empty())
            add(Seg::Mention, std::string("@") + std::string(target.username), who);
          else
            add(Seg::Mention, world_.name(who, true), who);
        } else {
          add(Seg::Mention, std::string("@\u2068") + std::string(target.name) + "\u2069", who);
        }
        add_plain(" ");
      }
    }
    const double r = rng_.uniform();
    if (index == 0) {
      if (r < 0.35 && hour >= 6)
        add_plain(fresh(greetings(lang, hour < 12)));
      else
        add_plain(fresh(bank.openers));
    } else if (index + 1 == len && (hour >= 23 || hour < 3) && r < 0.6) {
      add_plain(fresh(goodnights(lang)));
    } else if (r < 0.42) {
      add_plain(fresh(bank.replies));
    } else if (r < 0.70) {
      add_plain(fresh(acks(lang)));
    } else if (r < 0.79) {
      laugh(p);
    } else if (r < 0.88) {
      add_plain(fresh(bank.openers));
    } else if (r < 0.93) {
      // emoji only
      const uint32_t n = 1 + rng_.below(3);
      for (uint32_t i = 0; i < n; ++i) add_plain(emoji()[p.favourite[rng_.below(4)]]);
      return;
    } else if (r < 0.965) {
      if (!bank.multiline.empty())
        add_plain(fresh(bank.multiline));
      else {
        add_plain(fresh(bank.replies));
        add_plain("\n");
        add_plain(fresh(bank.openers));
      }
    } else {
      add_plain(fresh(bank.replies));
      add_plain(" ");
      laugh(p);
    }
    if (telegram_ && rng_.chance(0.01)) {
      add_plain(" ");
      add(Seg::Hashtag, lang == Lang::En ? "#weekend" : "#finde");
    }
    emoji_suffix(p);
  }

  // --- one message --------------------------------------------------------------------

  void emit_regular(int64_t t, int sender, uint32_t index, uint32_t len) {
    flush_fixed(t);
    t = std::max(t, last_utc_);
    last_utc_ = t;
    utc_now_ = t;
    Msg m;
    m.utc = t;
    m.local = clock_.to_local(t);
    m.sender = sender;
    scratch_.clear();
    segments_.clear();

    // Kind. The draws are the same for every format; the format only maps them.
    const double u = rng_.uniform();
    const uint32_t aux = rng_.below(1u << 30);
    Kind kind = Kind::Text;
    if (regular_ >= 2 && !info_.saved) {
      if (u < 0.07)
        kind = Kind::Media;
      else if (u < 0.078)
        kind = Kind::Deleted;
      else if (u < 0.0795)
        kind = Kind::Location;
      else if (u < 0.0805)
        kind = spec_.group ? Kind::Poll : Kind::Text;
      else if (u < 0.081)
        kind = spec_.group ? (telegram_ ? Kind::Pin : Kind::Text) : Kind::SecurityCode;
    }
    if (index == 0 && regular_ >= 2 && !spec_.group && !info_.saved && rng_.chance(0.04)) kind = Kind::Call;
    if (!telegram_ && info_.index == 0 && sender == owner() && ++owner_messages_ == 2) kind = Kind::Deleted;
    if (telegram_ && kind == Kind::Deleted) kind = Kind::Text;  // deleted messages are not exported
    if (telegram_ && kind == Kind::SecurityCode) kind = Kind::Text;
    m.kind = kind;
    m.aux = aux;

    switch (kind) {
      case Kind::Text: {
        compose_text(sender, index, len, m.local, true);
        if (scratch_.empty()) add_plain("👍");
        m.text = scratch_;
        m.segments = &segments_;
        m.scratch = &scratch_;
        const bool can_edit = telegram_ || t >= kEditsSince;
        if (can_edit && rng_.chance(0.025)) {
          m.edited = true;
          m.edited_utc = t + 20 + rng_.below(600);
        }
        if (telegram_ && index > 0 && rng_.chance(0.1))
          m.reply_to = recent_ids_[(recent_n_ - 1 - rng_.below(std::min<uint64_t>(recent_n_, 5))) % 8];
        if (telegram_ && rng_.chance(0.01))
          m.forwarded_from = rng_.chance(0.5) ? "Memes en español" : "Daily Cat Facts";
        break;
      }
      case Kind::Media: {
        const uint32_t r = aux % 100;
        m.media = r < 45   ? Media::Image
                  : r < 63 ? Media::Sticker
                  : r < 78 ? Media::Voice
                  : r < 88 ? Media::Video
                  : r < 94 ? Media::Gif
                           : Media::Document;
        if ((m.media == Media::Image || m.media == Media::Video) && rng_.chance(0.15)) {
          add_plain(rng_.pick(captions(lang_of(sender))));
          m.text = scratch_;
        }
        break;
      }
      case Kind::Poll: {
        const Lang lang = lang_of(sender);
        const uint32_t q = rng_.below(poll_questions(lang).size());
        m.poll_question = poll_questions(lang)[q];
        m.poll_count = 2 + static_cast<uint8_t>(rng_.below(2));
        for (int i = 0; i < m.poll_count; ++i) {
          m.poll_options[i] = poll_options(lang)[(3 * q + i) % poll_options(lang).size()];
          m.poll_votes[i] = static_cast<uint8_t>(rng_.below(5));
        }
        break;
      }
      case Kind::Call:
        if (!telegram_ && sender == owner()) m.sender = members_[0].person;  // a missed call from them
        if (telegram_) ++system_;
        break;
      case Kind::SecurityCode:
        m.sender = -1;
        m.subject = members_[0].person;
        ++system_;
        break;
      case Kind::Pin:
        m.aux = static_cast<uint32_t>(recent_ids_[(recent_n_ + 7) % 8]);
        ++system_;
        break;
      default: break;
    }
    m.id = take_id();
    ++regular_;
    writer_.message(m);
  }

  // Telegram and the other platforms (Discord, Messenger, Instagram, Signal): no WhatsApp system
  // lines (E2E notice, "X added you", icon and security-code changes), replies and forwards.
  const bool telegram_;
  const World& world_;
  const ChatSpec& spec_;
  const ChatInfo& info_;
  Rng rng_;
  MadridClock clock_;
  const int64_t span_first_day_, span_days_;
  const uint64_t budget_;
  Writer& writer_;

  int64_t first_day_ = 0, last_day_ = 0, start_utc_ = 0, end_utc_ = 0, last_utc_ = 0, utc_now_ = 0;
  std::vector<Fixed> fixed_;
  size_t fixed_next_ = 0;
  std::vector<MemberState> members_;
  int creator_ = -1;
  std::vector<uint32_t> per_day_;
  std::vector<int64_t> starts_;
  uint32_t topic_ = 7;
  Lang session_lang_ = Lang::Es;
  uint64_t regular_ = 0, system_ = 0, owner_messages_ = 0;
  int64_t next_id_ = 1;
  int64_t recent_ids_[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  uint64_t recent_n_ = 0;
  std::string scratch_;
  std::vector<Segment> segments_;
  const char* recent_[12] = {};
  size_t recent_next_ = 0;
};

// ---------------------------------------------------------------------------------------

struct Plan {
  World world;
  std::vector<ChatSpec> specs;
  std::vector<ChatInfo> chats;
  std::vector<uint64_t> budgets;
  int64_t span_days = 0, first_day = 0;
};

uint32_t chat_count(const GeneratorOptions& o) { return o.chats ? o.chats : default_chat_count(o.format); }

bool is_saved_chat(ExportFormat f, uint32_t index, uint32_t count) {
  return f == ExportFormat::Telegram && count >= 10 && index + 1 == count;
}

Plan make_plan(const GeneratorOptions& o) {
  Plan plan;
  const uint32_t k = chat_count(o);
  if (k > 1000) throw std::invalid_argument("at most 1000 chats");
  const bool telegram = !is_whatsapp(o.format);
  std::vector<uint64_t> minimum;
  uint64_t weight_total = 0, minimum_total = 0;
  for (uint32_t i = 0; i < k; ++i) {
    plan.specs.push_back(chat_spec(i, plan.world.extra));
    const ChatSpec& spec = plan.specs.back();
    ChatInfo info;
    info.index = i;
    info.saved = is_saved_chat(o.format, i, k);
    info.group = spec.group && !info.saved;
    info.with_media = i % 4 == 3;
    for (const Membership& m : spec.members) info.members.push_back(m.person);
    if (info.saved) info.members.clear();
    info.title = info.saved   ? std::string()
                 : spec.group ? std::string(spec.title)
                              : std::string(plan.world.display_name(spec.members[0].person, o.format));
    if (info.group) {
      info.member_names.emplace_back(plan.world.display_name(owner(), o.format));
      for (const Membership& m : spec.members)
        if (m.join == 0) info.member_names.emplace_back(plan.world.display_name(m.person, o.format));
    }
    info.telegram_id = info.saved   ? World::telegram_user_id(owner())
                       : info.group ? 1400000000 + static_cast<int64_t>(i) * 7777 + 12345
                                    : World::telegram_user_id(spec.members[0].person);
    plan.chats.push_back(std::move(info));
    const uint64_t min = ChatSimulation::fixed_count(spec, telegram, plan.chats.back().saved) + 2;
    minimum.push_back(min);
    minimum_total += min;
    weight_total += spec.weight;
  }
  if (o.messages < minimum_total)
    throw std::invalid_argument("--messages " + std::to_string(o.messages) + " is too few for " + std::to_string(k) +
                                " chats (at least " + std::to_string(minimum_total) + ")");
  // Budgets: the minimum, plus the rest by weight (largest remainder, ties by index).
  const uint64_t rest = o.messages - minimum_total;
  plan.budgets = minimum;
  std::vector<std::pair<uint64_t, uint32_t>> remainders;
  uint64_t given = 0;
  for (uint32_t i = 0; i < k; ++i) {
    const unsigned __int128 share = static_cast<unsigned __int128>(rest) * plan.specs[i].weight;
    plan.budgets[i] += static_cast<uint64_t>(share / weight_total);
    given += static_cast<uint64_t>(share / weight_total);
    remainders.push_back({static_cast<uint64_t>(share % weight_total), i});
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (uint64_t j = 0; given < rest; ++j, ++given) ++plan.budgets[remainders[j % k].second];

  plan.span_days = std::clamp<int64_t>(static_cast<int64_t>(o.messages / 40), 200, 1826);
  plan.first_day = kExportDay + 1 - plan.span_days;
  return plan;
}

bool twelve_hour(const GeneratorOptions& o) {
  return o.clock == Clock::H12 || (o.clock == Clock::FromSeed && o.seed % 4 == 3);
}

class MemorySink final : public ExportSink {
 public:
  explicit MemorySink(std::vector<GeneratedFile>& files) : files_(files) {}
  void open(std::string_view name) override { files_.push_back({std::string(name), {}}); }
  void write(std::string_view bytes) override { files_.back().bytes.append(bytes); }
  void close() override {}

 private:
  std::vector<GeneratedFile>& files_;
};

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view s) {
  for (ExportFormat f : {ExportFormat::WhatsAppAndroid, ExportFormat::WhatsAppIos, ExportFormat::Telegram,
                         ExportFormat::Discord, ExportFormat::Messenger, ExportFormat::Instagram, ExportFormat::Signal})
    if (s == to_string(f)) return f;
  return std::nullopt;
}

std::string_view to_string(ExportFormat f) {
  switch (f) {
    case ExportFormat::WhatsAppAndroid: return "whatsapp-android";
    case ExportFormat::WhatsAppIos: return "whatsapp-ios";
    case ExportFormat::Telegram: return "telegram";
    case ExportFormat::Discord: return "discord";
    case ExportFormat::Messenger: return "messenger";
    case ExportFormat::Instagram: return "instagram";
    case ExportFormat::Signal: return "signal";
  }
  return "";
}

std::string_view owner_name() { return cast()[owner()].name; }

uint32_t default_chat_count(ExportFormat f) { return is_whatsapp(f) ? 1 : 20; }

bool is_whatsapp(ExportFormat f) { return f == ExportFormat::WhatsAppAndroid || f == ExportFormat::WhatsAppIos; }

bool writes_folders(ExportFormat f, uint32_t chats) {
  return f == ExportFormat::Messenger || f == ExportFormat::Instagram || f == ExportFormat::Signal ||
         (f != ExportFormat::Telegram && chats > 1);
}

uint64_t minimum_messages(ExportFormat f, uint32_t chats) {
  std::vector<Person> extra;
  uint64_t total = 0;
  for (uint32_t i = 0; i < chats; ++i)
    total += ChatSimulation::fixed_count(chat_spec(i, extra), !is_whatsapp(f), is_saved_chat(f, i, chats)) + 2;
  return total;
}

GenerationSummary generate_export(const GeneratorOptions& options, ExportSink& sink) {
  Plan plan = make_plan(options);
  Out out(sink);
  const bool telegram = options.format == ExportFormat::Telegram;
  std::unique_ptr<Writer> writer;
  if (telegram)
    writer = std::make_unique<TelegramWriter>(out, plan.world);
  else if (options.format == ExportFormat::Discord)
    writer = std::make_unique<DiscordWriter>(out, plan.world);
  else if (options.format == ExportFormat::Messenger || options.format == ExportFormat::Instagram)
    writer = std::make_unique<MessengerWriter>(out, plan.world, options.format);
  else if (options.format == ExportFormat::Signal)
    writer = std::make_unique<SignalWriter>(out, plan.world);
  else
    writer = std::make_unique<WhatsAppWriter>(out, plan.world, options.format, twelve_hour(options));

  GenerationSummary summary;
  // The owner as the export names them: "Alex R." on Discord, "Me" in Signal's chat.md.
  summary.owner =
      options.format == ExportFormat::Signal ? std::string("Me") : plan.world.display_name(owner(), options.format);
  writer->begin(plan.chats);
  for (size_t i = 0; i < plan.chats.size(); ++i) {
    const ChatInfo& info = plan.chats[i];
    writer->begin_chat(info);
    ChatSimulation sim(options, plan.world, plan.specs[i], info, plan.first_day, plan.span_days, plan.budgets[i],
                       *writer);
    GeneratedChat chat;
    sim.run(&chat.system_messages);
    writer->end_chat();
    chat.title = info.title;
    chat.file_name = telegram                      ? "result.json"
                     : is_whatsapp(options.format) ? whatsapp_file_name(options.format, info.title)
                                                   : writer->file_of(info);
    chat.group = info.group;
    chat.messages = plan.budgets[i];
    summary.messages += chat.messages;
    summary.chats.push_back(std::move(chat));
  }
  writer->end();
  summary.bytes = out.total();
  return summary;
}

std::vector<GeneratedFile> generate_export_files(const GeneratorOptions& options, GenerationSummary* summary) {
  std::vector<GeneratedFile> files;
  MemorySink sink(files);
  GenerationSummary s = generate_export(options, sink);
  if (summary) *summary = std::move(s);
  return files;
}

}  // namespace chatlens::bench
