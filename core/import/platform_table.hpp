#pragma once
// Every platform chatlens reads is one row of this table: its names, its importers,
// which files of a folder or a zip are its exports, how a file name titles a chat,
// and the keys of its export guide and file hint in the web app's catalogues.
// The importer registry, to_string(Platform)/parse_platform, the zip-entry and
// folder rules (native and, through the WebAssembly module, the browser) are all
// driven by it. docs/adding-a-platform.md lists what a new row needs besides.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "import/importer.hpp"
#include "model/kinds.hpp"

namespace chatlens {

using ImporterFn = const Importer& (*)();

// What a zip entry is to a platform.
enum class EntryMatch : uint8_t {
  None,       // not this platform's
  Chat,       // a chat export
  OnlyChats,  // a chat export, and the archive's other entries are not (iOS WhatsApp's _chat.txt)
};

struct PlatformSpec {
  Platform id;
  std::string_view name;                  // "whatsapp": the report's platform field
  std::string_view display_name;          // "WhatsApp"
  std::span<const ImporterFn> importers;  // sniffed in table order; empty when another row's importer reads it
  // Whether the zip entry `path` is this platform's export; `names` are all the archive's entries
  // (junk such as __MACOSX/ is filtered before).
  EntryMatch (*zip_entry)(std::string_view path, std::span<const std::string> names);
  // Whether a file met while walking a dropped folder may be this platform's export
  // (the importers' sniffing decides afterwards; this only keeps media out).
  bool (*folder_file)(std::string_view path);
  // Localised export file names: "WhatsApp Chat with " + the chat's title.
  std::span<const std::string_view> title_prefixes;
  // File names (without extension) that say nothing about the chat: the archive's
  // name titles it instead ("_chat", "result").
  std::span<const std::string_view> generic_names;
  // Export guides in the web app: tab "guide.tab.<key>", steps "guide.<key>.<n>".
  std::span<const std::string_view> guides;
  // What to give chatlens, for the upload page: the catalogue key "upload.hint.<name>".
  std::string_view file_hint;
};

std::span<const PlatformSpec> platform_table();
// The row of `p`; every Platform value has one (tests/unit/platform_table_test.cpp).
const PlatformSpec& platform_spec(Platform p);
std::optional<Platform> parse_platform(std::string_view name);

// The last path component.
std::string_view base_name(std::string_view path);
bool ends_with_ci(std::string_view s, std::string_view suffix);

}  // namespace chatlens
