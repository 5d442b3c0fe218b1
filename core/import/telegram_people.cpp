#include "import/telegram_people.hpp"

#include "text/utf8.hpp"

namespace chatlens::telegram {

People::Entry& People::slot(std::string_view key, bool by_id) {
  uint64_t h = by_id ? 1469598103934665603ULL : 1099511628211ULL;
  for (const char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return cache_[(h ^ (h >> 29)) % cache_.size()];
}

PersonId People::resolve(const Peer& peer) {
  if (!peer.present()) return kNoPerson;
  const bool by_id = peer.has_id && !peer.id.empty();
  const std::string_view key = by_id ? peer.id : peer.name;
  Entry& entry = slot(key, by_id);
  if (entry.person != kNoPerson && entry.by_id == by_id && entry.key == key) {
    if (!entry.named && !peer.name.empty()) {
      builder_.set_person_name(entry.person, normalize_name(peer.name));
      entry.named = true;
    }
    return entry.person;
  }
  const std::string name = normalize_name(peer.name);
  const PersonId p = builder_.person(Platform::Telegram, name, by_id ? peer.id : std::string_view());
  entry.key.assign(key.data(), key.size());
  entry.by_id = by_id;
  entry.person = p;
  entry.named = !builder_.person_info(p).name.empty();
  if (!entry.named) unnamed_.push_back(p);
  return p;
}

PersonId People::owner(std::string_view id, std::string_view name) {
  Peer peer;
  peer.id = id;
  peer.has_id = !id.empty();
  peer.name = name;
  peer.has_name = true;
  const PersonId p = resolve(peer);
  if (p != kNoPerson && !name.empty()) builder_.set_person_name(p, normalize_name(name));
  return p;
}

void People::name_deleted_accounts() {
  for (const PersonId p : unnamed_)
    if (builder_.person_info(p).name.empty()) builder_.set_person_name(p, "Deleted Account");
  unnamed_.clear();
}

}  // namespace chatlens::telegram
