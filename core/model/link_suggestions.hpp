#pragma once
// Who might be the same person on two platforms, for the caller to confirm or reject.
// Never applied by itself: a shared name is a hint, not proof (two "Ana"s exist), so
// even the strongest suggestion waits for a "yes" (--same, or the web app's list).
//
//   same_phone    strong  the same phone number, where an export shows one as a name
//   same_name     strong  the same name once case, accents, punctuation, emoji and spacing are set aside
//   name_initials weak    one name abbreviates the other ("Ana G." and "Ana Gómez")
//
// Only people of their own (not merged into another) and never the owner; two people
// of one platform only when their names differ as written (the same name on one
// platform is one person already, or two accounts the platform tells apart).
#include <string_view>
#include <vector>

#include "model/corpus.hpp"

namespace chatlens {

struct LinkSuggestion {
  PersonId a, b;
  std::string_view reason;    // "same_phone", "same_name", "name_initials"
  std::string_view strength;  // "strong", "weak"
};

// Strong ones first, each pair once (its strongest reason), in a stable order.
std::vector<LinkSuggestion> suggest_person_links(const Corpus& corpus);

}  // namespace chatlens
