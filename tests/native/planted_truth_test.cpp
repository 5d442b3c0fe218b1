// Findings against planted truth: exports of an owner whose habits are known in advance
// (bench/planted_truth.hpp) at 2, 5, 20 and 100 messages a day, read back by chatlens, and
// every section checked against the truth file with stated tolerances. Each level's export
// and report are made once per test process; each level is one test.
#if __has_include("planted_truth.hpp")
#include "planted_truth.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "import/import_session.hpp"
#include "model/identity.hpp"
#include "report/report.hpp"

namespace {

using chatlens::Json;

constexpr int kWindowToleranceMinutes = 60;
constexpr double kMedianTolerance = 0.10;
constexpr int64_t kMinPlantedUses = 10;

struct Planted {
  Json truth;
  Json report;
  Json year_report;  // 2024 alone (chatlens analyze --year 2024)
};

Planted plant(double per_day) {
  chatlens::bench::PlantedOptions o;
  o.messages_per_day = per_day;
  chatlens::bench::PlantedExport e = chatlens::bench::generate_planted(o);
  // "Today" for the import: a fixed day after the planted export ends (it has years on every date).
  chatlens::ImportSession session(chatlens::CivilDate{2025, 1, 31});
  for (auto& f : e.files) {
    const auto& r = session.add(f.name, std::move(f.bytes));
    EXPECT_TRUE(r.ok()) << f.name;
    EXPECT_EQ(r.lines_skipped, 0u) << f.name;
  }
  chatlens::Corpus corpus = std::move(session).finish();
  const chatlens::OwnerResolution owner = chatlens::resolve_owner(corpus);
  EXPECT_EQ(owner.status, chatlens::OwnerResolution::Status::Resolved);
  chatlens::ReportOptions year;
  year.period = chatlens::ReportPeriod::year(2024);
  return {std::move(e.truth), chatlens::build_report(corpus, session.sources(), owner),
          chatlens::build_report(corpus, session.sources(), owner, year)};
}

const Json& at(const Json& j, std::initializer_list<std::string_view> path) {
  const Json* p = &j;
  for (auto k : path) {
    p = p->find(k);
    if (!p) throw std::runtime_error("missing " + std::string(k));
  }
  return *p;
}
std::string str(const Json& j, std::initializer_list<std::string_view> path) { return at(j, path).as_string(); }

// Minutes between two clock times, the short way round midnight.
int clock_distance(int64_t a, int64_t b) {
  const int d = static_cast<int>(((a - b) % 1440 + 1440) % 1440);
  return std::min(d, 1440 - d);
}

const Json* by_name(const Json& list, std::string_view key, std::string_view name) {
  for (const Json& e : list.as_array())
    if (e.find(key) && e.find(key)->as_string() == name) return &e;
  return nullptr;
}

std::set<std::string> words_of(const std::string& term) {
  std::set<std::string> w;
  size_t pos = 0;
  while (pos <= term.size()) {
    const size_t sp = std::min(term.find(' ', pos), term.size());
    w.insert(term.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return w;
}

// Sleep: the quiet windows of weekdays and weekends within 60 min of the planted ones; the
// per-night silence labelled an upper bound, with a typical night only inside 3-12 h; the
// verdict follows the window (00:30-08:00 on weekdays is neither owl nor lark).
void check_sleep(const Planted& p, bool thin) {
  SCOPED_TRACE("sleep");
  const Json& s = at(p.report, {"sections", "sleep"});
  for (const char* kind : {"weekdays", "weekends"}) {
    SCOPED_TRACE(kind);
    const Json& w = at(s, {"quiet_window", kind});
    if (thin && !at(w, {"found"}).as_bool()) {  // refused, and says why
      EXPECT_TRUE(w.find("reason") != nullptr);
      continue;
    }
    ASSERT_TRUE(at(w, {"found"}).as_bool());
    EXPECT_LE(clock_distance(at(w, {"from_minutes"}).as_int(), at(p.truth, {"sleep", kind, "from_minutes"}).as_int()),
              kWindowToleranceMinutes)
        << str(w, {"from"});
    EXPECT_LE(clock_distance(at(w, {"to_minutes"}).as_int(), at(p.truth, {"sleep", kind, "to_minutes"}).as_int()),
              kWindowToleranceMinutes)
        << str(w, {"to"});
  }
  const Json& silence = at(s, {"longest_silence"});
  EXPECT_TRUE(at(silence, {"upper_bound"}).as_bool());
  if (const Json* typical = silence.find("typical_night_hours"); typical && !typical->is_null()) {
    EXPECT_GE(typical->as_double(), 3.0);
    EXPECT_LE(typical->as_double(), 12.0);
  } else {
    EXPECT_TRUE(silence.find("refused") != nullptr);
  }
  if (!at(s, {"enough_data"}).as_bool()) {
    EXPECT_TRUE(thin);
    EXPECT_TRUE(s.find("note") != nullptr);
    return;
  }
  EXPECT_EQ(str(s, {"verdict"}), "in_between");
}

// Work: the work group found by its schedule and named (and no other chat), its window within
// 60 min of 09:00-17:00, and the evidence stated.
void check_work(const Planted& p, bool thin) {
  SCOPED_TRACE("work");
  const Json& w = at(p.report, {"sections", "work"});
  if (thin && !at(w, {"enough_data"}).as_bool()) {
    EXPECT_TRUE(w.find("note") != nullptr);
    return;
  }
  ASSERT_TRUE(at(w, {"enough_data"}).as_bool());
  EXPECT_TRUE(at(w, {"shows_working_hours"}).as_bool());
  const Json& chats = at(w, {"work_chats"});
  ASSERT_EQ(chats.size(), 1u);
  EXPECT_EQ(str(chats.as_array()[0], {"chat"}), str(p.truth, {"work", "chat"}));
  EXPECT_EQ(str(w, {"window", "evidence"}), "work_chats");
  EXPECT_LE(clock_distance(at(w, {"window", "from_minutes"}).as_int(),
                           at(p.truth, {"work", "window", "from_minutes"}).as_int()),
            kWindowToleranceMinutes);
  EXPECT_LE(
      clock_distance(at(w, {"window", "to_minutes"}).as_int(), at(p.truth, {"work", "window", "to_minutes"}).as_int()),
      kWindowToleranceMinutes);
}

// Comings and goings: exactly the planted newcomers with their months, everyone else there from
// the beginning; the faded person and the comeback with their months exactly (thin data may
// show neither, never a wrong one).
void check_comings_goings(const Planted& p, bool thin) {
  SCOPED_TRACE("comings_goings");
  const Json& g = at(p.report, {"sections", "comings_goings"});
  ASSERT_TRUE(at(g, {"enough_data"}).as_bool());
  EXPECT_EQ(at(g, {"appear_after_days"}).as_int(), 60);
  const Json& appeared = at(g, {"appeared"});
  const Json& planted = at(p.truth, {"comings_goings", "appeared"});
  ASSERT_EQ(appeared.size(), planted.size()) << appeared.dump();
  for (size_t i = 0; i < planted.size(); ++i) {
    EXPECT_EQ(str(appeared.as_array()[i], {"name"}), str(planted.as_array()[i], {"name"}));
    EXPECT_EQ(str(appeared.as_array()[i], {"month"}), str(planted.as_array()[i], {"month"}));
  }
  EXPECT_EQ(at(g, {"there_from_the_beginning", "count"}).as_int(),
            static_cast<int64_t>(at(p.truth, {"comings_goings", "there_from_the_beginning"}).size()));
  const Json& faded = at(g, {"faded"});
  if (thin && faded.size() == 0) return;
  ASSERT_EQ(faded.size(), 1u) << faded.dump();
  EXPECT_EQ(str(faded.as_array()[0], {"name"}), "Marta");
  EXPECT_EQ(str(faded.as_array()[0], {"last_month"}),
            str(at(p.truth, {"comings_goings", "faded"}).as_array()[0], {"last_month"}));
  const Json& comebacks = at(g, {"comebacks"});
  // With a few messages a month, a colleague who happened not to speak in a group for most of a
  // year did leave such a silence in the data: thin data checks only the planted comeback, if shown.
  if (thin) {
    if (const Json* pablo = by_name(comebacks, "name", "Pablo"))
      EXPECT_EQ(str(*pablo, {"back_in"}), str(at(p.truth, {"comings_goings", "comebacks"}).as_array()[0], {"back_in"}));
    return;
  }
  ASSERT_EQ(comebacks.size(), 1u) << comebacks.dump();
  const Json& planted_back = at(p.truth, {"comings_goings", "comebacks"}).as_array()[0];
  EXPECT_EQ(str(comebacks.as_array()[0], {"name"}), str(planted_back, {"name"}));
  EXPECT_EQ(str(comebacks.as_array()[0], {"silent_from"}), str(planted_back, {"silent_from"}));
  EXPECT_EQ(str(comebacks.as_array()[0], {"back_in"}), str(planted_back, {"back_in"}));
}

// Topics: each year's top terms hold that year's planted interests (those the owner used at least
// kMinPlantedUses times that year: fewer is not evidence) and none of the filler words;
// so do the overall interests; every chat listed has terms, holding its planted topics.
void check_topics(const Planted& p, bool thin) {
  SCOPED_TRACE("topics");
  const Json& t = at(p.report, {"sections", "topics"});
  if (thin && !at(t, {"enough_data"}).as_bool()) {
    EXPECT_TRUE(t.find("note") != nullptr);
    return;
  }
  ASSERT_TRUE(at(t, {"enough_data"}).as_bool());
  EXPECT_EQ(str(t, {"period"}), "year");
  std::set<std::string> filler;
  for (const Json& w : at(p.truth, {"topics", "filler_words"}).as_array()) filler.insert(w.as_string());
  auto no_filler = [&](const Json& list, const char* key) {
    for (const Json& e : list.as_array())
      for (const std::string& w : words_of(str(e, {key}))) EXPECT_EQ(filler.count(w), 0u) << "filler: " << w;
  };
  for (const auto& [year, words] : at(p.truth, {"topics", "by_year"}).as_object()) {
    SCOPED_TRACE(year);
    const Json* period = by_name(at(t, {"by_period"}), "period", year);
    ASSERT_NE(period, nullptr);
    const Json& terms = at(*period, {"terms"});
    for (const Json& w : words.as_array()) {
      const Json* uses = at(p.truth, {"topics", "by_year_uses"}).find(year);
      const Json* n = uses ? uses->find(w.as_string()) : nullptr;
      if (!n || n->as_int() < kMinPlantedUses) continue;
      EXPECT_NE(by_name(terms, "term", w.as_string()), nullptr) << w.as_string() << " not in " << terms.dump();
    }
    no_filler(terms, "term");
  }
  no_filler(at(t, {"interests"}), "term");
  for (const Json& chat : at(t, {"by_chat"}).as_array()) {
    const std::string title = str(chat, {"chat"});
    SCOPED_TRACE(title);
    EXPECT_GT(at(chat, {"terms"}).size(), 0u);
    no_filler(at(chat, {"terms"}), "term");
    if (const Json* planted = at(p.truth, {"topics", "by_chat"}).find(title))
      for (const Json& w : planted->as_array())
        EXPECT_NE(by_name(at(chat, {"terms"}), "term", w.as_string()), nullptr) << w.as_string();
  }
}

// Reply speed: each contact's medians in both directions within 10% of the planted ones; one
// ranking per direction, fastest and slowest ends apart, in the planted order at both ends.
void check_reply_speed(const Planted& p, bool thin) {
  SCOPED_TRACE("reply_speed");
  const Json& r = at(p.report, {"sections", "reply_speed"});
  ASSERT_TRUE(at(r, {"enough_data"}).as_bool());
  const Json& contacts = at(r, {"private", "contacts"});
  for (const Json& truth : at(p.truth, {"contacts"}).as_array()) {
    const std::string name = str(truth, {"name"});
    SCOPED_TRACE(name);
    const Json* c = by_name(contacts, "name", name);
    if (thin && !c) continue;  // too few replies: no median shown
    ASSERT_NE(c, nullptr);
    for (auto [mine, theirs] : {std::pair{"you_reply", "owner_reply_median_seconds"},
                                std::pair{"they_reply", "their_reply_median_seconds"}}) {
      if (at(*c, {mine, "median_seconds"}).is_null()) {  // too few replies in this direction: none shown
        EXPECT_LT(at(*c, {mine, "replies"}).as_int(), at(r, {"min_replies"}).as_int());
        continue;
      }
      const double want = at(truth, {theirs}).as_double();
      const double got = at(*c, {mine, "median_seconds"}).as_double();
      EXPECT_NEAR(got, want, kMedianTolerance * want) << mine;
    }
  }
  for (auto [ranking, field] :
       {std::pair{"you_reply", "owner_reply_median_seconds"}, std::pair{"they_reply", "their_reply_median_seconds"}}) {
    SCOPED_TRACE(ranking);
    const Json& rk = at(r, {"private", ranking});
    std::set<std::string> fast;
    for (const Json& e : at(rk, {"fastest"}).as_array()) fast.insert(str(e, {"name"}));
    for (const Json& e : at(rk, {"slowest"}).as_array()) EXPECT_EQ(fast.count(str(e, {"name"})), 0u);
    std::string quickest, slowest;
    double lo = 1e18, hi = -1;
    for (const Json& truth : at(p.truth, {"contacts"}).as_array()) {
      const double v = at(truth, {field}).as_double();
      if (v < lo) lo = v, quickest = str(truth, {"name"});
      if (v > hi) hi = v, slowest = str(truth, {"name"});
    }
    if (thin) continue;  // the ends depend on who has enough replies
    EXPECT_EQ(str(at(rk, {"fastest"}).as_array()[0], {"name"}), quickest);
    EXPECT_EQ(str(at(rk, {"slowest"}).as_array()[0], {"name"}), slowest);
  }
}

// Conversations: per contact, messages sent and received, conversations, the share started by the
// owner, the median length in messages and the longest exactly; the median in minutes within
// 10% (WhatsApp keeps minutes only); double texts exactly.
void check_conversations(const Planted& p, bool thin) {
  SCOPED_TRACE("conversations");
  const Json& s = at(p.report, {"sections", "conversations"});
  ASSERT_TRUE(at(s, {"enough_data"}).as_bool());
  for (const Json& truth : at(p.truth, {"contacts"}).as_array()) {
    const std::string name = str(truth, {"name"});
    SCOPED_TRACE(name);
    const Json* c = by_name(at(s, {"contacts"}), "name", name);
    if (thin && !c) {  // fewer conversations than the section needs: left out
      EXPECT_LT(at(truth, {"conversations"}).as_int(), at(s, {"min_conversations"}).as_int());
      continue;
    }
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(at(*c, {"sent"}).as_int(), at(truth, {"sent"}).as_int());
    EXPECT_EQ(at(*c, {"received"}).as_int(), at(truth, {"received"}).as_int());
    EXPECT_EQ(at(*c, {"conversations"}).as_int(), at(truth, {"conversations"}).as_int());
    EXPECT_NEAR(at(*c, {"started_by_you_share"}).as_double(), at(truth, {"owner_started_share"}).as_double(), 1e-9);
    EXPECT_DOUBLE_EQ(at(*c, {"median_messages"}).as_double(), at(truth, {"median_conversation_messages"}).as_double());
    const double minutes = at(truth, {"median_conversation_minutes"}).as_double();
    EXPECT_NEAR(at(*c, {"median_minutes"}).as_double(), minutes, std::max(1.0, kMedianTolerance * minutes));
    EXPECT_EQ(at(*c, {"longest", "messages"}).as_int(), at(truth, {"longest_conversation_messages"}).as_int());
    EXPECT_EQ(at(*c, {"your_double_texts"}).as_int(), at(truth, {"owner_double_texts"}).as_int());
  }
}

// Mood: the steepest fall between consecutive months is the planted shift month, and the mean
// of the months before it is above the mean of the months after.
void check_mood(const Planted& p, bool thin) {
  SCOPED_TRACE("mood");
  const Json& m = at(p.report, {"sections", "mood"});
  if (thin && !at(m, {"enough_data"}).as_bool()) {
    EXPECT_TRUE(m.find("note") != nullptr);
    return;
  }
  ASSERT_TRUE(at(m, {"enough_data"}).as_bool());
  const std::string shift = str(p.truth, {"mood", "shift_month"});
  std::string steepest;
  double fall = -1e9, before = 0, after = 0;
  int n_before = 0, n_after = 0;
  const Json* prev = nullptr;
  for (const Json& month : at(m, {"months"}).as_array()) {
    if (at(month, {"mean"}).is_null()) continue;
    const double mean = at(month, {"mean"}).as_double();
    (str(month, {"period"}) < shift ? before : after) += mean;
    (str(month, {"period"}) < shift ? n_before : n_after)++;
    if (prev && at(*prev, {"mean"}).as_double() - mean > fall)
      fall = at(*prev, {"mean"}).as_double() - mean, steepest = str(month, {"period"});
    prev = &month;
  }
  if (!thin) EXPECT_EQ(steepest, shift);  // month means of a few emoji each are noise
  ASSERT_GT(n_before, 0);
  ASSERT_GT(n_after, 0);
  EXPECT_GT(before / n_before, after / n_after);
}

// This year against the year before (2024 against 2023): the report and every section say they
// cover 2024; the people who appeared in 2024 and faded in 2023 are the planted ones, the mood
// is lower (the planted shift to negative emoji in 2024-03), the 2024 interests are new and
// 2023's are not, and weekday mornings start earlier by the planted hour (within a 15-minute slot).
void check_year_vs_year(const Planted& p, bool thin) {
  SCOPED_TRACE("year_vs_year");
  const Json& r = p.year_report;
  EXPECT_EQ(str(r, {"period", "kind"}), "year");
  EXPECT_EQ(str(r, {"period", "from"}), "2024-01-01");
  EXPECT_EQ(str(r, {"period", "to"}), "2024-12-31");
  for (const auto& [name, section] : at(r, {"sections"}).as_object())
    EXPECT_EQ(at(section, {"covers"}).dump(), at(r, {"period"}).dump()) << name;
  const Json& y = at(r, {"sections", "year_vs_year"});
  EXPECT_EQ(str(y, {"previous_period", "from"}), "2023-01-01");
  EXPECT_EQ(str(y, {"previous_period", "to"}), "2023-12-31");
  if (thin && !at(y, {"enough_data"}).as_bool()) {
    EXPECT_EQ(str(y, {"note", "key"}), "year_vs_year.too_little_data");
    return;
  }
  ASSERT_TRUE(at(y, {"enough_data"}).as_bool());
  for (const Json& year : at(r, {"years"}).as_array())
    if (at(year, {"year"}).as_int() == 2024)
      EXPECT_EQ(at(y, {"messages", "this"}).as_int(), at(year, {"owner_messages"}).as_int());

  auto names = [](const Json& list) {
    std::set<std::string> out;
    for (const Json& e : list.as_array()) out.insert(str(e, {"name"}));
    return out;
  };
  std::set<std::string> appeared_2024, faded_2023;
  for (const Json& a : at(p.truth, {"comings_goings", "appeared"}).as_array())
    if (str(a, {"month"}).rfind("2024", 0) == 0) appeared_2024.insert(str(a, {"name"}));
  for (const Json& f : at(p.truth, {"comings_goings", "faded"}).as_array())
    if (str(f, {"last_month"}).rfind("2023", 0) == 0) faded_2023.insert(str(f, {"name"}));
  ASSERT_FALSE(appeared_2024.empty());
  ASSERT_FALSE(faded_2023.empty());
  EXPECT_EQ(names(at(y, {"people", "appeared"})), appeared_2024);
  EXPECT_EQ(names(at(y, {"people", "faded"})), faded_2023);
  EXPECT_EQ(str(y, {"people", "appeared_message", "key"}), "year_vs_year.appeared");

  if (!(thin && at(y, {"mood"}).is_null())) {  // thin data may have too few scored emoji
    EXPECT_EQ(str(y, {"mood", "verdict"}), "lower");
    EXPECT_LT(at(y, {"mood", "change_ci_high"}).as_double(), 0.0);
    EXPECT_EQ(str(y, {"mood", "message", "key"}), "year_vs_year.mood_lower");
  }

  std::set<std::string> fresh;
  if (thin && at(y, {"topics"}).is_null()) return;  // too little text for topics: said by the topics section
  for (const Json& t : at(y, {"topics", "new"}).as_array()) fresh.insert(str(t, {"term"}));
  for (const char* year : {"2023", "2024"})
    for (const auto& [word, uses] : at(p.truth, {"topics", "by_year_uses", year}).as_object()) {
      if (uses.as_int() < kMinPlantedUses) continue;
      if (std::string(year) == "2024")
        EXPECT_EQ(fresh.count(word), 1u) << "new in 2024: " << word;
      else
        EXPECT_EQ(fresh.count(word), 0u) << "already in 2023: " << word;
    }

  const auto planted = [&](const char* year, const char* end) {
    return at(p.truth, {"sleep", "by_year", year, "weekdays", end}).as_int();
  };
  EXPECT_NEAR(at(y, {"sleep", "bedtime_shift_minutes"}).as_int(),
              planted("2024", "from_minutes") - planted("2023", "from_minutes"), 15);
  EXPECT_NEAR(at(y, {"sleep", "wake_shift_minutes"}).as_int(),
              planted("2024", "to_minutes") - planted("2023", "to_minutes"), 15);
  EXPECT_EQ(str(y, {"sleep", "message", "key"}), "year_vs_year.sleep_earlier");
}

// From 2 messages a day every finding must be there and right. Below (thin data) a section may
// refuse a finding, saying why, but what it does show must still be right.
constexpr double kLevelsWithFindings = 2;

class PlantedTruth : public ::testing::TestWithParam<double> {};

TEST_P(PlantedTruth, EverySectionHoldsUp) {
  const Planted p = plant(GetParam());
  const bool thin = GetParam() < kLevelsWithFindings;
  // The generator keeps its promise of a level (within 20%, or 0.15 a day for the thin one).
  EXPECT_NEAR(at(p.truth, {"owner_messages_per_day"}).as_double(), GetParam(), std::max(0.15, 0.2 * GetParam()));
  check_sleep(p, thin);
  check_work(p, thin);
  check_comings_goings(p, thin);
  check_topics(p, thin);
  check_reply_speed(p, thin);
  check_conversations(p, thin);
  check_mood(p, thin);
  check_year_vs_year(p, thin);
}

INSTANTIATE_TEST_SUITE_P(MessagesPerDay, PlantedTruth, ::testing::Values(0.3, 2.0, 5.0, 20.0, 100.0),
                         [](const ::testing::TestParamInfo<double>& i) {
                           return i.param < 1 ? std::string("Thin")
                                              : "PerDay" + std::to_string(static_cast<int>(i.param));
                         });

TEST(PlantedTruthExport, SameOptionsGiveTheSameFilesAndTruth) {
  chatlens::bench::PlantedOptions o;
  o.messages_per_day = 3;
  const auto a = chatlens::bench::generate_planted(o), b = chatlens::bench::generate_planted(o);
  ASSERT_EQ(a.files.size(), b.files.size());
  for (size_t i = 0; i < a.files.size(); ++i) EXPECT_EQ(a.files[i].bytes, b.files[i].bytes) << a.files[i].name;
  EXPECT_EQ(a.truth.dump(), b.truth.dump());
}

}  // namespace
#endif
