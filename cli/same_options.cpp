#include "same_options.hpp"

#include <fstream>

#include "model/link_suggestions.hpp"
#include "text/printable.hpp"
#include "text/utf8.hpp"
#include "words.hpp"

namespace chatlens::cli {

const char* const kSameOptionsHelp =
    "  --same \"A=B\"           A and B are one person (on any platforms); repeatable\n"
    "  --same-file FILE       one \"A=B\" pair a line; blank lines and lines starting with # are ignored\n";

namespace {

std::string trimmed(std::string_view s) {
  std::string n = normalize_name(s);
  return n;
}

}  // namespace

Result<SamePerson> parse_same_pair(std::string_view text, std::string origin) {
  const size_t eq = text.find('=');
  if (eq == std::string_view::npos)
    return Status::error(origin + ": expected two names joined by \"=\" (\"Ana Gómez=Ana G.\"), found \"" +
                         printable(std::string(text)) + "\"");
  SamePerson p{{trimmed(text.substr(0, eq)), ""}, {trimmed(text.substr(eq + 1)), ""}, std::move(origin)};
  if (p.a.name.empty() || p.b.name.empty())
    return Status::error(p.origin + ": a name is missing on one side of \"=\" in \"" + printable(std::string(text)) +
                         "\"");
  return p;
}

namespace {

// The pairs of a --same-file, one a line; an error names the file and the line.
Status read_same_file(const std::string& path, std::vector<SamePerson>& links) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::error("--same-file: cannot read " + printable(path));
  std::string line;
  uint64_t number = 0;
  while (std::getline(file, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a BOM from a Windows editor
    const std::string content = normalize_name(line);
    if (content.empty() || content[0] == '#') continue;
    const std::string where = printable(path) + ":" + std::to_string(number);
    if (!is_valid_utf8(line)) return Status::error(where + ": not UTF-8 text");
    Result<SamePerson> p = parse_same_pair(content, where);
    if (!p) return p.status();
    links.push_back(std::move(*p));
  }
  if (file.bad()) return Status::error("--same-file: cannot read " + printable(path));
  return Status::ok();
}

}  // namespace

Result<OptionMatch> parse_same_option(const std::vector<std::string>& args, size_t& i, std::vector<SamePerson>& links) {
  Result<std::optional<std::string>> same = option_value(args, i, "--same");
  if (!same) return same.status();
  if (*same) {
    Result<SamePerson> p = parse_same_pair(**same, "--same");
    if (!p) return p.status();
    links.push_back(std::move(*p));
    return OptionMatch::Yes;
  }
  Result<std::optional<std::string>> file = option_value(args, i, "--same-file");
  if (!file) return file.status();
  if (!*file) return OptionMatch::No;
  if (Status s = read_same_file(**file, links); !s) return s;
  return OptionMatch::Yes;
}

Status apply_links(Corpus& corpus, const std::vector<SamePerson>& links) {
  const LinkOutcome r = apply_person_links(corpus, links);
  std::string unknown;
  for (const UnknownLinkName& u : r.unknown)
    unknown +=
        (unknown.empty() ? "" : "\n") + u.origin + ": nobody is named \"" + printable(u.name) + "\" in these exports";
  return unknown.empty() ? Status::ok() : Status::error(unknown);
}

std::string link_suggestions_text(const Corpus& corpus) {
  const std::vector<LinkSuggestion> suggestions = suggest_person_links(corpus);
  if (suggestions.empty()) return "";
  const Words& words = Words::english();
  std::string out = words.text("links.title") + " " + words.text("links.cli_hint") + "\n";
  for (const LinkSuggestion& s : suggestions) {
    const Person &a = corpus.people[s.a], &b = corpus.people[s.b];
    out += "  " + a.name + " (" + std::string(to_string(a.platform)) + ") — " + b.name + " (" +
           std::string(to_string(b.platform)) + "): " + words.text("links.reason." + std::string(s.reason)) + " (" +
           words.text("links.strength." + std::string(s.strength)) + ")\n";
    out += "      --same \"" + a.name + "=" + b.name + "\"\n";
  }
  return out;
}

}  // namespace chatlens::cli
