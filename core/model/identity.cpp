#include "model/identity.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "text/printable.hpp"
#include "text/utf8.hpp"

namespace chatlens {
namespace {

std::string fold(std::string_view s) {
  std::string out = normalize_name(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Senders of at least one non-system message, per chat, for one platform.
std::vector<std::set<PersonId>> participants(const Corpus& corpus, Platform platform) {
  std::vector<std::set<PersonId>> out;
  for (const Chat& chat : corpus.chats) {
    if (chat.platform != platform || chat.kind == ChatKind::Channel) continue;
    std::set<PersonId> people;
    for (uint64_t i = chat.begin; i < chat.end; ++i)
      if (corpus.messages.sender[i] != kNoPerson && corpus.messages.kind[i] != MessageKind::System &&
          !corpus.people[corpus.messages.sender[i]].is_bot)  // a bot in every chat is never the owner
        people.insert(corpus.messages.sender[i]);
    if (!people.empty()) out.push_back(std::move(people));
  }
  return out;
}

// Orders the candidates by likelihood of being the owner: present in the most
// chats first, then the most messages, then by name; and says why (evidence).
void rank_candidates(const Corpus& corpus, OwnerResolution& result) {
  std::map<std::string, OwnerCandidate> by_name;
  for (const std::string& name : result.candidates) by_name[name].name = name;
  std::vector<uint64_t> messages(corpus.people.size(), 0);
  std::vector<uint32_t> chats(corpus.people.size(), 0);
  uint32_t total_chats = 0;
  for (const Chat& chat : corpus.chats) {
    if (chat.kind == ChatKind::Channel) continue;
    std::set<PersonId> people;
    for (uint64_t i = chat.begin; i < chat.end; ++i) {
      const PersonId p = corpus.messages.sender[i];
      if (p == kNoPerson || corpus.messages.kind[i] == MessageKind::System) continue;
      ++messages[p];
      people.insert(p);
    }
    if (people.empty()) continue;
    ++total_chats;
    for (PersonId p : people) ++chats[p];
  }
  for (size_t p = 0; p < corpus.people.size(); ++p) {
    auto it = by_name.find(corpus.people[p].name);
    if (it == by_name.end()) continue;
    it->second.chats += chats[p];
    it->second.messages += messages[p];
  }
  result.evidence.clear();
  for (auto& [name, c] : by_name) {
    c.total_chats = total_chats;
    result.evidence.push_back(c);
  }
  std::stable_sort(result.evidence.begin(), result.evidence.end(),
                   [](const OwnerCandidate& a, const OwnerCandidate& b) {
                     if (a.chats != b.chats) return a.chats > b.chats;
                     return a.messages > b.messages;
                   });
  result.candidates.clear();
  for (const OwnerCandidate& c : result.evidence) result.candidates.push_back(c.name);
}

}  // namespace

OwnerResolution resolve_owner(Corpus& corpus, std::optional<std::string_view> me) {
  OwnerResolution result;
  std::set<Platform> platforms;
  for (const Chat& chat : corpus.chats)
    if (chat.size() > 0) platforms.insert(chat.platform);
  if (platforms.empty()) return result;

  if (me) {
    const std::string wanted = fold(*me);
    std::set<std::string> names;
    bool found = false;
    for (Person& p : corpus.people) {
      // A name with bytes a terminal cannot show is also matched as the CLI prints it ("Ana\xff").
      p.is_owner = !wanted.empty() && (fold(p.name) == wanted || fold(printable(p.name)) == wanted);
      found |= p.is_owner;
      names.insert(p.name);
    }
    if (!found) {
      result.status = OwnerResolution::Status::NoSuchPerson;
      result.candidates.assign(names.begin(), names.end());
      rank_candidates(corpus, result);
      return result;
    }
    result.status = OwnerResolution::Status::Resolved;
    result.how.push_back({"", "owner.named_by_caller"});
    return result;
  }

  std::set<std::string> ambiguous;
  bool any_resolved = false;
  for (Platform platform : platforms) {
    auto chats = participants(corpus, platform);
    // 1. Declared by the export: by its profile information, stated, or only hinted at (then
    // the report says "inferred"). A profile's name that writes in none of the chats is an
    // old name (people rename their accounts): the chats then decide.
    bool declared = false, stated = false, by_profile = false;
    for (PersonId id = 0; id < corpus.people.size(); ++id) {
      Person& p = corpus.people[id];
      if (p.platform != platform || !p.is_owner) continue;
      if (p.owner_by_profile &&
          std::none_of(chats.begin(), chats.end(), [&](const std::set<PersonId>& c) { return c.count(id) > 0; })) {
        p.is_owner = false;
        continue;
      }
      declared = true, stated |= !p.owner_inferred, by_profile |= p.owner_by_profile;
    }
    if (declared) {
      any_resolved = true;
      result.how.push_back({std::string(to_string(platform)), by_profile ? "owner.profile_information"
                                                              : stated   ? "owner.stated_in_export"
                                                                         : "owner.inferred_from_export"});
      continue;
    }
    // 2. The one participant common to all chats.
    if (chats.empty()) continue;
    std::set<PersonId> common = chats[0];
    for (size_t c = 1; c < chats.size(); ++c) {
      std::set<PersonId> next;
      std::set_intersection(common.begin(), common.end(), chats[c].begin(), chats[c].end(),
                            std::inserter(next, next.begin()));
      common.swap(next);
    }
    if (common.size() == 1) {
      corpus.people[*common.begin()].is_owner = true;
      any_resolved = true;
      result.how.push_back({std::string(to_string(platform)), "owner.common_participant"});
      continue;
    }
    // 3. Ambiguous: offer the common participants, or everyone when nobody is common.
    const std::set<PersonId>& offer = common.empty() ? chats[0] : common;
    std::set<PersonId> all;
    if (common.empty())
      for (auto& c : chats) all.insert(c.begin(), c.end());
    for (PersonId p : common.empty() ? all : offer) ambiguous.insert(corpus.people[p].name);
  }
  if (!ambiguous.empty()) {
    result.status = OwnerResolution::Status::Ambiguous;
    result.candidates.assign(ambiguous.begin(), ambiguous.end());
    rank_candidates(corpus, result);
    return result;
  }
  result.status = any_resolved ? OwnerResolution::Status::Resolved : OwnerResolution::Status::NoMessages;
  return result;
}

std::string owner_name(const Corpus& corpus) {
  for (const Person& p : corpus.people)
    if (p.is_owner) return p.name;
  return {};
}

}  // namespace chatlens
