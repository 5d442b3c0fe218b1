#pragma once
// Reads export files from disk into an ImportSession: plain files, folders
// (Telegram's ChatExport_*/ with result.json, a folder of WhatsApp .txt files)
// and zip archives (opened with libzip). Errors name the file and go into that
// input's SourceReport; the other inputs are still imported.
#include <filesystem>
#include <string>

#include "import/import_session.hpp"

namespace chatlens {

void load_path(ImportSession& session, const std::filesystem::path& path);

// Opens a zip held in memory and adds its chat entries to the session.
void load_zip(ImportSession& session, const std::string& display_name, std::string bytes);

}  // namespace chatlens
