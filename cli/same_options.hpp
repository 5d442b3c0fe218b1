#pragma once
// --same "Ana Gómez=Ana G." (repeatable) and --same-file FILE (one pair a line, "#"
// comments): the caller says two names are one person (analyze, messages, report).
// The first "=" separates the names; a name on every platform it appears on is meant
// ("Ana=Ana" joins an Ana of WhatsApp with an Ana of Telegram).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "limit_options.hpp"
#include "model/corpus.hpp"
#include "model/person_links.hpp"

namespace chatlens::cli {

// One "A=B" pair, or an error naming `origin` ("--same", "links.txt:3").
struct ParsedPair {
  std::optional<SamePerson> pair;
  std::string error;
};
ParsedPair parse_same_pair(std::string_view text, std::string origin);

// Whether args[i] is --same or --same-file (with its value, or "=VALUE"); on Yes, `i`
// is on its value. Bad: a message naming `command` and the file and line is on stderr.
OptionMatch parse_same_option(std::string_view command, const std::vector<std::string>& args, size_t& i,
                              std::vector<SamePerson>& links);

// Applies the links; a name that matches nobody is an error (on stderr, with where it
// was given): false then.
bool apply_links(std::string_view command, Corpus& corpus, const std::vector<SamePerson>& links);

// The suggestions not yet confirmed, each with its reason and the --same that confirms it ("" when none).
std::string link_suggestions_text(const Corpus& corpus);

extern const char* const kSameOptionsHelp;

}  // namespace chatlens::cli
