// `chatlens serve` as separate processes: two processes on one PostgreSQL answer alike; a process
// killed with SIGKILL while contributions arrive loses none it acknowledged and counts none twice.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "test_support.hpp"

extern char** environ;

namespace chatlens::server {
namespace {

using testing::BackendUnderTest;
using testing::kValidBody;
using testing::summary_body;

// A `chatlens serve` child process; its port is read from the "listening on" line it prints.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args) {
    args.insert(args.begin(), {CHATLENS_CLI, "serve", "--port", "0", "--quiet", "--rate-limit", "0", "--web", ""});
    int out[2];
    if (::pipe(out) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    // Wait for "chatlens serve: listening on http://127.0.0.1:PORT".
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (pid_ > 0 && std::chrono::steady_clock::now() < deadline && line.find('\n') == std::string::npos) {
      pollfd p{out[0], POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buf[256];
      const ssize_t n = ::read(out[0], buf, sizeof buf);
      if (n <= 0) break;
      line.append(buf, static_cast<size_t>(n));
    }
    ::close(out[0]);
    const size_t colon = line.rfind(':');
    if (line.find("listening on http://") != std::string::npos && colon != std::string::npos)
      port_ = std::atoi(line.c_str() + colon + 1);
  }
  ~ServeProcess() { stop(SIGTERM); }

  int port() const { return port_; }
  // Sends the signal and waits for the process; its exit status (or 128 + signal).
  int stop(int sig) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, sig);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

TEST(ServeProcesses, TwoProcessesOnOnePostgreSQLGiveTheSameAnswers) {
  BackendUnderTest pg("postgresql");
  CHATLENS_REQUIRE_BACKEND(pg);
  ServeProcess a({"--db", pg.url(), "--k-threshold", "5"});
  ServeProcess b({"--db", pg.url(), "--k-threshold", "5"});
  ASSERT_GT(a.port(), 0);
  ASSERT_GT(b.port(), 0);
  httplib::Client ca("127.0.0.1", a.port()), cb("127.0.0.1", b.port());
  for (int i = 1; i <= 12; ++i) {
    httplib::Client& writer = i % 2 ? ca : cb;
    httplib::Client& reader = i % 2 ? cb : ca;
    auto posted = writer.Post("/api/v1/contributions", summary_body(35, 25, 30, {"1F602"}), "application/json");
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 201);
    // What one process stored, the other publishes at once.
    auto seen = reader.Get("/api/v1/community");
    ASSERT_TRUE(seen);
    if (i >= 5) {
      EXPECT_NE(seen->body.find("\"contributors\":" + std::to_string(i) + ","), std::string::npos) << seen->body;
    } else {
      EXPECT_EQ(seen->body.find("\"contributors\""), std::string::npos);
    }
  }
  auto from_a = ca.Get("/api/v1/community");
  auto from_b = cb.Get("/api/v1/community");
  EXPECT_EQ(from_a->body, from_b->body);
  EXPECT_EQ(from_a->get_header_value("ETag"), from_b->get_header_value("ETag"));
  EXPECT_EQ(cb.Get("/api/v1/community", {{"If-None-Match", from_a->get_header_value("ETag")}})->status, 304);
  // One idempotency key, two processes: counted once.
  const httplib::Headers key = {{"Idempotency-Key", "cross-process-0000000001"}};
  EXPECT_EQ(ca.Post("/api/v1/contributions", key, kValidBody, "application/json")->status, 201);
  EXPECT_EQ(cb.Post("/api/v1/contributions", key, kValidBody, "application/json")->status, 200);
  EXPECT_EQ(*pg.open()->count_contributions(), 13);
  EXPECT_EQ(a.stop(SIGTERM), 0) << "graceful shutdown exits 0";
  EXPECT_EQ(b.stop(SIGTERM), 0);
}

class Durability : public ::testing::TestWithParam<std::string> {};

TEST_P(Durability, AcknowledgedContributionsSurviveSigkillAndNoneCountsTwice) {
  BackendUnderTest backend(GetParam());
  CHATLENS_REQUIRE_BACKEND(backend);
  auto server = std::make_unique<ServeProcess>(std::vector<std::string>{"--db", backend.url()});
  ASSERT_GT(server->port(), 0);

  std::mutex mu;
  std::set<std::string> attempted, acknowledged;
  std::atomic<bool> stop{false};
  std::atomic<int> acks{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 6; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server->port());
      c.set_connection_timeout(2, 0);
      c.set_read_timeout(5, 0);
      for (int i = 0; !stop.load(); ++i) {
        const std::string key = "durable-" + std::to_string(t) + "-" + std::to_string(i) + "-00000000";
        {
          std::lock_guard lock(mu);
          attempted.insert(key);
        }
        auto r = c.Post("/api/v1/contributions", {{"Idempotency-Key", key}},
                        summary_body(5 * (i % 20), 25, 30, {"1F602"}), "application/json");
        if (!r) break;  // the server is gone
        if (r->status == 201) {
          std::lock_guard lock(mu);
          acknowledged.insert(key);
          ++acks;
        }
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (acks.load() < 200 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(server->stop(SIGKILL), 128 + SIGKILL);  // in the middle of it
  stop = true;
  for (auto& c : clients) c.join();
  ASSERT_GE(acknowledged.size(), 100u);

  // Restarted on the same database.
  server = std::make_unique<ServeProcess>(std::vector<std::string>{"--db", backend.url()});
  ASSERT_GT(server->port(), 0);
  auto storage = backend.open();
  ASSERT_TRUE(storage);
  size_t present = 0;
  for (const std::string& key : attempted) {
    const bool there = *storage->has_idempotency_key(key);
    present += there;
    if (acknowledged.count(key)) {
      EXPECT_TRUE(there) << key << " was acknowledged but is gone";
    }
  }
  EXPECT_EQ(*storage->count_contributions(), static_cast<int64_t>(present)) << "every stored contribution once";

  // Clients retry everything they are unsure of (and more): nothing counts twice.
  httplib::Client c("127.0.0.1", server->port());
  size_t replays = 0, created = 0;
  for (const std::string& key : attempted) {
    const int i = std::stoi(key.substr(key.find('-', 8) + 1));
    auto r = c.Post("/api/v1/contributions", {{"Idempotency-Key", key}}, summary_body(5 * (i % 20), 25, 30, {"1F602"}),
                    "application/json");
    ASSERT_TRUE(r);
    if (r->status == 200) ++replays;
    if (r->status == 201) ++created;
  }
  EXPECT_EQ(replays, present);
  EXPECT_EQ(created, attempted.size() - present);
  EXPECT_EQ(*storage->count_contributions(), static_cast<int64_t>(attempted.size()));
}

INSTANTIATE_TEST_SUITE_P(Backends, Durability, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace chatlens::server
