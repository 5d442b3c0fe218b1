#pragma once
// Reads export files from disk into an ImportSession: plain files, folders
// (Telegram's ChatExport_*/ with result.json, a folder of WhatsApp .txt files)
// and zip archives (opened with libzip). Errors name the file and go into that
// input's SourceReport; the other inputs are still imported.
#include <filesystem>
#include <string>

#include "import/import_session.hpp"
#include "input_limits.hpp"

namespace chatlens {

// Only regular files (and folders of them) are read: a FIFO or a device such as
// /dev/zero would block or never end. Inputs above limits.max_input_bytes, and zip
// entries that inflate beyond it or beyond limits.max_zip_ratio, are refused with
// an error naming them, before they take more memory than the importer's budget.
void load_path(ImportSession& session, const std::filesystem::path& path, const InputLimits& limits = {});

// Opens a zip held in memory and adds its chat entries to the session. Entries
// are inflated in bounded chunks: the sizes the archive declares are never trusted.
void load_zip(ImportSession& session, const std::string& display_name, std::string bytes,
              const InputLimits& limits = {});

}  // namespace chatlens
