#include "model/corpus.hpp"

namespace chatlens {

void MessageColumns::reserve(size_t n) {
  chat.reserve(n);
  sender.reserve(n);
  time.reserve(n);
  utc.reserve(n);
  kind.reserve(n);
  media.reserve(n);
  flags.reserve(n);
  text.reserve(n);
  platform_id.reserve(n);
  reply_to.reserve(n);
}

void MessageColumns::resize(size_t n) {
  chat.resize(n);
  sender.resize(n);
  time.resize(n);
  utc.resize(n);
  kind.resize(n);
  media.resize(n);
  flags.resize(n);
  text.resize(n);
  platform_id.resize(n);
  reply_to.resize(n);
}

Corpus Corpus::empty_sharing_text() const {
  Corpus c;
  c.people = people;
  c.blocks_ = blocks_;
  return c;
}

std::vector<PersonId> Corpus::owners() const {
  std::vector<PersonId> out;
  for (PersonId p = 0; p < people.size(); ++p)
    if (people[p].is_owner) out.push_back(p);
  return out;
}

}  // namespace chatlens
