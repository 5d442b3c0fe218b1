#pragma once
// One Signal chat as signal-export writes it (<dest>/<chat name>/chat.md or data.json):
// its people ("Me", or "You" in other versions, is the owner of the export, "No-Sender" nobody known), its kind
// ("Note to Self" is the owner's own chat; more than one other sender makes a group) and
// its title (the folder signal-export named after the chat).
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "import/importer.hpp"
#include "import/signal_content.hpp"

namespace chatlens::signal {

class ChatWriter {
 public:
  explicit ChatWriter(ImportContext& ctx);

  // Adds one message; `sender` as written.
  void add(std::string_view sender, LocalTime time, int64_t utc, const Content& content);
  // Kind, title and the report's platform, counts and notes.
  void finish(std::string_view variant);

 private:
  PersonId person(std::string_view sender);

  ImportContext& ctx_;
  ChatId chat_ = 0;
  std::unordered_map<std::string, PersonId> people_;
  std::unordered_set<PersonId> others_;  // senders but the owner
  uint64_t records_ = 0, reactions_ = 0, unknown_senders_ = 0;
};

// The chat's name from an input name ".../Ana/chat.md" -> "Ana"; empty when there is none.
std::string_view chat_folder(std::string_view input_name);

}  // namespace chatlens::signal
