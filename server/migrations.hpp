#pragma once
// Versioned schema migrations, the same schema in both SQL dialects. A database records the
// migrations applied to it in schema_migrations (version, description, applied_on day); a backend's
// migrate() applies the missing ones, in order, in one transaction, under a lock so that several
// processes starting at once apply each migration once. Add a migration by appending to the list
// in migrations.cpp; never edit one that has shipped.
#include <span>
#include <string>
#include <vector>

namespace chatlens::server {

struct Migration {
  int version;
  const char* description;
  // SQL statements separated by ";\n"; "{{instance_id}}" is replaced by a new random id.
  const char* sqlite;
  const char* postgresql;
};

std::span<const Migration> migrations();
int latest_schema_version();

// Splits a migration's SQL into statements and fills in its placeholders.
std::vector<std::string> migration_statements(const char* sql, const std::string& instance_id);

}  // namespace chatlens::server
