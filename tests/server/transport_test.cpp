// The transport under clients that are slow or many, and requests that break HTTP/1.1's rules:
// slow request heads (slowloris) never keep /healthz waiting, connections are capped per client
// address, requests without a Host are refused. Loopback only; every wait is bounded.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "test_support.hpp"

namespace chatlens::server {
namespace {

using Clock = std::chrono::steady_clock;
using testing::connect_loopback;
using testing::TestServer;

// One request on a fresh connection from 127.0.0.1; the status (0: no answer) and how long it took.
struct Timed {
  int status = 0;
  std::chrono::milliseconds took{0};
};
Timed timed_get(int port, const std::string& path, std::chrono::milliseconds timeout) {
  const Clock::time_point start = Clock::now();
  const std::string response =
      testing::raw_exchange(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", timeout);
  return {testing::status_of(response), std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start)};
}

// Reads what the server sends within `timeout` (until it closes).
std::string read_for(int fd, std::chrono::milliseconds timeout) {
  std::string out;
  const Clock::time_point deadline = Clock::now() + timeout;
  char buf[4096];
  while (Clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (::poll(&p, 1, static_cast<int>(left) + 1) <= 0) break;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

class Transport : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    backend_ = std::make_unique<testing::BackendUnderTest>(GetParam());
    CHATLENS_REQUIRE_BACKEND(*backend_);
  }
  ServerConfig config() const { return TestServer::config(backend_->url(), backend_->dir()); }
  std::unique_ptr<testing::BackendUnderTest> backend_;
};

TEST_P(Transport, SlowRequestHeadsNeverKeepHealthChecksWaiting) {
  // Few threads, many slow clients: 40 connections from 5 addresses (8 each, within the
  // per-client cap) trickle a request head a byte every 250 ms, ten times longer than the pool.
  ServerConfig c = config();
  c.http.threads = 4;
  c.http.request_head_timeout = std::chrono::milliseconds(1500);
  c.http.request_timeout = std::chrono::milliseconds(3000);
  c.http.max_connections_per_client = 8;
  TestServer server(c);
  ASSERT_TRUE(server.start());

  struct Slow {
    int fd = -1;
    Clock::time_point first_byte{};
    Clock::time_point ended{};
    std::string received;
    bool open = true;
  };
  std::vector<Slow> slow;
  for (int a = 2; a <= 6; ++a) {
    const std::string from = "127.0.0." + std::to_string(a);
    for (int i = 0; i < 8; ++i) {
      Slow s;
      s.fd = connect_loopback(server.port(), from.c_str());
      ASSERT_GE(s.fd, 0) << "cannot connect from " << from;
      slow.push_back(s);
    }
  }
  const std::string head = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaa\r\n";
  std::atomic<bool> attacking{true};
  std::thread attacker([&] {
    const Clock::time_point start = Clock::now();
    for (size_t step = 0; attacking.load() && Clock::now() - start < std::chrono::seconds(4); ++step) {
      for (Slow& s : slow) {
        if (!s.open) continue;
        if (step < head.size() && ::send(s.fd, &head[step], 1, MSG_NOSIGNAL) == 1 && step == 0)
          s.first_byte = Clock::now();
        char buf[1024];
        ssize_t n;
        while ((n = ::recv(s.fd, buf, sizeof buf, MSG_DONTWAIT)) > 0) s.received.append(buf, static_cast<size_t>(n));
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
          s.open = false;
          s.ended = Clock::now();
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  });

  // Meanwhile: a health check every 100 ms from another address, each answered within 1 s.
  std::vector<Timed> checks;
  const Clock::time_point start = Clock::now();
  while (Clock::now() - start < std::chrono::milliseconds(3500)) {
    checks.push_back(timed_get(server.port(), "/healthz", std::chrono::milliseconds(2000)));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  attacking = false;
  attacker.join();

  std::chrono::milliseconds slowest{0};
  for (const Timed& t : checks) {
    EXPECT_EQ(t.status, 200);
    EXPECT_LT(t.took, std::chrono::milliseconds(1000)) << "a health check waited behind slow clients";
    slowest = std::max(slowest, t.took);
  }
  std::printf("slowloris: %zu slow connections, %zu health checks, slowest %lld ms\n", slow.size(), checks.size(),
              static_cast<long long>(slowest.count()));
  EXPECT_GE(checks.size(), 15u);
  const std::string metrics = testing::raw_exchange(
      server.port(), "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", std::chrono::milliseconds(2000));
  EXPECT_NE(metrics.find("chatlens_http_connections_refused_total{reason=\"head_timeout\"} 40"), std::string::npos)
      << metrics;
  // Each slow head was cut off at the head timeout (not the request timeout) with a 408.
  for (const Slow& s : slow) {
    EXPECT_FALSE(s.open) << "a slow head was never cut off";
    EXPECT_EQ(testing::status_of(s.received), 408) << s.received;
    if (!s.open) {
      EXPECT_LT(s.ended - s.first_byte, std::chrono::milliseconds(1500 + 700));
    }
    ::close(s.fd);
  }
}

TEST_P(Transport, ConnectionsArePerClientAddressCapped) {
  ServerConfig c = config();
  c.http.max_connections_per_client = 4;
  TestServer server(c);
  ASSERT_TRUE(server.start());
  std::vector<int> held;
  for (int i = 0; i < 4; ++i) {
    held.push_back(connect_loopback(server.port(), "127.0.0.7"));
    ASSERT_GE(held.back(), 0);
  }
  // The fifth from that address is refused at once, with a reason.
  const int extra = connect_loopback(server.port(), "127.0.0.7");
  ASSERT_GE(extra, 0);
  const std::string refused = read_for(extra, std::chrono::milliseconds(1000));
  ::close(extra);
  EXPECT_EQ(testing::status_of(refused), 503) << refused;
  EXPECT_NE(refused.find("too_many_connections"), std::string::npos) << refused;
  const std::string metrics = testing::raw_exchange(
      server.port(), "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", std::chrono::milliseconds(2000));
  EXPECT_NE(metrics.find("chatlens_http_connections_refused_total{reason=\"client_cap\"} 1\n"), std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("chatlens_http_connections_open 5\n"), std::string::npos) << "4 held and this one";
  // Other addresses are served meanwhile.
  EXPECT_EQ(testing::status_of(testing::raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                                                     std::chrono::milliseconds(1000), true, "127.0.0.8")),
            200);
  // A held connection works, and once one closes the address may open another.
  const std::string ping = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(::send(held[0], ping.data(), ping.size(), MSG_NOSIGNAL), static_cast<ssize_t>(ping.size()));
  EXPECT_EQ(testing::status_of(read_for(held[0], std::chrono::milliseconds(1000))), 200);
  ::close(held[0]);
  held.erase(held.begin());
  std::string again;
  for (int attempt = 0; attempt < 20 && testing::status_of(again) != 200; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // until the server has closed its side
    again = testing::raw_exchange(server.port(), ping, std::chrono::milliseconds(1000), true, "127.0.0.7");
  }
  EXPECT_EQ(testing::status_of(again), 200) << again;
  for (int fd : held) ::close(fd);
}

TEST_P(Transport, IdleAndPartialConnectionsCloseOnTime) {
  ServerConfig c = config();
  c.http.keep_alive_timeout = std::chrono::milliseconds(600);
  c.http.request_head_timeout = std::chrono::milliseconds(800);
  TestServer server(c);
  ASSERT_TRUE(server.start());
  // Silent: closed after the keep-alive timeout, without a response.
  const int idle = connect_loopback(server.port());
  Clock::time_point start = Clock::now();
  EXPECT_EQ(read_for(idle, std::chrono::milliseconds(3000)), "");
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(600 + 500));
  ::close(idle);
  // Half a head: 408 after the head timeout.
  const int partial = connect_loopback(server.port());
  const std::string half = "GET /healthz HTTP/1.1\r\nHo";
  start = Clock::now();
  ASSERT_EQ(::send(partial, half.data(), half.size(), MSG_NOSIGNAL), static_cast<ssize_t>(half.size()));
  const std::string late = read_for(partial, std::chrono::milliseconds(3000));
  EXPECT_EQ(testing::status_of(late), 408) << late;
  EXPECT_NE(late.find("\"code\":\"request_timeout\""), std::string::npos);
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(800 + 500));
  ::close(partial);
}

TEST_P(Transport, KeepAliveAndPipelinedRequestsAreServedInOrder) {
  TestServer server(config());
  ASSERT_TRUE(server.start());
  const int fd = connect_loopback(server.port());
  const std::string two = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /readyz HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_EQ(::send(fd, two.data(), two.size(), MSG_NOSIGNAL), static_cast<ssize_t>(two.size()));
  std::string got;
  const Clock::time_point deadline = Clock::now() + std::chrono::seconds(3);
  while (Clock::now() < deadline && got.find("\"ready\"") == std::string::npos)
    got += read_for(fd, std::chrono::milliseconds(100));
  EXPECT_NE(got.find("{\"status\":\"ok\"}"), std::string::npos) << got;
  EXPECT_LT(got.find("{\"status\":\"ok\"}"), got.find("\"ready\"")) << got;
  // The same connection, later: still open, still served.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string third = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(::send(fd, third.data(), third.size(), MSG_NOSIGNAL), static_cast<ssize_t>(third.size()));
  EXPECT_EQ(testing::status_of(read_for(fd, std::chrono::milliseconds(2000))), 200);
  ::close(fd);
}

TEST_P(Transport, Http11RequestsNeedExactlyOneValidHost) {
  TestServer server(config());
  ASSERT_TRUE(server.start());
  auto exchange = [&](const std::string& head) {
    return testing::raw_exchange(server.port(), head + "Connection: close\r\n\r\n", std::chrono::milliseconds(2000));
  };
  const std::string missing = exchange("GET /healthz HTTP/1.1\r\n");
  EXPECT_EQ(testing::status_of(missing), 400) << missing;
  EXPECT_NE(missing.find("Host"), std::string::npos) << "the error says what is missing: " << missing;
  EXPECT_EQ(testing::status_of(exchange("POST /api/v1/contributions HTTP/1.1\r\nContent-Length: 0\r\n")), 400);
  EXPECT_EQ(testing::status_of(exchange("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n")), 400);
  EXPECT_EQ(testing::status_of(exchange("GET /healthz HTTP/1.1\r\nHost: a/b@c\r\n")), 400);
  // HTTP/1.0 does not require it; an empty Host is what RFC 9112 asks of clients without one.
  EXPECT_EQ(testing::status_of(exchange("GET /healthz HTTP/1.0\r\n")), 200);
  EXPECT_EQ(testing::status_of(exchange("GET /healthz HTTP/1.1\r\nHost:\r\n")), 200);
  EXPECT_EQ(testing::status_of(exchange("GET /healthz HTTP/1.1\r\nHost: [::1]:8080\r\n")), 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, Transport, ::testing::Values("sqlite"), [](const auto& info) { return info.param; });

}  // namespace
}  // namespace chatlens::server
