// End-to-end checks of the `chatlens` command: exit codes, messages, errors per input.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "command_report.hpp"

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
#define CHATLENS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHATLENS_ASAN 1
#endif
#endif
#ifndef CHATLENS_ASAN
#define CHATLENS_ASAN 0
#endif

namespace {

using chatlens::testing::CliRun;
using chatlens::testing::run_command;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chatlens-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  fs::path zip(const std::string& name, const std::vector<std::pair<std::string, std::string>>& entries) {
    const fs::path p = dir_ / name;
    int error = 0;
    zip_t* z = zip_open(p.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(z, nullptr);
    for (const auto& [entry, content] : entries) {
      zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
      zip_file_add(z, entry.c_str(), s, ZIP_FL_OVERWRITE);
    }
    EXPECT_EQ(zip_close(z), 0);
    return p;
  }

  // `prefix` runs first in the same shell (e.g. "ulimit -v N;").
  CliRun run(const std::string& args, const std::string& prefix = "") {
    return run_command(prefix + std::string(CHATLENS_CLI) + " " + args, dir_ / "stderr.txt");
  }

  static std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

  fs::path dir_;
};

const std::string kAndroidChat =
    "18/03/2022, 14:56 - Ana: hola\n"
    "18/03/2022, 14:57 - Ben: qué tal?\n"
    "segunda línea\n"
    "18/03/2022, 14:58 - Ana: bien \xF0\x9F\x98\x8A\n";

// A zip with one stored entry whose headers declare `declared` bytes (zip64 fields
// when that does not fit 32 bits), whatever the real content: what an attacker writes.
std::string zip_declaring(const std::string& name, const std::string& content, uint64_t declared) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : content) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  crc ^= 0xFFFFFFFFu;
  const bool zip64 = declared >= 0xFFFFFFFFu;
  auto le = [](std::string& out, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  std::string extra;
  if (zip64) {
    le(extra, 0x0001, 2), le(extra, 16, 2), le(extra, declared, 8), le(extra, content.size(), 8);
  }
  const uint64_t size32 = zip64 ? 0xFFFFFFFFu : declared, comp32 = zip64 ? 0xFFFFFFFFu : content.size();
  std::string z;
  le(z, 0x04034b50, 4), le(z, 45, 2), le(z, 0, 2), le(z, 0, 2), le(z, 0, 2), le(z, 0x21, 2), le(z, crc, 4);
  le(z, comp32, 4), le(z, size32, 4), le(z, name.size(), 2), le(z, extra.size(), 2);
  z += name + extra + content;
  const size_t cd = z.size();
  le(z, 0x02014b50, 4), le(z, 45, 2), le(z, 45, 2), le(z, 0, 2), le(z, 0, 2), le(z, 0, 2), le(z, 0x21, 2);
  le(z, crc, 4), le(z, comp32, 4), le(z, size32, 4), le(z, name.size(), 2), le(z, extra.size(), 2);
  le(z, 0, 2), le(z, 0, 2), le(z, 0, 2), le(z, 0, 4), le(z, 0, 4);
  z += name + extra;
  const size_t cd_size = z.size() - cd;
  le(z, 0x06054b50, 4), le(z, 0, 2), le(z, 0, 2), le(z, 1, 2), le(z, 1, 2), le(z, cd_size, 4), le(z, cd, 4);
  le(z, 0, 2);
  return z;
}

// Largest resident set of any finished child of this test process, in MB.
long children_peak_mb() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

TEST_F(Cli, MessagesPrintsOneJsonObjectPerMessageWithEveryField) {
  const CliRun r = run("messages " + q(write("WhatsApp Chat with Ben.txt", kAndroidChat)));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(
      r.out.find("{\"chat\":\"Ben\",\"platform\":\"whatsapp\",\"sender\":\"Ana\",\"time\":\"2022-03-18T14:56:00\","
                 "\"utc\":null,\"kind\":\"text\",\"media\":null,\"text\":\"hola\",\"edited\":false}\n"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"text\":\"qué tal?\\nsegunda línea\""), std::string::npos) << r.out;
}

TEST_F(Cli, MessagesAsCsvQuotesMultiLineText) {
  const CliRun r = run("messages --format csv " + q(write("chat.txt", kAndroidChat)));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.rfind("chat,platform,sender,time,utc,kind,media,text,edited\n", 0), 0u);
  EXPECT_NE(r.out.find(",Ben,2022-03-18T14:57:00,,text,,\"qué tal?\nsegunda línea\",false\n"), std::string::npos)
      << r.out;
}

TEST_F(Cli, AnUnreadableInputExitsThreeAfterImportingTheOthers) {
  const fs::path good = write("good.txt", kAndroidChat);
  const fs::path empty = write("empty.txt", "");
  const fs::path binary = write("photo.jpg.txt", std::string("\xFF\xD8\xFF\xE0\0\0JFIF\0", 11));
  const CliRun r = run("messages " + q(good) + " " + q(empty) + " " + q(binary) + " " + q(dir_ / "missing.txt"));
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;
  EXPECT_NE(r.err.find("empty.txt: The file is empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("photo.jpg.txt: Binary data"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing.txt: No such file"), std::string::npos) << r.err;
}

TEST_F(Cli, NonTelegramJsonIsNamedAsSuch) {
  const CliRun r = run("messages " + q(write("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}")));
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("package.json: JSON that is none of: a Telegram Desktop export"), std::string::npos) << r.err;
}

TEST_F(Cli, IosZipIsOpenedAndMergedWithTheSameChatAsText) {
  const std::string ios =
      "[18.03.22, 14:56:01] Ana: hola\r\n"
      "[18.03.22, 14:57:02] Ben: qué tal?\r\n";
  const fs::path z = zip("WhatsApp Chat - Ana.zip", {{"_chat.txt", ios},
                                                     {"__MACOSX/._chat.txt", std::string("\0\x05\x16\x07", 4)},
                                                     {"00000046-Some file.txt", "not a chat"}});
  const fs::path txt = write("WhatsApp Chat - Ana.txt", ios);
  const CliRun r = run("messages " + q(z) + " " + q(txt));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;
  EXPECT_NE(r.out.find("\"chat\":\"Ana\""), std::string::npos) << r.out;
}

TEST_F(Cli, TruncatedZipIsReportedWithItsName) {
  const fs::path z = zip("full.zip", {{"_chat.txt", kAndroidChat + kAndroidChat + kAndroidChat}});
  std::string bytes;
  {
    std::ifstream in(z, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const fs::path cut = write("cut.zip", bytes.substr(0, bytes.size() / 2));
  const CliRun r = run("messages " + q(cut) + " " + q(write("ok.txt", kAndroidChat)));
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("cut.zip: Truncated or corrupt zip archive"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;
}

TEST_F(Cli, HelpListsEveryCommand) {
  for (const char* flag : {"--help", "-h", "help"}) {
    const CliRun r = run(flag);
    EXPECT_EQ(r.status, 0) << flag;
    EXPECT_EQ(r.out.rfind("usage: chatlens <command>", 0), 0u) << r.out;
    for (const char* command : {"analyze", "messages", "report", "serve", "export-community", "healthcheck"}) {
      // Each command on a line of its own in the list: "\n  COMMAND ".
      EXPECT_NE(r.out.find(std::string("\n  ") + command + " "), std::string::npos) << flag << ": " << command << "\n"
                                                                                    << r.out;
    }
  }
  // Without a command: the same list, on stderr, as a usage error.
  const CliRun bare = run("");
  EXPECT_EQ(bare.status, 2);
  EXPECT_NE(bare.err.find("\n  serve "), std::string::npos) << bare.err;
}

TEST_F(Cli, ExportCommunityAndHealthcheckSayWhatIsWrong) {
  CliRun r = run("export-community");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--out DIR is required"), std::string::npos) << r.err;
  r = run("export-community --out x --from 2026-1-1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--from needs a day as YYYY-MM-DD"), std::string::npos) << r.err;
  r = run("export-community --out x --db sqlite:" + (dir_ / "none.sqlite3").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no SQLite database at"), std::string::npos) << r.err;
  EXPECT_EQ(run("healthcheck --url ftp://127.0.0.1/healthz").status, 2);
  r = run("healthcheck --url http://127.0.0.1:9/healthz --timeout 1");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("http://127.0.0.1:9/healthz"), std::string::npos) << r.err;
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run("frobnicate").status, 2);
  EXPECT_EQ(run("messages --format xml x.txt").status, 2);
  EXPECT_EQ(run("analyze").status, 2);
}

TEST_F(Cli, AnalyzeAsksWhoYouAreWhenItCannotTell) {
  const CliRun r = run("analyze " + q(write("chat.txt", kAndroidChat)));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--me"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  Ana\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  Ben\n"), std::string::npos) << r.err;
}

TEST_F(Cli, AnalyzeWritesTheReportJson) {
  const fs::path out = dir_ / "report.json";
  const CliRun r = run("analyze " + q(write("chat.txt", kAndroidChat)) + " --me Ana -o " + q(out));
  ASSERT_EQ(r.status, 0) << r.err;
  std::ifstream in(out);
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(json.find("\"schema_version\": 3"), std::string::npos);
  EXPECT_NE(json.find("\"name\": \"Ana\""), std::string::npos);
  EXPECT_NE(json.find("\"date_order\": \"DMY\""), std::string::npos);
  EXPECT_NE(json.find("\"overview\""), std::string::npos);
  EXPECT_NE(json.find("\"active_days\": 1"), std::string::npos);
}

TEST_F(Cli, AnalyzeWithoutOutputPrintsASummary) {
  const CliRun r = run("analyze " + q(write("chat.txt", kAndroidChat)) + " --me Ben");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("chatlens report for Ben"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 messages"), std::string::npos) << r.out;
}

// ---- Hostile inputs and faults (issue 9) ----

TEST_F(Cli, ZipClaimingATerabyteEntryIsNotTrusted) {
  // It aborted with an uncaught std::bad_alloc.
  const fs::path z = write("claims.zip", zip_declaring("_chat.txt", kAndroidChat, uint64_t{1} << 40));
  const CliRun r = run("messages " + q(z) + " " + q(write("ok.txt", kAndroidChat)));
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("claims.zip:_chat.txt: "), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;  // the other input is still read
  EXPECT_LT(children_peak_mb(), 200);
}

TEST_F(Cli, ZipClaimingFourGibibytesDoesNotAllocateThem) {
  const fs::path z = write("claims.zip", zip_declaring("_chat.txt", kAndroidChat, 0xFFFFFFFEu));
  const CliRun r = run("messages " + q(z));
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("claims.zip:_chat.txt: "), std::string::npos) << r.err;
  EXPECT_LT(children_peak_mb(), 200);
}

TEST_F(Cli, ZipBombIsRefusedNamingTheEntryWithinTheMemoryBudget) {
  // 36 MiB of one line deflate to well under 1% of that.
  std::string text;
  text.reserve(36 << 20);
  while (text.size() < (36u << 20)) text += "18/03/2022, 14:56 - Ana: hola hola hola hola hola hola\n";
  const fs::path z = zip("bomb.zip", {{"_chat.txt", text}});
  text = std::string();
  ASSERT_LT(fs::file_size(z), 1u << 20);
  const CliRun r = run("messages " + q(z));
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("bomb.zip:_chat.txt: compressed more than 100:1"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  // Refused after 32 MiB: far below 2 x the entry + 64 MB (AddressSanitizer's shadow and
  // quarantine add their own share; the release preset holds the real budget).
  EXPECT_LT(children_peak_mb(), (2 * 36 + 64) * (CHATLENS_ASAN ? 3 : 1));
  // A higher ratio lets it through (to the next limit, here a smaller input size).
  const CliRun allowed = run("messages --max-zip-ratio 100000 --max-input-size 33M " + q(z));
  EXPECT_EQ(allowed.err.find("compressed more than"), std::string::npos) << allowed.err;
  EXPECT_NE(allowed.err.find("bomb.zip:_chat.txt: inflates to more than the input size limit of 33 MiB"),
            std::string::npos)
      << allowed.err;
}

TEST_F(Cli, ManySmallBombsInOneArchiveAddUp) {
  // Each entry stays under the 32 MiB floor; together they pass it at over 100:1.
  std::string text;
  while (text.size() < (3u << 20)) text += "18/03/2022, 14:56 - Ana: hola hola hola hola hola hola\n";
  std::vector<std::pair<std::string, std::string>> entries;
  for (int i = 0; i < 12; ++i) entries.emplace_back("chat" + std::to_string(i) + "/_chat.txt", text);
  const CliRun r = run("messages " + q(zip("bombs.zip", entries)) + " >/dev/null");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("bombs.zip:chat10/_chat.txt: compressed more than 100:1"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("bombs.zip:chat9/_chat.txt"), std::string::npos) << r.err;  // 30 MiB so far: fine
}

TEST_F(Cli, InputsAboveTheSizeLimitAreRefused) {
  const fs::path txt = write("chat.txt", kAndroidChat);
  const fs::path z = zip("chat.zip", {{"_chat.txt", std::string(64 << 10, 'x') + kAndroidChat}});
  const CliRun r = run("messages --max-input-size=100 " + q(txt));
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("chat.txt: the file is " + std::to_string(kAndroidChat.size()) +
                       " bytes, larger than the input size limit of 100 bytes"),
            std::string::npos)
      << r.err;
  const CliRun inflated = run("messages --max-input-size 32K " + q(z) + " " + q(txt));
  EXPECT_EQ(inflated.status, 3);
  EXPECT_NE(inflated.err.find("chat.zip:_chat.txt: inflates to more than the input size limit of 32 KiB"),
            std::string::npos)
      << inflated.err;
  EXPECT_EQ(std::count(inflated.out.begin(), inflated.out.end(), '\n'), 3) << inflated.out;
  EXPECT_EQ(run("messages --max-input-size lots " + q(txt)).status, 2);
  EXPECT_EQ(run("analyze --max-zip-ratio 0 " + q(txt)).status, 2);
}

TEST_F(Cli, RunningOutOfMemoryIsAnUnreadableInputNotAnAbort) {
#if CHATLENS_ASAN
  GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit this test sets";
#endif
  std::string text;
  while (text.size() < (96u << 20)) text += "18/03/2022, 14:56 - Ana: hola hola hola hola hola hola\n";
  const fs::path big = write("big.txt", text);
  text = std::string();
  // 128 MB of address space: the program loads, but cannot hold the input and its corpus.
  const CliRun r = run("messages " + q(big) + " >/dev/null", "ulimit -v 131072; ");
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("chatlens messages: out of memory while reading the inputs"), std::string::npos) << r.err;
}

TEST_F(Cli, DevicesAndFifosAreRefusedNotReadForever) {
  const fs::path fifo = dir_ / "chat.txt";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // `timeout`: before the fix /dev/zero was read until memory ran out and a FIFO blocked.
  const CliRun r = run("messages /dev/zero " + q(fifo) + " " + q(write("ok.txt", kAndroidChat)));
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("/dev/zero: a character device, not an export file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("chat.txt: a FIFO (named pipe), not an export file"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;
}

TEST_F(Cli, WritingToAFullDeviceExitsFourWithAMessage) {
  const std::string chat = q(write("chat.txt", kAndroidChat));
  for (const std::string& args :
       std::vector<std::string>{"analyze --me Ana -o - " + chat, "analyze --me Ana " + chat, "messages " + chat,
                                "messages --format csv " + chat, "--help"}) {
    const CliRun r = run(args + " >/dev/full");
    EXPECT_EQ(r.status, 4) << args;
    EXPECT_NE(r.err.find("cannot write to standard output: No space left on device"), std::string::npos)
        << args << ": " << r.err;
  }
}

TEST_F(Cli, AnInputWithNothingReadableIsUnreadableInEveryCommand) {
  const fs::path bad = write("result.json", R"({"name": "Ana", "type": "personal_chat", "id": 1, "messages": "x"})");
  const fs::path tpl =
      write("template.html",
            R"(<html><script type="application/json" id="chatlens-report">__CHATLENS_REPORT_JSON__</script>)");
  for (const std::string& command :
       std::vector<std::string>{"messages", "analyze", "report --template " + q(tpl) + " -o " + q(dir_ / "r.html")}) {
    const CliRun r = run(command + " " + q(bad));
    EXPECT_EQ(r.status, 3) << command << ": " << r.err;
    EXPECT_NE(r.err.find("result.json: Nothing could be imported"), std::string::npos) << command << ": " << r.err;
  }
  const CliRun summary = run("analyze " + q(bad));
  EXPECT_NE(summary.out.find("result.json: NOT READ"), std::string::npos) << summary.out;
}

TEST_F(Cli, ControlCharactersFromExportsAreEscapedOnTheTerminal) {
  // A sender whose name retitles the terminal window and clears the screen.
  const std::string evil =
      "Eve\x1b]0;pwned\x07\x1b[2J\xc2\x9b"
      "31m";
  const std::string chat = "18/03/2022, 14:56 - " + evil + ": hola\n18/03/2022, 14:57 - Ben: hey\n";
  const fs::path file = write("chat\x1b[31m\xe2\x80\xae.txt", chat);  // and a right-to-left override
  const CliRun ask = run("analyze " + q(file));
  EXPECT_EQ(ask.status, 2);
  EXPECT_EQ(ask.err.find('\x1b'), std::string::npos) << ask.err;
  EXPECT_NE(ask.err.find("  Eve\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m\n"), std::string::npos) << ask.err;
  const CliRun summary = run("analyze --me Ben " + q(file));
  ASSERT_EQ(summary.status, 0) << summary.err;
  EXPECT_EQ(summary.out.find('\x1b'), std::string::npos) << summary.out;
  EXPECT_EQ(summary.out.find("\xc2\x9b"), std::string::npos) << summary.out;
  EXPECT_NE(summary.out.find("chat\\x1b[31m\\u202e.txt"), std::string::npos) << summary.out;
  const CliRun error = run("messages " + q(write("bad\x1b[2J.txt", "")));
  EXPECT_EQ(error.err.find('\x1b'), std::string::npos) << error.err;
  // The escaped form names the person, as printed.
  EXPECT_EQ(run("analyze --me 'Eve\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m' " + q(file)).status, 0);
}

TEST_F(Cli, LookAlikeCandidatesAreToldApartByFileAndLine) {
  // Two names that differ only in an invalid byte: both show as "Ana\uFFFD" where bytes are replaced.
  const fs::path a = write("a.txt", "18/03/2022, 14:56 - Ben: hola\n18/03/2022, 14:57 - Ana\xff: hey\n");
  const fs::path b = write("b.txt",
                           "18/03/2022, 15:00 - Cy: hi\n18/03/2022, 15:01 - Dee: x\n"
                           "18/03/2022, 15:02 - Ana\xfe: yo\n");
  const CliRun r = run("analyze " + q(a) + " " + q(b));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("  Ana\\xff (first in " + a.string() + ", line 2)\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  Ana\\xfe (first in " + b.string() + ", line 3)\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  Ben\n"), std::string::npos) << r.err;  // unique names stay short
}

TEST_F(Cli, HelpNamesTheInputLimits) {
  for (const std::string args : {"--help", "analyze --help", "messages --help", "report --help"}) {
    const CliRun r = run(args);
    EXPECT_EQ(r.status, 0) << args;
    EXPECT_NE(r.out.find("--max-input-size"), std::string::npos) << args << ": " << r.out;
    EXPECT_NE(r.out.find("--max-zip-ratio"), std::string::npos) << args;
    EXPECT_NE(r.out.find("64 levels"), std::string::npos) << args;
  }
}

// ---- Report periods (issue 15) ----

const std::string kTwoYearChat =
    "31/12/2023, 23:59 - Ana: last of 2023\n"
    "01/01/2024, 00:00 - Ben: first of 2024\n"
    "15/06/2024, 12:00 - Ana: june\n"
    "31/12/2024, 23:59 - Ben: last of 2024\n";

// The JSON at a pointer of a report, minified ("" when absent).
std::string json_at(const std::string& json, const char* pointer) {
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  if (parser.parse(json).at_pointer(pointer).get(e)) return "";
  return simdjson::minify(e);
}

TEST_F(Cli, YearLimitsTheReportToThatYearAndSaysSo) {
  const CliRun r = run("analyze " + q(write("chat.txt", kTwoYearChat)) + " --me Ana --year 2024 -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json_at(r.out, "/period"), R"({"kind":"year","from":"2024-01-01","to":"2024-12-31"})");
  // The overview counts the three messages of 2024, and every section states the period it covers.
  EXPECT_EQ(json_at(r.out, "/sections/overview/everyone/messages"), "3");
  EXPECT_EQ(json_at(r.out, "/sections/overview/covers"), json_at(r.out, "/period"));
  EXPECT_EQ(json_at(r.out, "/sections/media/covers"), json_at(r.out, "/period"));
  // The years the data covers, each too thin for a report of its own.
  EXPECT_EQ(json_at(r.out, "/years/0/year"), "2023");
  EXPECT_EQ(json_at(r.out, "/years/1/year"), "2024");
  EXPECT_EQ(json_at(r.out, "/years/1/messages"), "3");
  EXPECT_EQ(json_at(r.out, "/years/1/enough_data"), "false");
  EXPECT_EQ(json_at(r.out, "/sections/year_vs_year/enough_data"), "false");
  EXPECT_EQ(json_at(r.out, "/sections/year_vs_year/note/key"), R"("year_vs_year.too_little_data")");
}

TEST_F(Cli, FromAndToAreInclusiveLocalDays) {
  const fs::path chat = write("chat.txt", kTwoYearChat);
  const CliRun r = run("analyze " + q(chat) + " --me Ana --from 2023-12-31 --to=2024-01-01 -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json_at(r.out, "/period"), R"({"kind":"range","from":"2023-12-31","to":"2024-01-01"})");
  EXPECT_EQ(json_at(r.out, "/sections/overview/everyone/messages"), "2");
  EXPECT_EQ(json_at(r.out, "/sections/year_vs_year/note/key"), R"("year_vs_year.needs_a_year")");
  // One end alone: the other is the data's.
  const CliRun open = run("analyze " + q(chat) + " --me Ana --from 2024-06-15 -o -");
  ASSERT_EQ(open.status, 0) << open.err;
  EXPECT_EQ(json_at(open.out, "/period"), R"({"kind":"range","from":"2024-06-15","to":"2024-12-31"})");
  // Nothing: everything, from the first day of the data to the last.
  const CliRun all = run("analyze " + q(chat) + " --me Ana -o -");
  ASSERT_EQ(all.status, 0) << all.err;
  EXPECT_EQ(json_at(all.out, "/period"), R"({"kind":"all","from":"2023-12-31","to":"2024-12-31"})");
}

TEST_F(Cli, BadPeriodsAreUsageErrorsNamingTheOption) {
  const std::string chat = q(write("chat.txt", kTwoYearChat));
  const std::pair<std::string, std::string> cases[] = {
      {"--year 24", "--year must be a year like 2024"},
      {"--year 2024x", "--year must be a year like 2024"},
      {"--from 2024-02-30", "--from must be a date like 2024-06-15 (YYYY-MM-DD), not \"2024-02-30\""},
      {"--to 15/06/2024", "--to must be a date like 2024-06-15 (YYYY-MM-DD), not \"15/06/2024\""},
      {"--from 2024-06-15T10:00", "--from must be a date"},
      {"--from 2024-06-02 --to 2024-06-01", "--from 2024-06-02 is after --to 2024-06-01"},
      {"--year 2024 --from 2024-01-01", "--year cannot be combined with --from or --to"},
      {"--year 2023 --year 2024", "--year given twice"},
      {"--to", "--to needs a value"},
  };
  for (const auto& [options, message] : cases) {
    for (const char* command : {"analyze", "report"}) {
      SCOPED_TRACE(std::string(command) + " " + options);
      const CliRun r = run(std::string(command) + " " + chat + " --me Ana -o " + q(dir_ / "out") + " " + options);
      EXPECT_EQ(r.status, 2);
      EXPECT_NE(r.err.find(std::string("chatlens ") + command + ": " + message), std::string::npos) << r.err;
      EXPECT_FALSE(fs::exists(dir_ / "out"));
    }
  }
}

TEST_F(Cli, BadLimitsAreUsageErrorsNamingTheOptionAndTheValue) {
  const std::string chat = q(write("chat.txt", kTwoYearChat));
  const std::pair<std::string, std::string> cases[] = {
      {"--max-input-size 12Q", "--max-input-size must be a size such as 4G, 500M or 1048576, not \"12Q\""},
      {"--max-input-size=0", "--max-input-size must be a size such as 4G, 500M or 1048576, not \"0\""},
      {"--max-zip-ratio 1.5", "--max-zip-ratio must be a positive whole number, not \"1.5\""},
      {"--max-input-size", "--max-input-size needs a value"},
  };
  for (const auto& [options, message] : cases)
    for (const char* command : {"analyze", "messages", "report"}) {
      SCOPED_TRACE(std::string(command) + " " + options);
      const std::string output = std::string(command) == "messages" ? "" : " --me Ana -o " + q(dir_ / "out");
      const CliRun r = run(std::string(command) + " " + chat + output + " " + options);
      EXPECT_EQ(r.status, 2);
      EXPECT_NE(r.err.find(std::string("chatlens ") + command + ": " + message + "\n"), std::string::npos) << r.err;
    }
}

TEST_F(Cli, HelpDocumentsThePeriodOptions) {
  for (const char* command : {"analyze", "report"}) {
    const CliRun r = run(std::string(command) + " --help");
    ASSERT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("--year YYYY"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("--year excludes --from and --to"), std::string::npos) << r.out;
  }
}

TEST_F(Cli, SummaryStatesThePeriod) {
  const fs::path chat = write("chat.txt", kTwoYearChat);
  const CliRun r = run("analyze " + q(chat) + " --me Ana --year 2024");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Period: 2024-01-01 to 2024-12-31"), std::string::npos) << r.out;
  const CliRun all = run("analyze " + q(chat) + " --me Ana");
  ASSERT_EQ(all.status, 0) << all.err;
  EXPECT_EQ(all.out.find("Period:"), std::string::npos) << all.out;
}
