// topics: the owner's favourite topics and interests. Words and two-word phrases
// of the owner's texts (tokenizer rules in core/text/tokenizer.hpp; stopwords of
// each chat's detected language plus chatlens' chat-slang list), scored per
// period and per chat against the owner's whole history by the weighted log-odds
// ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
// "Fightin' Words", eq. 16 and 22): the prior is the whole history scaled to
// kPriorSize pseudo-counts (periods and chats against the history in their own
// language); a term is shown only when it appears on at least 3
// distinct days of that period or chat and stands at least one standard error
// above the rest of the history (z > 1); z > 1.96 is flagged "significant".
// Chat histories are small samples: with the 1.96 cut alone most periods would
// show nothing, so the ranking is given with its z-scores instead.
// Against general language: words among the kEverydayRankLimit most common of the
// chat's language, or of any language of at least kMainLanguageShare of the
// owner's messages (core/text/word_rank.hpp: frequency lists mostly from film
// subtitles, close to chat language), are everyday language, never topics, and
// a term must make up at least kMinLift times the share of running text that
// the rarest everyday word has in general language. A chat with enough text
// whose terms do not stand out against the rest of the history still gets its
// most used non-everyday terms, marked as standing out against general language only.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "insights/insight.hpp"
#include "insights/section_util.hpp"
#include "insights/term_stats.hpp"
#include "text/stopwords.hpp"
#include "text/tokenizer.hpp"
#include "text/word_map.hpp"
#include "text/word_rank.hpp"

namespace chatlens {
namespace {

constexpr double kPriorSize = 500.0;
constexpr uint32_t kMinDays = 3;
constexpr double kMinZ = 1.0;
constexpr double kSignificantZ = 1.96;
constexpr size_t kTopTerms = 10;
constexpr uint64_t kMinTokens = 500;
constexpr uint64_t kMinChatTokens = 200;
constexpr size_t kTopChats = 10;
constexpr double kMainLanguageShare = 0.1;
constexpr double kMinLift = 10;

struct Group {
  TermStats terms;
  uint64_t tokens = 0;
  uint64_t messages = 0;
};

struct Counter {
  std::unordered_map<std::string, TermStat> items;
  void add(std::string_view s, int64_t day) { items[std::string(s)].add(day); }
  Json top(size_t n, const char* key) const {
    std::vector<std::pair<std::string, TermStat>> v(items.begin(), items.end());
    std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) {
      return a.second.count != b.second.count ? a.second.count > b.second.count : a.first < b.first;
    });
    Json out = Json::array();
    for (size_t i = 0; i < v.size() && out.size() < n; ++i) {
      if (v[i].second.days < kMinDays) continue;
      Json j = Json::object();
      j[key] = v[i].first;
      j["count"] = v[i].second.count;
      j["days"] = v[i].second.days;
      out.push(std::move(j));
    }
    return out;
  }
};

// A word's class in a chat (topics_insight's classify): these, or its term id (>= 0).
constexpr int64_t kSkippedWord = -2, kEverydayWord = -1;

// Looks words up by view: no std::string is built for a word already seen.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool is_expression_subgroup(std::string_view key) {
  // Faces, hands, hearts and skin tones say how, not what about: not interests.
  return key.substr(0, 5) == "face-" || key.substr(0, 4) == "hand" || key.find("heart") != std::string_view::npos ||
         key == "emotion" || key == "skin-tone" || key == "hair-style" || key == "body-parts" ||
         key == "person-gesture" || key == "cat-face" || key == "monkey-face" || key == "other-symbol" ||
         key == "punctuation" || key == "geometric";
}

}  // namespace

Json topics_insight(const InsightInput& in) {
  const Corpus& c = in.corpus;
  const auto& mine = in.derived.owner_by_time();
  const auto& languages = in.derived.chat_languages();
  Json out = Json::object();

  // Periods: years, or quarters when the history is shorter than two years.
  bool by_quarter = false;
  if (!mine.empty()) {
    const int64_t span_days = c.messages.time[mine.back()].day() - c.messages.time[mine.front()].day();
    by_quarter = span_days < 2 * 365 && !in.options.topics_by_year;
  }
  auto period_of = [&](LocalTime t) {
    const CivilDate d = t.date();
    char buf[16];
    if (by_quarter)
      std::snprintf(buf, sizeof buf, "%04d-Q%d", d.year, (d.month - 1) / 3 + 1);
    else
      std::snprintf(buf, sizeof buf, "%04d", d.year);
    return std::string(buf);
  };

  std::unordered_map<std::string, uint32_t, WordHash, std::equal_to<>> vocab;
  std::vector<std::string> terms;
  auto intern = [&](std::string_view s) {
    if (auto it = vocab.find(s); it != vocab.end()) return it->second;  // no key built for a known term
    const auto it = vocab.emplace(std::string(s), static_cast<uint32_t>(terms.size())).first;
    terms.push_back(it->first);
    return it->second;
  };
  Group all;
  std::map<std::string, Group> periods;
  // The same per language of the chat: periods and chats are compared with the history in their
  // own language, or a chat in English would stand out by its everyday English alone.
  std::map<std::string_view, Group> by_language;
  std::map<std::pair<std::string, std::string_view>, Group> period_language;
  std::map<ChatId, Group> chats;
  Counter domains, hashtags;
  std::map<std::string_view, uint64_t> language_messages;
  std::vector<StopwordSet> stop(c.chats.size());
  for (ChatId id = 0; id < c.chats.size(); ++id) stop[id] = stopwords_for(languages[id].code);

  // The owner's main languages: their everyday words are everyday in every chat.
  std::map<std::string_view, uint64_t> text_by_language;
  uint64_t text_messages = 0;
  for (uint64_t i : mine)
    if (c.messages.kind[i] == MessageKind::Text)
      ++text_by_language[languages[c.messages.chat[i]].code], ++text_messages;
  std::vector<std::string_view> main_languages;
  for (const auto& [code, n] : text_by_language)
    if (has_word_ranks(code) && static_cast<double>(n) >= kMainLanguageShare * static_cast<double>(text_messages))
      main_languages.push_back(code);
  auto everyday = [&](ChatId chat, std::string_view word) {
    bool common = word_rank(languages[chat].code, word) > 0;
    for (std::string_view l : main_languages) common = common || word_rank(l, word) > 0;
    return common;
  };
  // What each word is in a chat of each language (a stopword or too short, everyday language, or
  // a term), decided once per language and word: the lists depend on the chat's language alone.
  std::vector<std::string_view> language_codes;
  std::vector<uint32_t> language_of_chat(c.chats.size());
  for (ChatId id = 0; id < c.chats.size(); ++id) {
    auto it = std::find(language_codes.begin(), language_codes.end(), languages[id].code);
    language_of_chat[id] = static_cast<uint32_t>(it - language_codes.begin());
    if (it == language_codes.end()) language_codes.push_back(languages[id].code);
  }
  std::vector<WordMap> word_class(language_codes.size());
  auto classify = [&](ChatId chat, std::string_view word) {
    WordMap& known = word_class[language_of_chat[chat]];
    if (const int64_t* cls = known.find(word)) return *cls;
    int64_t cls = kSkippedWord;
    if (code_points(word) >= 2 && !stop[chat].contains(word)) cls = everyday(chat, word) ? kEverydayWord : intern(word);
    known.put(word, cls);
    return cls;
  };

  // The groups a message counts in depend only on its chat and period: looked up once per
  // chat and period, not per message (map nodes do not move).
  struct Targets {
    int64_t period_key = INT64_MIN;
    Group* groups[5] = {};
    uint64_t* language_count = nullptr;
  };
  std::vector<Targets> by_chat(c.chats.size());
  auto period_key = [&](LocalTime t) -> int64_t {
    const CivilDate d = t.date();
    return by_quarter ? int64_t{d.year} * 4 + (d.month - 1) / 3 : int64_t{d.year};
  };

  Tokenizer tokenizer;
  std::string bigram;
  for (uint64_t i : mine) {
    if (c.messages.kind[i] != MessageKind::Text) continue;
    const ChatId chat = c.messages.chat[i];
    const int64_t day = c.messages.time[i].day();
    Targets& slot = by_chat[chat];
    const int64_t key = period_key(c.messages.time[i]);
    if (slot.period_key != key) {
      const std::string period = period_of(c.messages.time[i]);
      const std::string_view lang = languages[chat].code;
      slot = {key,
              {&all, &periods[period], &chats[chat], &by_language[lang], &period_language[{period, lang}]},
              &language_messages[lang]};
    }
    ++*slot.language_count;
    auto& targets = slot.groups;
    for (Group* g : targets) ++g->messages;
    const auto& tokens = tokenizer.tokenize(c.text(i));
    std::string_view previous;
    bool has_previous = false;
    size_t previous_index = 0;
    for (size_t k = 0; k < tokens.size(); ++k) {
      const Token& tok = tokens[k];
      if (tok.kind == TokenKind::Domain) domains.add(tok.text, day);
      if (tok.kind == TokenKind::Hashtag) hashtags.add(tok.text, day);
      if (tok.kind != TokenKind::Word) continue;
      const int64_t cls = classify(chat, tok.text);
      if (cls == kSkippedWord) continue;
      if (cls == kEverydayWord) {  // counts as text, never a term, and breaks two-word phrases
        for (Group* g : targets) ++g->tokens;
        continue;
      }
      const auto id = static_cast<uint32_t>(cls);
      for (Group* g : targets) g->terms[id].add(day), ++g->tokens;
      if (has_previous && previous_index + 1 == k) {
        bigram.assign(previous).append(" ").append(tok.text);
        const uint32_t bid = intern(bigram);
        for (Group* g : targets) g->terms[bid].add(day);
      }
      previous = tok.text;
      previous_index = k;
      has_previous = true;
    }
  }

  out["data"] = data_basis(all.messages, mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.front()]),
                           mine.empty() ? std::nullopt : std::optional(c.messages.time[mine.back()]));
  out["data"]["words"] = all.tokens;
  out["data"]["distinct_terms"] = terms.size();
  out["method"] = message("topics.method", Json::Object{{"prior", kPriorSize},
                                                        {"min_days", kMinDays},
                                                        {"min_z", kMinZ},
                                                        {"significant_z", kSignificantZ},
                                                        {"everyday_words", kEverydayRankLimit},
                                                        {"min_lift", kMinLift}});
  Json main_langs = Json::array();
  for (std::string_view l : main_languages) main_langs.push(l);
  out["everyday_languages"] = std::move(main_langs);
  out["period"] = by_quarter ? "quarter" : "year";

  // Languages: of each chat, and of the owner's messages overall.
  Json chat_langs = Json::array();
  for (ChatId id = 0; id < c.chats.size(); ++id) {
    Json j = Json::object();
    j["chat"] = c.chats[id].title;
    j["language"] = languages[id].code;
    j["confidence"] = languages[id].confidence;
    chat_langs.push(std::move(j));
  }
  out["chat_languages"] = std::move(chat_langs);
  std::vector<std::pair<std::string_view, uint64_t>> langs(language_messages.begin(), language_messages.end());
  std::stable_sort(langs.begin(), langs.end(), [](auto& a, auto& b) { return a.second > b.second; });
  Json lang_json = Json::array();
  for (const auto& [code, n] : langs) {
    if (code == "und") continue;
    Json j = Json::object();
    j["language"] = code;
    j["messages"] = n;
    j["share"] = all.messages ? static_cast<double>(n) / static_cast<double>(all.messages) : 0.0;
    lang_json.push(std::move(j));
  }
  out["languages"] = std::move(lang_json);

  // Interests that do not need much text: emoji subgroups, link domains, hashtags.
  std::map<uint8_t, uint64_t> subgroups;
  auto count_subgroup = [&](EmojiId id) {
    const EmojiInfo info = emoji_info(id);
    if (info.subgroup != kNoEmojiGroup) ++subgroups[info.subgroup];
  };
  if (in.options.topics_for_comparison) {
    // year_vs_year reads none of it: no emoji scanned
  } else if (in.derived.has_emoji()) {
    const MessageEmoji& emoji = in.derived.emoji();
    for (uint64_t i : mine)
      for (auto [u, end] = emoji.of(i); u != end; ++u) count_subgroup(u->id);
  } else {
    // Only the owner's messages, found as DerivedData::emoji() finds them (emoji in texts and
    // stickers, typed emoticons in texts), rather than every message's: no section before
    // asked for everyone's emoji, and topics needs no one else's.
    for (uint64_t i : mine) {
      const MessageKind kind = c.messages.kind[i];
      if (kind != MessageKind::Text && c.messages.media[i] != MediaKind::Sticker) continue;
      const std::string_view text = c.text(i);
      for_each_emoji(text, [&](const EmojiMatch& m) { count_subgroup(m.id); });
      if (kind == MessageKind::Text) for_each_emoticon(text, [&](const EmojiMatch& m) { count_subgroup(m.id); });
    }
  }
  std::vector<std::pair<uint8_t, uint64_t>> sg(subgroups.begin(), subgroups.end());
  std::stable_sort(sg.begin(), sg.end(), [](auto& a, auto& b) { return a.second > b.second; });
  Json emoji_interests = Json::array();
  for (const auto& [sub, count] : sg) {
    const EmojiGroupName name = emoji_subgroup(sub);
    if (is_expression_subgroup(name.key)) continue;
    if (emoji_interests.size() == 10) break;
    Json j = Json::object();
    j["subgroup"] = name.key;
    j["name_en"] = name.name_en;
    j["name_es"] = name.name_es;
    j["count"] = count;
    emoji_interests.push(std::move(j));
  }
  out["emoji_subgroups"] = std::move(emoji_interests);
  out["domains"] = domains.top(10, "domain");
  out["hashtags"] = hashtags.top(10, "hashtag");

  if (all.tokens < kMinTokens) {
    mark_insufficient(out, "topics.few_words", Json::Object{{"min", kMinTokens}});
    return out;
  }
  out["enough_data"] = true;

  // Distinctive terms of a group against the rest of the owner's history in the same language (ref).
  // Against general language: the term's share of the group's words over the share of the rarest everyday word.
  auto lift = [&](const TermStat& st, const Group& g) {
    return static_cast<double>(st.count) / static_cast<double>(g.tokens) / everyday_share(0);
  };
  auto distinctive = [&](const Group& g, const Group& ref) {
    const double n_all = static_cast<double>(ref.tokens);
    struct Scored {
      uint32_t id;
      double z;
      uint32_t count;
    };
    std::vector<Scored> scored;
    const double n_i = static_cast<double>(g.tokens), n_j = n_all - n_i;
    if (n_j <= 0) return Json::array();
    g.terms.for_each([&](uint32_t id, const TermStat& st) {
      if (st.days < kMinDays || lift(st, g) < kMinLift) return;
      const double y_all = ref.terms.at(id).count;
      const double alpha = kPriorSize * y_all / n_all;
      const double y_i = st.count, y_j = y_all - y_i;
      const double d = std::log((y_i + alpha) / (n_i + kPriorSize - y_i - alpha)) -
                       std::log((y_j + alpha) / (n_j + kPriorSize - y_j - alpha));
      const double z = d / std::sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha));
      if (z > kMinZ) scored.push_back({id, z, st.count});
    });
    std::sort(scored.begin(), scored.end(),
              [&](const Scored& a, const Scored& b) { return a.z != b.z ? a.z > b.z : terms[a.id] < terms[b.id]; });
    Json list = Json::array();
    for (size_t k = 0; k < scored.size() && k < kTopTerms; ++k) {
      Json j = Json::object();
      j["term"] = terms[scored[k].id];
      j["z"] = scored[k].z;
      j["significant"] = scored[k].z > kSignificantZ;
      j["count"] = scored[k].count;
      j["against"] = "history_and_general_language";
      list.push(std::move(j));
    }
    return list;
  };

  // A chat's most used terms that stand out against general language (not against the history).
  auto most_used = [&](const Group& g) {
    std::vector<std::pair<uint32_t, TermStat>> v;
    g.terms.for_each([&](uint32_t id, const TermStat& st) {
      if (st.days >= kMinDays && lift(st, g) >= kMinLift) v.push_back({id, st});
    });
    std::stable_sort(v.begin(), v.end(), [&](auto& a, auto& b) {
      return a.second.count != b.second.count ? a.second.count > b.second.count : terms[a.first] < terms[b.first];
    });
    Json list = Json::array();
    for (size_t k = 0; k < v.size() && k < kTopTerms; ++k) {
      Json j = Json::object();
      j["term"] = terms[v[k].first];
      j["z"] = nullptr;
      j["significant"] = false;
      j["count"] = v[k].second.count;
      j["against"] = "general_language";
      list.push(std::move(j));
    }
    return list;
  };

  // A period's terms: those of each of its languages against that language's history, strongest first.
  Json period_json = Json::array();
  for (const auto& [label, g] : periods) {
    Json j = Json::object();
    j["period"] = label;
    j["messages"] = g.messages;
    j["words"] = g.tokens;
    std::vector<Json> merged;
    for (const auto& [key, pg] : period_language) {
      if (key.first != label) continue;
      Json list = distinctive(pg, by_language.at(key.second));  // kept alive while its terms move out
      for (Json& t : list.as_array()) merged.push_back(std::move(t));
    }
    std::stable_sort(merged.begin(), merged.end(),
                     [](const Json& a, const Json& b) { return a.find("z")->as_double() > b.find("z")->as_double(); });
    Json list = Json::array();
    std::set<std::string> seen;  // a term used in two languages' chats keeps its stronger z
    for (size_t k = 0; k < merged.size() && list.size() < kTopTerms; ++k)
      if (seen.insert(merged[k].find("term")->as_string()).second) list.push(std::move(merged[k]));
    j["terms"] = std::move(list);
    period_json.push(std::move(j));
  }
  out["by_period"] = std::move(period_json);

  std::vector<std::pair<ChatId, const Group*>> chat_order;
  for (const auto& [id, g] : chats)
    if (g.tokens >= kMinChatTokens) chat_order.push_back({id, &g});
  std::stable_sort(chat_order.begin(), chat_order.end(),
                   [](auto& a, auto& b) { return a.second->tokens > b.second->tokens; });
  Json chat_json = Json::array();
  for (size_t k = 0; k < chat_order.size() && k < kTopChats; ++k) {
    Json j = Json::object();
    j["chat"] = c.chats[chat_order[k].first].title;
    j["language"] = languages[chat_order[k].first].code;
    j["words"] = chat_order[k].second->tokens;
    // Against the history in the chat's language; when the chat is all there is in its language,
    // against the whole history; failing that, its most used terms.
    const Group& g = *chat_order[k].second;
    Json terms = distinctive(g, by_language.at(languages[chat_order[k].first].code));
    if (terms.size() == 0) terms = distinctive(g, all);
    if (terms.size() == 0) terms = most_used(g);
    j["terms"] = std::move(terms);
    chat_json.push(std::move(j));
  }
  out["by_chat"] = std::move(chat_json);

  // Interests: the terms that stand out in some period or some chat (against the rest of the history
  // and general language), strongest first; when none does, the most used non-everyday terms.
  std::map<std::string, std::pair<double, int64_t>> standing_out;  // term -> (best z, count)
  auto collect = [&](const Json& list) {
    for (const Json& e : list.as_array()) {
      const Json* z = e.find("z");
      if (!z || z->is_null()) continue;
      auto& best = standing_out[e.find("term")->as_string()];
      best.first = std::max(best.first, z->as_double());
      best.second = std::max(best.second, e.find("count")->as_int());
    }
  };
  for (const Json& p : out["by_period"].as_array()) collect(*p.find("terms"));
  for (const Json& ch : out["by_chat"].as_array()) collect(*ch.find("terms"));
  std::vector<std::pair<std::string, std::pair<double, int64_t>>> ranked(standing_out.begin(), standing_out.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.second.first > b.second.first; });
  Json interests = Json::array();
  for (size_t k = 0; k < ranked.size() && k < 15; ++k) {
    Json j = Json::object();
    j["term"] = ranked[k].first;
    j["count"] = ranked[k].second.second;
    j["z"] = ranked[k].second.first;
    interests.push(std::move(j));
  }
  if (interests.size() == 0) interests = most_used(all);
  out["interests"] = std::move(interests);

  return out;
}

}  // namespace chatlens
