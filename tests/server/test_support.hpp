#pragma once
// Shared by the server tests: valid bodies to start from, temporary folders, a PostgreSQL database
// per test (on the server tests/server/postgres_fixture.sh started for ctest), an in-process
// server, and raw HTTP over a socket (for requests no client library would send).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server.hpp"

namespace chatlens::server::testing {

inline const char* kValidBody =
    R"({"schema":"chatlens.community_summary","version":1,"top_emoji":["1F602","2764-FE0F","1F44D"],)"
    R"("avg_text_length":35,"messages_per_active_day":25,"minutes_per_day":30,)"
    R"("hour_profile":[1,0,0,0,0,0,1,3,5,6,6,7,7,6,6,6,6,6,6,6,6,5,4,2]})";

// A valid body with the given numbers (hour profile fixed unless given).
inline std::string summary_body(int avg_text_length, int per_day, int minutes, const std::vector<std::string>& emoji,
                                const std::string& hours = "[1,0,0,0,0,0,1,3,5,6,6,7,7,6,6,6,6,6,6,6,6,5,4,2]") {
  std::string e;
  for (size_t i = 0; i < emoji.size(); ++i) e += (i ? ",\"" : "\"") + emoji[i] + "\"";
  return R"({"schema":"chatlens.community_summary","version":1,"top_emoji":[)" + e +
         "],\"avg_text_length\":" + std::to_string(avg_text_length) +
         ",\"messages_per_active_day\":" + std::to_string(per_day) + ",\"minutes_per_day\":" + std::to_string(minutes) +
         ",\"hour_profile\":" + hours + "}";
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "chatlens-server-test.XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) std::abort();
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The PostgreSQL server for tests: CHATLENS_TEST_POSTGRES_URL, else the URL the ctest fixture
// wrote (tests/server/postgres_fixture.sh); empty when neither.
inline std::string postgres_admin_url() {
  if (const char* env = std::getenv("CHATLENS_TEST_POSTGRES_URL"); env && *env) return env;
#ifdef CHATLENS_TEST_POSTGRES_URL_FILE
  std::ifstream in(CHATLENS_TEST_POSTGRES_URL_FILE);
  std::string url;
  std::getline(in, url);
  return url;
#else
  return {};
#endif
}

inline std::string replace_database(const std::string& url, const std::string& db) {
  const size_t authority = url.find("://") + 3;
  const size_t slash = url.find('/', authority);
  const size_t query = url.find('?', authority);
  std::string base =
      url.substr(0, slash == std::string::npos ? (query == std::string::npos ? url.size() : query) : slash);
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + db + rest;
}

// A fresh database on the test server, dropped afterwards.
class PostgresDatabase {
 public:
  PostgresDatabase() {
    admin_ = postgres_admin_url();
    if (admin_.empty()) return;
    static std::atomic<int> counter{0};
    name_ = "chatlens_t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (!exec_admin("DROP DATABASE IF EXISTS " + name_) || !exec_admin("CREATE DATABASE " + name_)) {
      name_.clear();
      return;
    }
    url_ = replace_database(admin_, name_);
  }
  ~PostgresDatabase() {
    if (!name_.empty()) exec_admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }
  const std::string& error() const { return error_; }

  // Runs `sql` on the server's maintenance database (as the fixture's superuser).
  bool exec_admin(const std::string& sql) {
    PGconn* c = PQconnectdb(admin_.c_str());
    bool ok = PQstatus(c) == CONNECTION_OK;
    if (ok) {
      PGresult* r = PQexec(c, sql.c_str());
      ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
      if (!ok) error_ = PQresultErrorMessage(r);
      PQclear(r);
    } else {
      error_ = PQerrorMessage(c);
    }
    PQfinish(c);
    return ok;
  }

 private:
  std::string admin_, name_, url_, error_;
};

// A storage backend under test: "sqlite" (a file in a temporary folder) or "postgresql" (a fresh
// database). url() is what --db takes.
class BackendUnderTest {
 public:
  explicit BackendUnderTest(const std::string& name) : name_(name) {
    if (name == "sqlite") {
      url_ = "sqlite:" + (dir_.path() / "community.sqlite3").string();
    } else {
      pg_ = std::make_unique<PostgresDatabase>();
      url_ = pg_->url();
    }
  }
  // Empty when this backend cannot be used here, with the reason in `why`.
  const std::string& url() const { return url_; }
  std::string why() const {
    if (name_ == "sqlite") return {};
    if (postgres_admin_url().empty())
      return "no PostgreSQL for tests: run through ctest (its fixture starts one) or set CHATLENS_TEST_POSTGRES_URL";
    return "cannot create a test database: " + pg_->error();
  }
  std::unique_ptr<Storage> open() const {
    auto s = open_storage(url_, dir_.path());
    if (!s) {
      ADD_FAILURE() << s.status().detail();
      return nullptr;
    }
    return std::move(*s);
  }
  const std::filesystem::path& dir() const { return dir_.path(); }
  const std::string& name() const { return name_; }
  // The PostgreSQL database (nullptr for SQLite).
  PostgresDatabase* postgres() const { return pg_.get(); }
  // The SQLite file (empty for PostgreSQL).
  std::filesystem::path sqlite_path() const { return name_ == "sqlite" ? dir_.path() / "community.sqlite3" : ""; }

 private:
  std::string name_;
  TempDir dir_;
  std::unique_ptr<PostgresDatabase> pg_;
  std::string url_;
};

// Fails the test (not skips it) when the backend is unavailable: CI must run both.
#define CHATLENS_REQUIRE_BACKEND(backend)                   \
  do {                                                      \
    if ((backend).url().empty()) FAIL() << (backend).why(); \
  } while (0)

// `chatlens serve` in this process, on a free port; stopped (gracefully) when destroyed.
class TestServer {
 public:
  explicit TestServer(ServerConfig config) : server_(std::move(config)) {}
  ~TestServer() { stop(); }

  ::testing::AssertionResult start() {
    std::string log;
    if (Status s = server_.start(log); !s) return ::testing::AssertionFailure() << s.detail();
    thread_ = std::thread([this] { server_.run(); });
    return ::testing::AssertionSuccess();
  }
  void stop() {
    server_.shutdown();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return server_.port(); }
  Storage& storage() { return server_.storage(); }

  static ServerConfig config(const std::string& db, const std::filesystem::path& dir) {
    ServerConfig c;
    c.bind = "127.0.0.1";
    c.port = 0;
    c.db = db;
    c.data_dir = dir;
    c.web = std::filesystem::path();  // none: the placeholder page
    c.quiet = true;
    c.rate_limit_per_minute = 0;
    c.http.threads = 16;
    c.http.request_timeout = std::chrono::milliseconds(2000);
    return c;
  }

 private:
  CommunityServer server_;
  std::thread thread_;
};

// One HTTP exchange over a fresh connection: sends `bytes` as they are and returns everything the
// server sent until it closed the connection or `timeout` passed.
// A TCP connection to 127.0.0.1:port from the loopback address `from` (127.0.0.2 and so on are
// loopback too on Linux: distinct client addresses without leaving the machine); -1 on failure.
inline int connect_loopback(int port, const char* from = "127.0.0.1") {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, from, &local.sin_addr);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

inline std::string raw_exchange(int port, const std::string& bytes,
                                std::chrono::milliseconds timeout = std::chrono::milliseconds(5000),
                                bool half_close = true, const char* from = "127.0.0.1") {
  const int fd = connect_loopback(port, from);
  if (fd < 0) return {};
  size_t sent = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string out;
  char buf[8192];
  bool writing = true;
  while (std::chrono::steady_clock::now() < deadline) {
    if (writing && sent < bytes.size()) {
      const ssize_t n =
          ::send(fd, bytes.data() + sent, std::min<size_t>(bytes.size() - sent, 65536), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0)
        sent += static_cast<size_t>(n);
      else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
        writing = false;  // the server closed
    } else if (writing) {
      if (half_close) ::shutdown(fd, SHUT_WR);
      writing = false;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, writing ? 1 : 50) > 0) {
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
  }
  ::close(fd);
  return out;
}

// The status code of the final response in `response`, past any interim 1xx (0 when there is none).
inline int status_of(const std::string& response) {
  size_t at = 0;
  for (;;) {
    if (response.compare(at, 7, "HTTP/1.") != 0 || response.size() < at + 12) return 0;
    const int status = std::atoi(response.c_str() + at + 9);
    if (status >= 200 || status < 100) return status;
    const size_t end = response.find("\r\n\r\n", at);
    if (end == std::string::npos) return status;
    at = end + 4;
  }
}

inline std::string post_request(const std::string& body, const std::string& extra_headers = "",
                                const std::string& content_type = "application/json") {
  return "POST /api/v1/contributions HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra_headers + "Connection: close\r\n\r\n" +
         body;
}

}  // namespace chatlens::server::testing
