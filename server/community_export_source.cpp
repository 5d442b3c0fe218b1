#include "community_export_source.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <charconv>
#include <cstdlib>

#include "storage.hpp"

namespace chatlens::server {
namespace {

constexpr const char* kDaysSql =
    "SELECT DISTINCT day FROM contributions WHERE (?1 = '' OR day >= ?1) AND (?2 = '' OR day <= ?2) ORDER BY day";
// The key as 32 lower-case hex digits in both dialects (SQLite: a 16-byte blob; PostgreSQL: a uuid).
constexpr const char* kDaySqlSqlite =
    "SELECT lower(hex(id)), day, summary_version, avg_text_length, messages_per_active_day, minutes_per_day, "
    "hour_profile, top_emoji FROM contributions WHERE day = ?1 ORDER BY id";
constexpr const char* kDaySqlPostgres =
    "SELECT replace(id::text, '-', ''), day, summary_version, avg_text_length, messages_per_active_day, "
    "minutes_per_day, hour_profile, top_emoji FROM contributions WHERE day = ?1 ORDER BY id";
constexpr const char* kSchemaSql = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr int kFirstRandomKeySchema = 2;

// Refuses a database whose contributions still have sequential ids.
Status check_schema(const std::string& version, const std::string& where) {
  if (std::atoi(version.c_str()) >= kFirstRandomKeySchema) return Status::ok();
  return Status::error(where + ": the database's schema is version " + version + "; run `chatlens serve` on it once " +
                       "to migrate it (version 2 gives contributions random keys) before exporting");
}

// PostgreSQL spells parameters $1, $2.
std::string to_postgres(std::string sql) {
  for (size_t at = sql.find("?"); at != std::string::npos; at = sql.find("?", at)) sql[at] = '$';
  return sql;
}

bool parse_int(const std::string& text, int64_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Builds a row from the columns of kDaySqlSqlite and kDaySqlPostgres, as text.
Result<StoredContribution> make_row(const std::vector<std::string>& col, const std::string& where) {
  StoredContribution row;
  int64_t v[6];
  for (int i = 2; i < 6; ++i)
    if (!parse_int(col[i], v[i]))
      return Status::error(where + ": contribution " + col[0] + ": bad number '" + col[i] + "'");
  if (col[0].size() != 32 || col[0].find_first_not_of("0123456789abcdef") != std::string::npos)
    return Status::error(where + ": contribution key '" + col[0] + "' is not 32 hex digits");
  row.id = col[0];
  row.day = col[1];
  row.summary_version = static_cast<int>(v[2]);
  row.contribution.avg_text_length = static_cast<int>(v[3]);
  row.contribution.messages_per_active_day = static_cast<int>(v[4]);
  row.contribution.minutes_per_day = static_cast<int>(v[5]);
  if (!split_hour_profile(col[6], row.contribution.hour_profile))
    return Status::error(where + ": contribution " + col[0] + ": malformed hour_profile");
  row.contribution.top_emoji = split_emoji(col[7]);
  return row;
}

class SqliteSource final : public ContributionSource {
 public:
  static Result<std::unique_ptr<ContributionSource>> open(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return Status::error("no SQLite database at " + path.string());
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      std::string why = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close(db);
      return Status::error(path.string() + ": " + why);
    }
    sqlite3_busy_timeout(db, 10000);  // the service may be writing
    std::unique_ptr<SqliteSource> source(new SqliteSource(db, path));
    std::string version = "0";
    Status read = source->query(kSchemaSql, {}, 1, [&](std::vector<std::string>& col) {
      version = col[0];
      return Status::ok();
    });
    if (!read) return read;
    if (Status s = check_schema(version, source->describe()); !s) return s;
    return std::unique_ptr<ContributionSource>(std::move(source));
  }
  ~SqliteSource() override { sqlite3_close(db_); }

  std::string describe() const override { return "sqlite:" + path_.string(); }

  Result<std::vector<std::string>> days(const std::string& first, const std::string& last) override {
    std::vector<std::string> out;
    Status s = query(kDaysSql, {first, last}, 1, [&](std::vector<std::string>& col) {
      out.push_back(std::move(col[0]));
      return Status::ok();
    });
    if (!s) return s;
    return out;
  }

  Result<std::vector<StoredContribution>> read_day(const std::string& day) override {
    std::vector<StoredContribution> out;
    Status s = query(kDaySqlSqlite, {day}, 8, [&](std::vector<std::string>& col) {
      auto row = make_row(col, describe());
      if (!row) return row.status();
      out.push_back(std::move(*row));
      return Status::ok();
    });
    if (!s) return s;
    return out;
  }

 private:
  SqliteSource(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}

  template <class OnRow>
  Status query(const char* sql, const std::vector<std::string>& params, int columns, OnRow&& on_row) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK)
      return Status::error(describe() + ": " + sqlite3_errmsg(db_) + " (is this a chatlens database?)");
    for (size_t i = 0; i < params.size(); ++i)
      sqlite3_bind_text(stmt, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
    Status status;
    std::vector<std::string> col(static_cast<size_t>(columns));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int i = 0; i < columns; ++i) {
        const unsigned char* text = sqlite3_column_text(stmt, i);
        col[static_cast<size_t>(i)] = text ? reinterpret_cast<const char*>(text) : "";
      }
      if (status = on_row(col); !status) break;
    }
    if (status && rc != SQLITE_DONE) status = Status::error(describe() + ": " + sqlite3_errmsg(db_));
    sqlite3_finalize(stmt);
    return status;
  }

  sqlite3* db_;
  std::filesystem::path path_;
};

class PostgresSource final : public ContributionSource {
 public:
  static Result<std::unique_ptr<ContributionSource>> open(const std::string& url) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      std::string why = PQerrorMessage(conn);
      PQfinish(conn);
      while (!why.empty() && why.back() == '\n') why.pop_back();
      return Status::error(redact_url(url) + ": " + why, true);
    }
    // A feed reads; it never writes.
    PGresult* r = PQexec(conn, "SET default_transaction_read_only = on");
    PQclear(r);
    std::unique_ptr<PostgresSource> source(new PostgresSource(conn, redact_url(url)));
    std::string version = "0";
    Status read = source->query(kSchemaSql, {}, [&](std::vector<std::string>& col) {
      version = col[0];
      return Status::ok();
    });
    if (!read) return read;
    if (Status s = check_schema(version, source->describe()); !s) return s;
    return std::unique_ptr<ContributionSource>(std::move(source));
  }
  ~PostgresSource() override { PQfinish(conn_); }

  std::string describe() const override { return description_; }

  Result<std::vector<std::string>> days(const std::string& first, const std::string& last) override {
    std::vector<std::string> out;
    Status s = query(kDaysSql, {first, last}, [&](std::vector<std::string>& col) {
      out.push_back(std::move(col[0]));
      return Status::ok();
    });
    if (!s) return s;
    return out;
  }

  Result<std::vector<StoredContribution>> read_day(const std::string& day) override {
    std::vector<StoredContribution> out;
    Status s = query(kDaySqlPostgres, {day}, [&](std::vector<std::string>& col) {
      auto row = make_row(col, describe());
      if (!row) return row.status();
      out.push_back(std::move(*row));
      return Status::ok();
    });
    if (!s) return s;
    return out;
  }

 private:
  PostgresSource(PGconn* conn, std::string description) : conn_(conn), description_(std::move(description)) {}

  template <class OnRow>
  Status query(const char* sql, const std::vector<std::string>& params, OnRow&& on_row) {
    const std::string text = to_postgres(sql);
    std::vector<const char*> values;
    for (const std::string& p : params) values.push_back(p.c_str());
    PGresult* r =
        PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      std::string why = PQresultErrorMessage(r);
      PQclear(r);
      while (!why.empty() && why.back() == '\n') why.pop_back();
      return Status::error(description_ + ": " + why + " (is this a chatlens database?)");
    }
    Status status;
    std::vector<std::string> col(static_cast<size_t>(PQnfields(r)));
    for (int row = 0, rows = PQntuples(r); row < rows && status; ++row) {
      for (int i = 0; i < PQnfields(r); ++i) col[static_cast<size_t>(i)] = PQgetvalue(r, row, i);
      status = on_row(col);
    }
    PQclear(r);
    return status;
  }

  PGconn* conn_;
  std::string description_;
};

}  // namespace

Result<std::unique_ptr<ContributionSource>> open_contribution_source(const std::string& db,
                                                                     const std::filesystem::path& data_dir) {
  if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) return PostgresSource::open(db);
  if (db.empty()) return SqliteSource::open(data_dir / "community.sqlite3");
  if (db.rfind("sqlite:", 0) == 0) {
    std::string rest = db.substr(7);
    if (rest.rfind("//", 0) == 0) rest = rest.substr(2);
    if (rest.empty()) return Status::error("--db sqlite:PATH needs a PATH");
    return SqliteSource::open(rest);
  }
  return Status::error("--db must be sqlite:PATH or a postgresql:// URL, not \"" + redact_url(db) + "\"");
}

}  // namespace chatlens::server
