#include "import/zip_entries.hpp"

namespace chatlens {
namespace {

std::string_view base_name(std::string_view path) {
  if (auto slash = path.find_last_of('/'); slash != std::string_view::npos) path.remove_prefix(slash + 1);
  return path;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

bool is_ios_attachment(std::string_view base) {
  // "00000046-Some file.txt": eight digits and a dash.
  if (base.size() < 10 || base[8] != '-') return false;
  for (size_t i = 0; i < 8; ++i)
    if (base[i] < '0' || base[i] > '9') return false;
  return true;
}

bool is_junk(std::string_view path) {
  const std::string_view base = base_name(path);
  return path.empty() || path.back() == '/' || path.substr(0, 9) == "__MACOSX/" ||
         path.find("/__MACOSX/") != std::string_view::npos || base.substr(0, 2) == "._" || base.empty();
}

// Whether `path`'s folder also holds an entry named `base`.
bool has_sibling(const std::vector<std::string>& names, std::string_view path, std::string_view base) {
  const std::string_view folder = path.substr(0, path.size() - base_name(path).size());
  for (const std::string& n : names)
    if (n.size() == folder.size() + base.size() && std::string_view(n).substr(0, folder.size()) == folder &&
        base_name(n) == base)
      return true;
  return false;
}

}  // namespace

std::vector<size_t> choose_chat_entries(const std::vector<std::string>& names) {
  std::vector<size_t> out;
  // An iOS export: _chat.txt holds the chat, everything else is media.
  for (size_t i = 0; i < names.size(); ++i)
    if (!is_junk(names[i]) && base_name(names[i]) == "_chat.txt") out.push_back(i);
  if (!out.empty()) return out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (is_junk(names[i])) continue;
    const std::string_view base = base_name(names[i]);
    if (ends_with_ci(base, ".txt") && !is_ios_attachment(base))
      out.push_back(i);
    else if (base == "result.json")
      out.push_back(i);  // a zipped Telegram Desktop export
    else if (base == "chat.md" || (base == "data.json" && !has_sibling(names, names[i], "chat.md")))
      out.push_back(i);  // a zipped signal-export folder: chat.md, or data.json when alone
  }
  return out;
}

bool may_be_export_file(std::string_view path) {
  if (is_junk(path)) return false;
  const std::string_view base = base_name(path);
  if (ends_with_ci(base, ".txt")) return !is_ios_attachment(base);
  return ends_with_ci(base, ".json") || ends_with_ci(base, ".zip") || base == "chat.md";
}

}  // namespace chatlens
