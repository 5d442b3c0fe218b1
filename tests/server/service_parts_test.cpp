// The service's smaller parts: rate limiting, compression negotiation, ETags, static files and the
// Content Security Policy, command-line options, the stored day, migrations' SQL.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "compression.hpp"
#include "connection_limits.hpp"
#include "day.hpp"
#include "etag.hpp"
#include "migrations.hpp"
#include "rate_limiter.hpp"
#include "request_head.hpp"
#include "server_config.hpp"
#include "static_files.hpp"
#include "storage.hpp"
#include "test_support.hpp"

namespace chatlens::server {
namespace {

using Clock = RateLimiter::Clock;

TEST(RateLimiter, BurstThenRefillsAtTheRate) {
  RateLimiter limiter(60, 3);  // one a second, three at once
  const Clock::time_point t0 = Clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.acquire("10.0.0.1", t0).allowed);
  const auto refused = limiter.acquire("10.0.0.1", t0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 1);
  EXPECT_TRUE(limiter.acquire("10.0.0.2", t0).allowed) << "another client has its own bucket";
  EXPECT_TRUE(limiter.acquire("10.0.0.1", t0 + std::chrono::milliseconds(1001)).allowed);
  EXPECT_FALSE(limiter.acquire("10.0.0.1", t0 + std::chrono::milliseconds(1002)).allowed);
}

TEST(RateLimiter, ZeroMeansNoLimit) {
  RateLimiter limiter(0, 1);
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limiter.acquire("10.0.0.1").allowed);
  EXPECT_EQ(limiter.clients(), 0u);
}

TEST(RateLimiter, MemoryIsBoundedWhateverTheNumberOfClients) {
  RateLimiter limiter(1, 1, 1000);
  const Clock::time_point t0 = Clock::now();
  for (int i = 0; i < 50000; ++i)
    limiter.acquire(
        "10." + std::to_string(i >> 16) + "." + std::to_string((i >> 8) & 255) + "." + std::to_string(i & 255), t0);
  EXPECT_LE(limiter.clients(), 1000u + 16);
}

TEST(RateLimiter, ClientsAreAddressesAndIPv6Slash64s) {
  EXPECT_EQ(RateLimiter::client_key("192.0.2.7"), "192.0.2.7");
  EXPECT_EQ(RateLimiter::client_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
  EXPECT_EQ(RateLimiter::client_key("2001:db8:1:2::1"), RateLimiter::client_key("2001:db8:1:2:ffff::9"));
  EXPECT_EQ(RateLimiter::client_key("::ffff:192.0.2.7"), "192.0.2.7");
}

bool head_ok(const std::string& head) {
  RequestHeadCheck check;
  check.reset();
  // Byte by byte, as the parser reads a head.
  for (char c : head)
    if (!check.feed(&c, 1)) return false;
  return check.head_complete();
}

TEST(RequestHead, StrictWhereTheParserIsLenient) {
  EXPECT_TRUE(head_ok("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_TRUE(head_ok("POST /api/v1/contributions?x=1 HTTP/1.0\r\nContent-Type: application/json\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET  / HTTP/1.1\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET / HTTP/1.1 \r\n\r\n"));
  EXPECT_FALSE(head_ok("GET / HTTP/2.0\r\n\r\n"));
  EXPECT_FALSE(head_ok("G(T / HTTP/1.1\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET /\x7f HTTP/1.1\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET / HTTP/1.1\nHost: x\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET / HTTP/1.1\r\nNoColon\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET / HTTP/1.1\r\nX-A: a\r\n folded\r\n\r\n"));
  EXPECT_FALSE(head_ok(std::string("GET / HTTP/1.1\r\nX-A: a\0b\r\n\r\n", 28)));
  EXPECT_FALSE(head_ok("GET / HTTP/1.1\r\nBad Name: a\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n"));
  RequestHeadCheck check;
  const std::string head = "POST / HTTP/1.1\r\nHost: a\r\nIdempotency-Key:  \r\nX: 1\r\n\r\nBODY";
  EXPECT_TRUE(check.feed(head.data(), head.size()));
  EXPECT_TRUE(check.head_complete());
  EXPECT_EQ(check.empty_fields(), std::vector<std::string>{"idempotency-key"});
  EXPECT_EQ(check.head_size(), head.size() - 4) << "the head ends before BODY";
}

TEST(RequestHead, Http11NeedsExactlyOneValidHost) {
  EXPECT_FALSE(head_ok("GET / HTTP/1.1\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET / HTTP/1.1\r\nHost: user@example.org\r\n\r\n"));
  EXPECT_FALSE(head_ok("GET / HTTP/1.1\r\nHost: example.org/x\r\n\r\n"));
  EXPECT_TRUE(head_ok("GET / HTTP/1.0\r\n\r\n"));
  EXPECT_TRUE(head_ok("GET / HTTP/1.1\r\nHost:\r\n\r\n"));
  EXPECT_TRUE(head_ok("GET / HTTP/1.1\r\nHOST: example.org:8080\r\n\r\n"));
  EXPECT_TRUE(head_ok("GET / HTTP/1.1\r\nHost: [2001:db8::1]:80\r\n\r\n"));
  RequestHeadCheck check;
  const std::string head = "GET / HTTP/1.1\r\nX: 1\r\n\r\n";
  EXPECT_FALSE(check.feed(head.data(), head.size()));
  EXPECT_EQ(check.problem(), "an HTTP/1.1 request needs a Host header");
}

TEST(RequestHead, TellsTheBodySizeWhenDeclaredPlainly) {
  auto body_of = [](const std::string& head) {
    RequestHeadCheck check;
    EXPECT_TRUE(check.feed(head.data(), head.size())) << head;
    EXPECT_TRUE(check.head_complete()) << head;
    return check.declared_body_size();
  };
  EXPECT_EQ(body_of("GET / HTTP/1.1\r\nHost: a\r\n\r\n"), std::optional<size_t>(0));
  EXPECT_EQ(body_of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length:  312 \r\n\r\n"), std::optional<size_t>(312));
  EXPECT_EQ(body_of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n"), std::nullopt);
  EXPECT_EQ(body_of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"), std::nullopt);
  EXPECT_EQ(body_of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9\r\nExpect: 100-continue\r\n\r\n"), std::nullopt);
  EXPECT_EQ(body_of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n"), std::nullopt);
}

TEST(ConnectionLimits, PerClientAndInAll) {
  ConnectionLimits limits(3, 2);
  using A = ConnectionLimits::Admission;
  EXPECT_EQ(limits.admit("a"), A::kAdmitted);
  EXPECT_EQ(limits.admit("a"), A::kAdmitted);
  EXPECT_EQ(limits.admit("a"), A::kClientFull);
  EXPECT_EQ(limits.admit("b"), A::kAdmitted);
  EXPECT_EQ(limits.admit("c"), A::kServerFull);
  limits.release("a");
  EXPECT_EQ(limits.open_from("a"), 1u);
  EXPECT_EQ(limits.admit("c"), A::kAdmitted);
  EXPECT_EQ(limits.open(), 3u);
  ConnectionLimits uncapped(100, 0);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(uncapped.admit("proxy"), A::kAdmitted);
}

TEST(Compression, GunzipSaysWhyItFailed) {
  const std::string text(10000, 'a');
  auto z = gzip(text);
  ASSERT_TRUE(z) << z.status();
  auto too_large = gunzip(*z, 1000);
  ASSERT_FALSE(too_large);
  EXPECT_EQ(too_large.status().detail(), "gunzip: more than 1000 bytes once inflated");
  auto cut = gunzip(z->substr(0, z->size() / 2));
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.status().detail(), "gunzip: the data ends before the gzip stream does");
  auto garbage = gunzip("not gzip at all");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.status().detail().rfind("gunzip: ", 0), 0u) << garbage.status();
  EXPECT_GT(garbage.status().detail().size(), std::string("gunzip: ").size());
}

TEST(Compression, GzipRoundTripsAndNegotiates) {
  const std::string text(10000, 'a');
  auto z = gzip(text);
  ASSERT_TRUE(z);
  EXPECT_LT(z->size(), 200u);
  auto back = gunzip(*z);
  ASSERT_TRUE(back) << back.status();
  EXPECT_EQ(*back, text);
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("br"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_TRUE(is_compressible("text/html; charset=utf-8"));
  EXPECT_TRUE(is_compressible("application/wasm"));
  EXPECT_FALSE(is_compressible("image/png"));
}

TEST(ETags, IfNoneMatchUsesWeakComparison) {
  EXPECT_TRUE(if_none_match("\"abc\"", "\"abc\""));
  EXPECT_TRUE(if_none_match("W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(if_none_match("\"x\", W/\"abc\"", "W/\"abc\""));
  EXPECT_TRUE(if_none_match("*", "\"abc\""));
  EXPECT_FALSE(if_none_match("\"abcd\"", "\"abc\""));
  EXPECT_FALSE(if_none_match("abc", "\"abc\""));
  EXPECT_FALSE(if_none_match("\"abc", "\"abc\""));
  EXPECT_FALSE(if_none_match("", "\"abc\""));
  EXPECT_NE(content_etag("a"), content_etag("b"));
}

TEST(StaticFiles, ServesTheBuildWithCachingByKind) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() / "assets");
  std::ofstream(dir.path() / "index.html") << "<!doctype html><title>chatlens</title>" << std::string(1000, ' ');
  std::ofstream(dir.path() / "assets" / "index-B9xk2Qf1.js") << "console.log(1);";
  std::ofstream(dir.path() / "favicon.svg") << "<svg/>";
  std::ofstream(dir.path() / ".secret") << "never served";
  auto files = StaticFiles::load(dir.path());
  ASSERT_TRUE(files) << files.status().detail();
  const StaticFile* index = files->find("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->cache_control, "no-cache");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  ASSERT_TRUE(index->gzip);
  auto unzipped = gunzip(*index->gzip);
  ASSERT_TRUE(unzipped) << unzipped.status();
  EXPECT_EQ(*unzipped, *index->body);
  const StaticFile* js = files->find("/assets/index-B9xk2Qf1.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->cache_control, "public, max-age=31536000, immutable");
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(files->find("/favicon.svg")->cache_control, "no-cache");
  EXPECT_EQ(files->find("/story"), index) << "the app's own routes";
  EXPECT_EQ(files->find("/missing.js"), nullptr);
  EXPECT_EQ(files->find("/.secret"), nullptr);
  EXPECT_EQ(files->find("/../index.html"), nullptr) << "no file system access at request time";
  EXPECT_EQ(files->find("/../etc/passwd.txt"), nullptr);
}

TEST(StaticFiles, TheCommunityUrlIsWrittenIntoThePages) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "index.html") << "<!doctype html><html><HEAD><title>x</title></head></html>";
  auto files = StaticFiles::load(dir.path());
  ASSERT_TRUE(files);
  const std::string before = files->find("/")->etag;
  files->set_community_url("https://community.example.org/?a=1&b=\"2\"");
  const StaticFile* index = files->find("/");
  EXPECT_EQ(*index->body,
            "<!doctype html><html><HEAD><meta name=\"chatlens-community\" "
            "content=\"https://community.example.org/?a=1&amp;b=&quot;2&quot;\"><title>x</title></head></html>");
  EXPECT_NE(index->etag, before);

  // A policy in the page itself gets the origin too (browsers enforce both).
  testing::TempDir with_policy;
  std::ofstream(with_policy.path() / "index.html")
      << "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; connect-src 'self'; "
         "img-src 'self'\"></head></html>";
  auto pages = StaticFiles::load(with_policy.path());
  ASSERT_TRUE(pages);
  pages->set_community_url("https://community.example.org:8443/base");
  EXPECT_NE(pages->find("/")->body->find("connect-src 'self' https://community.example.org:8443; img-src"),
            std::string::npos)
      << *pages->find("/")->body;
  EXPECT_FALSE(parse_serve_args({"--community-url", "/relative"}));
  EXPECT_TRUE(parse_serve_args({"--community-url", "https://community.example.org"}));
}

TEST(StaticFiles, HashedAssetsAreRecognised) {
  EXPECT_TRUE(is_hashed_asset("/assets/index-B9xk2Qf1.js"));
  EXPECT_TRUE(is_hashed_asset("/assets/chatlens_wasm-3f9a1c2b.wasm"));
  EXPECT_FALSE(is_hashed_asset("/assets/index-settings.js"));
  EXPECT_FALSE(is_hashed_asset("/index-B9xk2Qf1.js"));
  EXPECT_FALSE(is_hashed_asset("/assets/logo.svg"));
}

TEST(ContentSecurityPolicy, TheDocumentedPolicyPlusTheCommunityOrigin) {
  EXPECT_EQ(content_security_policy(),
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; "
            "img-src 'self' data: blob:; style-src 'self'; font-src 'self'; media-src 'none'; object-src 'none'; "
            "frame-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  EXPECT_NE(content_security_policy("https://community.example.org/api/v1")
                .find("connect-src 'self' https://community.example.org;"),
            std::string::npos);
  // The origins the pages were built for, each once, then the configured service.
  EXPECT_NE(content_security_policy("https://b.example/x", {"https://a.example", "https://b.example", "'self'", "*"})
                .find("connect-src 'self' https://a.example https://b.example;"),
            std::string::npos);
  EXPECT_EQ(origin_of("https://Community.Example.org:8443/x"), "https://community.example.org:8443");
  EXPECT_EQ(origin_of("/api/v1"), "");
  EXPECT_EQ(origin_of("javascript:alert(1)"), "");
  EXPECT_EQ(origin_of("https://a.example;script-src *"), "");
}

// The header and the page's own policy (web/index.html) say the same, so neither narrows the other
// by surprise; the header only adds frame-ancestors, which a <meta> policy cannot carry.
TEST(ContentSecurityPolicy, TheHeaderIsThePolicyOfWebIndexHtml) {
  std::ifstream in(std::string(CHATLENS_SOURCE_DIR) + "/web/index.html");
  ASSERT_TRUE(in) << "web/index.html";
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string marker = "http-equiv=\"Content-Security-Policy\" content=\"";
  const size_t at = html.find(marker);
  ASSERT_NE(at, std::string::npos);
  std::string page = html.substr(at + marker.size(), html.find('"', at + marker.size()) - at - marker.size());
  // Vite fills the community origin in at build time (web/vite.config.ts); none by default.
  const std::string placeholder = " %CHATLENS_COMMUNITY_ORIGIN%";
  ASSERT_NE(page.find(placeholder), std::string::npos) << page;
  page.erase(page.find(placeholder), placeholder.size());
  EXPECT_EQ(content_security_policy(), page + "; frame-ancestors 'none'");
}

TEST(StaticFiles, ThePagesOwnPoliciesNameTheOriginsTheyConnectTo) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "index.html")
      << "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; connect-src 'self' "
         "https://Built.Example:8443 https: *.example.org https://*.example.net; img-src https://img.example\">"
         "</head></html>";
  std::ofstream(dir.path() / "other.html") << "<html><head></head><body>no policy</body></html>";
  std::ofstream(dir.path() / "app.js") << "const csp = \"connect-src https://not-a-page.example\"";
  auto files = StaticFiles::load(dir.path());
  ASSERT_TRUE(files);
  EXPECT_EQ(files->connect_origins(), std::vector<std::string>{"https://built.example:8443"});
  files->set_community_url("https://community.example.org/base");
  EXPECT_EQ(files->connect_origins(),
            (std::vector<std::string>{"https://built.example:8443", "https://community.example.org"}));

  testing::TempDir plain;
  std::ofstream(plain.path() / "index.html") << "<html><head><title>no policy</title></head></html>";
  auto none = StaticFiles::load(plain.path());
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->connect_origins().empty());
  EXPECT_TRUE(StaticFiles::placeholder().connect_origins().empty());
}

TEST(ServeOptions, DefaultsAndLimits) {
  auto c = parse_serve_args({});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->port, 8080);
  EXPECT_EQ(c->bind, "127.0.0.1");
  EXPECT_EQ(c->k_threshold, 10);
  auto d = parse_serve_args({"--port", "9000", "--db=sqlite:/tmp/x.db", "--k-threshold", "5", "--cors-origin",
                             "https://a.example", "--cors-origin", "https://b.example"});
  ASSERT_TRUE(d) << d.status().detail();
  EXPECT_EQ(d->port, 9000);
  EXPECT_EQ(d->db, "sqlite:/tmp/x.db");
  EXPECT_EQ(d->cors_origins.size(), 2u);
  EXPECT_FALSE(parse_serve_args({"--k-threshold", "4"})) << "never below 5";
  EXPECT_FALSE(parse_serve_args({"--port", "70000"}));
  EXPECT_FALSE(parse_serve_args({"--port"}));
  EXPECT_FALSE(parse_serve_args({"--frobnicate", "1"}));
  EXPECT_EQ(c->http.request_head_timeout, std::chrono::milliseconds(5000));
  EXPECT_EQ(c->http.max_connections_per_client, 32u);
  auto limits = parse_serve_args(
      {"--request-head-timeout", "2.5", "--max-connections", "500", "--max-connections-per-client", "0"});
  ASSERT_TRUE(limits) << limits.status().detail();
  EXPECT_EQ(limits->http.request_head_timeout, std::chrono::milliseconds(2500));
  EXPECT_EQ(limits->http.max_connections, 500u);
  EXPECT_EQ(limits->http.max_connections_per_client, 0u);
  EXPECT_FALSE(parse_serve_args({"--request-head-timeout", "20"})) << "longer than the request timeout";
  EXPECT_FALSE(parse_serve_args({"--max-connections", "0"}));
  // Behind a proxy every connection has the proxy's address: no per-address cap unless asked for.
  EXPECT_EQ(parse_serve_args({"--trust-proxy"})->http.max_connections_per_client, 0u);
  EXPECT_EQ(parse_serve_args({"--trust-proxy", "--max-connections-per-client", "500"})->http.max_connections_per_client,
            500u);
  // --help names every limit's option.
  for (const char* option : {"--request-head-timeout", "--request-timeout", "--keep-alive-timeout", "--max-connections",
                             "--max-connections-per-client", "--threads", "--rate-limit", "--rate-burst"})
    EXPECT_NE(std::string(kServeUsage).find(option), std::string::npos) << option;
  EXPECT_NE(std::string(kServeUsage).find("docs/limits.md"), std::string::npos);
  auto help = parse_serve_args({"--help"});
  ASSERT_TRUE(help) << help.status();
  EXPECT_TRUE(help->help);
  EXPECT_FALSE(parse_serve_args({"--port", "8080"})->help);
}

TEST(StoredDay, UtcCalendarDayOnly) {
  using namespace std::chrono;
  const system_clock::time_point t = sys_days{year{2024} / 2 / 29} + hours(23) + minutes(59);
  EXPECT_EQ(utc_day(t), "2024-02-29");
  EXPECT_EQ(utc_day_minus(t, 2), "2024-02-27");
  EXPECT_EQ(utc_day(sys_days{year{2023} / 12 / 31} + hours(24)), "2024-01-01");
}

TEST(Storage, UrlsNeverShowPasswords) {
  EXPECT_EQ(redact_url("postgresql://app:s3cret@db.example:5432/chatlens"),
            "postgresql://app:***@db.example:5432/chatlens");
  EXPECT_EQ(redact_url("postgresql://app@db.example/chatlens"), "postgresql://app@db.example/chatlens");
  EXPECT_FALSE(open_storage("mysql://x", "/tmp"));
  EXPECT_FALSE(open_storage("sqlite::memory:", "/tmp"));
}

TEST(Migrations, VersionsIncreaseAndStatementsSplit) {
  int last = 0;
  for (const Migration& m : migrations()) {
    EXPECT_GT(m.version, last);
    last = m.version;
    EXPECT_FALSE(migration_statements(m.sqlite, "abc").empty());
    EXPECT_EQ(migration_statements(m.sqlite, "abc").size(), migration_statements(m.postgresql, "abc").size());
  }
  EXPECT_EQ(last, latest_schema_version());
  const auto st = migration_statements(migrations()[0].sqlite, "0123abcd");
  EXPECT_NE(st.back().find("'0123abcd'"), std::string::npos);
}

}  // namespace
}  // namespace chatlens::server
