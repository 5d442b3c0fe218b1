#include "import_inputs.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "input_files.hpp"
#include "local_today.hpp"
#include "text/printable.hpp"
#include "words.hpp"

namespace chatlens::cli {
namespace {

// Only inputs that take more than a moment get a progress line.
class ProgressLine {
 public:
  void update(uint64_t done, uint64_t total) {
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::milliseconds(700) || now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double pct = total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 0.0;
    std::fprintf(stderr, "%simporting %s: %3.0f%% (%.1f of %.1f MB)%s", tty_ ? "\r" : "", name_.c_str(), pct,
                 static_cast<double>(done) / 1e6, static_cast<double>(total) / 1e6, tty_ ? "" : "\n");
    shown_ = true;
  }
  void begin(const std::string& name) {
    name_ = name;
    start_ = last_ = std::chrono::steady_clock::now();
    shown_ = false;
  }
  void end() {
    if (shown_ && tty_) std::fprintf(stderr, "\r\033[K");
    shown_ = false;
  }

 private:
  std::string name_;
  std::chrono::steady_clock::time_point start_, last_;
  bool shown_ = false;
  bool tty_ = isatty(STDERR_FILENO) != 0;
};

}  // namespace

ImportedInputs import_inputs(const std::vector<std::string>& paths, const InputLimits& limits) {
  ProgressLine progress;
  ImportSession session(local_today(), [&progress](uint64_t done, uint64_t total) { progress.update(done, total); });
  const Words& words = Words::english();
  for (const std::string& path : paths) {
    progress.begin(printable(path));
    const size_t before = session.sources().size();
    load_path(session, path, limits);
    progress.end();
    for (size_t i = before; i < session.sources().size(); ++i) {
      const SourceReport& r = session.sources()[i];
      const std::string file = printable(r.file);
      if (!r.ok()) {
        std::fprintf(stderr, "chatlens: %s: %s\n", file.c_str(),
                     printable(words.render(SourceMessage::of(r.status))).c_str());
      } else if (r.lines_skipped > 0) {
        std::string line = words.text("summary.lines_skipped", Json::Object{{"count", r.lines_skipped}});
        if (!r.skipped_examples.empty())
          line.append(" ").append(words.text(
              "summary.first_skipped",
              Json::Object{{"line", r.skipped_examples[0].line}, {"reason", r.skipped_examples[0].reason.to_json()}}));
        std::fprintf(stderr, "chatlens: %s: %s\n", file.c_str(), printable(line).c_str());
      }
    }
  }
  ImportedInputs out;
  out.any_failed = session.any_failed();
  out.sources = session.sources();
  out.corpus = std::move(session).finish();
  return out;
}

}  // namespace chatlens::cli
