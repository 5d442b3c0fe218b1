// reply_speed: how fast the owner answers each contact and how fast they answer
// back. A reply is the first message of a turn within one conversation (chats
// split by silences longer than the gap option); its delay is measured from the
// message right before it. Private chats and groups are reported separately, each
// with one ranking per direction (how fast you reply, how fast they reply) that
// shows both ends.
#include <algorithm>
#include <map>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"
#include "insights/stats.hpp"

namespace chatlens {
namespace {

constexpr size_t kMinReplies = 5;
constexpr size_t kRankingSize = 5;

// Delays in whole seconds, as the replies give them: 4 bytes each, not 8, for millions of
// replies; widened to doubles one contact at a time for the quantiles.
struct Delays {
  std::vector<int32_t> owner_to_them, them_to_owner;
};

double seconds_quantile(const std::vector<int32_t>& seconds, double q) {
  return quantile(std::vector<double>(seconds.begin(), seconds.end()), q);
}

Json direction(const std::vector<int32_t>& delays) {
  Json j = Json::object();
  j["replies"] = delays.size();
  if (delays.size() < kMinReplies) {
    j["median_seconds"] = nullptr;
    j["p75_seconds"] = nullptr;
    return j;
  }
  j["median_seconds"] = seconds_quantile(delays, 0.5);
  j["p75_seconds"] = seconds_quantile(delays, 0.75);
  return j;
}

Json scope(const Corpus& c, const std::map<PersonId, Delays>& per_contact) {
  Json out = Json::object();
  Json contacts = Json::array();
  struct Row {
    PersonId who;
    double mine = -1, theirs = -1;
  };
  std::vector<Row> rows;
  size_t total_mine = 0, total_theirs = 0;
  for (const auto& [who, d] : per_contact) {
    total_mine += d.owner_to_them.size();
    total_theirs += d.them_to_owner.size();
    Json j = Json::object();
    j["name"] = c.people[who].name;
    j["you_reply"] = direction(d.owner_to_them);
    j["they_reply"] = direction(d.them_to_owner);
    Row row{who};
    if (d.owner_to_them.size() >= kMinReplies) row.mine = seconds_quantile(d.owner_to_them, 0.5);
    if (d.them_to_owner.size() >= kMinReplies) row.theirs = seconds_quantile(d.them_to_owner, 0.5);
    if (row.mine >= 0 || row.theirs >= 0) {
      rows.push_back(row);
      contacts.push(std::move(j));
    }
  }
  out["data"] = Json::object();
  out["data"]["your_replies"] = total_mine;
  out["data"]["their_replies"] = total_theirs;
  out["data"]["contacts_with_enough_replies"] = rows.size();
  out["contacts"] = std::move(contacts);

  // One ranking per direction, both ends shown: the fastest first, then the slowest
  // (slowest first), never the same contact at both ends.
  auto ranking = [&](bool mine) {
    std::vector<Row> r;
    for (const Row& row : rows)
      if ((mine ? row.mine : row.theirs) >= 0) r.push_back(row);
    std::stable_sort(r.begin(), r.end(), [&](const Row& a, const Row& b) {
      return (mine ? a.mine : a.theirs) < (mine ? b.mine : b.theirs);
    });
    auto entry = [&](const Row& row) {
      Json e = Json::object();
      e["name"] = c.people[row.who].name;
      e["median_seconds"] = mine ? row.mine : row.theirs;
      e["other_direction_median_seconds"] =
          (mine ? row.theirs : row.mine) >= 0 ? Json(mine ? row.theirs : row.mine) : Json();
      return e;
    };
    const size_t fast = std::min(kRankingSize, (r.size() + 1) / 2);
    const size_t slow = std::min(kRankingSize, r.size() - fast);
    Json j = Json::object();
    j["contacts"] = r.size();
    Json fastest = Json::array(), slowest = Json::array();
    for (size_t i = 0; i < fast; ++i) fastest.push(entry(r[i]));
    for (size_t i = 0; i < slow; ++i) slowest.push(entry(r[r.size() - 1 - i]));
    j["fastest"] = std::move(fastest);
    j["slowest"] = std::move(slowest);
    return j;
  };
  out["you_reply"] = ranking(true);
  out["they_reply"] = ranking(false);
  return out;
}

}  // namespace

Json reply_speed_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  std::map<PersonId, Delays> private_chats, groups;
  in.derived.for_each_reply([&](const Reply& r) {
    const PersonId from = c.messages.sender[r.reply], to = c.messages.sender[r.to];
    const bool mine = c.is_owner(from), to_me = c.is_owner(to);
    if (mine == to_me) return;  // between two other people
    const ChatKind kind = c.chats[c.messages.chat[r.reply]].kind;
    auto& target = kind == ChatKind::Group ? groups : private_chats;
    if (kind == ChatKind::Channel) return;
    if (mine)
      target[to].owner_to_them.push_back(r.delay_seconds);
    else
      target[from].them_to_owner.push_back(r.delay_seconds);
  });
  Json out = Json::object();
  const auto& order = in.derived.by_time();
  out["data"] = data_basis(order.size(), order.empty() ? std::nullopt : std::optional(c.messages.time[order.front()]),
                           order.empty() ? std::nullopt : std::optional(c.messages.time[order.back()]));
  uint64_t owner_involved = 0;
  for (const auto* scope_map : {&private_chats, &groups})
    for (const auto& [who, d] : *scope_map) owner_involved += d.owner_to_them.size() + d.them_to_owner.size();
  out["data"]["replies_with_you"] = owner_involved;
  out["gap_hours"] = static_cast<double>(in.options.conversation_gap_seconds) / 3600.0;
  out["min_replies"] = kMinReplies;
  out["private"] = scope(c, private_chats);
  out["groups"] = scope(c, groups);
  const bool enough = out["private"]["data"]["contacts_with_enough_replies"].as_int() +
                          out["groups"]["data"]["contacts_with_enough_replies"].as_int() >
                      0;
  out["enough_data"] = enough;
  if (!enough) mark_insufficient(out, "reply_speed.few_replies", Json::Object{{"min", kMinReplies}});
  return out;
}

}  // namespace chatlens
