#include "model/link_suggestions.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "model/person_names.hpp"

namespace chatlens {
namespace {

// A first name shared by hundreds of people (a large group) is compared no further:
// the pairs would be many and the hints weak.
constexpr size_t kMaxBucket = 64;

class Collector {
 public:
  explicit Collector(const Corpus& c) : corpus_(c) {}

  void offer(PersonId a, PersonId b, std::string_view reason, std::string_view strength) {
    if (a == b) return;
    if (a > b) std::swap(a, b);
    const Person &pa = corpus_.people[a], &pb = corpus_.people[b];
    if (pa.platform == pb.platform && pa.name == pb.name) return;
    if (seen_.insert({a, b}).second) out_.push_back({a, b, reason, strength});
  }
  std::vector<LinkSuggestion> take() && { return std::move(out_); }

 private:
  const Corpus& corpus_;
  std::set<std::pair<PersonId, PersonId>> seen_;
  std::vector<LinkSuggestion> out_;
};

template <class Fn>
void each_pair(const std::map<std::string, std::vector<PersonId>>& buckets, Fn&& fn) {
  for (const auto& [key, people] : buckets) {
    if (people.size() > kMaxBucket) continue;
    for (size_t i = 0; i < people.size(); ++i)
      for (size_t j = i + 1; j < people.size(); ++j) fn(people[i], people[j]);
  }
}

}  // namespace

std::vector<LinkSuggestion> suggest_person_links(const Corpus& corpus) {
  std::vector<std::string> names(corpus.people.size());
  std::map<std::string, std::vector<PersonId>> by_phone, by_name, by_first_word;
  for (PersonId p = 0; p < corpus.people.size(); ++p) {
    const Person& person = corpus.people[p];
    if (person.is_owner || person.merged_into != kNoPerson) continue;
    for (const std::string& phone : {phone_digits(person.name), phone_digits(person.platform_id)})
      if (!phone.empty()) by_phone[phone.size() > 9 ? phone.substr(phone.size() - 9) : phone].push_back(p);
    names[p] = comparable_name(person.name);
    if (names[p].empty()) continue;
    by_name[names[p]].push_back(p);
    by_first_word[names[p].substr(0, names[p].find(' '))].push_back(p);
  }
  Collector found(corpus);
  each_pair(by_phone, [&](PersonId a, PersonId b) { found.offer(a, b, "same_phone", "strong"); });
  each_pair(by_name, [&](PersonId a, PersonId b) { found.offer(a, b, "same_name", "strong"); });
  each_pair(by_first_word, [&](PersonId a, PersonId b) {
    // Abbreviations across platforms only: on one platform "Ana G." and "Ana Gómez" are usually two people.
    if (corpus.people[a].platform != corpus.people[b].platform && initials_match(names[a], names[b]))
      found.offer(a, b, "name_initials", "weak");
  });
  return std::move(found).take();
}

}  // namespace chatlens
