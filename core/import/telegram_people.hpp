#pragma once
// Telegram senders as corpus people: keyed by their id ("user123",
// "channel123"; old exports' integer ids become "user<n>") when the export
// has one, else by display name. A deleted account ("from": null) is still a
// person, keyed by its id, named "Deleted Account" unless a later message
// gives a name.
//
// Every message resolves its sender, so a small cache in front of the
// builder keeps the common case free of allocation and hashing of strings.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "import/telegram_message.hpp"
#include "model/corpus_builder.hpp"

namespace chatlens::telegram {

class People {
 public:
  explicit People(CorpusBuilder& builder) : builder_(builder) {}

  // kNoPerson when the peer has neither id nor name key.
  PersonId resolve(const Peer& peer);
  // The export's own account: its name wins over names seen in messages.
  PersonId owner(std::string_view id, std::string_view name);
  // Names the people seen only as deleted accounts. Call once at the end.
  void name_deleted_accounts();

  const Person& info(PersonId p) const { return builder_.person_info(p); }

 private:
  struct Entry {
    std::string key;
    bool by_id = false;
    bool named = false;
    PersonId person = kNoPerson;
  };
  Entry& slot(std::string_view key, bool by_id);

  CorpusBuilder& builder_;
  std::array<Entry, 256> cache_;
  std::vector<PersonId> unnamed_;
};

}  // namespace chatlens::telegram
