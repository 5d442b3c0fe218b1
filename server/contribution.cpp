#include "contribution.hpp"

#include <charconv>

#include "report/community_buckets.hpp"

namespace chatlens::server {

std::string to_summary_json(const Contribution& c) {
  std::string out;
  out.reserve(256);
  out += "{\"schema\":\"";
  out += kCommunitySummarySchema;
  out += "\",\"version\":";
  out += std::to_string(kCommunitySummaryVersion);
  out += ",\"top_emoji\":[";
  for (size_t i = 0; i < c.top_emoji.size(); ++i) {
    if (i) out += ',';
    out += '"';
    out += c.top_emoji[i];  // [0-9A-F-] only: nothing to escape
    out += '"';
  }
  out += "],\"avg_text_length\":" + std::to_string(c.avg_text_length);
  out += ",\"messages_per_active_day\":" + std::to_string(c.messages_per_active_day);
  out += ",\"minutes_per_day\":" + std::to_string(c.minutes_per_day);
  out += ",\"hour_profile\":[" + join_hour_profile(c.hour_profile) + "]}";
  return out;
}

uint64_t fingerprint(const Contribution& c) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char ch : to_summary_json(c)) {
    h ^= ch;
    h *= 1099511628211ull;
  }
  return h;
}

std::string join_hour_profile(const std::array<int, 24>& hours) {
  std::string out;
  for (size_t i = 0; i < hours.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(hours[i]);
  }
  return out;
}

bool split_hour_profile(const std::string& text, std::array<int, 24>& hours) {
  const char* p = text.data();
  const char* end = p + text.size();
  for (size_t i = 0; i < hours.size(); ++i) {
    if (i) {
      if (p == end || *p != ',') return false;
      ++p;
    }
    auto [next, ec] = std::from_chars(p, end, hours[i]);
    if (ec != std::errc()) return false;
    p = next;
  }
  return p == end;
}

std::string join_emoji(const std::vector<std::string>& emoji) {
  std::string out;
  for (size_t i = 0; i < emoji.size(); ++i) {
    if (i) out += ' ';
    out += emoji[i];
  }
  return out;
}

std::vector<std::string> split_emoji(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace chatlens::server
