// mood: the owner's emoji sentiment over time. Every emoji (or typed emoticon)
// the owner used that has a score (core/text/sentiment.hpp: Emoji Sentiment
// Ranking 1.0, then emoji-emotion, then chatlens' own table) is one observation
// in -1..+1; unscored emoji are left out and reported as coverage. Per month and
// per week: mean with a 95% confidence interval, coverage and the top emoji.
#include <algorithm>
#include <map>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"
#include "insights/stats.hpp"
#include "text/sentiment.hpp"

namespace chatlens {
namespace {

constexpr size_t kMinScoredPerPeriod = 20;  // for the happiest/lowest month and chat rankings
constexpr size_t kMinScoredTotal = 30;

struct Period {
  Moments scores;
  uint64_t emoji = 0;
  std::map<uint16_t, uint64_t> counts;
};

Json period_json(const std::string& label, const Period& p) {
  Json j = Json::object();
  j["period"] = label;
  const MeanCi m = mean_ci95(p.scores);
  j["scored"] = p.scores.n;
  j["emoji"] = p.emoji;
  j["coverage"] = p.emoji ? static_cast<double>(p.scores.n) / static_cast<double>(p.emoji) : 0.0;
  j["mean"] = p.scores.n == 0 ? Json() : Json(m.mean);
  j["ci_low"] = p.scores.n < 2 ? Json() : Json(m.low);
  j["ci_high"] = p.scores.n < 2 ? Json() : Json(m.high);
  std::vector<std::pair<uint16_t, uint64_t>> top(p.counts.begin(), p.counts.end());
  std::stable_sort(top.begin(), top.end(), [](auto& a, auto& b) { return a.second > b.second; });
  Json t = Json::array();
  for (size_t k = 0; k < top.size() && k < 3; ++k) t.push(emoji_info(static_cast<EmojiId>(top[k].first)).code);
  j["top_emoji"] = std::move(t);
  return j;
}

std::string month_label(LocalTime t) {
  const CivilDate d = t.date();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

}  // namespace

Json mood_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  const MessageEmoji& emoji = in.derived.emoji();
  const auto& mine = in.derived.owner_by_time();
  std::map<std::string, Period> months, weeks;
  std::map<ChatId, Period> chats;
  Period all;
  // Messages come in time order: the month and week of the last one are kept, not looked up
  // again (map nodes do not move).
  int64_t month_key = INT64_MIN, week_key = INT64_MIN;
  Period *month = nullptr, *week = nullptr;
  for (uint64_t i : mine) {
    auto [u, end] = emoji.of(i);
    if (u == end) continue;
    const LocalTime t = c.messages.time[i];
    const CivilDate d = t.date();
    if (const int64_t k = int64_t{d.year} * 12 + d.month; k != month_key)
      month_key = k, month = &months[month_label(t)];
    // Weeks are labelled by their Monday.
    if (const int64_t k = t.day() - t.weekday(); k != week_key) week_key = k, week = &weeks[format_date(k)];
    Period* targets[] = {month, week, &chats[c.messages.chat[i]], &all};
    for (; u != end; ++u) {
      const std::optional<double> score = emoji_sentiment(u->id);
      for (Period* p : targets) {
        ++p->emoji;
        if (score) {
          p->scores.add(*score);
          ++p->counts[static_cast<uint16_t>(u->id)];
        }
      }
    }
  }

  Json out = Json::object();
  out["data"] = data_basis(mine.size(), mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.front()]),
                           mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.back()]));
  out["data"]["emoji"] = all.emoji;
  out["data"]["scored_emoji"] = all.scores.n;
  out["data"]["coverage"] = all.emoji ? static_cast<double>(all.scores.n) / static_cast<double>(all.emoji) : 0.0;
  out["scale"] = message("mood.scale", Json::Object{{"min", -1}, {"max", 1}});
  out["sources"] = Json(Json::Array{message("mood.source_emoji_sentiment_ranking"),
                                    message("mood.source_emoji_emotion"), message("mood.source_chatlens")});
  if (all.scores.n < kMinScoredTotal) {
    mark_insufficient(out, "mood.few_scored", Json::Object{{"min", kMinScoredTotal}});
    return out;
  }
  out["enough_data"] = true;
  out["overall"] = period_json("all", all);

  Json month_list = Json::array(), week_list = Json::array();
  for (const auto& [label, p] : months) month_list.push(period_json(label, p));
  for (const auto& [label, p] : weeks) week_list.push(period_json(label, p));
  out["months"] = std::move(month_list);
  out["weeks"] = std::move(week_list);

  // Happiest and lowest months, among months with enough scored emoji.
  std::vector<std::pair<std::string, double>> ranked_months;
  for (const auto& [label, p] : months)
    if (p.scores.n >= kMinScoredPerPeriod) ranked_months.push_back({label, mean_ci95(p.scores).mean});
  std::stable_sort(ranked_months.begin(), ranked_months.end(), [](auto& a, auto& b) { return a.second > b.second; });
  auto month_ref = [&](const std::pair<std::string, double>& m) {
    Json j = Json::object();
    j["month"] = m.first;
    j["mean"] = m.second;
    return j;
  };
  out["happiest_month"] = ranked_months.empty() ? Json() : month_ref(ranked_months.front());
  out["lowest_month"] = ranked_months.size() < 2 ? Json() : month_ref(ranked_months.back());

  // Chats that bring out the owner's most positive and most negative emoji.
  std::vector<std::pair<ChatId, double>> ranked_chats;
  for (const auto& [chat, p] : chats)
    if (p.scores.n >= kMinScoredPerPeriod) ranked_chats.push_back({chat, mean_ci95(p.scores).mean});
  std::stable_sort(ranked_chats.begin(), ranked_chats.end(), [](auto& a, auto& b) { return a.second > b.second; });
  auto chat_list = [&](bool positive) {
    Json list = Json::array();
    const size_t n = std::min<size_t>(3, ranked_chats.size() / 2 + ranked_chats.size() % 2);
    for (size_t k = 0; k < n; ++k) {
      const auto& [chat, mean] = positive ? ranked_chats[k] : ranked_chats[ranked_chats.size() - 1 - k];
      Json j = period_json(c.chats[chat].title, chats[chat]);
      j["chat"] = c.chats[chat].title;
      list.push(std::move(j));
    }
    return list;
  };
  out["most_positive_chats"] = chat_list(true);
  out["most_negative_chats"] = ranked_chats.size() < 2 ? Json::array() : chat_list(false);
  return out;
}

}  // namespace chatlens
