#include "community_aggregation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#include "json/json.hpp"

namespace chatlens::server {
namespace {

struct Bucket {
  int value = 0;
  int64_t contributors = 0;
};

double rounded(double v, double scale) { return std::round(v * scale) / scale; }

// Marks which buckets of one distribution may be published (see the header).
std::vector<bool> publishable(const std::vector<Bucket>& buckets, int64_t total, int k) {
  std::vector<bool> pub(buckets.size(), false);
  if (total < k) return pub;
  int64_t published = 0;
  for (size_t i = 0; i < buckets.size(); ++i) {
    pub[i] = buckets[i].contributors >= k;
    if (pub[i]) published += buckets[i].contributors;
  }
  int64_t residual = total - published;
  while (residual > 0 && residual < k) {
    size_t smallest = buckets.size();
    for (size_t i = 0; i < buckets.size(); ++i)
      if (pub[i] && (smallest == buckets.size() || buckets[i].contributors < buckets[smallest].contributors))
        smallest = i;
    if (smallest == buckets.size()) break;
    pub[smallest] = false;
    residual += buckets[smallest].contributors;
  }
  return pub;
}

Json distribution(std::vector<Bucket> buckets, int64_t total, int k) {
  std::sort(buckets.begin(), buckets.end(), [](const Bucket& a, const Bucket& b) { return a.value < b.value; });
  const std::vector<bool> pub = publishable(buckets, total, k);
  int64_t published = 0;
  double weighted = 0;
  for (size_t i = 0; i < buckets.size(); ++i)
    if (pub[i]) {
      published += buckets[i].contributors;
      weighted += static_cast<double>(buckets[i].value) * static_cast<double>(buckets[i].contributors);
    }
  Json out = Json::object();
  out["published"] = published;
  if (published > 0) out["mean"] = rounded(weighted / static_cast<double>(published), 100);
  Json list = Json::array();
  int64_t below = 0;
  for (size_t i = 0; i < buckets.size(); ++i) {
    if (!pub[i]) continue;
    Json b = Json::object();
    b["value"] = buckets[i].value;
    b["contributors"] = buckets[i].contributors;
    b["below"] = rounded(static_cast<double>(below) / static_cast<double>(published), 10000);
    b["at"] = rounded(static_cast<double>(buckets[i].contributors) / static_cast<double>(published), 10000);
    list.push(std::move(b));
    below += buckets[i].contributors;
  }
  out["buckets"] = std::move(list);
  return out;
}

}  // namespace

std::string community_json(const CommunitySnapshot& snapshot, int k) {
  int64_t total = 0;
  std::map<std::string, std::vector<Bucket>> by_metric;
  std::vector<std::pair<std::string, int64_t>> emoji;
  for (const Cell& cell : snapshot.cells) {
    if (cell.key.metric == kTotalMetric) {
      total = cell.contributors;
    } else if (cell.key.metric == kEmojiMetric) {
      emoji.emplace_back(cell.key.bucket, cell.contributors);
    } else {
      int value = 0;
      const std::string& s = cell.key.bucket;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
      if (ec != std::errc() || end != s.data() + s.size()) continue;  // not ours: never published
      by_metric[cell.key.metric].push_back({value, cell.contributors});
    }
  }

  Json out = Json::object();
  out["schema"] = "chatlens.community";
  out["version"] = 1;
  out["k_threshold"] = k;
  if (total >= k) out["contributors"] = total;
  Json distributions = Json::object();
  for (const char* metric : {"avg_text_length", "messages_per_active_day", "minutes_per_day"})
    distributions[metric] = distribution(by_metric[metric], total, k);
  out["distributions"] = std::move(distributions);

  Json hours = Json::array();
  for (int h = 0; h < 24; ++h) {
    Json hour = distribution(by_metric[hour_metric(h)], total, k);
    Json entry = Json::object();
    entry["hour"] = h;
    for (auto& [key, value] : hour.as_object()) entry[key] = std::move(value);
    hours.push(std::move(entry));
  }
  out["hour_profile"] = std::move(hours);

  std::sort(emoji.begin(), emoji.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  Json top = Json::array();
  if (total >= k) {
    for (const auto& [code, n] : emoji) {
      if (n < k) continue;
      Json e = Json::object();
      e["hexcode"] = code;
      e["contributors"] = n;
      e["share"] = rounded(static_cast<double>(n) / static_cast<double>(total), 10000);
      top.push(std::move(e));
    }
  }
  out["top_emoji"] = std::move(top);
  return out.dump();
}

}  // namespace chatlens::server
