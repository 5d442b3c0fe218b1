// Planted truth: see planted_truth.hpp. The world, in one place:
//  * Span 2022-07-01 .. 2024-12-31. The owner sleeps 00:30-08:00 before weekdays and
//    02:00-10:00 before Saturdays and Sundays (by the calendar day of the morning), never
//    writes then (from 2024 on, weekday mornings start at 07:00: the sleep shift year_vs_year
//    finds), and is silent altogether 2022-08-08..21, 2023-04-10..23, 2024-08-05..25.
//    Each day has an activity weight (log-normal, one day in ten off).
//  * WhatsApp: Lucía (appears 2023-03), Marta (fades: last message 2023-09), Pablo (silent
//    2023-02..2023-08, back 2023-09), Tomás (appears 2024-02), "Equipo Oficina" (work
//    group, weekdays 09:00-17:00 only), "Familia" (group). Telegram: Sofía (Spanish and
//    English), Jamie (English). Everyone else is there from the first weeks.
//  * Conversations: at most one per chat and day, at least six hours apart, so that
//    chatlens' default split finds exactly the planted conversations. Turns alternate;
//    the first message of a turn comes after a planted log-normal delay (antithetic pairs
//    around each contact's median); some owner turns add a double text 10-40 min later.
//  * Text: everyday language with the filler words in every Spanish chat; topic words
//    per year (Spanish personal chats) and per chat; the owner's emoji turn from
//    positive to negative in 2024-03.
#include "planted_truth.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "model/local_time.hpp"

namespace chatlens::bench {
namespace {

// xoshiro-free: splitmix64 alone is enough for a generator that is not a benchmark.
class Random {
 public:
  explicit Random(uint64_t seed) : x_(seed * 0x9E3779B97F4A7C15ull + 0x1234567ull) {}
  uint64_t next() {
    uint64_t z = (x_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return uniform() < p; }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(uniform() * n); }
  double normal() {  // Irwin-Hall of 4, rescaled: deterministic across standard libraries
    const double s = uniform() + uniform() + uniform() + uniform();
    return (s - 2.0) * 1.7320508075688772;
  }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(static_cast<uint32_t>(v.size()))];
  }

 private:
  uint64_t x_;
};

// Delays around a median: antithetic pairs (z, -z), so the sample median stays at the median.
class DelayStream {
 public:
  DelayStream(double median_seconds, uint64_t seed) : median_(median_seconds), rng_(seed) {}
  double next() {
    double z;
    if (pending_) {
      z = -*pending_;
      pending_.reset();
    } else {
      z = std::clamp(rng_.normal(), -2.0, 2.0);
      pending_ = z;
    }
    return median_ * std::exp(0.8 * z);
  }

 private:
  double median_;
  Random rng_;
  std::optional<double> pending_;
};

constexpr int64_t day_of(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }
const int64_t kFirstDay = day_of(2022, 7, 1);
const int64_t kLastDay = day_of(2024, 12, 31);
const int64_t kMoodShiftDay = day_of(2024, 3, 1);
const std::pair<int64_t, int64_t> kSilences[] = {{day_of(2022, 8, 8), day_of(2022, 8, 21)},
                                                 {day_of(2023, 4, 10), day_of(2023, 4, 23)},
                                                 {day_of(2024, 8, 5), day_of(2024, 8, 25)}};
constexpr int kWeekdayWake = 8 * 60, kWeekendWake = 10 * 60;  // minutes of the morning's day
constexpr int kWeekdayBed = 30, kWeekendBed = 2 * 60;         // minutes after the midnight before
constexpr int kWeekdayWakeFrom2024 = 7 * 60;                  // the planted sleep shift: an hour earlier
const int64_t kSleepShiftDay = day_of(2024, 1, 1);            // first morning with the earlier wake-up
constexpr int kWorkFrom = 9 * 60, kWorkTo = 17 * 60;          // the work group's weekday hours
constexpr double kDoubleTextMinSeconds = 5 * 60;              // as the conversations section counts
const char* const kOwner = "Alex Rivera";

bool weekend(int64_t day) { return LocalTime{day * 86400}.weekday() >= 5; }
// When the owner wakes up on `day`, minutes after its midnight.
int wake_up(int64_t day) {
  return weekend(day) ? kWeekendWake : day >= kSleepShiftDay ? kWeekdayWakeFrom2024 : kWeekdayWake;
}
bool silent(int64_t day) {
  for (auto [a, b] : kSilences)
    if (day >= a && day <= b) return true;
  return false;
}
std::string month_label(int64_t day) {
  const CivilDate c = civil_from_days(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
  return buf;
}
std::string clock(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

enum class Lang { Es, En, Mixed };

struct ChatSpec {
  std::string title;
  bool telegram = false;
  std::vector<std::string> others;
  Lang lang = Lang::Es;
  double share = 0;  // of the owner's messages, over the chat's active days
  std::vector<std::pair<int64_t, int64_t>> ranges;
  double owner_starts = 0.5;
  double owner_delay = 600, their_delay = 600;  // median seconds to answer
  double double_text = 0.05;                    // chance per owner turn
  bool work = false;
  bool year_topics = false;  // the owner talks about the year's interests here
  std::vector<std::string> topics;
  bool group() const { return others.size() > 1; }
};

std::vector<ChatSpec> chat_specs() {
  const int64_t end = kLastDay;
  std::vector<ChatSpec> v;
  auto add = [&](ChatSpec s) { v.push_back(std::move(s)); };
  add({"Lucía",
       false,
       {"Lucía"},
       Lang::Es,
       .12,
       {{day_of(2023, 3, 6), end}},
       .7,
       20 * 60,
       40 * 60,
       .15,
       false,
       true,
       {}});
  add({"Marta",
       false,
       {"Marta"},
       Lang::Es,
       .08,
       {{kFirstDay + 2, day_of(2023, 9, 22)}},
       .3,
       30 * 60,
       15 * 60,
       .05,
       false,
       true,
       {}});
  add({"Pablo",
       false,
       {"Pablo"},
       Lang::Es,
       .06,
       {{kFirstDay + 3, day_of(2023, 1, 20)}, {day_of(2023, 9, 11), end}},
       .5,
       45 * 60,
       25 * 60,
       .05,
       false,
       true,
       {}});
  add({"Tomás",
       false,
       {"Tomás"},
       Lang::Es,
       .05,
       {{day_of(2024, 2, 12), end}},
       .4,
       25 * 60,
       50 * 60,
       .1,
       false,
       true,
       {}});
  add({"Equipo Oficina",
       false,
       {"Carmen Ruiz", "Diego Sanz", "Elena Mora"},
       Lang::Es,
       .35,
       {{kFirstDay, end}},
       .3,
       6 * 60,
       6 * 60,
       0,
       true,
       false,
       {"presupuesto", "factura", "proveedor"}});
  add({"Familia",
       false,
       {"Mamá", "Papá"},
       Lang::Es,
       .10,
       {{kFirstDay + 1, end}},
       .4,
       30 * 60,
       30 * 60,
       0,
       false,
       false,
       {"paella", "huerto", "tomates"}});
  add({"Sofía", true, {"Sofía"}, Lang::Mixed, .13, {{kFirstDay + 4, end}}, .5, 180, 90, .1, false, true, {}});
  add({"Jamie",
       true,
       {"Jamie"},
       Lang::En,
       .12,
       {{kFirstDay + 5, end}},
       .2,
       60 * 60,
       10 * 60,
       .05,
       false,
       false,
       {"hiking", "trail", "camping"}});
  return v;
}

const std::map<int, std::vector<std::string>>& year_topics() {
  static const std::map<int, std::vector<std::string>> t = {{2022, {"fotografía", "revelado", "diafragma"}},
                                                            {2023, {"guitarra", "concierto", "ensayo"}},
                                                            {2024, {"maratón", "zapatillas", "entrenamiento"}}};
  return t;
}

const std::vector<std::string> kEverydayEs = {"vale, mañana te llamo",
                                              "no te preocupes",
                                              "nos vemos en casa",
                                              "perfecto, hablamos luego",
                                              "ya te cuento",
                                              "qué ganas de verte",
                                              "llego a casa en un rato",
                                              "¿hablamos mañana?",
                                              "te llamo cuando salga",
                                              "perfecto",
                                              "vale, nos vemos",
                                              "no te preocupes, ya lo miro",
                                              "tengo muchas ganas",
                                              "luego te cuento",
                                              "estoy en casa",
                                              "¿qué tal el día?",
                                              "muy bien, ¿y tú?",
                                              "jaja sí",
                                              "mañana lo vemos",
                                              "perfecto, mañana hablamos"};
const std::vector<std::string> kEverydayEn = {"sounds good, talk later",
                                              "see you tomorrow",
                                              "call me when you get home",
                                              "no worries",
                                              "thanks!",
                                              "cool, see you",
                                              "on my way home",
                                              "let me know",
                                              "haha yes",
                                              "how was your day?"};
const std::vector<std::string> kTopicEs = {"mañana tengo {}",     "qué ganas de {}",   "he estado mirando lo del {}",
                                           "esta semana toca {}", "¿viste lo del {}?", "hoy {} otra vez"};
const std::vector<std::string> kTopicEn = {"{} this weekend?", "found a new {}", "the {} was amazing", "more {} soon"};
const std::vector<std::string> kWorkEs = {"¿me pasas el {}?", "el {} está listo", "revisad el {} cuando podáis",
                                          "falta el {} de marzo"};
const std::vector<std::string> kPositive = {"😀", "😂", "❤️", "👍", "🎉", "😍"};
const std::vector<std::string> kNegative = {"😢", "😞", "😔", "💔", "😡", "😩"};

std::string fill(const std::string& pattern, const std::string& word) {
  const size_t at = pattern.find("{}");
  return pattern.substr(0, at) + word + pattern.substr(at + 2);
}

struct Msg {
  int64_t t;   // local seconds
  int sender;  // -1: the owner; else index into the chat's others
  std::string text;
};

struct Conversation {
  std::vector<Msg> messages;
};

struct ChatOut {
  const ChatSpec* spec;
  std::vector<Conversation> conversations;
};

class World {
 public:
  World(double per_day, uint64_t seed) : per_day_(per_day), seed_(seed), rng_(seed) {
    for (int64_t d = kFirstDay; d <= kLastDay; ++d) {
      double w = std::exp(0.6 * rng_.normal());
      if (silent(d) || rng_.chance(0.1)) w = 0;
      weight_.push_back(w);
    }
    double sum = 0;
    for (double w : weight_) sum += w;
    mean_weight_ = sum / static_cast<double>(weight_.size());
  }

  // The owner's uses of each year's topic words (the planted evidence).
  std::map<int, std::map<std::string, uint64_t>> topic_uses;

  ChatOut chat(const ChatSpec& spec, size_t index) {
    ChatOut out{&spec, {}};
    Random rng(seed_ * 1000003 + index);
    DelayStream mine(spec.owner_delay, seed_ * 7919 + index * 2),
        theirs(spec.their_delay, seed_ * 7919 + index * 2 + 1);
    int64_t active = 0;
    for (auto [a, b] : spec.ranges)
      for (int64_t d = a; d <= b; ++d) active += !(spec.work && weekend(d));
    const double span = static_cast<double>(kLastDay - kFirstDay + 1);
    const double target = per_day_ * spec.share * span / static_cast<double>(active) / mean_weight_;
    for (auto [a, b] : spec.ranges) {
      for (int64_t d = a; d <= b; ++d) {
        if (spec.work && weekend(d)) continue;
        const bool forced = d == a || d == b;
        const double expected = target * weight_[static_cast<size_t>(d - kFirstDay)];
        constexpr double kTypical = 3;  // owner messages in a typical conversation
        const double p = std::min(1.0, expected / kTypical);
        if (!forced && (expected <= 0 || !rng.chance(p))) continue;
        if (forced && silent(d)) continue;
        // A conversation carries what the day would have spread over several (kTypical when forced on an off day).
        const double size = p > 0 ? expected / p : kTypical;
        const int owner_messages = std::max(1, static_cast<int>(std::lround(size * std::exp(0.3 * rng.normal()))));
        Conversation c = conversation(spec, d, owner_messages, forced, rng, mine, theirs);
        if (!c.messages.empty()) out.conversations.push_back(std::move(c));
      }
    }
    return out;
  }

 private:
  std::string text(const ChatSpec& spec, int sender, int64_t t, Random& rng) {
    const int64_t day = LocalTime{t}.day();
    const int year = civil_from_days(day).year;
    const bool en = spec.lang == Lang::En || (spec.lang == Lang::Mixed && rng.chance(0.4));
    std::string s;
    if (!spec.topics.empty() && rng.chance(0.25))
      s = fill(rng.pick(spec.work ? kWorkEs : en ? kTopicEn : kTopicEs), rng.pick(spec.topics));
    else if (sender < 0 && spec.year_topics && !en && year_topics().count(year) && rng.chance(0.15)) {
      const std::string& word = rng.pick(year_topics().at(year));
      s = fill(rng.pick(kTopicEs), word);
      ++topic_uses[year][word];
    } else
      s = rng.pick(en ? kEverydayEn : kEverydayEs);
    if (sender < 0 && rng.chance(0.35)) s += " " + rng.pick(day >= kMoodShiftDay ? kNegative : kPositive);
    return s;
  }

  // One conversation on day d with about owner_messages of the owner's, placed wholly
  // inside the owner's waking hours (the work group: inside office hours).
  Conversation conversation(const ChatSpec& spec, int64_t d, int owner_messages, bool forced, Random& rng,
                            DelayStream& mine, DelayStream& theirs) {
    const int owner_turns =
        std::clamp(static_cast<int>(std::lround(std::sqrt(owner_messages) * 1.3)), 1, owner_messages);
    const bool owner_first = rng.chance(spec.owner_starts);
    int their_turns = owner_turns + (owner_first ? -static_cast<int>(rng.below(2)) : static_cast<int>(rng.below(2)));
    if (forced) their_turns = std::max<int>(their_turns, static_cast<int>(spec.others.size()));
    if (their_turns == 0) their_turns = spec.others.size() > 0 && forced ? 1 : 0;
    const int turns = owner_turns + their_turns;
    // Bubbles per owner turn: spread owner_messages over the turns.
    std::vector<int> owner_bubbles(static_cast<size_t>(owner_turns), owner_messages / owner_turns);
    for (int k = 0; k < owner_messages % owner_turns; ++k) ++owner_bubbles[static_cast<size_t>(k)];
    const int their_per_turn = std::max(1, owner_messages / owner_turns);

    std::vector<Msg> msgs;
    int64_t t = 0;
    int owner_turn = 0, their_turn = 0;
    bool owner_turn_now = owner_first;
    for (int k = 0; k < turns; ++k) {
      if (owner_turn_now && owner_turn >= owner_turns) owner_turn_now = false;
      if (!owner_turn_now && their_turn >= their_turns) owner_turn_now = true;
      if (k > 0) t += static_cast<int64_t>(std::llround((owner_turn_now ? mine : theirs).next()));
      const int sender = owner_turn_now
                             ? -1
                             : (forced ? their_turn % static_cast<int>(spec.others.size())
                                       : static_cast<int>(rng.below(static_cast<uint32_t>(spec.others.size()))));
      const int bubbles = owner_turn_now ? owner_bubbles[static_cast<size_t>(owner_turn)]
                                         : std::max(1, their_per_turn + static_cast<int>(rng.below(2)) - 0);
      for (int b = 0; b < bubbles; ++b) {
        if (b > 0) t += 5 + rng.below(85);
        msgs.push_back({t, sender, ""});
      }
      if (owner_turn_now && rng.chance(spec.double_text)) {
        t += 600 + rng.below(1800);
        msgs.push_back({t, -1, rng.chance(0.5) ? "¿?" : "??"});
      }
      (owner_turn_now ? owner_turn : their_turn)++;
      owner_turn_now = !owner_turn_now;
    }
    const int64_t duration = t;
    int64_t from, to;
    if (spec.work) {
      from = d * 86400 + kWorkFrom * 60;
      to = d * 86400 + kWorkTo * 60;
    } else {
      from = d * 86400 + wake_up(d) * 60;
      to = (d + 1) * 86400 + (weekend(d + 1) ? kWeekendBed : kWeekdayBed) * 60 - 60;
      if (d == kLastDay) to = (d + 1) * 86400 - 60;  // the export ends with the year
    }
    if (to - from < duration) return {};
    // Half the personal conversations prefer the evening and one in five starts within the hour
    // after waking up, as people do; the rest fall anywhere in the waking hours.
    int64_t lo = from, hi = to - duration;
    const double when = rng.uniform();
    if (!spec.work && when < 0.5)
      lo = std::max(from, std::min(hi, d * 86400 + 19 * 3600));
    else if (!spec.work && when < 0.7)
      hi = std::min(hi, from + 3600);
    const int64_t start = lo + static_cast<int64_t>(rng.uniform() * static_cast<double>(hi - lo));
    Conversation c;
    for (Msg& m : msgs) {
      m.t += start;
      if (m.text.empty()) m.text = text(spec, m.sender, m.t, rng);
      c.messages.push_back(std::move(m));
    }
    return c;
  }

  double per_day_;
  uint64_t seed_;
  Random rng_;
  std::vector<double> weight_;
  double mean_weight_ = 1;
};

// ---------------------------------------------------------------------------------------
// Writers

std::string whatsapp_file(const ChatOut& chat) {
  std::string out;
  char buf[64];
  auto stamp = [&](int64_t t) {
    const LocalTime lt{t};
    const CivilDate c = lt.date();
    std::snprintf(buf, sizeof buf, "%d/%d/%02d, %02d:%02d - ", c.day, c.month, c.year % 100, lt.hour(),
                  lt.second_of_day() / 60 % 60);
    return std::string(buf);
  };
  const int64_t first = chat.conversations.front().messages.front().t;
  out += stamp(first - 60) +
         "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or "
         "listen to them. Tap to learn more.\n";
  for (const Conversation& c : chat.conversations)
    for (const Msg& m : c.messages)
      out += stamp(m.t) + (m.sender < 0 ? std::string(kOwner) : chat.spec->others[static_cast<size_t>(m.sender)]) +
             ": " + m.text + "\n";
  return out;
}

std::string telegram_file(const std::vector<ChatOut>& chats) {
  std::string out =
      "{\n \"about\": \"Here is the data you requested.\",\n \"personal_information\": {\n"
      "  \"user_id\": 1000,\n  \"first_name\": \"Alex\",\n  \"last_name\": \"Rivera\",\n"
      "  \"phone_number\": \"+34 600 000 000\",\n  \"username\": \"@alexr\",\n  \"bio\": \"\"\n },\n"
      " \"chats\": {\n  \"about\": \"This page lists all chats from this export.\",\n  \"list\": [";
  int64_t id = 1;
  for (size_t k = 0; k < chats.size(); ++k) {
    const ChatOut& chat = chats[k];
    out += k ? ",\n" : "\n";
    out += "   {\n    \"name\": ";
    append_json_string(out, chat.spec->title);
    out += ",\n    \"type\": \"personal_chat\",\n    \"id\": " + std::to_string(2000 + k) + ",\n    \"messages\": [";
    bool first = true;
    for (const Conversation& c : chat.conversations)
      for (const Msg& m : c.messages) {
        const CivilDate d = LocalTime{m.t}.date();
        const int sod = LocalTime{m.t}.second_of_day();
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, sod / 3600,
                      sod / 60 % 60, sod % 60);
        out += first ? "\n" : ",\n";
        first = false;
        out += "     {\n      \"id\": " + std::to_string(id++) + ",\n      \"type\": \"message\",\n      \"date\": \"" +
               date + "\",\n      \"date_unixtime\": \"" + std::to_string(m.t) + "\",\n      \"from\": ";
        append_json_string(out, m.sender < 0 ? std::string(kOwner) : chat.spec->others[static_cast<size_t>(m.sender)]);
        out += ",\n      \"from_id\": \"user" + std::to_string(m.sender < 0 ? 1000 : 3000 + static_cast<int>(k)) +
               "\",\n      \"text\": ";
        append_json_string(out, m.text);
        out += ",\n      \"text_entities\": [\n       {\n        \"type\": \"plain\",\n        \"text\": ";
        append_json_string(out, m.text);
        out += "\n       }\n      ]\n     }";
      }
    out += "\n    ]\n   }";
  }
  out += "\n  ]\n }\n}\n";
  return out;
}

// ---------------------------------------------------------------------------------------
// Truth measured on the planted conversations

double median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

Json contact_truth(const ChatOut& chat) {
  std::vector<double> owner_delays, their_delays, minutes, lengths;
  uint64_t sent = 0, received = 0, started = 0, double_texts = 0;
  size_t longest = 0;
  double longest_minutes = 0;
  for (const Conversation& c : chat.conversations) {
    const auto& m = c.messages;
    started += m.front().sender < 0;
    minutes.push_back(static_cast<double>(m.back().t - m.front().t) / 60.0);
    lengths.push_back(static_cast<double>(m.size()));
    if (m.size() > longest) longest = m.size(), longest_minutes = minutes.back();
    for (size_t k = 0; k < m.size(); ++k) {
      (m[k].sender < 0 ? sent : received)++;
      if (k == 0) continue;
      const double gap = static_cast<double>(m[k].t - m[k - 1].t);
      if ((m[k].sender < 0) != (m[k - 1].sender < 0))
        (m[k].sender < 0 ? owner_delays : their_delays).push_back(gap);
      else if (m[k].sender < 0 && gap >= kDoubleTextMinSeconds)
        ++double_texts;
    }
  }
  Json j = Json::object();
  j["name"] = chat.spec->others.front();
  j["platform"] = chat.spec->telegram ? "telegram" : "whatsapp";
  j["planted_owner_reply_median_seconds"] = chat.spec->owner_delay;
  j["planted_their_reply_median_seconds"] = chat.spec->their_delay;
  j["owner_reply_median_seconds"] = median(owner_delays);
  j["their_reply_median_seconds"] = median(their_delays);
  j["owner_replies"] = owner_delays.size();
  j["their_replies"] = their_delays.size();
  j["sent"] = sent;
  j["received"] = received;
  j["conversations"] = chat.conversations.size();
  j["owner_started_share"] =
      chat.conversations.empty() ? 0.0 : static_cast<double>(started) / static_cast<double>(chat.conversations.size());
  j["median_conversation_minutes"] = median(minutes);
  j["median_conversation_messages"] = median(lengths);
  j["longest_conversation_messages"] = longest;
  j["longest_conversation_minutes"] = longest_minutes;
  j["owner_double_texts"] = double_texts;
  return j;
}

Json window(int from, int to) {
  Json j = Json::object();
  j["from"] = clock(from);
  j["to"] = clock(to);
  j["from_minutes"] = from;
  j["to_minutes"] = to;
  return j;
}

}  // namespace

const std::vector<std::string>& planted_filler_words() {
  static const std::vector<std::string> w = {"mañana",    "casa",  "llamo",    "cuento",  "ganas",
                                             "preocupes", "vemos", "perfecto", "hablamos"};
  return w;
}

PlantedExport generate_planted(const PlantedOptions& options) {
  const std::vector<ChatSpec> specs = chat_specs();
  World world(options.messages_per_day, options.seed);
  std::vector<ChatOut> chats;
  for (size_t k = 0; k < specs.size(); ++k) chats.push_back(world.chat(specs[k], k));

  PlantedExport out;
  std::vector<ChatOut> telegram;
  for (const ChatOut& c : chats) {
    if (c.conversations.empty()) continue;
    if (c.spec->telegram)
      telegram.push_back(c);
    else
      out.files.push_back({"WhatsApp Chat with " + c.spec->title + ".txt", whatsapp_file(c)});
  }
  out.files.push_back({"result.json", telegram_file(telegram)});

  // The truth.
  Json& t = out.truth = Json::object();
  t["owner"] = kOwner;
  t["messages_per_day"] = options.messages_per_day;
  t["seed"] = options.seed;
  t["from"] = format_date(kFirstDay);
  t["to"] = format_date(kLastDay);
  uint64_t owner_total = 0, owner_weekday = 0, work_weekday = 0;
  for (const ChatOut& c : chats)
    for (const Conversation& conv : c.conversations)
      for (const Msg& m : conv.messages) {
        if (m.sender >= 0) continue;
        ++owner_total;
        if (weekend(LocalTime{m.t}.day())) continue;
        ++owner_weekday;
        work_weekday += c.spec->work;
      }
  t["owner_messages"] = owner_total;
  t["owner_messages_per_day"] = static_cast<double>(owner_total) / static_cast<double>(kLastDay - kFirstDay + 1);

  Json sleep = Json::object();
  sleep["weekdays"] = window(kWeekdayBed, kWeekdayWake);
  sleep["weekends"] = window(kWeekendBed, kWeekendWake);
  sleep["note"] = "by the calendar day of the morning: the owner never writes inside these windows";
  // The shift: weekday mornings from 2024 on start an hour earlier (the whole span keeps its
  // window within an hour; each year has its own).
  Json sleep_by_year = Json::object();
  sleep_by_year["2023"] = Json(Json::Object{{"weekdays", window(kWeekdayBed, kWeekdayWake)}});
  sleep_by_year["2024"] = Json(Json::Object{{"weekdays", window(kWeekdayBed, kWeekdayWakeFrom2024)}});
  sleep["by_year"] = std::move(sleep_by_year);
  t["sleep"] = std::move(sleep);

  Json work = Json::object();
  work["chat"] = "Equipo Oficina";
  work["window"] = window(kWorkFrom, kWorkTo);
  work["share_of_weekday_owner_messages"] =
      owner_weekday ? static_cast<double>(work_weekday) / static_cast<double>(owner_weekday) : 0.0;
  t["work"] = std::move(work);

  Json cg = Json::object();
  cg["data_starts"] = format_date(kFirstDay);
  Json appeared = Json::array();
  for (auto [name, day] : {std::pair{"Lucía", day_of(2023, 3, 6)}, std::pair{"Tomás", day_of(2024, 2, 12)}}) {
    Json j = Json::object();
    j["name"] = name;
    j["month"] = month_label(day);
    appeared.push(std::move(j));
  }
  cg["appeared"] = std::move(appeared);
  Json faded = Json::array();
  Json f = Json::object();
  f["name"] = "Marta";
  f["last_month"] = month_label(day_of(2023, 9, 22));
  faded.push(std::move(f));
  cg["faded"] = std::move(faded);
  Json comebacks = Json::array();
  Json cb = Json::object();
  cb["name"] = "Pablo";
  cb["silent_from"] = month_label(day_of(2023, 1, 20));
  cb["back_in"] = month_label(day_of(2023, 9, 11));
  comebacks.push(std::move(cb));
  cg["comebacks"] = std::move(comebacks);
  Json present = Json::array();
  for (const ChatSpec& s : specs)
    if (s.ranges.front().first < kFirstDay + 60)
      for (const std::string& p : s.others) present.push(p);
  cg["there_from_the_beginning"] = std::move(present);
  t["comings_goings"] = std::move(cg);

  t["mood"] = Json::object();
  t["mood"]["shift_month"] = month_label(kMoodShiftDay);
  t["mood"]["before"] = "positive";
  t["mood"]["after"] = "negative";

  Json topics = Json::object();
  Json by_year = Json::object();
  for (const auto& [year, words] : year_topics()) {
    Json list = Json::array();
    for (const auto& w : words) list.push(w);
    by_year[std::to_string(year)] = std::move(list);
  }
  topics["by_year"] = std::move(by_year);
  Json uses = Json::object();
  for (const auto& [year, words] : world.topic_uses) {
    Json per_word = Json::object();
    for (const auto& [w, n] : words) per_word[w] = n;
    uses[std::to_string(year)] = std::move(per_word);
  }
  topics["by_year_uses"] = std::move(uses);
  Json by_chat = Json::object();
  for (const ChatSpec& s : specs) {
    if (s.topics.empty()) continue;
    Json list = Json::array();
    for (const auto& w : s.topics) list.push(w);
    by_chat[s.title] = std::move(list);
  }
  topics["by_chat"] = std::move(by_chat);
  Json filler = Json::array();
  for (const auto& w : planted_filler_words()) filler.push(w);
  topics["filler_words"] = std::move(filler);
  t["topics"] = std::move(topics);

  Json contacts = Json::array();
  for (const ChatOut& c : chats)
    if (!c.spec->group() && !c.conversations.empty()) contacts.push(contact_truth(c));
  t["contacts"] = std::move(contacts);
  return out;
}

}  // namespace chatlens::bench
