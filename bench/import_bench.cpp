// import_bench: imports one export (a file, or every file under a directory) with
// ImportSession in this process and prints bytes, messages, seconds, MB/s, messages/s and the
// peak resident memory. Throughput is the best of at least --runs runs (default 3), repeated
// until the timed imports add up to --min-seconds (default 2): a small input imports in a few
// milliseconds, too short for a handful of runs to escape a busy or cold machine. The input is read
// from disk before each run, outside the timed part, and dropped with the corpus afterwards,
// so the peak is that of one import. Run one input per process: peaks of different sizes
// would mix. --mapped maps the files as `chatlens` does (native/mapped_file.hpp) instead of
// reading them: the importers then hand back the pages behind them, and the peak is the
// streaming path's (the page faults fall inside the timed part). --pieces N reads each file
// with pread in pieces of N bytes and no whole view, as the browser reads a File: importers
// that stream then hold only their window, so the peak is the window's and the corpus's, not
// the input's. The last line is machine-readable for bench/run.sh:
//   RESULT bytes=... messages=... seconds=... mb_per_s=... messages_per_s=... peak_rss_kb=...
//          skipped=... chats=... owner=...
#include <fcntl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "import/import_session.hpp"
#include "mapped_file.hpp"
#include "model/identity.hpp"

namespace {

namespace fs = std::filesystem;

struct Input {
  fs::path path;
  std::string name;  // shown in reports; its file name gives WhatsApp chats their title
};

std::vector<Input> list_inputs(const fs::path& root) {
  std::vector<Input> inputs;
  if (fs::is_directory(root)) {
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file()) inputs.push_back({e.path(), fs::relative(e.path(), root).string()});
    std::sort(inputs.begin(), inputs.end(), [](const Input& a, const Input& b) { return a.name < b.name; });
  } else {
    inputs.push_back({root, root.filename().string()});
  }
  return inputs;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "import_bench: cannot read %s\n", p.c_str());
    std::exit(1);
  }
  std::string bytes;
  in.seekg(0, std::ios::end);
  bytes.resize(static_cast<size_t>(in.tellg()));
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

// A file read with pread in pieces of a fixed size, never held whole.
class FileInPieces final : public chatlens::InputBytes {
 public:
  FileInPieces(const fs::path& path, size_t piece)
      : fd_(::open(path.c_str(), O_RDONLY)), size_(fs::file_size(path)), piece_(std::max<size_t>(piece, 1)) {
    if (fd_ < 0) {
      std::fprintf(stderr, "import_bench: cannot open %s\n", path.c_str());
      std::exit(1);
    }
  }
  ~FileInPieces() override { ::close(fd_); }
  uint64_t size() const override { return size_; }
  chatlens::InputRead read(uint64_t offset, char* dst, size_t n) override {
    if (offset >= size_) return {};
    n = std::min<uint64_t>(n, offset / piece_ * piece_ + piece_ - offset);  // up to the piece's end
    const ssize_t got = ::pread(fd_, dst, n, static_cast<off_t>(offset));
    if (got <= 0) return {0, chatlens::SourceMessage{"input.cannot_read"}};
    return {static_cast<size_t>(got), std::nullopt};
  }

 private:
  int fd_;
  uint64_t size_;
  size_t piece_;
};

// CPU time of this (single-threaded) process: steadier than wall time on a busy machine.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;  // KiB on Linux
}

[[noreturn]] void usage() {
  std::fprintf(stderr, "usage: import_bench PATH [--runs N] [--min-seconds S] [--me NAME] [--mapped | --pieces N]\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<std::string> path, me;
  int runs = 3;
  double min_seconds = 2.0;
  bool mapped = false;
  size_t pieces = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--min-seconds" && i + 1 < argc)
      min_seconds = std::max(0.0, std::atof(argv[++i]));
    else if (a == "--mapped")
      mapped = true;
    else if (a == "--pieces" && i + 1 < argc)
      pieces = static_cast<size_t>(std::max(1L, std::atol(argv[++i])));
    else if (a == "--me" && i + 1 < argc)
      me = argv[++i];
    else if (!a.empty() && a[0] != '-' && !path)
      path = a;
    else
      usage();
  }
  if (!path) usage();
  const std::vector<Input> inputs = list_inputs(*path);
  if (inputs.empty()) {
    std::fprintf(stderr, "import_bench: no files under %s\n", path->c_str());
    return 1;
  }

  uint64_t bytes = 0, messages = 0, skipped = 0, chats = 0;
  double best = 1e300, best_cpu = 1e300;
  std::string owner, errors, owner_how;
  int done = 0;
  double timed = 0;
  for (int run = 0; run < runs || (timed < min_seconds && run < 10000); ++run, ++done) {
    std::vector<std::string> contents;
    std::vector<std::unique_ptr<chatlens::MappedFile>> maps;
    bytes = 0;
    for (const Input& in : inputs) {
      if (pieces) {
        bytes += fs::file_size(in.path);
      } else if (mapped) {
        auto opened = chatlens::MappedFile::open(in.path, fs::file_size(in.path));
        if (!opened) {
          std::fprintf(stderr, "import_bench: %s: %s\n", in.path.c_str(), opened.status().detail().c_str());
          return 1;
        }
        maps.push_back(std::move(*opened));
        bytes += maps.back()->bytes().size();
      } else {
        contents.push_back(read_file(in.path));
        bytes += contents.back().size();
      }
    }
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    // A fixed "today": generated exports always carry their years, and runs stay comparable.
    chatlens::ImportSession session(chatlens::CivilDate{2024, 6, 15});
    for (size_t i = 0; i < inputs.size(); ++i)
      if (pieces)
        session.add(inputs[i].name, std::make_unique<FileInPieces>(inputs[i].path, pieces));
      else if (mapped)
        session.add(inputs[i].name, std::move(maps[i]));
      else
        session.add(inputs[i].name, std::move(contents[i]));
    const std::vector<chatlens::SourceReport> reports = session.sources();
    chatlens::Corpus corpus = std::move(session).finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, seconds);
    timed += seconds;
    best_cpu = std::min(best_cpu, cpu_seconds() - cpu_start);
    contents.clear();

    if (run == 0) {
      messages = corpus.size();
      chats = corpus.chats.size();
      for (const auto& r : reports) {
        skipped += r.lines_skipped;
        if (!r.ok()) errors.append("  ").append(r.file).append(": ").append(r.status.detail()).append("\n");
        for (const auto& s : r.skipped_examples)
          if (skipped <= 20)
            std::fprintf(stderr, "  skipped %s:%llu: %s: %s\n", r.file.c_str(), static_cast<unsigned long long>(s.line),
                         s.reason.debug().c_str(), s.excerpt.c_str());
      }
      const chatlens::OwnerResolution resolution = chatlens::resolve_owner(corpus, me);
      if (resolution.status == chatlens::OwnerResolution::Status::Resolved) {
        owner = chatlens::owner_name(corpus);
        for (const chatlens::OwnerMethod& m : resolution.how)
          owner_how.append(owner_how.empty() ? "" : "; ").append(m.platform).append(" ").append(m.key);
      } else {
        owner = "?";
        owner_how = "not resolved, ";
        owner_how.append(std::to_string(resolution.candidates.size())).append(" candidates");
      }
    }
  }
  const long rss = peak_rss_kb();
  const double mb = static_cast<double>(bytes) / 1e6;
  if (!errors.empty()) std::fprintf(stderr, "import_bench: inputs that could not be read:\n%s", errors.c_str());

  std::printf("input      %s (%zu file%s)\n", path->c_str(), inputs.size(), inputs.size() == 1 ? "" : "s");
  std::printf("bytes      %llu (%.1f MB)\n", static_cast<unsigned long long>(bytes), mb);
  std::printf("messages   %llu in %llu chats, %llu lines skipped\n", static_cast<unsigned long long>(messages),
              static_cast<unsigned long long>(chats), static_cast<unsigned long long>(skipped));
  std::printf("owner      %s (%s)\n", owner.c_str(), owner_how.c_str());
  std::printf("seconds    %.3f wall, %.3f CPU (best of %d runs)\n", best, best_cpu, done);
  std::printf("throughput %.1f MB/s, %.0f messages/s (CPU time: %.1f MB/s)\n", mb / best,
              static_cast<double>(messages) / best, mb / best_cpu);
  std::printf("peak RSS   %.1f MB (%.2f x input)\n", static_cast<double>(rss) / 1024.0,
              bytes ? static_cast<double>(rss) * 1024.0 / static_cast<double>(bytes) : 0.0);
  std::printf(
      "RESULT bytes=%llu messages=%llu seconds=%.6f mb_per_s=%.1f messages_per_s=%.0f peak_rss_kb=%ld "
      "skipped=%llu chats=%llu errors=%d cpu_seconds=%.6f cpu_mb_per_s=%.1f owner=%s\n",
      static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(messages), best, mb / best,
      static_cast<double>(messages) / best, rss, static_cast<unsigned long long>(skipped),
      static_cast<unsigned long long>(chats), errors.empty() ? 0 : 1, best_cpu, mb / best_cpu, owner.c_str());
  return errors.empty() ? 0 : 1;
}
