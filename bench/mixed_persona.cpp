// The mixed persona (mixed_persona.hpp): six small exports, one per platform, each one chat
// written the way that platform's export writes it, from the cast in mixed_persona_cast.cpp.
//
// Only plain text messages (and, on WhatsApp, the end-to-end notice and one "You deleted this
// message" by the owner, which is how a single WhatsApp group export names its owner), so what
// chatlens should count is known exactly: every message of a person counts, the notice is a
// system line, the bot's messages are nobody's.
//
// The truth (MixedExport::truth):
//   owner                    the owner's name
//   people_count             real people, the owner included, each once (the bot is not one)
//   platforms[]              {platform, file, messages}: each file's messages by people
//   people[]                 {name, owner, total, aliases[{platform, name, messages}]}
//   bots[]                   {platform, name, messages}
//   links[]                  {a, a_platform, b, b_platform, reason}: the pairs a user should confirm
//                            (each person's first alias with every other one)
//   same_file                the same links as --same-file lines ("A=B")
#include "mixed_persona.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "model/local_time.hpp"

namespace chatlens::bench {
namespace {

using P = MixedPlatform;

// Winter 2024 (CET, UTC+1, before the clocks change): one offset for every timestamp.
constexpr int64_t kOffsetSeconds = 3600;
const int64_t kFirstDay = days_from_civil(2024, 1, 8);
constexpr int kPerDay = 8;

constexpr std::string_view kPhrases[] = {
    "¿Quedamos el sábado?",     "Vale, me apunto",     "Qué buena foto",         "Llego en diez minutos",
    "¿Has visto el partido?",   "Jajaja no puede ser", "Mañana te cuento",       "Buenas noches",
    "Did you get the tickets?", "Sounds good to me",   "I'm running a bit late", "See you tomorrow",
    "¿Cenamos juntos?",         "Me encanta la idea",  "Te mando la dirección",  "Qué frío hace hoy",
};

struct Line {
  int64_t local;  // seconds of the wall clock
  int person;     // index into mixed_cast()
  std::string_view name;
  std::string_view text;
  bool deleted_by_owner = false;
};

// The chat of one platform: who writes, interleaved (the one with the most left to say next,
// never twice in a row when someone else is left), eight messages an evening, a day apart.
std::vector<Line> chat_lines(P platform, uint64_t seed) {
  struct Left {
    int person;
    std::string_view name;
    int left;
  };
  std::vector<Left> who;
  const auto& cast = mixed_cast();
  for (size_t i = 0; i < cast.size(); ++i)
    for (const MixedAlias& a : cast[i].aliases)
      if (a.platform == platform) who.push_back({static_cast<int>(i), a.name, a.messages});
  std::vector<Line> lines;
  const int64_t first = (kFirstDay + 3 * static_cast<int>(platform)) * 86400;
  int last = -1;
  for (int k = 0;; ++k) {
    Left* next = nullptr;
    for (Left& w : who)
      if (w.left > 0 && (!next || (w.person != last && (next->person == last || w.left > next->left)))) next = &w;
    if (!next) break;
    --next->left;
    last = next->person;
    const int64_t local = first + (k / kPerDay) * 86400 + 19 * 3600 + (k % kPerDay) * 540 + (k * 37 % 7) * 60 + k % 50;
    lines.push_back({local, next->person, next->name, kPhrases[(k + seed) % std::size(kPhrases)]});
  }
  return lines;
}

// "2024-01-08" + sep + "19:04:05"
std::string iso(int64_t local, char sep = 'T') {
  const int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  const int s = static_cast<int>(local - day * 86400);
  const CivilDate d = civil_from_days(day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d%c%02d:%02d:%02d", static_cast<int>(d.year), d.month, d.day, sep,
                s / 3600, s / 60 % 60, s % 60);
  return buf;
}

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

// Facebook's and Instagram's downloads: each UTF-8 byte as its own \u00XX escape.
std::string mojibake(std::string_view s) {
  std::string out = "\"";
  char buf[8];
  for (unsigned char c : s) {
    if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

const MixedPerson& person(int i) { return mixed_cast()[static_cast<size_t>(i)]; }

// --- the writers: one file each -------------------------------------------------------------

GeneratedFile whatsapp(const std::vector<Line>& lines) {
  auto header = [](int64_t local) {  // "8/1/24, 19:04 - "
    const int64_t day = local / 86400;
    const int s = static_cast<int>(local - day * 86400);
    const CivilDate d = civil_from_days(day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d/%d/%02d, %02d:%02d - ", d.day, d.month, static_cast<int>(d.year % 100), s / 3600,
                  s / 60 % 60);
    return std::string(buf);
  };
  std::string out = header(lines.front().local - 600) +
                    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
                    "can read or listen to them. Tap to learn more.\n";
  for (const Line& l : lines)
    out += header(l.local) + std::string(l.name) + ": " +
           std::string(l.deleted_by_owner ? "You deleted this message" : l.text) + "\n";
  return {"WhatsApp Chat with " + std::string(mixed_chat_title(P::WhatsApp)) + ".txt", std::move(out)};
}

int64_t telegram_id(int person) { return 1000000000 + 1234567LL * person; }

GeneratedFile telegram(const std::vector<Line>& lines) {
  std::string out = "{\n \"personal_information\": {\n  \"user_id\": " + std::to_string(telegram_id(0)) +
                    ",\n  \"first_name\": \"Alex\",\n  \"last_name\": \"Rivera\"\n },\n \"chats\": {\n  \"list\": [\n"
                    "   {\n    \"name\": " +
                    json_string(mixed_chat_title(P::Telegram)) +
                    ",\n    \"type\": \"private_group\",\n    \"id\": 4400012345,\n    \"messages\": [";
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    out += i ? ",\n     {" : "\n     {";
    out += "\n      \"id\": " + std::to_string(100 + i) + ",\n      \"type\": \"message\",\n      \"date\": \"" +
           iso(l.local) + "\",\n      \"date_unixtime\": \"" + std::to_string(l.local - kOffsetSeconds) +
           "\",\n      \"from\": " + json_string(l.name) + ",\n      \"from_id\": \"user" +
           std::to_string(telegram_id(l.person)) + "\",\n      \"text\": " + json_string(l.text) +
           ",\n      \"text_entities\": [{\"type\": \"plain\", \"text\": " + json_string(l.text) + "}]\n     }";
  }
  out += "\n    ]\n   }\n  ]\n }\n}\n";
  return {"result.json", std::move(out)};
}

// Messenger and Instagram: one thread, message_1.json, newest first, timestamp_ms in UTC.
// Instagram's group threads carry an ig.me invitation link, which tells the two apart even
// when the file arrives without its folders (a browser's file picker).
GeneratedFile meta(const std::vector<Line>& lines, P platform) {
  const bool instagram = platform == P::Instagram;
  std::string out = "{\n  \"participants\": [";
  bool first = true;
  for (const MixedPerson& p : mixed_cast())
    for (const MixedAlias& a : p.aliases)
      if (a.platform == platform) {
        out += first ? "\n    {\"name\": " : ",\n    {\"name\": ";
        out += mojibake(a.name) + "}";
        first = false;
      }
  out += "\n  ],\n  \"messages\": [";
  for (size_t i = lines.size(); i-- > 0;) {
    const Line& l = lines[i];
    out += i + 1 == lines.size() ? "\n    {" : ",\n    {";
    out += "\n      \"sender_name\": " + mojibake(l.name) +
           ",\n      \"timestamp_ms\": " + std::to_string((l.local - kOffsetSeconds) * 1000 + 123) +
           ",\n      \"content\": " + mojibake(l.text) + ",\n      \"is_geoblocked_for_viewer\": false\n    }";
  }
  const std::string thread = std::string(instagram ? "fotosdelverano_1000007919" : "viajealisboa_1000015838");
  out += "\n  ],\n  \"title\": " + mojibake(mixed_chat_title(platform)) +
         ",\n  \"is_still_participant\": true,\n  \"thread_path\": \"inbox/" + thread + "\",\n  \"magic_words\": []";
  if (instagram) out += ",\n  \"joinable_mode\": {\"mode\": 1, \"link\": \"https://ig.me/j/AbCdEfGh12/\"}";
  out += "\n}\n";
  return {std::string(instagram ? "your_instagram_activity" : "your_activity_across_facebook") + "/messages/inbox/" +
              thread + "/message_1.json",
          std::move(out)};
}

// DiscordChatExporter JSON of one channel of the owner's server; people are their user ids.
GeneratedFile discord(const std::vector<Line>& lines) {
  constexpr std::string_view kChannel = "1200000000000000001";
  std::string out =
      "{\n  \"guild\": {\"id\": \"1100000000000000000\", \"name\": \"Rivera & friends\"},\n"
      "  \"channel\": {\"id\": \"" +
      std::string(kChannel) + "\", \"type\": \"GuildTextChat\", \"category\": \"Text Channels\", \"name\": " +
      json_string(mixed_chat_title(P::Discord)) +
      ", \"topic\": null},\n  \"exportedAt\": \"2024-03-01T20:00:00.000+01:00\",\n  \"messages\": [";
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    std::string handle;
    for (char c : l.name)
      if (c != ' ' && c != '.') handle += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    out += i ? ",\n    {" : "\n    {";
    out += "\n      \"id\": \"" + std::to_string(1300000000000000000 + 16 * static_cast<int64_t>(i)) +
           "\",\n      \"type\": \"Default\",\n      \"timestamp\": \"" + iso(l.local) +
           ".000+01:00\",\n      \"timestampEdited\": null,\n      \"callEndedTimestamp\": null,\n      "
           "\"isPinned\": false,\n      \"content\": " +
           json_string(l.text) + ",\n      \"author\": {\"id\": \"" +
           std::to_string(400000000000000000 + 1234567891LL * l.person) + "\", \"name\": " + json_string(handle) +
           ", \"discriminator\": \"0000\", \"nickname\": " + json_string(l.name) +
           ", \"isBot\": " + (person(l.person).bot ? "true" : "false") +
           "},\n      \"attachments\": [],\n      \"embeds\": [],\n      \"stickers\": [],\n      \"reactions\": [],\n"
           "      \"mentions\": []\n    }";
  }
  out += "\n  ],\n  \"messageCount\": " + std::to_string(lines.size()) + "\n}\n";
  return {"Rivera & friends - " + std::string(mixed_chat_title(P::Discord)) + " [" + std::string(kChannel) + "].json",
          std::move(out)};
}

// signal-export's chat.md in a folder named after the chat.
GeneratedFile signal(const std::vector<Line>& lines) {
  std::string out;
  for (const Line& l : lines) {
    out += '[';
    out += iso(l.local, ' ');
    out += "] ";
    out += l.name;
    out += ": ";
    out += l.text;
    out += "  \n\n";
  }
  return {std::string(mixed_chat_title(P::Signal)) + "/chat.md", std::move(out)};
}

GeneratedFile write_platform(P platform, std::vector<Line> lines) {
  switch (platform) {
    case P::WhatsApp:
      // The owner's third message was deleted: how a one-group export says who exported it.
      for (Line& l : lines)
        if (person(l.person).owner && l.local > lines.front().local + 1200) {
          l.deleted_by_owner = true;
          break;
        }
      return whatsapp(lines);
    case P::Telegram: return telegram(lines);
    case P::Messenger:
    case P::Instagram: return meta(lines, platform);
    case P::Discord: return discord(lines);
    case P::Signal: return signal(lines);
  }
  return {};
}

// What a user should confirm: each person's first alias with every other one, and why the
// core should suggest it.
Json links_of(const MixedPerson& p, std::string& same_file) {
  Json links = Json::array();
  const MixedAlias& first = p.aliases.front();
  for (size_t i = 1; i < p.aliases.size(); ++i) {
    const MixedAlias& other = p.aliases[i];
    const bool phone = first.name.front() == '+';
    const bool initials = other.name.size() < first.name.size() && other.name.back() == '.';
    Json l = Json::object();
    l["a"] = first.name;
    l["a_platform"] = to_string(first.platform);
    l["b"] = other.name;
    l["b_platform"] = to_string(other.platform);
    l["reason"] = phone ? "same_phone" : initials ? "name_initials" : "same_name";
    links.push(std::move(l));
    same_file += std::string(first.name) + "=" + std::string(other.name) + "\n";
  }
  return links;
}

}  // namespace

std::string_view to_string(MixedPlatform p) {
  switch (p) {
    case P::WhatsApp: return "whatsapp";
    case P::Telegram: return "telegram";
    case P::Messenger: return "messenger";
    case P::Instagram: return "instagram";
    case P::Discord: return "discord";
    case P::Signal: return "signal";
  }
  return "";
}

MixedExport generate_mixed(uint64_t seed) {
  MixedExport out;
  Json platforms = Json::array();
  for (int i = 0; i < kMixedPlatforms; ++i) {
    const P platform = static_cast<P>(i);
    out.files.push_back(write_platform(platform, chat_lines(platform, seed)));
    uint64_t messages = 0;
    for (const MixedPerson& p : mixed_cast())
      for (const MixedAlias& a : p.aliases)
        if (a.platform == platform && !p.bot) messages += a.messages;
    Json j = Json::object();
    j["platform"] = to_string(platform);
    j["file"] = out.files.back().name;
    j["messages"] = messages;
    platforms.push(std::move(j));
  }

  Json people = Json::array(), bots = Json::array(), links = Json::array();
  std::string same_file;
  for (const MixedPerson& p : mixed_cast()) {
    uint64_t total = 0;
    Json aliases = Json::array();
    for (const MixedAlias& a : p.aliases) {
      total += a.messages;
      Json j = Json::object();
      j["platform"] = to_string(a.platform);
      j["name"] = a.name;
      j["messages"] = a.messages;
      aliases.push(std::move(j));
    }
    if (p.bot) {
      for (Json& a : aliases.as_array()) bots.push(std::move(a));
      continue;
    }
    Json j = Json::object();
    j["name"] = p.who;
    j["owner"] = p.owner;
    j["total"] = total;
    j["aliases"] = std::move(aliases);
    people.push(std::move(j));
    if (p.owner) continue;
    Json mine = links_of(p, same_file);
    for (Json& l : mine.as_array()) links.push(std::move(l));
  }
  out.truth = Json::object();
  out.truth["owner"] = mixed_cast().front().who;
  out.truth["people_count"] = people.size();
  out.truth["platforms"] = std::move(platforms);
  out.truth["people"] = std::move(people);
  out.truth["bots"] = std::move(bots);
  out.truth["links"] = std::move(links);
  out.truth["same_file"] = same_file;
  return out;
}

}  // namespace chatlens::bench
