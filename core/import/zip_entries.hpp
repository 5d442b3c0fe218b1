#pragma once
// Which entries of a zip archive are chat exports, and which files of a dropped
// folder may be. The archive itself is opened by the platform (libzip natively,
// the web app's zip reader in the browser); these choices are the platform
// table's (platform_table.hpp), shared by both through the WebAssembly module.
#include <string>
#include <string_view>
#include <vector>

namespace chatlens {

struct ChatEntry {
  size_t index;            // into the archive's entry names
  std::string title_hint;  // names the chat when its content does not
};

// The entries to import, in archive order, each with its title hint. Skips folders,
// macOS resource forks (__MACOSX/, ._*), media, attachments and nested archives; when
// a platform says an entry is the archive's only kind of chat (iOS WhatsApp's
// _chat.txt), only such entries. An entry whose name says nothing about the chat
// ("_chat.txt", "result.json" at any depth) is titled by the archive's name.
std::vector<ChatEntry> plan_chat_entries(const std::vector<std::string>& names, std::string_view archive_name);

// The indices of plan_chat_entries.
std::vector<size_t> choose_chat_entries(const std::vector<std::string>& names);

// Whether a file found while scanning a folder may be an export: outside __MACOSX/, not a
// "._" resource fork, a .zip or a file some platform's row accepts (.txt but not an iOS
// attachment like "00000046-Some file.txt", .json, signal-export's chat.md).
bool may_be_export_file(std::string_view path);

}  // namespace chatlens
