// End-to-end checks of the `chatlens` command: exit codes, messages, errors per input.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct CliRun {
  int status = -1;
  std::string out, err;
};

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

  CliRun run(const std::string& args) {
    const fs::path err = dir_ / "stderr.txt";
    const std::string cmd = std::string(CHATLENS_CLI) + " " + args + " 2>" + err.string();
    CliRun r;
    FILE* pipe = popen(cmd.c_str(), "r");
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    const int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream e(err);
    r.err.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
    return r;
  }

  static std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

  fs::path dir_;
};

const std::string kAndroidChat =
    "18/03/2022, 14:56 - Ana: hola\n"
    "18/03/2022, 14:57 - Ben: qué tal?\n"
    "segunda línea\n"
    "18/03/2022, 14:58 - Ana: bien \xF0\x9F\x98\x8A\n";

}  // namespace

TEST_F(Cli, MessagesPrintsOneJsonObjectPerMessageWithEveryField) {
  const CliRun r = run("messages " + q(write("WhatsApp Chat with Ben.txt", kAndroidChat)));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("{\"chat\":\"Ben\",\"platform\":\"whatsapp\",\"sender\":\"Ana\",\"time\":\"2022-03-18T14:56:00\","
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
  EXPECT_NE(r.err.find("package.json: JSON that is not a Telegram Desktop export"), std::string::npos) << r.err;
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
  EXPECT_NE(json.find("\"schema_version\": 2"), std::string::npos);
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
