#pragma once
// Where contributions are kept: one interface, two backends (SQLite embedded, PostgreSQL through
// libpq), the same schema through versioned migrations (migrations.hpp).
//
// What is stored, and nothing else: the validated summary's bucketed numbers, the UTC day it was
// stored on, a random key, the cells it adds to (community_cells.hpp), and for two days the
// idempotency keys with a fingerprint of the body they came with. No IP address, no user agent, no
// time of day, no arrival order (no sequential id).
//
// Thread safety: every method may be called from any thread; implementations keep their own
// connection pools. store() is called by one writer at a time per process (ContributionWriter),
// but several processes may store into one PostgreSQL (or SQLite) database concurrently.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "community_cells.hpp"
#include "contribution.hpp"

namespace chatlens::server {

struct PendingContribution {
  Contribution contribution;
  std::string idempotency_key;  // empty: none
  uint64_t fingerprint = 0;     // server::fingerprint(contribution)
};

enum class StoreOutcome : uint8_t {
  kStored,     // new: counted now
  kReplayed,   // its idempotency key was seen before with the same body: counted once, earlier
  kKeyReused,  // its idempotency key was seen before with another body: refused, nothing stored
};

class Storage {
 public:
  virtual ~Storage() = default;

  virtual std::string_view backend() const = 0;  // "sqlite" or "postgresql"
  // A description for logs (the file, or the database URL without its password).
  virtual std::string describe() const = 0;

  // Brings the schema up to date (each pending migration in its own transaction); safe when
  // several processes start at once. Fails when the database has a newer schema than this build.
  virtual Status migrate() = 0;
  virtual Result<int> schema_version() = 0;

  // Stores a batch in one transaction, durably (the transaction is on disk when this returns):
  // for each item, in order, what became of it. `day` is the UTC date, "YYYY-MM-DD".
  virtual Result<std::vector<StoreOutcome>> store(std::span<const PendingContribution> batch, std::string_view day) = 0;

  // The current data version: cheap, called on every GET /community to validate caches.
  virtual Result<DataVersion> data_version() = 0;
  // Whether concurrent data_version() calls should share one query (a round trip to a database
  // server) rather than each make their own (a local read that costs microseconds).
  virtual bool share_version_reads() const { return true; }
  // All cells and the version they belong to, consistently.
  virtual Result<CommunitySnapshot> snapshot() = 0;

  // Forgets idempotency keys stored before `day` ("YYYY-MM-DD"); returns how many.
  virtual Result<int64_t> purge_idempotency_keys(std::string_view before_day) = 0;

  // Reachable and usable (GET /readyz).
  virtual Status ping() = 0;
  // Whether a write can be stored now: one small write transaction, committed durably like a
  // batch of contributions (so a full disk or a read-only file system or database fails it), that
  // changes no contribution data: it counts probes in a row of its own (GET /readyz, through WriteHealth).
  virtual Status probe_write() = 0;

  // For tests and operators.
  virtual Result<int64_t> count_contributions() = 0;
  virtual Result<std::vector<Contribution>> read_contributions() = 0;
  virtual Result<bool> has_idempotency_key(std::string_view key) = 0;
};

struct StorageOptions {
  size_t pool_size = 8;  // connections for readers (PostgreSQL) / read connections (SQLite)
};

// Opens (creating when needed) the storage a --db value names:
//   ""                      SQLite in <data_dir>/community.sqlite3 (data_dir is created, mode 0700)
//   "sqlite:PATH"           SQLite at PATH (":memory:" is refused: contributions must survive); the
//                           folders missing on the way are created 0700
// A new SQLite database file is created 0600.
//   "postgresql://..." or "postgres://..."   PostgreSQL (libpq connection URI)
// Does not migrate.
Result<std::unique_ptr<Storage>> open_storage(const std::string& db, const std::filesystem::path& data_dir,
                                              const StorageOptions& options = {});

// The default data folder: $CHATLENS_DATA_DIR, else $XDG_DATA_HOME/chatlens, else
// ~/.local/share/chatlens.
std::filesystem::path default_data_dir();

// A URL with its password (if any) replaced by "***", for logs.
std::string redact_url(std::string_view url);

// Helpers shared by the backends.
namespace storage_detail {

// Decides each item of a batch given the keys the database already holds (key -> fingerprint):
// a key's first appearance in the batch is stored, later appearances replay it.
struct BatchPlan {
  std::vector<StoreOutcome> outcomes;
  std::vector<size_t> to_store;  // indices into the batch, in order
};
template <class LookupExisting>  // std::optional<uint64_t>(const std::string& key)
BatchPlan plan_batch(std::span<const PendingContribution> batch, LookupExisting&& existing);

// A random 128-bit id in hexadecimal (the database instance id).
std::string random_instance_id();

}  // namespace storage_detail
}  // namespace chatlens::server

#include "storage_plan.inl"
