// The six-platform mixed run (issue 13): one fictional owner's WhatsApp, Telegram, Messenger,
// Instagram, Discord and Signal exports (bench/mixed_persona.hpp, generated here), read at
// once. Unlinked, the same friends are suggested and nothing is applied; with the planted
// links (--same, then --same-file) `chatlens analyze` gives one report in which each linked
// person, and the owner, is counted once, with the planted totals.
#if __has_include("mixed_persona.hpp")
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "command_report.hpp"
#include "import/import_session.hpp"
#include "import/platform_table.hpp"
#include "mixed_persona.hpp"
#include "model/identity.hpp"
#include "model/link_suggestions.hpp"
#include "model/person_links.hpp"
#include "report/report.hpp"

namespace fs = std::filesystem;
using chatlens::Json;
using chatlens::bench::generate_mixed;
using chatlens::bench::MixedExport;
using namespace chatlens::testing;  // command_report.hpp

namespace {

const MixedExport& mixed() {
  static const MixedExport m = generate_mixed();
  return m;
}
const Json& truth() { return mixed().truth; }

// Which real person of the truth each (platform, name) is.
std::map<std::pair<std::string, std::string>, std::string> real_person() {
  std::map<std::pair<std::string, std::string>, std::string> who;
  for (const Json& p : at(truth(), {"people"}).as_array())
    for (const Json& a : at(p, {"aliases"}).as_array())
      who[{a.find("platform")->as_string(), a.find("name")->as_string()}] = p.find("name")->as_string();
  return who;
}

class MixedRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("chatlens-mixed-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    for (const auto& f : mixed().files) {
      const fs::path p = dir_ / fs::path(std::u8string(f.name.begin(), f.name.end()));
      fs::create_directories(p.parent_path());
      std::ofstream(p, std::ios::binary) << f.bytes;
      inputs_ += " '" + p.string() + "'";
    }
    std::ofstream(dir_ / "same.txt") << "# the planted links\n" << at(truth(), {"same_file"}).as_string();
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  // `chatlens analyze` on the six files; the report it writes to stdout.
  static Json analyze(const std::string& options) {
    const std::string cmd = std::string(CHATLENS_CLI) + " analyze" + inputs_ + " " + options + " -o -";
    const CliRun r = run_command(cmd, dir_ / "stderr.txt");
    EXPECT_EQ(r.status, 0) << cmd << "\n" << r.err;
    return parse_report(r.out);
  }

  static std::string same_options() {
    std::string options;
    for (const Json& l : at(truth(), {"links"}).as_array())
      options += " --same '" + l.find("a")->as_string() + "=" + l.find("b")->as_string() + "'";
    return options;
  }

  static inline fs::path dir_;
  static inline std::string inputs_;
};

// What a linked report must say: the truth, each person once.
void expect_planted_report(const Json& report) {
  const Json& sections = at(report, {"sections"});
  const Json& overview = at(sections, {"overview"});
  EXPECT_EQ(at(overview, {"data", "people"}).as_int(), at(truth(), {"people_count"}).as_int());

  // Each real person once, under one name, with their messages on every platform added up.
  const Json& people = at(overview, {"people"});
  EXPECT_EQ(people.size(), at(truth(), {"people"}).size());
  for (const Json& p : at(truth(), {"people"}).as_array()) {
    const std::string name = p.find("name")->as_string();
    const Json& aliases = at(p, {"aliases"});
    const Json* found = nullptr;
    for (const Json& a : aliases.as_array())
      if (!found) found = entry(people, "name", a.find("name")->as_string());
    if (p.find("owner")->as_bool()) found = entry(people, "name", "Alex Rivera");
    ASSERT_NE(found, nullptr) << name;
    EXPECT_EQ(at(*found, {"messages"}).as_int(), p.find("total")->as_int()) << name;
    EXPECT_EQ(at(*found, {"platforms"}).size(), aliases.size()) << name;
    EXPECT_EQ(at(*found, {"is_owner"}).as_bool(), p.find("owner")->as_bool()) << name;
  }
  // The bot writes, but is nobody.
  for (const Json& bot : at(truth(), {"bots"}).as_array())
    EXPECT_EQ(entry(people, "name", bot.find("name")->as_string()), nullptr);

  // Messages per platform, all six.
  const Json& by_platform = at(overview, {"by_platform"});
  EXPECT_EQ(by_platform.size(), 6u);
  for (const Json& planted : at(truth(), {"platforms"}).as_array()) {
    const Json* got = entry(by_platform, "platform", planted.find("platform")->as_string());
    ASSERT_NE(got, nullptr) << planted.find("platform")->as_string();
    EXPECT_EQ(at(*got, {"messages"}).as_int(), planted.find("messages")->as_int())
        << planted.find("platform")->as_string();
  }

  // The owner is one person across all six inputs.
  EXPECT_EQ(at(report, {"owner", "platforms"}).size(), 6u);
  EXPECT_EQ(at(report, {"owner", "how"}).size(), 6u);

  // Nobody twice in one list of any section (reply speed, comings and goings, shared groups...),
  // and the linked people in the people-centred sections.
  std::map<std::string, std::map<std::string, int>> seen;  // list -> name -> times
  each_named(sections, "", [&](const std::string& path, const std::string& name) { ++seen[path][name]; });
  for (const auto& [path, names] : seen)
    for (const auto& [name, times] : names) EXPECT_EQ(times, 1) << name << " in " << path;
  auto appears_in = [&](std::string_view section, std::string_view name) {
    for (const auto& [path, names] : seen)
      if (path.rfind("." + std::string(section) + ".", 0) == 0 && names.count(std::string(name))) return true;
    return false;
  };
  for (const char* section : {"reply_speed", "comings_goings", "shared_groups"})
    EXPECT_TRUE(appears_in(section, "Ana Gómez")) << section;

  // Every section says what it draws on: here, every platform.
  for (const auto& [name, section] : sections.as_object()) {
    const Json* platforms = section.find("platforms");
    ASSERT_NE(platforms, nullptr) << name;
    EXPECT_EQ(platforms->size(), 6u) << name;
  }
}

}  // namespace

TEST_F(MixedRun, SuggestionsHoldEveryPlantedPairAndNoneIsApplied) {
  chatlens::ImportSession session(chatlens::CivilDate{2024, 6, 1});
  for (const auto& f : mixed().files) {
    const auto& source = session.add(f.name, f.bytes, chatlens::title_from_file_name(f.name));
    EXPECT_TRUE(source.ok()) << f.name;
    EXPECT_EQ(source.lines_skipped, 0u) << f.name;
  }
  std::set<std::string> platforms;
  for (const auto& s : session.sources()) platforms.insert(s.platform);
  EXPECT_EQ(platforms.size(), 6u);  // each file read as its own platform
  const auto sources = session.sources();
  chatlens::Corpus corpus = std::move(session).finish();
  const chatlens::OwnerResolution owner = chatlens::resolve_owner(corpus);
  ASSERT_EQ(owner.status, chatlens::OwnerResolution::Status::Resolved);
  EXPECT_EQ(owner.how.size(), 6u);

  // Every planted pair is suggested, for its reason; every suggestion is a true pair.
  const auto who = real_person();
  std::map<std::set<std::pair<std::string, std::string>>, std::string> suggested;
  for (const auto& s : chatlens::suggest_person_links(corpus)) {
    const auto& a = corpus.people[s.a];
    const auto& b = corpus.people[s.b];
    const std::pair<std::string, std::string> ka{std::string(chatlens::to_string(a.platform)), a.name},
        kb{std::string(chatlens::to_string(b.platform)), b.name};
    ASSERT_TRUE(who.count(ka) && who.count(kb)) << a.name << " / " << b.name;
    EXPECT_EQ(who.at(ka), who.at(kb)) << "a wrong suggestion: " << a.name << " / " << b.name;
    EXPECT_FALSE(a.is_owner || b.is_owner);
    suggested[{ka, kb}] = std::string(s.reason);
  }
  for (const Json& l : at(truth(), {"links"}).as_array()) {
    const std::set<std::pair<std::string, std::string>> pair{
        {l.find("a_platform")->as_string(), l.find("a")->as_string()},
        {l.find("b_platform")->as_string(), l.find("b")->as_string()}};
    ASSERT_TRUE(suggested.count(pair)) << l.dump();
    EXPECT_EQ(suggested[pair], l.find("reason")->as_string()) << l.dump();
  }

  // Suggested, not applied: every alias is still a person of its own; the owners of the six
  // platforms are one (as the command joins them, with no link given).
  EXPECT_EQ(chatlens::apply_person_links(corpus, {}).people_merged, 5u);
  const Json report = chatlens::build_report(corpus, sources, owner);
  uint64_t aliases = 0;
  for (const Json& p : at(truth(), {"people"}).as_array())
    if (!p.find("owner")->as_bool()) aliases += at(p, {"aliases"}).size();
  EXPECT_EQ(at(report, {"sections", "overview", "data", "people"}).as_int(), static_cast<int64_t>(aliases + 1));
  for (const Json& p : at(report, {"sections", "overview", "people"}).as_array())
    EXPECT_EQ(at(p, {"platforms"}).size(), p.find("is_owner")->as_bool() ? 6u : 1u) << p.dump();
}

TEST_F(MixedRun, AnalyzeWithTheSameLinksCountsEachPersonOnce) { expect_planted_report(analyze(same_options())); }

TEST_F(MixedRun, SameFileGivesTheSameReport) {
  const Json by_file = analyze("--same-file '" + (dir_ / "same.txt").string() + "'");
  expect_planted_report(by_file);
  EXPECT_EQ(at(by_file, {"sections", "overview"}).dump(), at(analyze(same_options()), {"sections", "overview"}).dump());
}

#endif
