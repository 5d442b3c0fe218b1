// Hostile input: well over a thousand generated malformed, oversized and wrong-typed bodies and
// headers, sent raw over sockets. Never a 5xx, never a crash, never anything stored; the server is
// healthy afterwards. The same suite against SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <random>
#include <thread>
#include <variant>

#include "contribution_validation.hpp"
#include "test_support.hpp"

namespace chatlens::server {
namespace {

using testing::kValidBody;
using testing::post_request;
using testing::summary_body;

struct HostileCase {
  std::string what;
  std::string bytes;
};

bool is_valid_body(const std::string& body) {
  return std::holds_alternative<Contribution>(validate_contribution(body));
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

std::vector<HostileCase> generate_cases() {
  std::mt19937 rng(1234567);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  std::vector<HostileCase> cases;
  auto add_body = [&](const std::string& what, const std::string& body) {
    if (is_valid_body(body)) return;  // a mutation that happens to be valid is not hostile
    cases.push_back({what, post_request(body)});
  };

  // 1. Random mutations of a valid body: flipped, inserted, deleted, duplicated bytes.
  const std::string valid = kValidBody;
  const std::string alphabet = "{}[]\":,0123456789-+.eE \\tnulrfa\x00\xff\xc3\x80\xed\xa0\x80";
  for (int i = 0; cases.size() < 600 && i < 8000; ++i) {
    std::string b = valid;
    const int edits = 1 + static_cast<int>(pick(4));
    for (int e = 0; e < edits && !b.empty(); ++e) {
      const size_t at = pick(b.size());
      switch (pick(4)) {
        case 0: b[at] = alphabet[pick(alphabet.size())]; break;
        case 1: b.insert(at, 1, alphabet[pick(alphabet.size())]); break;
        case 2: b.erase(at, 1 + pick(8)); break;
        default: b.insert(at, b.substr(at, 1 + pick(16))); break;
      }
    }
    add_body("mutation", b);
  }

  // 2. Each field given wrong values.
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"\"schema\":\"chatlens.community_summary\"", "\"schema\":"},
      {"\"version\":1", "\"version\":"},
      {"\"avg_text_length\":35", "\"avg_text_length\":"},
      {"\"messages_per_active_day\":25", "\"messages_per_active_day\":"},
      {"\"minutes_per_day\":30", "\"minutes_per_day\":"},
      {"\"top_emoji\":[\"1F602\",\"2764-FE0F\",\"1F44D\"]", "\"top_emoji\":"},
      {"\"hour_profile\":[1,0,0,0,0,0,1,3,5,6,6,7,7,6,6,6,6,6,6,6,6,5,4,2]", "\"hour_profile\":"},
  };
  const std::vector<std::string> bad_values = {
      "null",
      "true",
      "false",
      "\"\"",
      "\"35\"",
      "-1",
      "36",
      "501",
      "1.5",
      "-0.5",
      "1e309",
      "9223372036854775808",
      "-9223372036854775809",
      "[]",
      "{}",
      "[35]",
      "{\"a\":1}",
      "\"1F602\"",
      "[\"1F602\",\"1F602\"]",
      "[\"1f602\"]",
      "[\"1F000\"]",
      "[\"D83D-DE02\"]",
      "[\"110000\"]",
      "[\"1F44D-1F3FB\"]",
      "[null]",
      "[[]]",
      "[1,2,3]",
      "[100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100,100]",
      "[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]",
      "[4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4]",
      "[\"1F602\",\"2764-FE0F\",\"1F44D\",\"1F60D\",\"1F62D\",\"1F64F\",\"1F60A\",\"1F525\",\"1F973\",\"2728\","
      "\"1F389\"]",
      "\"chatlens.community_summary \"",
      "2",
      "0",
      "\"\\u0000\"",
      "NaN",
      "Infinity",
      "0x10",
      "035",
      "+5"};
  for (const auto& [original, prefix] : fields)
    for (const std::string& v : bad_values) add_body("field " + prefix + v, replace_once(valid, original, prefix + v));
  for (const auto& [original, prefix] : fields) {
    add_body("missing " + prefix, replace_once(replace_once(valid, original + ",", ""), "," + original, ""));
    add_body("duplicated " + prefix, replace_once(valid, original, original + "," + original));
  }
  for (const std::string extra : {"\"name\":\"Ana\"", "\"ip\":\"1.2.3.4\"", "\"\":0", "\"Schema\":1", "\"version \":1",
                                  "\"top_emoji\\u0000\":[]", "\"__proto__\":{}"})
    add_body("extra field", replace_once(valid, "{", "{" + extra + ","));
  for (const std::string& whole :
       std::vector<std::string>{std::string("[]"), std::string("null"), std::string("\"x\""), std::string("123"),
                                std::string(" "), std::string("\xEF\xBB\xBF\xEF\xBB\xBF{}"), std::string(3000, '['),
                                std::string(3000, '{'), valid + valid, valid.substr(0, valid.size() / 2),
                                std::string("{\"a\":") + std::string(2000, '[') + "1" + std::string(2000, ']') + "}",
                                replace_once(valid, "chatlens", "chat\xC0\xAFlens"),
                                replace_once(valid, "chatlens", "chat\xED\xA0\x80lens")})
    add_body("document", whole);

  // 3. Oversized: correct Content-Length, more than 4096 bytes.
  for (size_t size : {4097ul, 4100ul, 5000ul, 8192ul, 20000ul, 65536ul, 300000ul}) {
    std::string big = valid;
    big.insert(big.size() - 1, std::string(size - valid.size(), ' '));
    cases.push_back({"oversized " + std::to_string(size), post_request(big)});
    std::string noise(size, 'x');
    for (char& c : noise) c = static_cast<char>(rng());
    cases.push_back({"oversized noise " + std::to_string(size), post_request(noise)});
  }
  for (const std::string length : {"4097", "99999999999", "18446744073709551616", "-1", "+10", "0x10", "1 0", " ", ""})
    cases.push_back({"content-length " + length,
                     "POST /api/v1/contributions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: " +
                         length + "\r\n\r\n" + valid});

  // 4. Headers: wrong types, keys, framing, encodings, sizes.
  for (const std::string type :
       {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx",
        "application/json; charset=latin1", "text/json", "", "application/*", "*/*", "application/json\x01",
        "application/ld+json", "APPLICATION/XML"})
    cases.push_back({"content-type " + type, post_request(valid, "", type)});
  cases.push_back({"no content-type", "POST /api/v1/contributions HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                          std::to_string(valid.size()) + "\r\n\r\n" + valid});
  cases.push_back({"two content-types", post_request(valid, "Content-Type: application/json\r\n")});
  for (const std::string& key :
       std::vector<std::string>{"short", std::string(129, 'k'), "has space in it 123456",
                                "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9",
                                "key/with/slashes/12345", "", "key\twith\ttabs\t1234567"})
    cases.push_back({"idempotency key", post_request(valid, "Idempotency-Key: " + key + "\r\n")});
  cases.push_back({"two idempotency keys", post_request(valid,
                                                        "Idempotency-Key: aaaaaaaaaaaaaaaaaaaa\r\n"
                                                        "Idempotency-Key: bbbbbbbbbbbbbbbbbbbb\r\n")});
  auto chunked = [&](const std::string& body) {
    char size[16];
    std::snprintf(size, sizeof size, "%zx", body.size());
    return std::string(size) + "\r\n" + body + "\r\n0\r\n\r\n";
  };
  cases.push_back({"chunked",
                   "POST /api/v1/contributions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n" +
                       chunked(valid)});
  cases.push_back({"chunked and length",
                   "POST /api/v1/contributions HTTP/1.1\r\nHost: x\r\nContent-Type: "
                   "application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n" +
                       chunked(valid)});
  cases.push_back({"two lengths",
                   "POST /api/v1/contributions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   "Content-Length: " +
                       std::to_string(valid.size()) + "\r\nContent-Length: " + std::to_string(valid.size()) +
                       "\r\n\r\n" + valid});
  for (const std::string enc : {"gzip", "deflate", "br", "identity, gzip", "x-unknown"})
    cases.push_back({"content-encoding " + enc, post_request(valid, "Content-Encoding: " + enc + "\r\n")});
  cases.push_back({"huge header", post_request(valid, "X-Filler: " + std::string(40000, 'a') + "\r\n")});
  {
    std::string many;
    for (int i = 0; i < 4000; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
    cases.push_back({"many headers", post_request(valid, many)});
  }
  cases.push_back({"header without colon", post_request(valid, "NoColonHere\r\n")});
  cases.push_back({"header with NUL", post_request(valid, std::string("X-A: a\0b\r\n", 10))});
  cases.push_back({"obs-fold", post_request(valid, "X-A: a\r\n b\r\n")});
  cases.push_back({"expect continue, bad type", post_request(valid, "Expect: 100-continue\r\n", "text/plain")});
  cases.push_back(
      {"lying length (short body)",
       "POST /api/v1/contributions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
       "4000\r\n\r\n" +
           valid});
  cases.push_back({"valid body, truncated", post_request(valid).substr(0, post_request(valid).size() - 10)});

  // 5. Request lines and methods.
  for (const std::string& line :
       std::vector<std::string>{"GET /api/v1/contributions HTTP/1.1",
                                "PUT /api/v1/contributions HTTP/1.1",
                                "DELETE /api/v1/contributions HTTP/1.1",
                                "PATCH /api/v1/contributions HTTP/1.1",
                                "POST /api/v1/community HTTP/1.1",
                                "POST /api/v1/contributions/ HTTP/1.1",
                                "POST /api/v1//contributions HTTP/1.1",
                                "POST /api/v2/contributions HTTP/1.1",
                                "POST / HTTP/1.1",
                                "POST /api/v1/contributions%00 HTTP/1.1",
                                "POST /API/V1/CONTRIBUTIONS HTTP/1.1",
                                "FOO /api/v1/contributions HTTP/1.1",
                                "POST /api/v1/contributions HTTP/9.9",
                                "POST /api/v1/contributions",
                                "POST  /api/v1/contributions  HTTP/1.1",
                                "POST http://evil.example/api/v1/contributions HTTP/1.1",
                                "POST * HTTP/1.1",
                                "PRI * HTTP/2.0",
                                "POST /api/v1/contributions?" + std::string(9000, 'q') + " HTTP/1.1",
                                "POST /" + std::string(20000, 'a') + " HTTP/1.1"})
    cases.push_back({"request line " + line.substr(0, 40),
                     line + "\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                         std::to_string(valid.size()) + "\r\n\r\n" + valid});
  for (int i = 0; i < 100; ++i) {
    std::string noise(1 + pick(600), '\0');
    for (char& c : noise) c = static_cast<char>(rng());
    cases.push_back({"noise", noise + "\r\n\r\n"});
  }
  // Invalid bodies with a query string (the route is the same, the body still checked).
  for (int i = 0; i < 20; ++i)
    cases.push_back({"query", replace_once(post_request(summary_body(35, 25, 31, {})), "contributions ",
                                           "contributions?i=" + std::to_string(i) + " ")});
  return cases;
}

class HostileInput : public ::testing::TestWithParam<std::string> {};

TEST_P(HostileInput, NeverA5xxNeverACrashNeverStored) {
  testing::BackendUnderTest backend(GetParam());
  CHATLENS_REQUIRE_BACKEND(backend);
  ServerConfig config = testing::TestServer::config(backend.url(), backend.dir());
  config.http.request_timeout = std::chrono::milliseconds(1500);
  testing::TestServer server(config);
  ASSERT_TRUE(server.start());
  const DataVersion before = *server.storage().data_version();

  const std::vector<HostileCase> cases = generate_cases();
  ASSERT_GE(cases.size(), 1000u);
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::vector<std::string> failures;
  std::atomic<int> answered_4xx{0}, dropped{0};
  std::vector<std::thread> senders;
  for (int t = 0; t < 6; ++t) {
    senders.emplace_back([&] {
      for (size_t i; (i = next++) < cases.size();) {
        const std::string response =
            testing::raw_exchange(server.port(), cases[i].bytes, std::chrono::milliseconds(8000));
        const int status = testing::status_of(response);
        if (status >= 400 && status < 500) {
          ++answered_4xx;
          // A clear message: every 4xx carries a JSON error with a code.
          if (response.find("{\"error\":{\"code\":\"") == std::string::npos) {
            std::lock_guard lock(mu);
            failures.push_back(cases[i].what + ": 4xx without a JSON error: " + response.substr(0, 300));
          }
        } else if (status == 0 && response.empty()) {
          ++dropped;  // the connection closed without an answer (garbage that is not HTTP)
        } else {
          std::lock_guard lock(mu);
          failures.push_back(cases[i].what + ": status " + std::to_string(status) + ": " + response.substr(0, 300));
        }
      }
    });
  }
  for (auto& t : senders) t.join();
  for (const std::string& f : failures) ADD_FAILURE() << f;
  std::printf("hostile input (%s): %zu requests, %d answered 4xx with a JSON error, %d closed without an answer\n",
              GetParam().c_str(), cases.size(), answered_4xx.load(), dropped.load());
  EXPECT_GE(answered_4xx.load(), 950) << "nearly every hostile request gets a 4xx (dropped: " << dropped << ")";

  EXPECT_EQ(*server.storage().count_contributions(), 0);
  EXPECT_EQ(server.storage().data_version()->generation, before.generation);
  // Still healthy, and still taking valid contributions.
  EXPECT_EQ(testing::status_of(
                testing::raw_exchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")),
            200);
  EXPECT_EQ(testing::status_of(testing::raw_exchange(server.port(), post_request(kValidBody))), 201);
  EXPECT_EQ(*server.storage().count_contributions(), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, HostileInput, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace chatlens::server
