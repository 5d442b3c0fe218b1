#include "model/chat_merge.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace chatlens {
namespace {

uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdULL;
}

uint64_t hash_text(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

int64_t minute_of(const MessageColumns& m, size_t i) { return m.time[i].seconds / 60; }

uint64_t message_key(const MessageColumns& m, size_t i, const std::function<std::string_view(TextRef)>& text) {
  uint64_t h = mix(0, m.sender[i]);
  if (m.platform_id[i] != kNoMessageId) return mix(h, static_cast<uint64_t>(m.platform_id[i]));
  h = mix(h, static_cast<uint64_t>(minute_of(m, i)));
  const MessageKind kind = m.kind[i];
  h = mix(h, static_cast<uint64_t>(kind));
  // Media placeholders differ between Android and iOS copies; texts must match.
  if (kind == MessageKind::Text || kind == MessageKind::Poll || kind == MessageKind::Location)
    h = mix(h, hash_text(text(m.text[i])));
  return h;
}

// The minutes that at least two chats of a group span, as sorted closed intervals. A key
// without a platform id holds its minute, so a message outside them has no copy in another
// chat: the parts of one thread (Messenger's message_1.json … message_N.json) follow one
// another in time and are then kept whole without a single lookup.
std::vector<std::pair<int64_t, int64_t>> shared_minutes(const std::vector<ChatId>& group,
                                                        const std::vector<std::vector<size_t>>& members,
                                                        const MessageColumns& m) {
  std::vector<std::pair<int64_t, int>> edges;  // (minute, +1 opens / -1 closes after it)
  for (ChatId c : group) {
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i : members[c]) {
      if (m.platform_id[i] != kNoMessageId) continue;
      lo = std::min(lo, minute_of(m, i));
      hi = std::max(hi, minute_of(m, i));
    }
    if (lo <= hi) edges.emplace_back(lo, 1), edges.emplace_back(hi + 1, -1);
  }
  std::sort(edges.begin(), edges.end());  // at one minute, closings (-1) before openings
  std::vector<std::pair<int64_t, int64_t>> shared;
  int open = 0;
  int64_t from = 0;
  for (auto [minute, step] : edges) {
    if (open >= 2 && open + step < 2 && minute > from) shared.emplace_back(from, minute - 1);
    if (open < 2 && open + step >= 2) from = minute;
    open += step;
  }
  return shared;
}

bool in_intervals(const std::vector<std::pair<int64_t, int64_t>>& sorted, int64_t x) {
  auto it = std::upper_bound(sorted.begin(), sorted.end(), x, [](int64_t v, const auto& r) { return v < r.first; });
  return it != sorted.begin() && x <= std::prev(it)->second;
}

ChatId find(std::vector<ChatId>& parent, ChatId c) {
  while (parent[c] != c) c = parent[c] = parent[parent[c]];
  return c;
}

}  // namespace

MergePlan plan_chat_merge(const std::vector<Chat>& chats, const MessageColumns& messages,
                          const std::function<std::string_view(TextRef)>& text) {
  const size_t n_chats = chats.size();
  MergePlan plan;
  std::vector<ChatId> parent(n_chats);
  for (ChatId c = 0; c < n_chats; ++c) parent[c] = c;
  auto unite = [&](ChatId a, ChatId b) {
    a = find(parent, a);
    b = find(parent, b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };

  // One pass for what telling chats apart needs: sizes and distinct senders. Lists of
  // message indices are only built below for the chats that may be copies of each other.
  std::vector<uint64_t> sizes(n_chats, 0);
  std::vector<std::vector<PersonId>> senders(n_chats);
  std::vector<ChatId> last_chat_of;  // per person: the chat it was last listed in
  for (size_t i = 0; i < messages.size(); ++i) {
    const ChatId c = messages.chat[i];
    ++sizes[c];
    const PersonId s = messages.sender[i];
    if (s == kNoPerson) continue;
    if (s >= last_chat_of.size()) last_chat_of.resize(size_t{s} + 1, UINT32_MAX);
    if (last_chat_of[s] != c) last_chat_of[s] = c, senders[c].push_back(s);
  }
  for (auto& list : senders) {  // interleaved chats may list someone twice
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }

  // Same platform id, or same WhatsApp title.
  std::vector<bool> candidate(n_chats, false);
  std::map<std::string, ChatId> by_identity;
  for (ChatId c = 0; c < n_chats; ++c) {
    if (sizes[c] == 0) continue;
    std::string key = std::string(to_string(chats[c].platform)) + '\n';
    if (!chats[c].platform_id.empty())
      key += "id:" + chats[c].platform_id;
    else if (!chats[c].title.empty())
      key += "title:" + chats[c].title;
    else
      continue;
    auto [it, inserted] = by_identity.emplace(key, c);
    if (!inserted) unite(it->second, c), candidate[c] = candidate[it->second] = true;
  }
  // WhatsApp copies under different titles: same senders (compared below by overlap).
  std::map<std::vector<PersonId>, std::vector<ChatId>> by_senders;
  for (ChatId c = 0; c < n_chats; ++c)
    if (chats[c].platform == Platform::WhatsApp && sizes[c] > 0 && !senders[c].empty())
      by_senders[senders[c]].push_back(c);
  for (auto& [who, group] : by_senders)
    if (group.size() > 1)
      for (ChatId c : group) candidate[c] = true;

  plan.target.resize(n_chats);
  if (std::find(candidate.begin(), candidate.end(), true) == candidate.end()) {
    for (ChatId c = 0; c < n_chats; ++c) plan.target[c] = c;
    return plan;  // nothing imported twice: every message is kept
  }

  std::vector<std::vector<size_t>> members(n_chats);
  for (ChatId c = 0; c < n_chats; ++c)
    if (candidate[c]) members[c].reserve(sizes[c]);
  for (size_t i = 0; i < messages.size(); ++i)
    if (candidate[messages.chat[i]]) members[messages.chat[i]].push_back(i);

  // Same senders and at least half of the smaller chat's messages in the larger.
  std::vector<std::unordered_map<uint64_t, uint32_t>> key_counts(n_chats);
  auto counts = [&](ChatId c) -> std::unordered_map<uint64_t, uint32_t>& {
    auto& k = key_counts[c];
    if (k.empty())
      for (size_t i : members[c]) ++k[message_key(messages, i, text)];
    return k;
  };
  for (auto& [who, group] : by_senders) {
    for (size_t a = 0; a < group.size(); ++a)
      for (size_t b = a + 1; b < group.size(); ++b) {
        if (find(parent, group[a]) == find(parent, group[b])) continue;
        auto& ka = counts(group[a]);
        auto& kb = counts(group[b]);
        const auto& small = ka.size() <= kb.size() ? ka : kb;
        const auto& large = ka.size() <= kb.size() ? kb : ka;
        size_t shared = 0, total = 0;
        for (auto [key, count] : small) {
          total += count;
          if (auto it = large.find(key); it != large.end()) shared += std::min(count, it->second);
        }
        if (total > 0 && shared * 2 >= total) unite(group[a], group[b]);
      }
  }
  key_counts.clear();

  for (ChatId c = 0; c < n_chats; ++c) plan.target[c] = find(parent, c);

  // Within each merged group: the largest copy first, then only what it lacks.
  std::map<ChatId, std::vector<ChatId>> groups;
  for (ChatId c = 0; c < n_chats; ++c) groups[plan.target[c]].push_back(c);
  for (auto& [root, group] : groups) {
    if (group.size() < 2) continue;
    std::stable_sort(group.begin(), group.end(),
                     [&](ChatId a, ChatId b) { return members[a].size() > members[b].size(); });
    const auto shared = shared_minutes(group, members, messages);
    std::unordered_map<uint64_t, uint32_t> have;
    for (ChatId c : group) {
      std::unordered_map<uint64_t, uint32_t> seen_here;
      for (size_t i : members[c]) {
        if (messages.platform_id[i] == kNoMessageId && !in_intervals(shared, minute_of(messages, i))) continue;
        const uint64_t key = message_key(messages, i, text);
        const uint32_t nth = ++seen_here[key];
        uint32_t& held = have[key];
        if (nth <= held) {
          if (plan.keep.empty()) plan.keep.assign(messages.size(), true);
          plan.keep[i] = false;  // the merged chat already holds this occurrence
        } else {
          held = nth;
        }
      }
    }
  }
  return plan;
}

}  // namespace chatlens
