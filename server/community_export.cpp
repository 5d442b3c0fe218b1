#include "community_export.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "compression.hpp"
#include "day.hpp"

namespace chatlens::server {
namespace {

void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  out += '"';
}

// The day's file content: one line per contribution, each ending in '\n'.
std::string day_content(const std::vector<StoredContribution>& rows) {
  std::string out;
  for (const StoredContribution& row : rows) {
    out += feed_line(row);
    out += '\n';
  }
  return out;
}

Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes through a temporary file in the same folder, synced, then renamed into place: a reader
// (or a copy to object storage) never sees half a day.
Status write_atomically(const std::filesystem::path& path, const std::string& bytes) {
  const std::filesystem::path tmp = path.parent_path() / ("." + path.filename().string() + ".tmp");
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::error("cannot write " + tmp.string());
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd);
      return Status::error("cannot write " + tmp.string());
    }
    done += static_cast<size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  if (::close(fd) != 0 || !synced) return Status::error("cannot write " + tmp.string());
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::error("cannot rename " + tmp.string() + " to " + path.string() + ": " + ec.message());
  return Status::ok();
}

size_t count_lines(const std::string& text) {
  size_t n = 0;
  for (const char c : text) n += c == '\n';
  return n;
}

}  // namespace

std::string last_closed_day(std::chrono::system_clock::time_point now, std::chrono::minutes grace) {
  return utc_day_minus(now - grace, 1);
}

std::string feed_line(const StoredContribution& row) {
  const Contribution& c = row.contribution;
  std::string out;
  out.reserve(256);
  out += "{\"contribution_id\":";
  append_json_string(out, row.id);
  out += ",\"day\":";
  append_json_string(out, row.day);
  out += ",\"summary_version\":" + std::to_string(row.summary_version);
  out += ",\"avg_text_length\":" + std::to_string(c.avg_text_length);
  out += ",\"messages_per_active_day\":" + std::to_string(c.messages_per_active_day);
  out += ",\"minutes_per_day\":" + std::to_string(c.minutes_per_day);
  out += ",\"hour_profile\":[" + join_hour_profile(c.hour_profile) + "]";
  out += ",\"top_emoji\":[";
  for (size_t i = 0; i < c.top_emoji.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, c.top_emoji[i]);
  }
  out += "]}";
  return out;
}

std::filesystem::path feed_file(const std::string& day) {
  return std::filesystem::path("day=" + day) / ("chatlens-contributions-" + day + ".ndjson.gz");
}

Result<ExportReport> export_community(ContributionSource& source, const ExportOptions& options,
                                      std::chrono::system_clock::time_point now) {
  // Never an open day, even when asked for one: its file would miss what is still to come.
  const std::string closed = last_closed_day(now, options.grace);
  const std::string last = options.last_day.empty() || options.last_day > closed ? closed : options.last_day;
  ExportReport report;
  if (!options.first_day.empty() && options.first_day > last) return report;
  auto days = source.days(options.first_day, last);
  if (!days) return days.status();

  for (const std::string& day : *days) {
    auto rows = source.read_day(day);
    if (!rows) return rows.status();
    const std::string content = day_content(*rows);
    const std::filesystem::path path = options.out_dir / feed_file(day);
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
      // Exported earlier: never rewritten, but checked against the database.
      auto bytes = read_file(path);
      if (!bytes) return bytes.status();
      const auto text = gunzip(*bytes, size_t{1} << 31);
      if (!text) {
        report.problems.push_back(path.string() + ": not a readable gzip file (" + text.status().detail() + ")");
      } else if (*text != content) {
        report.problems.push_back(path.string() + ": holds " + std::to_string(count_lines(*text)) +
                                  " contributions, the database " + std::to_string(rows->size()) +
                                  " (or other values) for " + day + "; left as it is");
      }
      ++report.days_present;
      continue;
    }
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return Status::error("cannot create " + path.parent_path().string() + ": " + ec.message());
    auto compressed = gzip(content, 9);
    if (!compressed) return compressed.status().within("cannot compress the contributions of " + day);
    if (Status s = write_atomically(path, *compressed); !s) return s;
    ++report.days_written;
    report.contributions_written += static_cast<int64_t>(rows->size());
  }
  return report;
}

}  // namespace chatlens::server
