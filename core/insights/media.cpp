// media: the photos, videos, voice notes, stickers and links the owner sends and
// receives, per month and per contact. "Sent" is the owner's own messages in any
// chat; "received" is everyone else's in chats the owner is in. Per contact,
// sent counts only private chats with that person (in a group the owner sends to
// everyone), received counts the contact's messages in any chat shared with the
// owner. A link is a text message with an address in it (http://, https://, www.).
#include <algorithm>
#include <array>
#include <map>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"

namespace chatlens {
namespace {

constexpr uint64_t kMinItems = 10;  // sent + received, for the section to say anything
constexpr size_t kTopContacts = 10;

// The kinds the section counts, in report order; "other" is documents and the rest.
enum Kind { Photos, Videos, VoiceNotes, Stickers, Links, Other, kKinds };
constexpr std::array<std::string_view, kKinds> kKindNames = {"photos",   "videos", "voice_notes",
                                                             "stickers", "links",  "other"};

using Counts = std::array<uint64_t, kKinds>;

bool has_link(std::string_view text) {
  return text.find("http://") != std::string_view::npos || text.find("https://") != std::string_view::npos ||
         text.find("www.") != std::string_view::npos;
}

// What message i counts as, or kKinds when it is none of them.
int kind_of(const Corpus& c, uint64_t i) {
  switch (c.messages.kind[i]) {
    case MessageKind::Text: return has_link(c.text(i)) ? Links : kKinds;
    case MessageKind::Media: break;
    default: return kKinds;
  }
  switch (c.messages.media[i]) {
    case MediaKind::Image: return Photos;
    case MediaKind::Video:
    case MediaKind::Gif: return Videos;
    case MediaKind::Voice:
    case MediaKind::Audio: return VoiceNotes;  // WhatsApp's "audio omitted" is nearly always a voice note
    case MediaKind::Sticker: return Stickers;
    default: return Other;
  }
}

Json counts_json(const Counts& n) {
  Json j = Json::object();
  for (int k = 0; k < kKinds; ++k) j[kKindNames[static_cast<size_t>(k)]] = n[static_cast<size_t>(k)];
  return j;
}

uint64_t total(const Counts& n) {
  uint64_t t = 0;
  for (uint64_t v : n) t += v;
  return t;
}

struct Flow {
  Counts sent{}, received{};
};

}  // namespace

Json media_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  Flow all;
  std::map<int, Flow> months;  // year*12 + month-1
  std::map<PersonId, Flow> contacts;
  uint64_t considered = 0;
  std::optional<LocalTime> first, last;
  // A chat's messages are in time order: the month of the last day is kept (map nodes do not move).
  int64_t month_day = INT64_MIN;
  Flow* month = nullptr;

  for (const Chat& chat : c.chats) {
    const bool owner_here =
        std::any_of(chat.members.begin(), chat.members.end(), [&](PersonId p) { return c.is_owner(p); });
    if (!owner_here || chat.kind == ChatKind::Channel) continue;
    const bool is_private = chat.kind == ChatKind::Private || chat.members.size() <= 2;
    PersonId other = kNoPerson;
    if (is_private)
      for (PersonId p : chat.members)
        if (!c.is_owner(p)) other = p;
    for (uint64_t i = chat.begin; i < chat.end; ++i) {
      if (!is_personal(c, i)) continue;
      ++considered;
      const LocalTime t = c.messages.time[i];
      if (!first || t < *first) first = t;
      if (!last || *last < t) last = t;
      const int kind = kind_of(c, i);
      if (kind == kKinds) continue;
      const auto k = static_cast<size_t>(kind);
      const PersonId sender = c.messages.sender[i];
      const bool mine = c.is_owner(sender);
      if (t.day() != month_day) {
        const CivilDate d = t.date();
        month = &months[d.year * 12 + d.month - 1];
        month_day = t.day();
      }
      (mine ? all.sent : all.received)[k]++;
      (mine ? month->sent : month->received)[k]++;
      if (mine && other != kNoPerson) contacts[other].sent[k]++;
      if (!mine) contacts[sender].received[k]++;
    }
  }

  Json out = Json::object();
  out["data"] = data_basis(considered, first, last);
  out["data"]["sent"] = total(all.sent);
  out["data"]["received"] = total(all.received);
  out["kinds"] = Json::array();
  for (std::string_view k : kKindNames) out["kinds"].push(k);
  out["sent"] = counts_json(all.sent);
  out["received"] = counts_json(all.received);
  if (total(all.sent) + total(all.received) < kMinItems) {
    mark_insufficient(out, "media.too_few", Json::Object{{"min", kMinItems}});
    return out;
  }
  out["enough_data"] = true;

  Json by_month = Json::array();
  for (const auto& [m, flow] : months) {
    char label[16];
    std::snprintf(label, sizeof label, "%04d-%02d", m / 12, m % 12 + 1);
    Json j = Json::object();
    j["month"] = std::string(label);
    j["sent"] = counts_json(flow.sent);
    j["received"] = counts_json(flow.received);
    by_month.push(std::move(j));
  }
  out["by_month"] = std::move(by_month);

  std::vector<std::pair<PersonId, uint64_t>> ranked;
  for (const auto& [p, flow] : contacts) ranked.push_back({p, total(flow.sent) + total(flow.received)});
  std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.second > b.second; });
  Json by_contact = Json::array();
  for (size_t i = 0; i < ranked.size() && i < kTopContacts; ++i) {
    const Flow& flow = contacts[ranked[i].first];
    Json j = Json::object();
    j["name"] = c.people[ranked[i].first].name;
    j["total"] = ranked[i].second;
    j["sent"] = counts_json(flow.sent);
    j["received"] = counts_json(flow.received);
    by_contact.push(std::move(j));
  }
  out["by_contact"] = std::move(by_contact);
  return out;
}

}  // namespace chatlens
