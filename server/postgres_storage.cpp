#include "postgres_storage.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "day.hpp"
#include "migrations.hpp"

namespace chatlens::server {
namespace {

constexpr long long kMigrationLockId = 0x6368'61746c656eLL;  // "chatlen": serialises migrations
constexpr int kStoreAttempts = 6;
constexpr const char* kVersionStatement = "chatlens_data_version";
constexpr const char* kVersionSql = "SELECT instance_id, generation FROM community_state WHERE id = 1";

class PgResult {
 public:
  explicit PgResult(PGresult* r = nullptr) : r_(r) {}
  PgResult(PgResult&& o) noexcept : r_(std::exchange(o.r_, nullptr)) {}
  PgResult& operator=(PgResult&& o) noexcept {
    if (this != &o) {
      PQclear(r_);
      r_ = std::exchange(o.r_, nullptr);
    }
    return *this;
  }
  ~PgResult() { PQclear(r_); }
  PGresult* get() const { return r_; }
  int rows() const { return PQntuples(r_); }
  std::string text(int row, int col) const { return std::string(PQgetvalue(r_, row, col), PQgetlength(r_, row, col)); }

 private:
  PGresult* r_;
};

void ignore_notice(void*, const char*) {}

class PgConnection {
 public:
  ~PgConnection() { PQfinish(conn_); }

  static Result<std::unique_ptr<PgConnection>> open(const std::string& url, bool writer) {
    // connect_timeout first: a value in the URL overrides it.
    const char* keys[] = {"connect_timeout", "dbname", "fallback_application_name", nullptr};
    const char* values[] = {"10", url.c_str(), "chatlens-serve", nullptr};
    PGconn* conn = PQconnectdbParams(keys, values, 1);
    std::unique_ptr<PgConnection> c(new PgConnection(conn, writer));
    if (!conn || PQstatus(conn) != CONNECTION_OK)
      return Status::error(std::string("PostgreSQL: cannot connect to ") + redact_url(url) + ": " +
                               (conn ? PQerrorMessage(conn) : "out of memory"),
                           true);
    if (Status s = c->setup(); !s) return s;
    return c;
  }

  // Runs sql with text parameters; ok when the result is COMMAND_OK or TUPLES_OK.
  Result<PgResult> exec(const char* sql, const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const std::string& p : params) values.push_back(p.c_str());
    PgResult r(params.empty() ? PQexec(conn_, sql)
                              : PQexecParams(conn_, sql, static_cast<int>(values.size()), nullptr, values.data(),
                                             nullptr, nullptr, 0));
    return check(std::move(r));
  }

  Result<PgResult> exec_prepared(const char* name, const char* sql) {
    if (!prepared_) {
      PgResult r(PQprepare(conn_, name, sql, 0, nullptr));
      if (auto checked = check(std::move(r)); !checked) return checked.status();
      prepared_ = true;
    }
    return check(PgResult(PQexecPrepared(conn_, name, 0, nullptr, nullptr, nullptr, 0)));
  }

  bool broken() const { return PQstatus(conn_) != CONNECTION_OK; }

  // Reconnects a broken connection (same parameters).
  Status reset() {
    PQreset(conn_);
    prepared_ = false;
    if (broken()) return Status::error(std::string("PostgreSQL: reconnect failed: ") + PQerrorMessage(conn_), true);
    return setup();
  }

  // SQLSTATE of the last failure ("" when none).
  const std::string& last_sqlstate() const { return sqlstate_; }

 private:
  PgConnection(PGconn* conn, bool writer) : conn_(conn), writer_(writer) {}

  Status setup() {
    PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
    // The writer acknowledges a contribution only once its commit is flushed to disk.
    // Bounded: a stuck query must not hold a request (readers) or every contribution (the writer).
    const char* sql = writer_ ? "SET synchronous_commit TO on; SET client_min_messages TO warning; "
                                "SET statement_timeout TO '30s'"
                              : "SET client_min_messages TO warning; SET statement_timeout TO '5s'";
    auto r = exec(sql);
    return r ? Status::ok() : r.status();
  }

  Result<PgResult> check(PgResult r) {
    const ExecStatusType st = r.get() ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
      sqlstate_.clear();
      return r;
    }
    const char* state = r.get() ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
    sqlstate_ = state ? state : "";
    std::string message = r.get() ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    const bool transient = broken() || sqlstate_ == "40001" || sqlstate_ == "40P01" || sqlstate_ == "23505" ||
                           sqlstate_.rfind("08", 0) == 0 || sqlstate_ == "57P01";
    return Status::error("PostgreSQL: " + message, transient);
  }

  PGconn* conn_;
  bool writer_;
  bool prepared_ = false;
  std::string sqlstate_;
};

std::string text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char ch : items[i]) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  out += '}';
  return out;
}

template <class T>
std::string number_array(const std::vector<T>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(items[i]);
  }
  out += '}';
  return out;
}

class PostgresStorage final : public Storage {
 public:
  PostgresStorage(std::string url, std::unique_ptr<PgConnection> writer, size_t pool_size)
      : url_(std::move(url)), writer_(std::move(writer)), pool_size_(pool_size ? pool_size : 1) {}

  std::string_view backend() const override { return "postgresql"; }
  std::string describe() const override { return "PostgreSQL " + redact_url(url_); }

  Status migrate() override {
    std::lock_guard lock(write_mu_);
    return with_writer([&](PgConnection& c) -> Status {
      auto tx = [&]() -> Status {
        if (auto r = c.exec("SELECT pg_advisory_xact_lock($1)", {std::to_string(kMigrationLockId)}); !r)
          return r.status();
        if (auto r = c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                            "description TEXT NOT NULL, applied_on TEXT NOT NULL)");
            !r)
          return r.status();
        auto current = c.exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        if (!current) return current.status();
        const int version = std::stoi(current->text(0, 0));
        if (version > latest_schema_version())
          return Status::error("the database's schema (version " + std::to_string(version) +
                               ") is newer than this chatlens knows (" + std::to_string(latest_schema_version()) +
                               "); upgrade chatlens");
        for (const Migration& m : migrations()) {
          if (m.version <= version) continue;
          for (const std::string& sql : migration_statements(m.postgresql, storage_detail::random_instance_id()))
            if (auto r = c.exec(sql.c_str()); !r)
              return Status::error("migration " + std::to_string(m.version) + ": " + r.status().detail());
          if (auto r = c.exec("INSERT INTO schema_migrations (version, description, applied_on) VALUES ($1, $2, $3)",
                              {std::to_string(m.version), m.description, utc_day()});
              !r)
            return r.status();
        }
        return Status::ok();
      };
      return transaction(c, tx);
    });
  }

  Result<int> schema_version() override {
    Result<int> out = Status::error("unreachable");
    Status s = with_reader([&](PgConnection& c) -> Status {
      auto r = c.exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      if (!r) return r.status();
      out = std::stoi(r->text(0, 0));
      return Status::ok();
    });
    if (!s) return s;
    return out;
  }

  Result<std::vector<StoreOutcome>> store(std::span<const PendingContribution> batch, std::string_view day) override {
    std::lock_guard lock(write_mu_);
    std::vector<StoreOutcome> outcomes;
    const std::string day_text(day);
    Status s = with_writer([&](PgConnection& c) -> Status {
      Status last;
      for (int attempt = 0; attempt < kStoreAttempts; ++attempt) {
        bool committing = false;
        last = store_once(c, batch, day_text, outcomes, committing);
        if (last || !last.retryable()) return last;
        // A commit whose outcome is unknown (the connection broke during COMMIT) is not retried:
        // the batch may be stored, and retrying would count contributions without a key twice.
        if (committing && c.broken()) return last;
        if (c.broken()) {
          if (Status r = c.reset(); !r) return r;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2 << attempt));
      }
      return last;
    });
    if (!s) return s;
    return outcomes;
  }

  Result<DataVersion> data_version() override {
    DataVersion v;
    Status s = with_reader([&](PgConnection& c) -> Status {
      auto r = c.exec_prepared(kVersionStatement, kVersionSql);
      if (!r) return r.status();
      if (r->rows() != 1) return Status::error("PostgreSQL: community_state is empty (not migrated?)");
      v.instance = r->text(0, 0);
      v.generation = std::stoll(r->text(0, 1));
      return Status::ok();
    });
    if (!s) return s;
    return v;
  }

  Result<CommunitySnapshot> snapshot() override {
    CommunitySnapshot snap;
    Status s = with_reader([&](PgConnection& c) -> Status {
      // One statement: one consistent view of the cells and the version they make up.
      auto r = c.exec(
          "SELECT metric, bucket, contributors FROM community_cells "
          "UNION ALL SELECT '', instance_id, generation FROM community_state WHERE id = 1");
      if (!r) return r.status();
      snap.cells.clear();
      bool have_version = false;
      for (int i = 0; i < r->rows(); ++i) {
        std::string metric = r->text(i, 0);
        if (metric.empty()) {
          snap.version.instance = r->text(i, 1);
          snap.version.generation = std::stoll(r->text(i, 2));
          have_version = true;
          continue;
        }
        snap.cells.push_back(Cell{CellKey{std::move(metric), r->text(i, 1)}, std::stoll(r->text(i, 2))});
      }
      if (!have_version) return Status::error("PostgreSQL: community_state is empty (not migrated?)");
      return Status::ok();
    });
    if (!s) return s;
    std::sort(snap.cells.begin(), snap.cells.end(), [](const Cell& a, const Cell& b) { return a.key < b.key; });
    return snap;
  }

  Result<int64_t> purge_idempotency_keys(std::string_view before_day) override {
    std::lock_guard lock(write_mu_);
    int64_t n = 0;
    Status s = with_writer([&](PgConnection& c) -> Status {
      auto r = c.exec("DELETE FROM idempotency_keys WHERE day < $1", {std::string(before_day)});
      if (!r) return r.status();
      n = std::atoll(PQcmdTuples(r->get()));
      return Status::ok();
    });
    if (!s) return s;
    return n;
  }

  Status ping() override {
    auto v = schema_version();
    if (!v) return v.status();
    if (*v != latest_schema_version()) return Status::error("database schema is not up to date");
    return Status::ok();
  }

  Status probe_write() override {
    std::lock_guard lock(write_mu_);
    return with_writer([&](PgConnection& c) -> Status {
      auto probe = [&] {
        return transaction(c, [&]() -> Status {
          auto r = c.exec("UPDATE write_probe SET probes = probes + 1 WHERE id = 1");
          return r ? Status::ok() : r.status();
        });
      };
      Status s = probe();
      // A connection found broken only now (the server restarted, a failover) is not the answer:
      // what a new one can do is.
      if (!s && c.broken() && c.reset()) s = probe();
      return s;
    });
  }

  Result<int64_t> count_contributions() override {
    int64_t n = 0;
    Status s = with_reader([&](PgConnection& c) -> Status {
      auto r = c.exec("SELECT COUNT(*) FROM contributions");
      if (!r) return r.status();
      n = std::stoll(r->text(0, 0));
      return Status::ok();
    });
    if (!s) return s;
    return n;
  }

  Result<std::vector<Contribution>> read_contributions() override {
    std::vector<Contribution> out;
    Status s = with_reader([&](PgConnection& c) -> Status {
      auto r = c.exec(
          "SELECT avg_text_length, messages_per_active_day, minutes_per_day, hour_profile, top_emoji "
          "FROM contributions ORDER BY id");
      if (!r) return r.status();
      out.clear();
      for (int i = 0; i < r->rows(); ++i) {
        Contribution k;
        k.avg_text_length = std::stoi(r->text(i, 0));
        k.messages_per_active_day = std::stoi(r->text(i, 1));
        k.minutes_per_day = std::stoi(r->text(i, 2));
        split_hour_profile(r->text(i, 3), k.hour_profile);
        k.top_emoji = split_emoji(r->text(i, 4));
        out.push_back(std::move(k));
      }
      return Status::ok();
    });
    if (!s) return s;
    return out;
  }

  Result<bool> has_idempotency_key(std::string_view key) override {
    bool found = false;
    Status s = with_reader([&](PgConnection& c) -> Status {
      auto r = c.exec("SELECT 1 FROM idempotency_keys WHERE key = $1", {std::string(key)});
      if (!r) return r.status();
      found = r->rows() > 0;
      return Status::ok();
    });
    if (!s) return s;
    return found;
  }

 private:
  template <class F>
  Status transaction(PgConnection& c, F&& body) {
    if (auto r = c.exec("BEGIN"); !r) return r.status();
    Status s = body();
    if (s) {
      auto r = c.exec("COMMIT");
      if (!r) s = r.status();
    }
    if (!s && !c.broken()) c.exec("ROLLBACK");
    return s;
  }

  Status store_once(PgConnection& c, std::span<const PendingContribution> batch, const std::string& day,
                    std::vector<StoreOutcome>& outcomes, bool& committing) {
    if (auto r = c.exec("BEGIN"); !r) return r.status();
    Status s = [&]() -> Status {
      // Keys the database already holds.
      std::vector<std::string> keys;
      for (const PendingContribution& item : batch)
        if (!item.idempotency_key.empty()) keys.push_back(item.idempotency_key);
      std::unordered_map<std::string, uint64_t> existing;
      if (!keys.empty()) {
        auto r =
            c.exec("SELECT key, fingerprint FROM idempotency_keys WHERE key = ANY($1::text[])", {text_array(keys)});
        if (!r) return r.status();
        for (int i = 0; i < r->rows(); ++i)
          existing.emplace(r->text(i, 0), static_cast<uint64_t>(std::stoll(r->text(i, 1))));
      }
      storage_detail::BatchPlan plan =
          storage_detail::plan_batch(batch, [&](const std::string& key) -> std::optional<uint64_t> {
            auto it = existing.find(key);
            if (it == existing.end()) return std::nullopt;
            return it->second;
          });
      outcomes = std::move(plan.outcomes);
      if (plan.to_store.empty()) return Status::ok();

      // New keys, in sorted order (a global lock order between concurrent writers).
      std::vector<std::pair<std::string, int64_t>> new_keys;
      std::vector<int> avg, per_day, minutes;
      std::vector<std::string> hours, emoji;
      CellDeltas deltas;
      for (size_t i : plan.to_store) {
        const PendingContribution& item = batch[i];
        if (!item.idempotency_key.empty())
          new_keys.emplace_back(item.idempotency_key, static_cast<int64_t>(item.fingerprint));
        const Contribution& k = item.contribution;
        avg.push_back(k.avg_text_length);
        per_day.push_back(k.messages_per_active_day);
        minutes.push_back(k.minutes_per_day);
        hours.push_back(join_hour_profile(k.hour_profile));
        emoji.push_back(join_emoji(k.top_emoji));
        add_cells(k, deltas);
      }
      if (!new_keys.empty()) {
        std::sort(new_keys.begin(), new_keys.end());
        std::vector<std::string> names;
        std::vector<int64_t> prints;
        for (auto& [k, f] : new_keys) {
          names.push_back(k);
          prints.push_back(f);
        }
        auto r = c.exec(
            "INSERT INTO idempotency_keys (key, fingerprint, day) "
            "SELECT k, f, $3 FROM unnest($1::text[], $2::bigint[]) AS t(k, f)",
            {text_array(names), number_array(prints), day});
        if (!r) return r.status();
      }
      if (auto r =
              c.exec("INSERT INTO contributions (day, summary_version, avg_text_length, messages_per_active_day, "
                     "minutes_per_day, hour_profile, top_emoji) "
                     "SELECT $1, 1, a, m, n, h, e FROM unnest($2::int[], $3::int[], $4::int[], $5::text[], $6::text[]) "
                     "AS t(a, m, n, h, e)",
                     {day, number_array(avg), number_array(per_day), number_array(minutes), text_array(hours),
                      text_array(emoji)});
          !r)
        return r.status();
      std::vector<std::string> metrics, buckets;
      std::vector<int64_t> counts;
      for (const auto& [key, n] : deltas) {  // sorted: the global lock order
        metrics.push_back(key.metric);
        buckets.push_back(key.bucket);
        counts.push_back(n);
      }
      if (auto r = c.exec("INSERT INTO community_cells (metric, bucket, contributors) "
                          "SELECT m, b, n FROM unnest($1::text[], $2::text[], $3::bigint[]) AS t(m, b, n) "
                          "ON CONFLICT (metric, bucket) DO UPDATE SET contributors = community_cells.contributors + "
                          "EXCLUDED.contributors",
                          {text_array(metrics), text_array(buckets), number_array(counts)});
          !r)
        return r.status();
      if (auto r = c.exec("UPDATE community_state SET generation = generation + 1 WHERE id = 1"); !r) return r.status();
      return Status::ok();
    }();
    if (!s) {
      if (!c.broken()) c.exec("ROLLBACK");
      return s;
    }
    committing = true;
    auto r = c.exec("COMMIT");
    if (!r) return r.status();
    return Status::ok();
  }

  template <class F>
  Status with_writer(F&& fn) {
    if (writer_->broken()) {
      if (Status r = writer_->reset(); !r) return r;
    }
    return fn(*writer_);
  }

  // Runs fn on a pooled read connection; once more on a fresh connection when the first was broken.
  template <class F>
  Status with_reader(F&& fn) {
    for (int attempt = 0;; ++attempt) {
      auto lease = acquire();
      if (!lease) return lease.status();
      std::unique_ptr<PgConnection> c = std::move(*lease);
      Status s = fn(*c);
      const bool broken = c->broken();
      if (broken) {
        drop();
      } else {
        release(std::move(c));
      }
      if (s || !broken || attempt > 0) return s;
    }
  }

  Result<std::unique_ptr<PgConnection>> acquire() {
    std::unique_lock lock(pool_mu_);
    for (;;) {
      if (!idle_.empty()) {
        std::unique_ptr<PgConnection> c = std::move(idle_.back());
        idle_.pop_back();
        return c;
      }
      if (open_ < pool_size_) {
        ++open_;
        lock.unlock();
        auto c = PgConnection::open(url_, false);
        if (!c) drop();
        return c;
      }
      if (!pool_cv_.wait_for(lock, std::chrono::seconds(10), [&] { return !idle_.empty() || open_ < pool_size_; }))
        return Status::error("PostgreSQL: no connection free for 10 s", true);
    }
  }
  void release(std::unique_ptr<PgConnection> c) {
    std::lock_guard lock(pool_mu_);
    idle_.push_back(std::move(c));
    pool_cv_.notify_one();
  }
  void drop() {
    std::lock_guard lock(pool_mu_);
    --open_;
    pool_cv_.notify_one();
  }

  std::string url_;
  std::mutex write_mu_;
  std::unique_ptr<PgConnection> writer_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  size_t open_ = 0;
  size_t pool_size_;
};

}  // namespace

Result<std::unique_ptr<Storage>> open_postgres_storage(const std::string& url, const StorageOptions& options) {
  auto writer = PgConnection::open(url, true);
  if (!writer) return writer.status();
  return std::unique_ptr<Storage>(new PostgresStorage(url, std::move(*writer), options.pool_size));
}

}  // namespace chatlens::server
