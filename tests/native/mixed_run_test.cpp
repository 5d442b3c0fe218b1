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

namespace {

const MixedExport& mixed() {
  static const MixedExport m = generate_mixed();
  return m;
}
const Json& truth() { return mixed().truth; }

const Json& at(const Json& j, std::initializer_list<std::string_view> path) {
  const Json* p = &j;
  for (std::string_view key : path) {
    p = p->find(key);
    if (!p) throw std::runtime_error("no " + std::string(key));
  }
  return *p;
}

const Json* entry(const Json& list, std::string_view key, std::string_view value) {
  for (const Json& item : list.as_array())
    if (const Json* v = item.find(key); v && v->is_string() && v->as_string() == value) return &item;
  return nullptr;
}

// Every "name" in a section, with the path of the list it is in.
void each_named(const Json& j, const std::string& path,
                const std::function<void(const std::string&, const std::string&)>& fn) {
  if (j.is_object()) {
    if (const Json* name = j.find("name"); name && name->is_string()) fn(path, name->as_string());
    for (const auto& [key, value] : j.as_object()) each_named(value, path + "." + key, fn);
  } else if (j.is_array()) {
    for (const Json& item : j.as_array()) each_named(item, path, fn);
  }
}

Json from_dom(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::OBJECT: {
      Json o = Json::object();
      const simdjson::dom::object object = e.get_object().value_unsafe();
      for (auto field : object) o[field.key] = from_dom(field.value);
      return o;
    }
    case simdjson::dom::element_type::ARRAY: {
      Json a = Json::array();
      const simdjson::dom::array array = e.get_array().value_unsafe();
      for (auto item : array) a.push(from_dom(item));
      return a;
    }
    case simdjson::dom::element_type::STRING: return Json(std::string_view(e.get_string().value_unsafe()));
    case simdjson::dom::element_type::INT64: return Json(e.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64: return Json(e.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE: return Json(e.get_double().value_unsafe());
    case simdjson::dom::element_type::BOOL: return Json(e.get_bool().value_unsafe());
    case simdjson::dom::element_type::NULL_VALUE: return Json();
  }
  return Json();
}

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
    const std::string cmd = std::string(CHATLENS_CLI) + " analyze" + inputs_ + " " + options + " -o - 2>/dev/null";
    std::string out;
    FILE* pipe = popen(cmd.c_str(), "r");
    char buf[1 << 14];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    EXPECT_EQ(pclose(pipe), 0) << cmd;
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (parser.parse(out).get(doc)) {
      ADD_FAILURE() << "not JSON: " << out.substr(0, 200);
      return Json::object();
    }
    return from_dom(doc);
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
