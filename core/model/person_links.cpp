#include "model/person_links.hpp"

#include <algorithm>
#include <tuple>

#include "text/printable.hpp"
#include "text/utf8.hpp"

namespace chatlens {

PersonUnion::PersonUnion(size_t people) : parent_(people), size_(people, 1) {
  for (PersonId p = 0; p < people; ++p) parent_[p] = p;
}

PersonId PersonUnion::find(PersonId p) {
  while (parent_[p] != p) p = parent_[p] = parent_[parent_[p]];
  return p;
}

void PersonUnion::unite(PersonId a, PersonId b) {
  a = find(a), b = find(b);
  if (a == b) return;
  if (size_[a] < size_[b]) std::swap(a, b);
  parent_[b] = a;
  size_[a] += size_[b];
}

namespace {

std::string fold(std::string_view s) {
  std::string out = normalize_name(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::vector<PersonId> people_named(const Corpus& corpus, const LinkEnd& end) {
  std::vector<PersonId> out;
  const std::string wanted = fold(end.name);
  if (wanted.empty()) return out;
  for (PersonId p = 0; p < corpus.people.size(); ++p) {
    const Person& person = corpus.people[p];
    if (!end.platform.empty() && to_string(person.platform) != end.platform) continue;
    // A name with bytes a terminal cannot show is also matched as the CLI prints it.
    if (fold(person.name) == wanted || fold(printable(person.name)) == wanted) out.push_back(p);
  }
  return out;
}

LinkOutcome apply_person_links(Corpus& corpus, const std::vector<SamePerson>& links,
                               const std::function<void(const Corpus&)>& before_change) {
  LinkOutcome outcome;
  const size_t n = corpus.people.size();
  PersonUnion groups(n);
  PersonId first_owner = kNoPerson;
  for (PersonId p = 0; p < n; ++p)
    if (corpus.people[p].is_owner) first_owner == kNoPerson ? void(first_owner = p) : groups.unite(first_owner, p);
  for (const SamePerson& link : links) {
    const std::vector<PersonId> a = people_named(corpus, link.a), b = people_named(corpus, link.b);
    if (a.empty()) outcome.unknown.push_back({link.origin, link.a.name});
    if (b.empty()) outcome.unknown.push_back({link.origin, link.b.name});
    if (a.empty() || b.empty()) continue;
    for (PersonId x : a) groups.unite(a.front(), x);
    for (PersonId y : b) groups.unite(a.front(), y);
  }

  // The canonical member of each group: an owner, else the one with most messages, else the
  // fuller name ("Ana Gómez" over "Ana G."), else the first.
  std::vector<uint64_t> messages(n, 0);
  for (PersonId s : corpus.messages.sender)
    if (s != kNoPerson) ++messages[s];
  std::vector<PersonId> canonical(n, kNoPerson);
  for (PersonId p = 0; p < n; ++p) {
    PersonId& best = canonical[groups.find(p)];
    const auto rank = [&](PersonId q) {
      return std::make_tuple(corpus.people[q].is_owner, messages[q], corpus.people[q].name.size());
    };
    if (best == kNoPerson || rank(best) < rank(p)) best = p;
  }
  std::vector<PersonId> to(n);
  for (PersonId p = 0; p < n; ++p) {
    to[p] = canonical[groups.find(p)];
    corpus.people[p].merged_into = to[p] == p ? kNoPerson : to[p];
    outcome.people_merged += to[p] != p;
  }
  if (outcome.people_merged == 0) return outcome;
  if (before_change) before_change(corpus);

  for (PersonId& s : corpus.messages.sender)
    if (s != kNoPerson) s = to[s];
  for (Chat& chat : corpus.chats) {
    for (PersonId& m : chat.members) m = to[m];
    std::sort(chat.members.begin(), chat.members.end());
    chat.members.erase(std::unique(chat.members.begin(), chat.members.end()), chat.members.end());
  }
  return outcome;
}

std::vector<std::vector<Platform>> platforms_per_person(const Corpus& corpus) {
  std::vector<std::vector<Platform>> out(corpus.people.size());
  for (PersonId p = 0; p < corpus.people.size(); ++p) {
    const Person& person = corpus.people[p];
    auto& list = out[person.merged_into == kNoPerson ? p : person.merged_into];
    if (std::find(list.begin(), list.end(), person.platform) == list.end()) list.push_back(person.platform);
  }
  for (auto& list : out) std::sort(list.begin(), list.end());
  return out;
}

}  // namespace chatlens
