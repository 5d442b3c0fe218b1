#include "import/zip_entries.hpp"

#include "import/import_session.hpp"
#include "import/platform_table.hpp"

namespace chatlens {
namespace {

bool is_junk(std::string_view path) {
  const std::string_view base = base_name(path);
  return path.empty() || path.back() == '/' || path.substr(0, 9) == "__MACOSX/" ||
         path.find("/__MACOSX/") != std::string_view::npos || base.substr(0, 2) == "._" || base.empty();
}

EntryMatch match_entry(std::string_view path, const std::vector<std::string>& names) {
  EntryMatch best = EntryMatch::None;
  for (const PlatformSpec& row : platform_table()) {
    const EntryMatch m = row.zip_entry(path, names);
    if (static_cast<int>(m) > static_cast<int>(best)) best = m;
  }
  return best;
}

}  // namespace

std::vector<ChatEntry> plan_chat_entries(const std::vector<std::string>& names, std::string_view archive_name) {
  std::vector<EntryMatch> match(names.size(), EntryMatch::None);
  bool only = false;
  for (size_t i = 0; i < names.size(); ++i) {
    if (is_junk(names[i])) continue;
    match[i] = match_entry(names[i], names);
    only = only || match[i] == EntryMatch::OnlyChats;
  }
  std::vector<ChatEntry> out;
  const std::string archive_title = title_from_file_name(archive_name);
  for (size_t i = 0; i < names.size(); ++i) {
    if (match[i] == EntryMatch::None || (only && match[i] != EntryMatch::OnlyChats)) continue;
    out.push_back({i, is_generic_file_name(names[i]) ? archive_title : title_from_file_name(names[i])});
  }
  return out;
}

std::vector<size_t> choose_chat_entries(const std::vector<std::string>& names) {
  std::vector<size_t> out;
  for (const ChatEntry& e : plan_chat_entries(names, {})) out.push_back(e.index);
  return out;
}

bool may_be_export_file(std::string_view path) {
  if (is_junk(path)) return false;
  if (ends_with_ci(base_name(path), ".zip")) return true;
  for (const PlatformSpec& row : platform_table())
    if (row.folder_file(path)) return true;
  return false;
}

}  // namespace chatlens
