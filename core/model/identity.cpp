#include "model/identity.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "model/person_names.hpp"
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
  std::vector<uint8_t> seen(corpus.people.size(), 0);  // in `people` already: one set insertion per person
  for (const Chat& chat : corpus.chats) {
    if (chat.platform != platform || chat.kind == ChatKind::Channel) continue;
    std::set<PersonId> people;
    for (uint64_t i = chat.begin; i < chat.end; ++i) {
      const PersonId p = corpus.messages.sender[i];
      if (p != kNoPerson && !seen[p] && corpus.messages.kind[i] != MessageKind::System &&
          !corpus.people[p].is_bot)  // a bot in every chat is never the owner
        seen[p] = 1, people.insert(p);
    }
    for (PersonId p : people) seen[p] = 0;
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
  std::vector<uint8_t> seen(corpus.people.size(), 0);  // in `people` already
  for (const Chat& chat : corpus.chats) {
    if (chat.kind == ChatKind::Channel) continue;
    std::vector<PersonId> people;
    for (uint64_t i = chat.begin; i < chat.end; ++i) {
      const PersonId p = corpus.messages.sender[i];
      if (p == kNoPerson || corpus.messages.kind[i] == MessageKind::System) continue;
      ++messages[p];
      if (!seen[p]) seen[p] = 1, people.push_back(p);
    }
    if (people.empty()) continue;
    ++total_chats;
    for (PersonId p : people) ++chats[p], seen[p] = 0;
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

  // 0. The caller's name: the owner on every platform where someone has it (over what the
  //    export says); the other platforms are resolved as below, never asked about.
  std::set<Platform> named_by_caller;
  if (me) {
    const std::string wanted = fold(*me);
    // A name with bytes a terminal cannot show is also matched as the CLI prints it ("Ana\xff").
    auto matches = [&](const Person& p) {
      return !wanted.empty() && (fold(p.name) == wanted || fold(printable(p.name)) == wanted);
    };
    std::set<std::string> names;
    for (const Person& p : corpus.people) {
      if (matches(p)) named_by_caller.insert(p.platform);
      names.insert(p.name);
    }
    if (named_by_caller.empty()) {
      result.status = OwnerResolution::Status::NoSuchPerson;
      result.candidates.assign(names.begin(), names.end());
      rank_candidates(corpus, result);
      return result;
    }
    for (Person& p : corpus.people)
      if (named_by_caller.count(p.platform)) p.is_owner = matches(p);
    result.how.push_back({"", "owner.named_by_caller"});
  }

  std::map<Platform, std::string_view> methods;   // how each platform's owner is known
  std::map<Platform, std::set<PersonId>> unsure;  // platforms whose owner is not known yet: the candidates
  bool any_resolved = !named_by_caller.empty();
  for (Platform platform : platforms) {
    if (named_by_caller.count(platform)) continue;
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
      methods[platform] = by_profile ? "owner.profile_information"
                          : stated   ? "owner.stated_in_export"
                                     : "owner.inferred_from_export";
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
      methods[platform] = "owner.common_participant";
      continue;
    }
    // Unsure: the common participants, or everyone when nobody is common.
    std::set<PersonId>& offer = unsure[platform];
    if (common.empty())
      for (auto& c : chats) offer.insert(c.begin(), c.end());
    else
      offer = std::move(common);
  }
  // 3. The one candidate named like the owner found on another platform (the owner's name on
  //    Telegram is "Alex Rivera", and so is one member of the only Messenger thread).
  std::set<std::string> owner_names;
  for (const Person& p : corpus.people)
    if (p.is_owner) owner_names.insert(comparable_name(p.name));
  owner_names.erase("");
  std::set<std::string> ambiguous;
  for (const auto& [platform, offer] : unsure) {
    std::vector<PersonId> named;
    for (PersonId p : offer)
      if (owner_names.count(comparable_name(corpus.people[p].name))) named.push_back(p);
    if (named.size() == 1) {
      corpus.people[named.front()].is_owner = true;
      methods[platform] = "owner.same_name_elsewhere";
      continue;
    }
    // 4. Ambiguous: the caller is asked.
    for (PersonId p : offer) ambiguous.insert(corpus.people[p].name);
  }
  for (const auto& [platform, key] : methods) result.how.push_back({std::string(to_string(platform)), key});
  if (!ambiguous.empty() && !me) {
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
