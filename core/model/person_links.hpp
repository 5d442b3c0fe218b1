#pragma once
// One person across chats and platforms. The caller confirms that two names are the
// same person ("Ana Gómez" on WhatsApp is "Ana G." on Telegram: --same in the CLI, a
// confirmation in the web app); the links are joined in a union-find and applied to
// the corpus by rewriting senders and chat members to one canonical person. Every
// insight identifies a contact by its PersonId, so each then counts a linked person
// once, without knowing about links. The owners of the platforms are joined too.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/corpus.hpp"

namespace chatlens {

// One side of a link: a display name (matched like --me: case-insensitive, direction
// marks ignored) on one platform ("whatsapp") or, with an empty platform, on any.
struct LinkEnd {
  std::string name;
  std::string platform;
};

// "a is b", with where it was said ("--same", "links.txt:3") for error messages.
struct SamePerson {
  LinkEnd a, b;
  std::string origin;
};

// Union-find over the corpus' people (path halving, union by size).
class PersonUnion {
 public:
  explicit PersonUnion(size_t people);
  PersonId find(PersonId p);
  void unite(PersonId a, PersonId b);
  bool same(PersonId a, PersonId b) { return find(a) == find(b); }

 private:
  std::vector<PersonId> parent_;
  std::vector<uint32_t> size_;
};

// A side of a link that names nobody in the corpus: not applied, reported.
struct UnknownLinkName {
  std::string origin;
  std::string name;
};

struct LinkOutcome {
  std::vector<UnknownLinkName> unknown;
  uint64_t people_merged = 0;  // people folded into another
};

// The people a link end names.
std::vector<PersonId> people_named(const Corpus& corpus, const LinkEnd& end);

// Applies the links after the owner is resolved: each linked group becomes one person
// (the owner when the group holds an owner, else its most active member, else the
// longest name), the others
// keep their entry in corpus.people with merged_into set. Links naming nobody are
// returned, not applied. Chat members stay sorted and unique. `before_change` is called
// once just before the senders and members change, and not at all when nobody is merged:
// a caller that restores the corpus later saves it there (the sender column of millions
// of messages is copied only when it is about to change).
LinkOutcome apply_person_links(Corpus& corpus, const std::vector<SamePerson>& links,
                               const std::function<void(const Corpus&)>& before_change = {});

// The platforms each canonical person writes on (its own and those of the people merged into it).
std::vector<std::vector<Platform>> platforms_per_person(const Corpus& corpus);

}  // namespace chatlens
