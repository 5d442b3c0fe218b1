#include "sqlite_storage.hpp"

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "day.hpp"
#include "migrations.hpp"

namespace chatlens::server {
namespace {

constexpr int kBusyTimeoutMs = 10000;

// One connection with the statements it has prepared (prepared once, reset after each use).
class Connection {
 public:
  ~Connection() {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  static Result<std::unique_ptr<Connection>> open(const std::filesystem::path& path, bool writer) {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    std::unique_ptr<Connection> conn(new Connection(db));
    if (rc != SQLITE_OK)
      return Status::error("cannot open SQLite database " + path.string() + ": " +
                           (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);
    // WAL: readers never wait for the writer. synchronous=FULL: every commit is synced to disk
    // (WAL's NORMAL would only protect against corruption, not keep the last commits on power loss).
    // secure_delete: what is deleted (old idempotency keys, a table a migration replaced) is overwritten.
    const char* setup = writer ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                                 "PRAGMA secure_delete=ON"
                               : "PRAGMA synchronous=FULL; PRAGMA query_only=ON";
    if (Status s = conn->exec(setup); !s) return s;
    if (writer) {
      // journal_mode=WAL can silently fail (e.g. on some network file systems): say so.
      auto mode = conn->query_text("PRAGMA journal_mode");
      if (!mode || *mode != "wal") return Status::error("SQLite database " + path.string() + " cannot use WAL mode");
    }
    return conn;
  }

  Status exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      Status s = error(err ? err : sqlite3_errmsg(db_));
      sqlite3_free(err);
      return s;
    }
    return Status::ok();
  }

  // A cached statement, reset and with its bindings cleared.
  sqlite3_stmt* statement(const char* sql) {
    for (auto& [text, stmt] : statements_)
      if (std::string_view(text) == sql) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        return stmt;
      }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) return nullptr;
    statements_.emplace_back(sql, stmt);
    return stmt;
  }

  Result<std::string> query_text(const char* sql) {
    sqlite3_stmt* stmt = statement(sql);
    if (!stmt) return error(sqlite3_errmsg(db_));
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW) return error(rc == SQLITE_DONE ? "no row" : sqlite3_errmsg(db_));
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    std::string out = text ? reinterpret_cast<const char*>(text) : "";
    sqlite3_reset(stmt);
    return out;
  }

  Status error(const std::string& what) const {
    const int code = sqlite3_extended_errcode(db_);
    const bool busy = (code & 0xFF) == SQLITE_BUSY || (code & 0xFF) == SQLITE_LOCKED;
    return Status::error("SQLite: " + what, busy);
  }
  Status last_error() const { return error(sqlite3_errmsg(db_)); }

  sqlite3* db() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::vector<std::pair<const char*, sqlite3_stmt*>> statements_;
};

// Runs `fn` inside BEGIN IMMEDIATE ... COMMIT, rolling back when it fails.
template <class F>
Status in_write_transaction(Connection& conn, F&& fn) {
  if (Status s = conn.exec("BEGIN IMMEDIATE"); !s) return s;
  Status s = fn();
  if (s) s = conn.exec("COMMIT");
  if (!s) conn.exec("ROLLBACK");
  return s;
}

class SqliteStorage final : public Storage {
 public:
  SqliteStorage(std::filesystem::path path, std::unique_ptr<Connection> writer,
                std::unique_ptr<Connection> checkpointer)
      : path_(std::move(path)), writer_(std::move(writer)), checkpointer_(std::move(checkpointer)) {
    // Checkpoints (copying the WAL into the database file, with its own disk sync) run here, in
    // the background, instead of inside whichever commit crosses the WAL's size limit.
    writer_->exec("PRAGMA wal_autocheckpoint=0");
    checkpoint_thread_ = std::thread([this] { checkpoint_loop(); });
  }
  ~SqliteStorage() override {
    {
      std::lock_guard lock(checkpoint_mu_);
      stopping_ = true;
    }
    checkpoint_cv_.notify_all();
    checkpoint_thread_.join();
  }

  std::string_view backend() const override { return "sqlite"; }
  bool share_version_reads() const override { return false; }  // each thread reads its own connection
  std::string describe() const override { return "SQLite " + path_.string(); }

  Status migrate() override {
    std::lock_guard lock(write_mu_);
    Connection& c = *writer_;
    return in_write_transaction(c, [&]() -> Status {
      if (Status s = c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                            "description TEXT NOT NULL, applied_on TEXT NOT NULL)");
          !s)
        return s;
      auto current = c.query_text("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      if (!current) return current.status();
      const int version = std::stoi(*current);
      if (version > latest_schema_version())
        return Status::error("the database's schema (version " + std::to_string(version) +
                             ") is newer than this chatlens knows (" + std::to_string(latest_schema_version()) +
                             "); upgrade chatlens");
      for (const Migration& m : migrations()) {
        if (m.version <= version) continue;
        for (const std::string& sql : migration_statements(m.sqlite, storage_detail::random_instance_id()))
          if (Status s = c.exec(sql.c_str()); !s)
            return Status::error("migration " + std::to_string(m.version) + ": " + s.detail());
        sqlite3_stmt* st =
            c.statement("INSERT INTO schema_migrations (version, description, applied_on) VALUES (?, ?, ?)");
        if (!st) return c.last_error();
        const std::string day = utc_day();
        sqlite3_bind_int(st, 1, m.version);
        sqlite3_bind_text(st, 2, m.description, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, day.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_DONE) return c.last_error();
      }
      return Status::ok();
    });
  }

  Result<int> schema_version() override {
    auto lease = acquire();
    if (!lease) return lease.status();
    auto v = (*lease)->query_text("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    release(*lease);
    if (!v) return v.status();
    return std::stoi(*v);
  }

  Result<std::vector<StoreOutcome>> store(std::span<const PendingContribution> batch, std::string_view day) override {
    std::lock_guard lock(write_mu_);
    Connection& c = *writer_;
    std::vector<StoreOutcome> outcomes;
    Status s = in_write_transaction(c, [&]() -> Status {
      sqlite3_stmt* find_key = c.statement("SELECT fingerprint FROM idempotency_keys WHERE key = ?");
      if (!find_key) return c.last_error();
      Status lookup_error;
      storage_detail::BatchPlan plan =
          storage_detail::plan_batch(batch, [&](const std::string& key) -> std::optional<uint64_t> {
            sqlite3_reset(find_key);
            sqlite3_bind_text(find_key, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
            const int rc = sqlite3_step(find_key);
            if (rc == SQLITE_ROW) return static_cast<uint64_t>(sqlite3_column_int64(find_key, 0));
            if (rc != SQLITE_DONE) lookup_error = c.last_error();
            return std::nullopt;
          });
      sqlite3_reset(find_key);
      if (!lookup_error) return lookup_error;
      outcomes = std::move(plan.outcomes);
      if (plan.to_store.empty()) return Status::ok();

      sqlite3_stmt* insert = c.statement(
          "INSERT INTO contributions (day, summary_version, avg_text_length, messages_per_active_day, "
          "minutes_per_day, hour_profile, top_emoji) VALUES (?, 1, ?, ?, ?, ?, ?)");
      sqlite3_stmt* insert_key = c.statement("INSERT INTO idempotency_keys (key, fingerprint, day) VALUES (?, ?, ?)");
      sqlite3_stmt* add_cell = c.statement(
          "INSERT INTO community_cells (metric, bucket, contributors) VALUES (?, ?, ?) "
          "ON CONFLICT (metric, bucket) DO UPDATE SET contributors = contributors + excluded.contributors");
      sqlite3_stmt* bump = c.statement("UPDATE community_state SET generation = generation + 1 WHERE id = 1");
      if (!insert || !insert_key || !add_cell || !bump) return c.last_error();

      CellDeltas deltas;
      for (size_t i : plan.to_store) {
        const PendingContribution& item = batch[i];
        const Contribution& k = item.contribution;
        const std::string hours = join_hour_profile(k.hour_profile);
        const std::string emoji = join_emoji(k.top_emoji);
        sqlite3_reset(insert);
        sqlite3_bind_text(insert, 1, day.data(), static_cast<int>(day.size()), SQLITE_STATIC);
        sqlite3_bind_int(insert, 2, k.avg_text_length);
        sqlite3_bind_int(insert, 3, k.messages_per_active_day);
        sqlite3_bind_int(insert, 4, k.minutes_per_day);
        sqlite3_bind_text(insert, 5, hours.data(), static_cast<int>(hours.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 6, emoji.data(), static_cast<int>(emoji.size()), SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE) return c.last_error();
        sqlite3_reset(insert);
        if (!item.idempotency_key.empty()) {
          sqlite3_reset(insert_key);
          sqlite3_bind_text(insert_key, 1, item.idempotency_key.data(), static_cast<int>(item.idempotency_key.size()),
                            SQLITE_STATIC);
          sqlite3_bind_int64(insert_key, 2, static_cast<sqlite3_int64>(item.fingerprint));
          sqlite3_bind_text(insert_key, 3, day.data(), static_cast<int>(day.size()), SQLITE_STATIC);
          if (sqlite3_step(insert_key) != SQLITE_DONE) return c.last_error();
          sqlite3_reset(insert_key);
        }
        add_cells(k, deltas);
      }
      for (const auto& [key, n] : deltas) {
        sqlite3_reset(add_cell);
        sqlite3_bind_text(add_cell, 1, key.metric.data(), static_cast<int>(key.metric.size()), SQLITE_STATIC);
        sqlite3_bind_text(add_cell, 2, key.bucket.data(), static_cast<int>(key.bucket.size()), SQLITE_STATIC);
        sqlite3_bind_int64(add_cell, 3, n);
        if (sqlite3_step(add_cell) != SQLITE_DONE) return c.last_error();
      }
      sqlite3_reset(add_cell);
      sqlite3_reset(bump);
      if (sqlite3_step(bump) != SQLITE_DONE) return c.last_error();
      sqlite3_reset(bump);
      return Status::ok();
    });
    if (!s) return s;
    return outcomes;
  }

  Result<DataVersion> data_version() override {
    auto lease = acquire();
    if (!lease) return lease.status();
    Result<DataVersion> out = read_version(**lease);
    release(*lease);
    return out;
  }

  Result<CommunitySnapshot> snapshot() override {
    auto lease = acquire();
    if (!lease) return lease.status();
    Connection& c = **lease;
    Result<CommunitySnapshot> out = [&]() -> Result<CommunitySnapshot> {
      if (Status s = c.exec("BEGIN"); !s) return s;
      CommunitySnapshot snap;
      Result<DataVersion> v = read_version(c);
      if (!v) {
        c.exec("ROLLBACK");
        return v.status();
      }
      snap.version = *v;
      sqlite3_stmt* st =
          c.statement("SELECT metric, bucket, contributors FROM community_cells ORDER BY metric, bucket");
      if (!st) {
        c.exec("ROLLBACK");
        return c.last_error();
      }
      int rc;
      while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        Cell cell;
        cell.key.metric = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        cell.key.bucket = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
        cell.contributors = sqlite3_column_int64(st, 2);
        snap.cells.push_back(std::move(cell));
      }
      sqlite3_reset(st);
      Status done = rc == SQLITE_DONE ? c.exec("COMMIT") : c.last_error();
      if (!done) {
        c.exec("ROLLBACK");
        return done;
      }
      return snap;
    }();
    release(*lease);
    return out;
  }

  Result<int64_t> purge_idempotency_keys(std::string_view before_day) override {
    std::lock_guard lock(write_mu_);
    Connection& c = *writer_;
    int64_t n = 0;
    Status s = in_write_transaction(c, [&]() -> Status {
      sqlite3_stmt* st = c.statement("DELETE FROM idempotency_keys WHERE day < ?");
      if (!st) return c.last_error();
      sqlite3_bind_text(st, 1, before_day.data(), static_cast<int>(before_day.size()), SQLITE_STATIC);
      if (sqlite3_step(st) != SQLITE_DONE) return c.last_error();
      sqlite3_reset(st);
      n = sqlite3_changes(c.db());
      return Status::ok();
    });
    if (!s) return s;
    return n;
  }

  Status ping() override {
    auto lease = acquire();
    if (!lease) return lease.status();
    auto v = (*lease)->query_text("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    release(*lease);
    if (!v) return v.status();
    if (std::stoi(*v) != latest_schema_version()) return Status::error("database schema is not up to date");
    return Status::ok();
  }

  Status probe_write() override {
    std::lock_guard lock(write_mu_);
    Connection& c = *writer_;
    return in_write_transaction(
        c, [&]() -> Status { return c.exec("UPDATE write_probe SET probes = probes + 1 WHERE id = 1"); });
  }

  Result<int64_t> count_contributions() override {
    auto lease = acquire();
    if (!lease) return lease.status();
    auto v = (*lease)->query_text("SELECT COUNT(*) FROM contributions");
    release(*lease);
    if (!v) return v.status();
    return static_cast<int64_t>(std::stoll(*v));
  }

  Result<std::vector<Contribution>> read_contributions() override {
    auto lease = acquire();
    if (!lease) return lease.status();
    Connection& c = **lease;
    std::vector<Contribution> out;
    Status s;
    sqlite3_stmt* st = c.statement(
        "SELECT avg_text_length, messages_per_active_day, minutes_per_day, hour_profile, top_emoji FROM contributions "
        "ORDER BY id");
    if (!st) s = c.last_error();
    while (s && sqlite3_step(st) == SQLITE_ROW) {
      Contribution k;
      k.avg_text_length = sqlite3_column_int(st, 0);
      k.messages_per_active_day = sqlite3_column_int(st, 1);
      k.minutes_per_day = sqlite3_column_int(st, 2);
      split_hour_profile(reinterpret_cast<const char*>(sqlite3_column_text(st, 3)), k.hour_profile);
      k.top_emoji = split_emoji(reinterpret_cast<const char*>(sqlite3_column_text(st, 4)));
      out.push_back(std::move(k));
    }
    if (st) sqlite3_reset(st);
    release(*lease);
    if (!s) return s;
    return out;
  }

  Result<bool> has_idempotency_key(std::string_view key) override {
    auto lease = acquire();
    if (!lease) return lease.status();
    Connection& c = **lease;
    sqlite3_stmt* st = c.statement("SELECT 1 FROM idempotency_keys WHERE key = ?");
    int rc = SQLITE_ERROR;
    if (st) {
      sqlite3_bind_text(st, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
      rc = sqlite3_step(st);
      sqlite3_reset(st);
    }
    Status failure = rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::ok() : c.last_error();
    release(*lease);
    if (!failure) return failure;
    return rc == SQLITE_ROW;
  }

 private:
  Result<DataVersion> read_version(Connection& c) {
    sqlite3_stmt* st = c.statement("SELECT instance_id, generation FROM community_state WHERE id = 1");
    if (!st) return c.last_error();
    const int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
      Status s = rc == SQLITE_DONE ? Status::error("SQLite: community_state is empty (not migrated?)") : c.last_error();
      sqlite3_reset(st);
      return s;
    }
    DataVersion v;
    v.instance = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    v.generation = sqlite3_column_int64(st, 1);
    sqlite3_reset(st);
    return v;
  }

  // Read connections: one per thread that reads (made on its first read, closed with the storage),
  // so that readers never wait for each other; SQLite's WAL lets them all read while one writes.
  Result<Connection*> acquire() {
    thread_local std::unordered_map<uint64_t, Connection*> mine;  // storage id -> this thread's connection
    if (auto it = mine.find(id_); it != mine.end()) return it->second;
    auto c = Connection::open(path_, false);
    if (!c) return c.status();
    Connection* raw = c->get();
    {
      std::lock_guard lock(pool_mu_);
      readers_.push_back(std::move(*c));
    }
    mine[id_] = raw;
    return raw;
  }
  void release(Connection*) {}

  void checkpoint_loop() {
    std::unique_lock lock(checkpoint_mu_);
    while (!stopping_) {
      checkpoint_cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stopping_; });
      if (stopping_) break;
      lock.unlock();
      // PASSIVE: copies what no reader still needs, never waits for readers or the writer.
      checkpointer_->exec("PRAGMA wal_checkpoint(PASSIVE)");
      lock.lock();
    }
    lock.unlock();
    checkpointer_->exec("PRAGMA wal_checkpoint(PASSIVE)");
  }

  std::filesystem::path path_;
  std::mutex write_mu_;
  std::unique_ptr<Connection> writer_;
  std::unique_ptr<Connection> checkpointer_;
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_cv_;
  bool stopping_ = false;
  std::thread checkpoint_thread_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Connection>> readers_;
  // Distinguishes this storage from any other (also from one later made at the same address).
  const uint64_t id_ = next_storage_id_.fetch_add(1);
  static inline std::atomic<uint64_t> next_storage_id_{1};
};

}  // namespace

Result<std::unique_ptr<Storage>> open_sqlite_storage(const std::filesystem::path& path, const StorageOptions& options) {
  auto writer = Connection::open(path, true);
  if (!writer) return writer.status();
  (void)options;  // readers: one connection per reading thread
  auto checkpointer = Connection::open(path, true);
  if (!checkpointer) return checkpointer.status();
  return std::unique_ptr<Storage>(new SqliteStorage(path, std::move(*writer), std::move(*checkpointer)));
}

}  // namespace chatlens::server
