// gen_export: writes a deterministic, realistic chat export (see export_generator.hpp).
//   gen_export --format whatsapp-android|whatsapp-ios|telegram|discord|messenger|instagram|signal
//              --messages N [--chats K] [--seed S]
//              [--clock 12|24] --out PATH
//   gen_export --planted-truth PER_DAY [--seed S] --out DIR
//   gen_export --format mixed [--seed S] --out DIR
// WhatsApp with K > 1: PATH is a directory that receives one file per chat; with K = 1 (the
// default for WhatsApp) PATH is the file. Telegram: PATH is the result.json to write. Discord: one
// DiscordChatExporter .json per chat (PATH a file for K = 1). Messenger, Instagram, Signal: PATH is a
// directory (message_N.json per thread under the download's folders; <chat>/chat.md).
// The same seed gives the same fictional people on every platform, under each platform's names.
// --planted-truth: WhatsApp and Telegram exports of an owner with known habits, writing
// PER_DAY messages a day, plus DIR/truth.json (see planted_truth.hpp).
// --format mixed: one fictional owner's exports on all six platforms, one file each, whose
// contacts overlap under names a user would recognise, plus DIR/truth.json (mixed_persona.hpp).
// Prints the owner's name on stdout; a summary goes to stderr.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "export_generator.hpp"
#include "mixed_persona.hpp"
#include "planted_truth.hpp"

namespace {

using namespace chatlens::bench;
namespace fs = std::filesystem;

class FileSink final : public ExportSink {
 public:
  // single_file: every open() goes to `path` itself (one WhatsApp chat, Telegram).
  FileSink(fs::path path, bool single_file) : path_(std::move(path)), single_(single_file) {}
  ~FileSink() override { close(); }
  void open(std::string_view name) override {
    close();
    const fs::path target = single_ ? path_ : path_ / fs::path(std::u8string(name.begin(), name.end()));
    if (!single_) fs::create_directories(target.parent_path());  // Messenger threads, Signal chats
    file_ = std::fopen(target.c_str(), "wb");
    if (!file_) throw std::runtime_error("cannot write " + target.string());
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 22);
    ++files_;
  }
  void write(std::string_view bytes) override {
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) throw std::runtime_error("write failed");
  }
  void close() override {
    if (file_ && std::fclose(file_) != 0) {
      file_ = nullptr;
      throw std::runtime_error("write failed");
    }
    file_ = nullptr;
  }
  int files() const { return files_; }

 private:
  fs::path path_;
  bool single_;
  std::FILE* file_ = nullptr;
  int files_ = 0;
};

[[noreturn]] void usage(const char* error = nullptr) {
  if (error) std::fprintf(stderr, "gen_export: %s\n", error);
  std::fprintf(stderr,
               "usage: gen_export --format whatsapp-android|whatsapp-ios|telegram|discord|messenger|instagram|signal "
               "--messages N [--chats K] "
               "[--seed S] [--clock 12|24] --out PATH\n"
               "  WhatsApp: PATH is a file when K = 1 (default), a directory of 'WhatsApp Chat ...' files when K > 1.\n"
               "  Telegram: PATH is the full-account result.json (K defaults to 20).\n"
               "  Discord: one DiscordChatExporter .json per chat (a file when K = 1). Messenger, Instagram, Signal:\n"
               "  PATH is a directory (message_N.json per thread; <chat>/chat.md). K defaults to 20.\n"
               "  Prints the owner's name on stdout.\n"
               "       gen_export --planted-truth PER_DAY [--seed S] --out DIR\n"
               "  Exports of an owner with known habits and DIR/truth.json, the habits planted.\n"
               "       gen_export --format mixed [--seed S] --out DIR\n"
               "  One owner's exports on all six platforms (one file each: WhatsApp .txt, Telegram result.json,\n"
               "  Messenger and Instagram message_1.json, Discord .json, Signal chat.md) with the same friends\n"
               "  under each platform's names, people of one platform, a Discord bot; DIR/truth.json says\n"
               "  each person's messages and the links to confirm (--same-file lines in DIR/same.txt).\n");
  std::exit(2);
}

uint64_t number(const char* flag, const char* value) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(value, &end, 10);
  if (!*value || *end) usage((std::string("bad number for ") + flag + ": " + value).c_str());
  return v;
}

int write_planted(double per_day, uint64_t seed, const fs::path& dir) {
  try {
    PlantedOptions o;
    o.messages_per_day = per_day;
    o.seed = seed;
    const PlantedExport planted = generate_planted(o);
    fs::create_directories(dir);
    FileSink sink(dir, false);
    for (const GeneratedFile& f : planted.files) {
      sink.open(f.name);
      sink.write(f.bytes);
    }
    sink.open("truth.json");
    sink.write(planted.truth.dump(2) + "\n");
    sink.close();
    std::fprintf(stderr, "gen_export: planted truth, %d file(s) and truth.json -> %s\n",
                 static_cast<int>(planted.files.size()), dir.c_str());
    std::printf("%s\n", planted.truth.find("owner")->as_string().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gen_export: %s\n", e.what());
    return 1;
  }
  return 0;
}

int write_mixed(uint64_t seed, const fs::path& dir) {
  try {
    const MixedExport mixed = generate_mixed(seed);
    fs::create_directories(dir);
    FileSink sink(dir, false);
    for (const GeneratedFile& f : mixed.files) {
      sink.open(f.name);
      sink.write(f.bytes);
    }
    sink.open("truth.json");
    sink.write(mixed.truth.dump(2) + "\n");
    sink.open("same.txt");
    sink.write("# The links a user should confirm (chatlens analyze --same-file)\n" +
               mixed.truth.find("same_file")->as_string());
    sink.close();
    std::fprintf(stderr, "gen_export: mixed persona, %d file(s), truth.json and same.txt -> %s\n",
                 static_cast<int>(mixed.files.size()), dir.c_str());
    std::printf("%s\n", mixed.truth.find("owner")->as_string().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gen_export: %s\n", e.what());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  GeneratorOptions options;
  bool have_format = false, have_messages = false, mixed = false;
  double planted_per_day = 0;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage(("missing value after " + arg).c_str());
      return argv[++i];
    };
    if (arg == "--format") {
      const std::string_view name = value();
      if (name == "mixed") {
        mixed = true;
        continue;
      }
      const auto f = parse_export_format(name);
      if (!f) usage("unknown --format");
      options.format = *f;
      have_format = true;
    } else if (arg == "--messages") {
      options.messages = number("--messages", value());
      have_messages = true;
    } else if (arg == "--chats") {
      options.chats = static_cast<uint32_t>(number("--chats", value()));
      if (options.chats == 0) usage("--chats must be at least 1");
    } else if (arg == "--seed") {
      options.seed = number("--seed", value());
    } else if (arg == "--clock") {
      const std::string c = value();
      if (c == "12")
        options.clock = Clock::H12;
      else if (c == "24")
        options.clock = Clock::H24;
      else
        usage("--clock takes 12 or 24");
    } else if (arg == "--planted-truth") {
      const char* v = value();
      char* end = nullptr;
      planted_per_day = std::strtod(v, &end);
      if (!*v || *end || !(planted_per_day > 0)) usage("--planted-truth takes a positive number of messages a day");
    } else if (arg == "--out") {
      out = value();
    } else if (arg == "-h" || arg == "--help") {
      usage();
    } else {
      usage(("unknown argument " + arg).c_str());
    }
  }
  if (mixed) {
    if (out.empty()) usage("--out is required");
    return write_mixed(options.seed, out);
  }
  if (planted_per_day > 0) {
    if (out.empty()) usage("--out is required");
    return write_planted(planted_per_day, options.seed, out);
  }
  if (!have_format || !have_messages || out.empty()) usage("--format, --messages and --out are required");

  const uint32_t chats = options.chats ? options.chats : default_chat_count(options.format);
  const bool directory = writes_folders(options.format, chats);
  try {
    const fs::path path(out);
    if (directory) {
      fs::create_directories(path);
    } else if (path.has_parent_path()) {
      fs::create_directories(path.parent_path());
    }
    FileSink sink(path, !directory);
    const auto start = std::chrono::steady_clock::now();
    const GenerationSummary summary = generate_export(options, sink);
    sink.close();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "gen_export: %s, %llu messages in %zu chats, %.1f MB in %d file(s), %.2f s -> %s\n",
                 std::string(to_string(options.format)).c_str(), static_cast<unsigned long long>(summary.messages),
                 summary.chats.size(), static_cast<double>(summary.bytes) / 1e6, sink.files(), seconds, out.c_str());
    std::printf("%s\n", summary.owner.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gen_export: %s\n", e.what());
    return 1;
  }
  return 0;
}
