#pragma once
// Which entries of a zip archive are chat exports. The archive itself is opened
// by the platform (libzip natively, fflate in the browser); this choice is shared.
#include <string>
#include <string_view>
#include <vector>

namespace chatlens {

// Indices into `names` of the entries to import, in order. Skips folders,
// macOS resource forks (__MACOSX/, ._*), media and attachments (iOS names
// attachments "00000046-Some file.txt"), and nested archives. A signal-export
// folder gives its chat.md (its data.json only when there is no chat.md beside it).
std::vector<size_t> choose_chat_entries(const std::vector<std::string>& names);

// Whether a file found while scanning a folder may be an export: .txt (not an iOS
// attachment like "00000046-Some file.txt", not a "._" resource fork), .json, .zip or
// signal-export's chat.md, outside __MACOSX/.
bool may_be_export_file(std::string_view path);

}  // namespace chatlens
