// emoji_wall: every emoji the owner used, with counts (skin tones folded into the
// base emoji), names in English and Spanish and the emoji group; the owner's
// skin-tone preference; and the top emoji of the owner's closest contacts.
#include <algorithm>
#include <array>
#include <map>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"
#include "text/emoji_hexcode.hpp"

namespace chatlens {
namespace {

constexpr size_t kTopContacts = 10;
constexpr size_t kTopPerContact = 5;

Json emoji_json(EmojiId id, uint64_t count) {
  const EmojiInfo info = emoji_info(id);
  Json j = Json::object();
  j["emoji"] = info.code;
  j["hexcode"] = emoji_hexcode(id);
  j["count"] = count;
  j["name_en"] = info.name_en;
  j["name_es"] = info.name_es;
  j["group"] = info.group == kNoEmojiGroup ? Json() : Json(emoji_group(info.group).key);
  j["subgroup"] = info.subgroup == kNoEmojiGroup ? Json() : Json(emoji_subgroup(info.subgroup).key);
  return j;
}

std::vector<std::pair<EmojiId, uint64_t>> ranked(const std::vector<uint64_t>& counts) {
  std::vector<std::pair<EmojiId, uint64_t>> out;
  for (size_t id = 0; id < counts.size(); ++id)
    if (counts[id] > 0) out.push_back({static_cast<EmojiId>(id), counts[id]});
  std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.second > b.second; });
  return out;
}

}  // namespace

Json emoji_wall_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  const MessageEmoji& emoji = in.derived.emoji();
  std::vector<uint64_t> mine(emoji_count(), 0);
  std::array<uint64_t, 6> tones{};  // None, Light .. Dark — only emoji that take skin tones
  uint64_t total = 0, messages_with_emoji = 0;
  const auto& owner_messages = in.derived.owner_by_time();
  for (uint64_t i : owner_messages) {
    auto [u, end] = emoji.of(i);
    messages_with_emoji += u != end;
    for (; u != end; ++u) {
      ++mine[static_cast<size_t>(u->id)];
      ++total;
      if (emoji_info(u->id).takes_skin_tones) ++tones[static_cast<size_t>(u->tone)];
    }
  }

  Json out = Json::object();
  out["data"] =
      data_basis(owner_messages.size(),
                 owner_messages.empty() ? std::nullopt : std::optional(c.messages.time[owner_messages.front()]),
                 owner_messages.empty() ? std::nullopt : std::optional(c.messages.time[owner_messages.back()]));
  out["data"]["emoji"] = total;
  out["data"]["messages_with_emoji"] = messages_with_emoji;
  out["source"] = message("emoji_wall.source", Json::Object{{"package", "emojibase-data"}, {"version", "17.0.0"}});
  if (total == 0) {
    mark_insufficient(out, "emoji_wall.no_emoji");
    out["emoji"] = Json::array();
    return out;
  }
  out["enough_data"] = true;
  const auto ranking = ranked(mine);
  out["distinct"] = ranking.size();
  Json wall = Json::array();
  for (const auto& [id, count] : ranking) wall.push(emoji_json(id, count));
  out["emoji"] = std::move(wall);

  // Per group totals (smileys, people, animals, food, ...).
  std::map<std::string_view, uint64_t> groups;
  for (const auto& [id, count] : ranking) {
    const EmojiInfo info = emoji_info(id);
    if (info.group != kNoEmojiGroup) groups[emoji_group(info.group).key] += count;
  }
  Json group_json = Json::array();
  std::vector<std::pair<std::string_view, uint64_t>> gs(groups.begin(), groups.end());
  std::stable_sort(gs.begin(), gs.end(), [](auto& a, auto& b) { return a.second > b.second; });
  for (const auto& [key, count] : gs) {
    Json g = Json::object();
    g["group"] = key;
    g["count"] = count;
    group_json.push(std::move(g));
  }
  out["groups"] = std::move(group_json);

  // Skin tone preference among the emoji that can carry one.
  uint64_t toned_total = 0;
  for (uint64_t n : tones) toned_total += n;
  Json skin = Json::object();
  skin["uses"] = toned_total;
  Json shares = Json::object();
  size_t best = 0;
  for (size_t t = 0; t < tones.size(); ++t) {
    const std::string key = t == 0 ? "default" : std::string(skin_tone_name(static_cast<SkinTone>(t)).key);
    shares[key] = toned_total ? static_cast<double>(tones[t]) / static_cast<double>(toned_total) : 0.0;
    if (tones[t] > tones[best]) best = t;
  }
  skin["shares"] = std::move(shares);
  skin["preferred"] = toned_total == 0 ? Json()
                                       : Json(best == 0 ? std::string("default")
                                                        : std::string(skin_tone_name(static_cast<SkinTone>(best)).key));
  out["skin_tone"] = std::move(skin);

  // Top emoji of the owner's closest contacts (by their messages in chats with the owner).
  std::vector<uint64_t> contact_messages(c.people.size(), 0);
  for (const Chat& chat : c.chats) {
    const bool owner_here =
        std::any_of(chat.members.begin(), chat.members.end(), [&](PersonId p) { return c.is_owner(p); });
    if (!owner_here) continue;
    for (uint64_t i = chat.begin; i < chat.end; ++i)
      if (is_personal(c, i) && !c.is_owner(c.messages.sender[i])) ++contact_messages[c.messages.sender[i]];
  }
  std::vector<PersonId> contacts;
  for (PersonId p = 0; p < c.people.size(); ++p)
    if (contact_messages[p] > 0) contacts.push_back(p);
  std::stable_sort(contacts.begin(), contacts.end(),
                   [&](PersonId a, PersonId b) { return contact_messages[a] > contact_messages[b]; });
  if (contacts.size() > kTopContacts) contacts.resize(kTopContacts);
  // Counts per top contact, found by the sender's index (no map lookup per message).
  std::vector<std::vector<uint64_t>> per_contact(contacts.size(), std::vector<uint64_t>(emoji_count(), 0));
  std::vector<uint32_t> contact_of(c.people.size(), UINT32_MAX);
  for (size_t k = 0; k < contacts.size(); ++k) contact_of[contacts[k]] = static_cast<uint32_t>(k);
  for (uint64_t i = 0; i < c.size(); ++i) {
    if (!is_personal(c, i)) continue;
    const uint32_t k = contact_of[c.messages.sender[i]];
    if (k == UINT32_MAX) continue;
    for (auto [u, end] = emoji.of(i); u != end; ++u) ++per_contact[k][static_cast<size_t>(u->id)];
  }
  Json people = Json::array();
  for (size_t k = 0; k < contacts.size(); ++k) {
    Json j = Json::object();
    j["name"] = c.people[contacts[k]].name;
    Json top = Json::array();
    const auto r = ranked(per_contact[k]);
    for (size_t k = 0; k < r.size() && k < kTopPerContact; ++k) top.push(emoji_json(r[k].first, r[k].second));
    j["top"] = std::move(top);
    people.push(std::move(j));
  }
  out["contacts"] = std::move(people);
  return out;
}

}  // namespace chatlens
