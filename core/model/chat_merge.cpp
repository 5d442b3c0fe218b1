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

uint64_t message_key(const MessageColumns& m, size_t i, const std::function<std::string_view(TextRef)>& text) {
  uint64_t h = mix(0, m.sender[i]);
  if (m.platform_id[i] != kNoMessageId) return mix(h, static_cast<uint64_t>(m.platform_id[i]));
  h = mix(h, static_cast<uint64_t>(m.time[i].seconds / 60));
  const MessageKind kind = m.kind[i];
  h = mix(h, static_cast<uint64_t>(kind));
  // Media placeholders differ between Android and iOS copies; texts must match.
  if (kind == MessageKind::Text || kind == MessageKind::Poll || kind == MessageKind::Location)
    h = mix(h, hash_text(text(m.text[i])));
  return h;
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
  plan.keep.assign(messages.size(), true);
  std::vector<ChatId> parent(n_chats);
  for (ChatId c = 0; c < n_chats; ++c) parent[c] = c;

  std::vector<std::vector<size_t>> members(n_chats);
  for (size_t i = 0; i < messages.size(); ++i) members[messages.chat[i]].push_back(i);

  auto unite = [&](ChatId a, ChatId b) {
    a = find(parent, a);
    b = find(parent, b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };

  // Same platform id, or same WhatsApp title.
  std::map<std::string, ChatId> by_identity;
  for (ChatId c = 0; c < n_chats; ++c) {
    if (members[c].empty()) continue;
    std::string key = std::string(to_string(chats[c].platform)) + '\n';
    if (!chats[c].platform_id.empty())
      key += "id:" + chats[c].platform_id;
    else if (!chats[c].title.empty())
      key += "title:" + chats[c].title;
    else
      continue;
    auto [it, inserted] = by_identity.emplace(key, c);
    if (!inserted) unite(it->second, c);
  }

  // WhatsApp copies under different titles: same senders and a large overlap.
  std::vector<std::unordered_map<uint64_t, uint32_t>> key_counts(n_chats);
  auto counts = [&](ChatId c) -> std::unordered_map<uint64_t, uint32_t>& {
    auto& k = key_counts[c];
    if (k.empty())
      for (size_t i : members[c]) ++k[message_key(messages, i, text)];
    return k;
  };
  std::map<std::vector<PersonId>, std::vector<ChatId>> by_senders;
  for (ChatId c = 0; c < n_chats; ++c) {
    if (chats[c].platform != Platform::WhatsApp || members[c].empty()) continue;
    std::vector<PersonId> senders;
    for (size_t i : members[c])
      if (messages.sender[i] != kNoPerson) senders.push_back(messages.sender[i]);
    std::sort(senders.begin(), senders.end());
    senders.erase(std::unique(senders.begin(), senders.end()), senders.end());
    if (!senders.empty()) by_senders[senders].push_back(c);
  }
  for (auto& [senders, group] : by_senders) {
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

  plan.target.resize(n_chats);
  for (ChatId c = 0; c < n_chats; ++c) plan.target[c] = find(parent, c);

  // Within each merged group: the largest copy first, then only what it lacks.
  std::map<ChatId, std::vector<ChatId>> groups;
  for (ChatId c = 0; c < n_chats; ++c) groups[plan.target[c]].push_back(c);
  for (auto& [root, group] : groups) {
    if (group.size() < 2) continue;
    std::stable_sort(group.begin(), group.end(),
                     [&](ChatId a, ChatId b) { return members[a].size() > members[b].size(); });
    std::unordered_map<uint64_t, uint32_t> have;
    for (ChatId c : group) {
      std::unordered_map<uint64_t, uint32_t> seen_here;
      for (size_t i : members[c]) {
        const uint64_t key = message_key(messages, i, text);
        const uint32_t nth = ++seen_here[key];
        uint32_t& held = have[key];
        if (nth <= held)
          plan.keep[i] = false;  // the merged chat already holds this occurrence
        else
          held = nth;
      }
    }
  }
  return plan;
}

}  // namespace chatlens
