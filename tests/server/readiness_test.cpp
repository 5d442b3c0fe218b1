// GET /readyz says whether a contribution can be stored now, and why not: the storage refuses
// writes (SQLite: a disk that is full, through a VFS that fails writes as ENOSPC does; PostgreSQL:
// a database that turned read-only, as a standby is) while it still reads.
#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "failing_vfs.hpp"
#include "test_support.hpp"

namespace chatlens::server {
namespace {

using testing::kValidBody;

// Makes the backend refuse writes (or accept them again).
class WriteFault {
 public:
  explicit WriteFault(testing::BackendUnderTest& backend) : backend_(backend) {
    if (!backend.postgres()) vfs_ = std::make_unique<testing::FailingVfs>();  // before the storage opens
  }
  ::testing::AssertionResult set(bool on) {
    if (vfs_) {
      vfs_->fail_writes(on);
      return ::testing::AssertionSuccess();
    }
    testing::PostgresDatabase& pg = *backend_.postgres();
    // New sessions of this database are read-only; the service's sessions are ended, so that it
    // reconnects (as after a failover to a standby).
    if (!pg.exec_admin("ALTER DATABASE " + pg.name() + " SET default_transaction_read_only = " + (on ? "on" : "off")) ||
        !pg.exec_admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + pg.name() + "'"))
      return ::testing::AssertionFailure() << pg.error();
    return ::testing::AssertionSuccess();
  }

 private:
  testing::BackendUnderTest& backend_;
  std::unique_ptr<testing::FailingVfs> vfs_;
};

class Readiness : public ::testing::TestWithParam<std::string> {};

TEST_P(Readiness, ReadyOnlyWhileContributionsCanBeStored) {
  testing::BackendUnderTest backend(GetParam());
  CHATLENS_REQUIRE_BACKEND(backend);
  WriteFault fault(backend);
  testing::TestServer server(testing::TestServer::config(backend.url(), backend.dir()));
  ASSERT_TRUE(server.start());
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(15, 0);
  const char* full = GetParam() == "sqlite" ? "disk is full" : "read-only transaction";

  // Writes fail from the start: a probe finds out (nothing was stored yet).
  ASSERT_TRUE(fault.set(true));
  auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 503) << ready->body;
  EXPECT_NE(ready->body.find("\"status\":\"unavailable\""), std::string::npos) << ready->body;
  EXPECT_NE(ready->body.find("cannot store contributions"), std::string::npos) << ready->body;
  EXPECT_NE(ready->body.find(full), std::string::npos) << ready->body;
  EXPECT_EQ(client.Get("/healthz")->status, 200) << "alive all the same";
  EXPECT_EQ(client.Post("/api/v1/contributions", kValidBody, "application/json")->status, 503);

  // Writes work again: the next stored contribution makes the service ready at once.
  ASSERT_TRUE(fault.set(false));
  auto stored = client.Post("/api/v1/contributions", kValidBody, "application/json");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, 201) << stored->body;
  ready = client.Get("/readyz");
  EXPECT_EQ(ready->status, 200) << ready->body;

  // And a failed store makes it unready at once, with the storage's reason.
  ASSERT_TRUE(fault.set(true));
  EXPECT_EQ(client.Post("/api/v1/contributions", kValidBody, "application/json")->status, 503);
  ready = client.Get("/readyz");
  EXPECT_EQ(ready->status, 503) << ready->body;
  EXPECT_NE(ready->body.find(full), std::string::npos) << ready->body;
  ASSERT_TRUE(fault.set(false));
  EXPECT_EQ(*server.storage().count_contributions(), 1);
}

TEST_P(Readiness, AProbeChangesNoData) {
  testing::BackendUnderTest backend(GetParam());
  CHATLENS_REQUIRE_BACKEND(backend);
  auto storage = backend.open();
  ASSERT_TRUE(storage && storage->migrate());
  const DataVersion before = *storage->data_version();
  ASSERT_TRUE(storage->probe_write());
  EXPECT_EQ(storage->data_version()->generation, before.generation);
  EXPECT_EQ(*storage->count_contributions(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, Readiness, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace chatlens::server
