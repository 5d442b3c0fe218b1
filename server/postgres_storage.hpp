#pragma once
// PostgreSQL backend through libpq (also the way to Aurora, Citus, and other servers that speak
// PostgreSQL's protocol). Commits are synchronous (synchronous_commit=on for the writer's
// session): store() returns after the WAL is flushed. Several `chatlens serve` processes may share
// one database: migrations take an advisory lock, writers lock cell rows in one global order, and
// conflicts (two processes storing the same idempotency key, deadlocks) are retried.
#include <memory>
#include <string>

#include "storage.hpp"

namespace chatlens::server {

Result<std::unique_ptr<Storage>> open_postgres_storage(const std::string& url, const StorageOptions& options);

}  // namespace chatlens::server
