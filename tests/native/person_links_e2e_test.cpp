// One person across platforms, end to end: a WhatsApp group export and a Telegram
// group export of the same fictional friends, where Ana is "Ana Gómez" on WhatsApp
// and "Ana G." on Telegram. Linked, she is one person in every section; and the
// command's --same / --same-file options, with their errors.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>

#include "command_report.hpp"
#include "import/import_session.hpp"
#include "model/identity.hpp"
#include "model/link_suggestions.hpp"
#include "model/person_links.hpp"
#include "report/report.hpp"

namespace fs = std::filesystem;
using namespace chatlens;
using namespace chatlens::testing;  // command_report.hpp

namespace {

constexpr int kDays = 200;
const int64_t kFirstDay = days_from_civil(2023, 1, 1);

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Every day: Ana writes, I answer, Bea adds something (WhatsApp group "Amigas").
std::string whatsapp_group() {
  std::string out;
  for (int d = 0; d < kDays; ++d) {
    const CivilDate c = civil_from_days(kFirstDay + d);
    const std::string day = two_digits(c.day) + "/" + two_digits(c.month) + "/" + std::to_string(c.year) + ", ";
    out += day + "10:00 - Ana Gómez: ¿café hoy?\n";
    out += day + "10:04 - Me: ¡sí! a las once\n";
    out += day + "10:09 - Bea: yo también voy\n";
  }
  return out;
}

// Every evening: Ana G. writes, I answer (Telegram group "Cena").
std::string telegram_group() {
  std::string out = R"({"name": "Cena", "type": "private_group", "id": 77, "messages": [)";
  for (int d = 0; d < kDays; ++d) {
    const CivilDate c = civil_from_days(kFirstDay + d);
    const std::string day = std::to_string(c.year) + "-" + two_digits(c.month) + "-" + two_digits(c.day) + "T";
    if (d > 0) out += ",";
    out += R"({"id": )" + std::to_string(2 * d + 1) + R"(, "type": "message", "date": ")" + day +
           R"(20:00:00", "from": "Ana G.", "from_id": "user2", "text": "¿cenamos?"},)";
    out += R"({"id": )" + std::to_string(2 * d + 2) + R"(, "type": "message", "date": ")" + day +
           R"(20:06:00", "from": "Me", "from_id": "user1", "text": "vale"})";
  }
  return out + "]}";
}

Json report_for(const std::vector<SamePerson>& links, Corpus* keep = nullptr) {
  ImportSession session(CivilDate{2024, 6, 1});
  session.add("WhatsApp Chat with Amigas.txt", whatsapp_group(), "Amigas");
  session.add("result.json", telegram_group());
  const std::vector<SourceReport> sources = session.sources();
  for (const SourceReport& s : sources) EXPECT_TRUE(s.ok()) << s.file;
  Corpus corpus = std::move(session).finish();
  const OwnerResolution owner = resolve_owner(corpus, std::string_view("Me"));
  EXPECT_EQ(owner.status, OwnerResolution::Status::Resolved);
  EXPECT_TRUE(apply_person_links(corpus, links).unknown.empty());
  Json report = build_report(corpus, sources, owner);
  if (keep) *keep = std::move(corpus);
  return report;
}

}  // namespace

TEST(PersonLinksEndToEnd, UnlinkedTheTwoAnasAreSuggestedAndCountedApart) {
  Corpus corpus;
  const Json report = report_for({}, &corpus);
  const auto suggestions = suggest_person_links(corpus);
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(corpus.people[suggestions[0].a].name, "Ana Gómez");
  EXPECT_EQ(corpus.people[suggestions[0].b].name, "Ana G.");
  EXPECT_EQ(suggestions[0].reason, "name_initials");
  const Json& people = at(report, {"sections", "overview", "people"});
  EXPECT_NE(entry(people, "name", "Ana G."), nullptr);
  EXPECT_EQ(at(report, {"sections", "overview", "data", "people"}).as_int(), 4);  // me once, Ana twice, Bea
}

TEST(PersonLinksEndToEnd, ALinkedPersonIsCountedOnceInEverySection) {
  const Json report = report_for({{{"Ana Gómez", ""}, {"Ana G.", ""}, "--same"}});
  const Json& sections = at(report, {"sections"});

  // Nowhere under her Telegram name, and never twice in one list.
  std::map<std::string, int> seen;
  each_named(sections, "", [&](const std::string& path, const std::string& name) {
    EXPECT_NE(name, "Ana G.") << path;
    if (name == "Ana Gómez") ++seen[path];
  });
  for (const auto& [path, n] : seen) EXPECT_LE(n, 1) << path;

  // overview: three people; her messages from both platforms; both platforms counted.
  EXPECT_EQ(at(sections, {"overview", "data", "people"}).as_int(), 3);
  const Json* ana = entry(at(sections, {"overview", "people"}), "name", "Ana Gómez");
  ASSERT_NE(ana, nullptr);
  EXPECT_EQ(at(*ana, {"messages"}).as_int(), 2 * kDays);
  EXPECT_EQ(at(*ana, {"platforms"}).as_array().size(), 2u);
  const Json& by_platform = at(sections, {"overview", "by_platform"});
  ASSERT_EQ(by_platform.as_array().size(), 2u);
  EXPECT_EQ(at(by_platform.as_array()[0], {"platform"}).as_string(), "whatsapp");
  EXPECT_EQ(at(by_platform.as_array()[0], {"messages"}).as_int(), 3 * kDays);
  EXPECT_EQ(at(by_platform.as_array()[1], {"messages"}).as_int(), 2 * kDays);

  // shared groups: she shares both groups with me.
  const Json* shared = entry(at(sections, {"shared_groups", "top"}), "name", "Ana Gómez");
  ASSERT_NE(shared, nullptr);
  EXPECT_EQ(at(*shared, {"shared_groups"}).as_int(), 2);
  EXPECT_EQ(at(sections, {"shared_groups", "platforms"}).as_array().size(), 2u);

  // reply speed: one contact entry for her, with the replies of both chats.
  EXPECT_GT(seen["." + std::string("reply_speed.groups.you_reply.fastest")] +
                seen[".reply_speed.groups.you_reply.slowest"] + seen[".reply_speed.groups.they_reply.fastest"],
            0);
  // comings and goings: she is there, once.
  int comings = 0;
  for (const auto& [path, n] : seen) comings += path.rfind(".comings_goings", 0) == 0;
  EXPECT_GT(comings, 0);

  // Every section says which platforms it draws on.
  for (const auto& [name, section] : sections.as_object()) {
    const Json* platforms = section.find("platforms");
    ASSERT_NE(platforms, nullptr) << name;
    EXPECT_TRUE(platforms->is_array()) << name;
  }
}

// ---- the command ----

namespace {

class SameOptions : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chatlens-same-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    wa_ = write("WhatsApp Chat with Amigas.txt", whatsapp_group());
    tg_ = write("result.json", telegram_group());
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  CliRun run(const std::string& args) {
    return run_command(std::string(CHATLENS_CLI) + " " + args, dir_ / "stderr.txt");
  }
  std::string inputs() const { return "'" + wa_.string() + "' '" + tg_.string() + "' --me Me"; }

  fs::path dir_, wa_, tg_;
};

int64_t people_in(const std::string& report_json) {
  simdjson::dom::parser parser;
  int64_t n = -1;
  if (parser.parse(report_json)["sections"]["overview"]["data"]["people"].get(n)) return -1;
  return n;
}

}  // namespace

TEST_F(SameOptions, AnalyzeSuggestsTheLinkAndHowToConfirmIt) {
  const CliRun r = run("analyze " + inputs());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Are these the same person?"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--same \"Ana Gómez=Ana G.\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("one name abbreviates the other"), std::string::npos) << r.out;
}

TEST_F(SameOptions, SameLinksThePeopleAndTheSuggestionGoes) {
  const CliRun r = run("analyze " + inputs() + " --same 'Ana Gómez=Ana G.' -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find("Are these the same person?"), std::string::npos) << r.err;
  EXPECT_EQ(people_in(r.out), 3);
}

TEST_F(SameOptions, SameFileReadsPairsAndSkipsCommentsAndBlankLines) {
  const fs::path links = write("links.txt", "# friends\n\n  Ana Gómez = Ana G.  \r\n");
  const CliRun r = run("analyze " + inputs() + " --same-file '" + links.string() + "' -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(people_in(r.out), 3);
  // Telegram first: the fuller name still names her (as many messages on each side).
  const CliRun m = run("messages '" + tg_.string() + "' '" + wa_.string() + "' --same-file '" + links.string() + "'");
  ASSERT_EQ(m.status, 0) << m.err;
  EXPECT_EQ(m.out.find("\"sender\":\"Ana G.\""), std::string::npos);  // her messages carry one name
  EXPECT_NE(m.out.find("\"sender\":\"Ana Gómez\""), std::string::npos);
}

TEST_F(SameOptions, ALineWithoutEqualsIsAnErrorNamingTheFileAndLine) {
  const fs::path links = write("links.txt", "# friends\nAna Gómez=Ana G.\nBea Bea\n");
  for (const char* command : {"analyze", "report", "messages"}) {
    const CliRun r = run(std::string(command) + " '" + wa_.string() + "' --same-file '" + links.string() + "'");
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_NE(r.err.find("links.txt:3: expected two names joined by \"=\""), std::string::npos) << r.err;
  }
}

TEST_F(SameOptions, ErrorsNameWhatWasWrong) {
  CliRun r = run("analyze " + inputs() + " --same 'Ana Gómez='");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--same: a name is missing"), std::string::npos) << r.err;
  r = run("analyze " + inputs() + " --same");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--same needs a value"), std::string::npos) << r.err;
  r = run("analyze " + inputs() + " --same-file '" + (dir_ / "missing.txt").string() + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--same-file: cannot read"), std::string::npos) << r.err;
  const fs::path links = write("links.txt", "Ana Gómez=Zoe\n");
  r = run("analyze " + inputs() + " --same-file '" + links.string() + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("links.txt:1: nobody is named \"Zoe\""), std::string::npos) << r.err;
}

TEST_F(SameOptions, EveryUnknownNameIsALineOfItsOwn) {
  const fs::path links = write("links.txt", "Ana Gómez=Zoe\nYves=Ana G.\n");
  const CliRun r = run("analyze " + inputs() + " --same-file '" + links.string() + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("chatlens analyze: " + links.string() + ":1: nobody is named \"Zoe\" in these exports\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("chatlens analyze: " + links.string() + ":2: nobody is named \"Yves\" in these exports\n"),
            std::string::npos)
      << r.err;
}
