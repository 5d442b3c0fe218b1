// shared_groups: with whom the owner shares the most group chats, and which.
#include <algorithm>
#include <map>
#include <set>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"

namespace chatlens {

Json shared_groups_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  std::map<PersonId, std::vector<ChatId>> shared;
  uint64_t groups = 0;
  std::set<Platform> platforms;
  for (ChatId id = 0; id < c.chats.size(); ++id) {
    const Chat& chat = c.chats[id];
    if (chat.kind != ChatKind::Group) continue;
    const bool mine = std::any_of(chat.members.begin(), chat.members.end(), [&](PersonId p) { return c.is_owner(p); });
    if (!mine) continue;
    ++groups;
    platforms.insert(chat.platform);
    for (PersonId p : chat.members)
      if (!c.is_owner(p)) shared[p].push_back(id);
  }
  Json out = Json::object();
  out["data"] = Json::object();
  out["data"]["groups_with_you"] = groups;
  out["data"]["people"] = shared.size();
  // Only group chats with the owner count here, not every platform of the report.
  out["platforms"] = Json::array();
  for (Platform p : platforms) out["platforms"].push(to_string(p));
  out["note_on_membership"] = message("shared_groups.membership_note");
  if (groups == 0) {
    mark_insufficient(out, "shared_groups.no_groups");
    out["top"] = Json::array();
    return out;
  }
  out["enough_data"] = true;
  std::vector<std::pair<PersonId, std::vector<ChatId>>> rows(shared.begin(), shared.end());
  std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.second.size() > b.second.size(); });
  Json top = Json::array();
  for (size_t i = 0; i < rows.size() && i < 10; ++i) {
    Json j = Json::object();
    j["name"] = c.people[rows[i].first].name;
    j["shared_groups"] = rows[i].second.size();
    Json titles = Json::array();
    for (ChatId g : rows[i].second) titles.push(c.chats[g].title);
    j["groups"] = std::move(titles);
    top.push(std::move(j));
  }
  out["top"] = std::move(top);
  return out;
}

}  // namespace chatlens
