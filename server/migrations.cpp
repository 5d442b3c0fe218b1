#include "migrations.hpp"

#include <vector>

namespace chatlens::server {
namespace {

// Version 1: contributions (the bucketed summary and the UTC day, nothing else), idempotency keys
// (kept two days), the cells behind GET /community and the data version caches check.
const Migration kMigrations[] = {
    {1, "contributions, idempotency keys, community cells, data version",
     // SQLite
     "CREATE TABLE contributions (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  day TEXT NOT NULL,\n"
     "  summary_version INTEGER NOT NULL,\n"
     "  avg_text_length INTEGER NOT NULL,\n"
     "  messages_per_active_day INTEGER NOT NULL,\n"
     "  minutes_per_day INTEGER NOT NULL,\n"
     "  hour_profile TEXT NOT NULL,\n"
     "  top_emoji TEXT NOT NULL\n"
     ");\n"
     "CREATE TABLE idempotency_keys (\n"
     "  key TEXT PRIMARY KEY,\n"
     "  fingerprint INTEGER NOT NULL,\n"
     "  day TEXT NOT NULL\n"
     ") WITHOUT ROWID;\n"
     "CREATE INDEX idempotency_keys_day ON idempotency_keys (day);\n"
     "CREATE TABLE community_cells (\n"
     "  metric TEXT NOT NULL,\n"
     "  bucket TEXT NOT NULL,\n"
     "  contributors INTEGER NOT NULL,\n"
     "  PRIMARY KEY (metric, bucket)\n"
     ") WITHOUT ROWID;\n"
     "CREATE TABLE community_state (\n"
     "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
     "  instance_id TEXT NOT NULL,\n"
     "  generation INTEGER NOT NULL\n"
     ");\n"
     "INSERT INTO community_state (id, instance_id, generation) VALUES (1, '{{instance_id}}', 0)",
     // PostgreSQL
     "CREATE TABLE contributions (\n"
     "  id BIGSERIAL PRIMARY KEY,\n"
     "  day TEXT NOT NULL,\n"
     "  summary_version INTEGER NOT NULL,\n"
     "  avg_text_length INTEGER NOT NULL,\n"
     "  messages_per_active_day INTEGER NOT NULL,\n"
     "  minutes_per_day INTEGER NOT NULL,\n"
     "  hour_profile TEXT NOT NULL,\n"
     "  top_emoji TEXT NOT NULL\n"
     ");\n"
     "CREATE TABLE idempotency_keys (\n"
     "  key TEXT PRIMARY KEY,\n"
     "  fingerprint BIGINT NOT NULL,\n"
     "  day TEXT NOT NULL\n"
     ");\n"
     "CREATE INDEX idempotency_keys_day ON idempotency_keys (day);\n"
     "CREATE TABLE community_cells (\n"
     "  metric TEXT NOT NULL,\n"
     "  bucket TEXT NOT NULL,\n"
     "  contributors BIGINT NOT NULL,\n"
     "  PRIMARY KEY (metric, bucket)\n"
     ");\n"
     "CREATE TABLE community_state (\n"
     "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
     "  instance_id TEXT NOT NULL,\n"
     "  generation BIGINT NOT NULL\n"
     ");\n"
     "INSERT INTO community_state (id, instance_id, generation) VALUES (1, '{{instance_id}}', 0)"},
    // Version 2: a contribution's key is random instead of sequential, so that the stored rows do not
    // keep the order (hence the time of day) they arrived in. Existing rows get random keys; SQLite
    // tables without a rowid are kept in key order, so their order within a day is random too. The
    // day leads the key so that a day's inserts touch that day's pages only. And a row that
    // readiness probes change (Storage::probe_write): a write that changes nothing writes nothing.
    {2, "random contribution ids: no arrival order; a row for write probes",
     // SQLite
     "CREATE TABLE contributions_v2 (\n"
     "  id BLOB NOT NULL DEFAULT (randomblob(16)),\n"
     "  day TEXT NOT NULL,\n"
     "  summary_version INTEGER NOT NULL,\n"
     "  avg_text_length INTEGER NOT NULL,\n"
     "  messages_per_active_day INTEGER NOT NULL,\n"
     "  minutes_per_day INTEGER NOT NULL,\n"
     "  hour_profile TEXT NOT NULL,\n"
     "  top_emoji TEXT NOT NULL,\n"
     "  CONSTRAINT contributions_random_id PRIMARY KEY (day, id)\n"
     ") WITHOUT ROWID;\n"
     "INSERT INTO contributions_v2 (day, summary_version, avg_text_length, messages_per_active_day, minutes_per_day,\n"
     "  hour_profile, top_emoji)\n"
     "SELECT day, summary_version, avg_text_length, messages_per_active_day, minutes_per_day, hour_profile, top_emoji\n"
     "FROM contributions;\n"
     "DROP TABLE contributions;\n"
     "ALTER TABLE contributions_v2 RENAME TO contributions;\n"
     "CREATE TABLE write_probe (id INTEGER PRIMARY KEY CHECK (id = 1), probes INTEGER NOT NULL);\n"
     "INSERT INTO write_probe (id, probes) VALUES (1, 0)",
     // PostgreSQL (its heap keeps insertion order until rows are rewritten: copied in random order)
     "CREATE TABLE contributions_v2 (\n"
     "  id UUID NOT NULL DEFAULT gen_random_uuid(),\n"
     "  day TEXT NOT NULL,\n"
     "  summary_version INTEGER NOT NULL,\n"
     "  avg_text_length INTEGER NOT NULL,\n"
     "  messages_per_active_day INTEGER NOT NULL,\n"
     "  minutes_per_day INTEGER NOT NULL,\n"
     "  hour_profile TEXT NOT NULL,\n"
     "  top_emoji TEXT NOT NULL,\n"
     "  CONSTRAINT contributions_random_id PRIMARY KEY (day, id)\n"
     ");\n"
     "INSERT INTO contributions_v2 (day, summary_version, avg_text_length, messages_per_active_day, minutes_per_day,\n"
     "  hour_profile, top_emoji)\n"
     "SELECT day, summary_version, avg_text_length, messages_per_active_day, minutes_per_day, hour_profile, top_emoji\n"
     "FROM contributions ORDER BY random();\n"
     "DROP TABLE contributions;\n"
     "ALTER TABLE contributions_v2 RENAME TO contributions;\n"
     "CREATE TABLE write_probe (id INTEGER PRIMARY KEY CHECK (id = 1), probes BIGINT NOT NULL);\n"
     "INSERT INTO write_probe (id, probes) VALUES (1, 0)"},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

std::vector<std::string> migration_statements(const char* sql, const std::string& instance_id) {
  std::string text(sql);
  const std::string placeholder = "{{instance_id}}";
  for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at))
    text.replace(at, placeholder.size(), instance_id);
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(";\n", start);
    if (end == std::string::npos) end = text.size();
    std::string statement = text.substr(start, end - start);
    if (statement.find_first_not_of(" \n\t") != std::string::npos) out.push_back(std::move(statement));
    start = end + 2;
  }
  return out;
}

}  // namespace chatlens::server
