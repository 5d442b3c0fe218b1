#pragma once
// --same "Ana Gómez=Ana G." (repeatable) and --same-file FILE (one pair a line, "#"
// comments): the caller says two names are one person (analyze, messages, report).
// The first "=" separates the names; a name on every platform it appears on is meant
// ("Ana=Ana" joins an Ana of WhatsApp with an Ana of Telegram).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.hpp"
#include "model/corpus.hpp"
#include "model/person_links.hpp"
#include "option_value.hpp"

namespace chatlens::cli {

// One "A=B" pair, or an error naming `origin` ("--same", "links.txt:3").
Result<SamePerson> parse_same_pair(std::string_view text, std::string origin);

// Whether args[i] is --same or --same-file (with its value, or "=VALUE"); on Yes, `i`
// is on its value. An error names the option, or the file and line.
Result<OptionMatch> parse_same_option(const std::vector<std::string>& args, size_t& i, std::vector<SamePerson>& links);

// Applies the links; a name that matches nobody is an error, one line per such name
// with where it was given.
Status apply_links(Corpus& corpus, const std::vector<SamePerson>& links);

// The suggestions not yet confirmed, each with its reason and the --same that confirms it ("" when none).
std::string link_suggestions_text(const Corpus& corpus);

extern const char* const kSameOptionsHelp;

}  // namespace chatlens::cli
