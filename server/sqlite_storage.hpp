#pragma once
// SQLite backend: one file, WAL journal, synchronous=FULL (a committed transaction is on disk
// before store() returns), one writer connection and a pool of readers.
#include <filesystem>
#include <memory>

#include "storage.hpp"

namespace chatlens::server {

Result<std::unique_ptr<Storage>> open_sqlite_storage(const std::filesystem::path& path, const StorageOptions& options);

}  // namespace chatlens::server
