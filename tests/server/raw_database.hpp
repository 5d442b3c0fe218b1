#pragma once
// Plain SQL on a backend under test, beside the service's storage: to build an old schema by
// hand, or to look at what is stored the way someone with the database file would.
#include <libpq-fe.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace chatlens::server::testing {

class RawDatabase {
 public:
  explicit RawDatabase(const BackendUnderTest& backend) {
    if (backend.postgres()) {
      pg_ = PQconnectdb(backend.url().c_str());
      if (PQstatus(pg_) != CONNECTION_OK) error_ = PQerrorMessage(pg_);
    } else if (sqlite3_open(backend.sqlite_path().c_str(), &lite_) != SQLITE_OK) {
      error_ = sqlite3_errmsg(lite_);
    }
  }
  ~RawDatabase() {
    if (pg_) PQfinish(pg_);
    if (lite_) sqlite3_close(lite_);
  }
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;

  const std::string& error() const { return error_; }

  // Runs one statement; false (and error()) when it fails.
  bool exec(const std::string& sql) { return query(sql, nullptr); }
  // The first column of every row, as text ("" for NULL); empty and error() when it fails.
  std::vector<std::string> column(const std::string& sql) {
    std::vector<std::string> out;
    if (!query(sql, &out)) out.clear();
    return out;
  }

 private:
  bool query(const std::string& sql, std::vector<std::string>* out) {
    error_.clear();
    if (pg_) {
      PGresult* r = PQexec(pg_, sql.c_str());
      const ExecStatusType st = PQresultStatus(r);
      const bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
      if (!ok) error_ = PQresultErrorMessage(r);
      if (ok && out)
        for (int i = 0; i < PQntuples(r); ++i) out->emplace_back(PQgetvalue(r, i, 0), PQgetlength(r, i, 0));
      PQclear(r);
      return ok;
    }
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(lite_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      error_ = sqlite3_errmsg(lite_);
      return false;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
      if (out) {
        const unsigned char* text = sqlite3_column_text(st, 0);
        out->emplace_back(text ? reinterpret_cast<const char*>(text) : "");
      }
    if (rc != SQLITE_DONE) error_ = sqlite3_errmsg(lite_);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE;
  }

  PGconn* pg_ = nullptr;
  sqlite3* lite_ = nullptr;
  std::string error_;
};

}  // namespace chatlens::server::testing
