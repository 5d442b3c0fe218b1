// The HTTP API end to end (in process), the same suite against SQLite and PostgreSQL.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <memory>
#include <thread>

#include "compression.hpp"
#include "test_support.hpp"

namespace chatlens::server {
namespace {

using testing::BackendUnderTest;
using testing::kValidBody;
using testing::summary_body;
using testing::TestServer;

class ApiSuite : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    backend_ = std::make_unique<BackendUnderTest>(GetParam());
    CHATLENS_REQUIRE_BACKEND(*backend_);
  }
  // Starts a server with `adjust` applied to the test configuration.
  template <class F = void (*)(ServerConfig&)>
  void start(F adjust = [](ServerConfig&) {}) {
    ServerConfig c = TestServer::config(backend_->url(), backend_->dir());
    adjust(c);
    server_ = std::make_unique<TestServer>(c);
    ASSERT_TRUE(server_->start());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(10, 0);
  }
  httplib::Result post(const std::string& body, const std::string& key = "") {
    httplib::Headers h;
    if (!key.empty()) h.emplace("Idempotency-Key", key);
    return client_->Post("/api/v1/contributions", h, body, "application/json");
  }
  int64_t stored() { return *server_->storage().count_contributions(); }

  std::unique_ptr<BackendUnderTest> backend_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_P(ApiSuite, ContributionsArePublishedOnceKShareACell) {
  start([](ServerConfig& c) { c.k_threshold = 5; });
  for (int i = 0; i < 4; ++i) ASSERT_EQ(post(kValidBody)->status, 201);
  auto before = client_->Get("/api/v1/community");
  ASSERT_EQ(before->status, 200);
  EXPECT_EQ(before->body.find("\"contributors\""), std::string::npos) << before->body;
  EXPECT_NE(before->body.find("\"k_threshold\":5"), std::string::npos);
  EXPECT_EQ(before->body.find("1F602"), std::string::npos) << "4 people are fewer than k";
  ASSERT_EQ(post(kValidBody)->status, 201);
  auto after = client_->Get("/api/v1/community");
  EXPECT_NE(after->body.find("\"contributors\":5"), std::string::npos) << after->body;
  EXPECT_NE(after->body.find("{\"hexcode\":\"1F602\",\"contributors\":5,\"share\":1}"), std::string::npos);
  EXPECT_NE(after->body.find("\"avg_text_length\":{\"published\":5,\"mean\":35,\"buckets\":[{\"value\":35,"),
            std::string::npos);
}

TEST_P(ApiSuite, CommunityIsCachedWithETags) {
  start();
  auto first = client_->Get("/api/v1/community");
  ASSERT_EQ(first->status, 200);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache");
  auto same = client_->Get("/api/v1/community", {{"If-None-Match", etag}});
  EXPECT_EQ(same->status, 304);
  EXPECT_TRUE(same->body.empty());
  ASSERT_EQ(post(kValidBody)->status, 201);
  auto changed = client_->Get("/api/v1/community", {{"If-None-Match", etag}});
  EXPECT_EQ(changed->status, 200) << "a contribution changes the data version";
  EXPECT_NE(changed->get_header_value("ETag"), etag);
  auto head = client_->Head("/api/v1/community");
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->get_header_value("ETag"), changed->get_header_value("ETag"));
}

TEST_P(ApiSuite, CommunityIsGzippedWhenTheClientAccepts) {
  start();
  client_->set_decompress(false);
  auto plain = client_->Get("/api/v1/community");
  auto zipped = client_->Get("/api/v1/community", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(zipped->status, 200);
  EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
  auto unzipped = gunzip(zipped->body);
  ASSERT_TRUE(unzipped) << unzipped.status();
  EXPECT_EQ(*unzipped, plain->body);
  EXPECT_LT(zipped->body.size(), plain->body.size());
}

TEST_P(ApiSuite, RetriesWithAnIdempotencyKeyAreCountedOnce) {
  start();
  const std::string key = "6f1c2f0e-8a4b-4c1d-9b7e-2f3a4b5c6d7e";
  auto a = post(kValidBody, key);
  EXPECT_EQ(a->status, 201);
  EXPECT_EQ(a->body, "{\"status\":\"stored\",\"replayed\":false}\n");
  auto b = post(kValidBody, key);
  EXPECT_EQ(b->status, 200);
  EXPECT_EQ(b->get_header_value("Idempotency-Replayed"), "true");
  EXPECT_EQ(post(kValidBody, key)->status, 200);
  auto other = post(summary_body(40, 25, 30, {}), key);
  EXPECT_EQ(other->status, 422);
  EXPECT_NE(other->body.find("idempotency_key_reused"), std::string::npos);
  EXPECT_EQ(stored(), 1);
}

TEST_P(ApiSuite, InvalidRequestsGetAClear4xxAndStoreNothing) {
  start();
  struct Case {
    std::string body, content_type;
    int status;
    const char* code;
  };
  std::string big = kValidBody;
  big.insert(big.size() - 1, std::string(5000, ' '));
  const std::vector<Case> cases = {
      {std::string(kValidBody).replace(1, 0, "\"extra\":1,"), "application/json", 422, "unknown_field"},
      {summary_body(35, 26, 30, {}), "application/json", 422, "not_a_bucket"},
      {summary_body(35, 25, 30, {"1F000"}), "application/json", 422, "unknown_emoji"},
      {big, "application/json", 413, "body_too_large"},
      {kValidBody, "text/plain", 415, "unsupported_media_type"},
      {"{\"schema\":", "application/json", 400, "invalid_json"},
  };
  for (const Case& c : cases) {
    auto r = client_->Post("/api/v1/contributions", c.body, c.content_type);
    ASSERT_TRUE(r) << c.code;
    EXPECT_EQ(r->status, c.status) << c.code << ": " << r->body;
    EXPECT_NE(r->body.find(std::string("\"code\":\"") + c.code + "\""), std::string::npos) << r->body;
    EXPECT_NE(r->body.find("\"message\":\""), std::string::npos);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
  }
  auto bad_key = post(kValidBody, "short");
  EXPECT_EQ(bad_key->status, 400);
  EXPECT_EQ(client_->Put("/api/v1/contributions", kValidBody, "application/json")->status, 405);
  EXPECT_EQ(client_->Get("/api/v1/contributions")->status, 405);
  EXPECT_EQ(client_->Get("/api/v1/nothing")->status, 404);
  EXPECT_EQ(stored(), 0);
}

TEST_P(ApiSuite, RateLimitIsPerClient) {
  start([](ServerConfig& c) {
    c.rate_limit_per_minute = 1;
    c.rate_burst = 2;
  });
  EXPECT_EQ(post(kValidBody)->status, 201);
  EXPECT_EQ(post(kValidBody)->status, 201);
  auto limited = post(kValidBody);
  EXPECT_EQ(limited->status, 429);
  EXPECT_GE(std::stoi(limited->get_header_value("Retry-After")), 1);
  EXPECT_EQ(stored(), 2);
}

TEST_P(ApiSuite, HealthReadinessAndMetrics) {
  start();
  auto health = client_->Get("/healthz");
  EXPECT_EQ(health->status, 200);
  auto ready = client_->Get("/readyz");
  EXPECT_EQ(ready->status, 200);
  EXPECT_NE(ready->body.find(GetParam()), std::string::npos);
  ASSERT_EQ(post(kValidBody)->status, 201);
  auto metrics = client_->Get("/metrics");
  EXPECT_EQ(metrics->status, 200);
  EXPECT_EQ(metrics->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(metrics->body.find("chatlens_http_requests_total{route=\"/api/v1/contributions\",code=\"201\"} 1"),
            std::string::npos)
      << metrics->body;
  EXPECT_NE(metrics->body.find("chatlens_contributions_stored_total 1"), std::string::npos);
  EXPECT_NE(metrics->body.find("# TYPE chatlens_http_request_duration_seconds histogram"), std::string::npos);
}

TEST_P(ApiSuite, TheWebAppComesWithItsSecurityAndCachingHeaders) {
  testing::TempDir web;
  std::filesystem::create_directories(web.path() / "assets");
  std::ofstream(web.path() / "index.html") << "<!doctype html><title>chatlens</title>" << std::string(2000, ' ');
  std::ofstream(web.path() / "assets" / "index-B9xk2Qf1.js") << "console.log('chatlens')" << std::string(2000, ' ');
  start([&](ServerConfig& c) { c.web = web.path(); });
  client_->set_decompress(false);
  auto index = client_->Get("/");
  ASSERT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->get_header_value("Cache-Control"), "no-cache");
  EXPECT_NE(index->get_header_value("Content-Security-Policy").find("script-src 'self' 'wasm-unsafe-eval'"),
            std::string::npos);
  EXPECT_EQ(index->get_header_value("X-Content-Type-Options"), "nosniff");
  auto js = client_->Get("/assets/index-B9xk2Qf1.js", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_EQ(js->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(js->get_header_value("Content-Encoding"), "gzip");
  auto again = client_->Get("/assets/index-B9xk2Qf1.js", {{"If-None-Match", js->get_header_value("ETag")}});
  EXPECT_EQ(again->status, 304);
  EXPECT_EQ(client_->Get("/some/app/route")->body, index->body);
  EXPECT_EQ(client_->Get("/missing.png")->status, 404);
  EXPECT_EQ(client_->Delete("/")->status, 405);
}

// The page's policy (in the built index.html) and the header's allow the same connections: the page's
// own origin, the community service the app was built for, and the one `--community-url` names, which
// the app is told to use (<meta name="chatlens-community">, web/src/community/client.ts).
TEST_P(ApiSuite, ThePolicyAllowsTheCommunityServiceTheAppUses) {
  const std::string page =
      "<!doctype html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
      "connect-src 'self'%s; img-src 'self'\"><title>chatlens</title></head><body></body></html>";
  auto web_with = [&](const std::string& built_for) {
    auto dir = std::make_unique<testing::TempDir>();
    std::string html = page;
    html.replace(html.find("%s"), 2, built_for.empty() ? "" : " " + built_for);
    std::ofstream(dir->path() / "index.html") << html;
    return dir;
  };
  auto connect_src = [](const std::string& policy) {
    const size_t at = policy.find("connect-src ");
    return at == std::string::npos ? std::string("(none)") : policy.substr(at, policy.find(';', at) - at);
  };

  {  // Same origin (the default): 'self' only, and the app is not pointed anywhere else.
    auto web = web_with("");
    start([&](ServerConfig& c) { c.web = web->path(); });
    auto index = client_->Get("/");
    ASSERT_EQ(index->status, 200);
    EXPECT_EQ(connect_src(index->get_header_value("Content-Security-Policy")), "connect-src 'self'");
    EXPECT_EQ(index->body.find("chatlens-community"), std::string::npos);
    EXPECT_EQ(connect_src(client_->Get("/missing.png")->get_header_value("Content-Security-Policy")),
              "connect-src 'self'");
    server_.reset();
  }
  {  // --community-url elsewhere: the header, the page's policy and the app all name it.
    auto web = web_with("");
    start([&](ServerConfig& c) {
      c.web = web->path();
      c.community_url = "https://community.example.org:8443/chatlens";
    });
    auto index = client_->Get("/");
    ASSERT_EQ(index->status, 200);
    EXPECT_EQ(connect_src(index->get_header_value("Content-Security-Policy")),
              "connect-src 'self' https://community.example.org:8443");
    EXPECT_NE(index->body.find("connect-src 'self' https://community.example.org:8443;"), std::string::npos)
        << index->body;
    EXPECT_NE(
        index->body.find("<meta name=\"chatlens-community\" content=\"https://community.example.org:8443/chatlens\">"),
        std::string::npos)
        << index->body;
    EXPECT_EQ(client_->Get("/some/app/route")->get_header_value("Content-Security-Policy"),
              index->get_header_value("Content-Security-Policy"));
    server_.reset();
  }
  {  // An app built for another service (VITE_COMMUNITY_URL): the header does not block what the page allows.
    auto web = web_with("https://built-for.example");
    start([&](ServerConfig& c) { c.web = web->path(); });
    auto index = client_->Get("/");
    ASSERT_EQ(index->status, 200);
    EXPECT_EQ(connect_src(index->get_header_value("Content-Security-Policy")),
              "connect-src 'self' https://built-for.example");
  }
}

TEST_P(ApiSuite, ManyClientsAtOnceEachCountedOnce) {
  start();
  std::vector<std::thread> clients;
  std::atomic<int> created{0};
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server_->port());
      c.set_read_timeout(20, 0);
      for (int i = 0; i < 40; ++i) {
        const std::string key = "concurrent-" + std::to_string(t) + "-" + std::to_string(i) + "-0000";
        auto r = c.Post("/api/v1/contributions", {{"Idempotency-Key", key}}, kValidBody, "application/json");
        if (r && r->status == 201) ++created;
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(created, 320);
  EXPECT_EQ(stored(), 320);
}

TEST_P(ApiSuite, ShutdownLetsARequestInFlightFinish) {
  start();
  // Headers and half the body now; shutdown; the rest after: the contribution is still stored.
  const std::string request = testing::post_request(kValidBody);
  const size_t split = request.size() - 40;
  std::string response;
  std::thread client([&] {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::send(fd, request.data(), split, MSG_NOSIGNAL), static_cast<ssize_t>(split));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // meanwhile: shutdown begins
    ::send(fd, request.data() + split, request.size() - split, MSG_NOSIGNAL);
    char buf[4096];
    ssize_t n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) response.append(buf, static_cast<size_t>(n));
    ::close(fd);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::thread stopper([&] { server_->stop(); });
  client.join();
  stopper.join();
  EXPECT_EQ(testing::status_of(response), 201) << response;
  EXPECT_NE(response.find("Connection: close"), std::string::npos);
  EXPECT_EQ(stored(), 1);
  // And nothing new is accepted.
  EXPECT_EQ(testing::raw_exchange(server_->port(), testing::post_request(kValidBody), std::chrono::milliseconds(500)),
            "");
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiSuite, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace chatlens::server
