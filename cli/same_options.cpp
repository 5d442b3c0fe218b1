#include "same_options.hpp"

#include <cstdio>
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

ParsedPair parse_same_pair(std::string_view text, std::string origin) {
  const size_t eq = text.find('=');
  if (eq == std::string_view::npos)
    return {std::nullopt, origin + ": expected two names joined by \"=\" (\"Ana Gómez=Ana G.\"), found \"" +
                              printable(std::string(text)) + "\""};
  SamePerson p{{trimmed(text.substr(0, eq)), ""}, {trimmed(text.substr(eq + 1)), ""}, std::move(origin)};
  if (p.a.name.empty() || p.b.name.empty())
    return {std::nullopt,
            p.origin + ": a name is missing on one side of \"=\" in \"" + printable(std::string(text)) + "\""};
  return {std::move(p), ""};
}

OptionMatch parse_same_option(std::string_view command, const std::vector<std::string>& args, size_t& i,
                              std::vector<SamePerson>& links) {
  const std::string& a = args[i];
  std::string value;
  std::string_view name;
  for (std::string_view option : {"--same", "--same-file"}) {
    if (a == option) {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "chatlens %.*s: %.*s needs a value\n", static_cast<int>(command.size()), command.data(),
                     static_cast<int>(option.size()), option.data());
        return OptionMatch::Bad;
      }
      name = option, value = args[++i];
    } else if (a.size() > option.size() && a.compare(0, option.size(), option) == 0 && a[option.size()] == '=') {
      name = option, value = a.substr(option.size() + 1);
    }
  }
  if (name.empty()) return OptionMatch::No;
  const auto fail = [&](const std::string& message) {
    std::fprintf(stderr, "chatlens %.*s: %s\n", static_cast<int>(command.size()), command.data(), message.c_str());
    return OptionMatch::Bad;
  };
  if (name == "--same") {
    ParsedPair p = parse_same_pair(value, "--same");
    if (!p.pair) return fail(p.error);
    links.push_back(std::move(*p.pair));
    return OptionMatch::Yes;
  }
  std::ifstream file(value, std::ios::binary);
  if (!file) return fail("--same-file: cannot read " + printable(value));
  std::string line;
  uint64_t number = 0;
  while (std::getline(file, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a BOM from a Windows editor
    const std::string content = normalize_name(line);
    if (content.empty() || content[0] == '#') continue;
    if (!is_valid_utf8(line)) return fail(printable(value) + ":" + std::to_string(number) + ": not UTF-8 text");
    ParsedPair p = parse_same_pair(content, printable(value) + ":" + std::to_string(number));
    if (!p.pair) return fail(p.error);
    links.push_back(std::move(*p.pair));
  }
  if (file.bad()) return fail("--same-file: cannot read " + printable(value));
  return OptionMatch::Yes;
}

bool apply_links(std::string_view command, Corpus& corpus, const std::vector<SamePerson>& links) {
  const LinkOutcome r = apply_person_links(corpus, links);
  for (const UnknownLinkName& u : r.unknown)
    std::fprintf(stderr, "chatlens %.*s: %s: nobody is named \"%s\" in these exports\n",
                 static_cast<int>(command.size()), command.data(), u.origin.c_str(), printable(u.name).c_str());
  return r.unknown.empty();
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
