// chatlens messages PATH... [--format jsonl|csv]: the normalised messages, one per line.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "commands.hpp"
#include "import_inputs.hpp"
#include "json/json.hpp"
#include "limit_options.hpp"
#include "same_options.hpp"
#include "terminal_output.hpp"
#include "text/printable.hpp"

namespace chatlens::cli {
namespace {

void append_csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(s);
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

constexpr const char* kMessagesUsage =
    "usage: chatlens messages PATH... [--format jsonl|csv] [--same \"A=B\"]... [--same-file FILE]\n"
    "                         [--max-input-size SIZE] [--max-zip-ratio N]\n"
    "  Prints the normalised messages, one per line (on a terminal, control characters are escaped).\n";

}  // namespace

int run_messages(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  std::string format = "jsonl";
  InputLimits limits;
  std::vector<SamePerson> links;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      std::fputs(kMessagesUsage, stdout);
      std::fputs(kSameOptionsHelp, stdout);
      std::fputs(kLimitOptionsHelp, stdout);
      return kOk;
    }
    if (Result<OptionMatch> m = parse_limit_option(args, i, limits); !m)
      return fail("messages", m.status(), kUsage);
    else if (*m == OptionMatch::Yes)
      continue;
    if (Result<OptionMatch> m = parse_same_option(args, i, links); !m)
      return fail("messages", m.status(), kUsage);
    else if (*m == OptionMatch::Yes)
      continue;
    if (args[i] == "--format" && i + 1 < args.size())
      format = args[++i];
    else if (args[i].rfind("--format=", 0) == 0)
      format = args[i].substr(9);
    else if (args[i].rfind("--", 0) == 0) {
      std::fprintf(stderr, "chatlens messages: unknown option %s\n", args[i].c_str());
      return kUsage;
    } else
      paths.push_back(args[i]);
  }
  if (format != "jsonl" && format != "csv") {
    std::fprintf(stderr, "chatlens messages: --format must be jsonl or csv, not %s\n", format.c_str());
    return kUsage;
  }
  if (paths.empty()) {
    std::fputs(kMessagesUsage, stderr);
    return kUsage;
  }

  ImportedInputs in = import_inputs(paths, limits);
  // A linked person's messages carry one name (the canonical person's).
  if (Status s = apply_links(in.corpus, links); !s) return fail("messages", s, kUsage);
  // Data for programs; on a terminal, names and texts must not drive the terminal.
  const bool terminal = isatty(STDOUT_FILENO) != 0;
  auto write = [&](const std::string& text) { return write_stdout(terminal ? printable(text, true) : text); };
  const Corpus& c = in.corpus;
  std::string out;
  out.reserve(1 << 20);
  const bool csv = format == "csv";
  if (csv) out += "chat,platform,sender,time,utc,kind,media,text,edited\n";
  for (uint64_t i = 0; i < c.size(); ++i) {
    const Chat& chat = c.chats[c.messages.chat[i]];
    const Person* sender = c.sender(i);
    const std::string time = format_local_iso(c.messages.time[i]);
    const std::string utc = c.messages.utc[i] == kNoUtc ? std::string() : format_utc_iso(c.messages.utc[i]);
    const std::string_view media = to_string(c.messages.media[i]);
    if (csv) {
      append_csv_field(out, chat.title);
      out += ',';
      out += to_string(chat.platform);
      out += ',';
      if (sender) append_csv_field(out, sender->name);
      out += ',' + time + ',' + utc + ',';
      out += to_string(c.messages.kind[i]);
      out += ',';
      out += media;
      out += ',';
      append_csv_field(out, c.text(i));
      out += c.edited(i) ? ",true\n" : ",false\n";
    } else {
      out += "{\"chat\":";
      append_json_string(out, chat.title);
      out += ",\"platform\":\"";
      out += to_string(chat.platform);
      out += "\",\"sender\":";
      if (sender)
        append_json_string(out, sender->name);
      else
        out += "null";
      out += ",\"time\":\"" + time + "\",\"utc\":";
      out += utc.empty() ? std::string("null") : "\"" + utc + "\"";
      out += ",\"kind\":\"";
      out += to_string(c.messages.kind[i]);
      out += "\",\"media\":";
      out += media.empty() ? std::string("null") : "\"" + std::string(media) + "\"";
      out += ",\"text\":";
      append_json_string(out, c.text(i));
      out += c.edited(i) ? ",\"edited\":true}\n" : ",\"edited\":false}\n";
    }
    if (out.size() > (1 << 20)) {
      if (Status s = write(out); !s) return fail("messages", s, kOutputError);
      out.clear();
    }
  }
  if (Status s = write(out); !s || !(s = flush_stdout())) return fail("messages", s, kOutputError);
  return in.any_failed ? kInputUnreadable : kOk;
}

}  // namespace chatlens::cli
