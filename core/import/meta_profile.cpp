// The profile information of a Messenger or Instagram "Download your information" export
// (FORMATS.md §3): not a chat, but the name of the account the export belongs to, so the
// owner is stated rather than inferred from the threads.
//   Facebook, older: profile_information/profile_information.json
//     {"profile": {"name": {"full_name": "Ana G\u00c3\u00b3mez", "first_name": …}, "emails": …}}
//   Facebook, newer: personal_information/profile_information/profile_information.json
//     {"profile_v2": {"name": {"full_name": …}, …}}
//   Instagram: personal_information/personal_information.json
//     {"profile_user": [{"media_map_data": …, "string_map_data": {"Name": {"value": …},
//                                                                  "Username": {"value": …}}}]}
// Names are in the same mojibake as the threads' (meta_text.hpp).
#include <simdjson.h>

#include <string>
#include <string_view>

#include "import/importer.hpp"
#include "import/meta_file.hpp"
#include "import/meta_text.hpp"
#include "text/utf8.hpp"

namespace chatlens {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

class ProfileReader {
 public:
  explicit ProfileReader(ImportContext& ctx) : ctx_(ctx) {}

  void run() {
    const simdjson::padded_string json(meta::without_boms(ctx_.bytes));
    od::parser parser;
    if (meta::read_document(ctx_, parser, json, [this](od::document& doc) { return read_root(doc); })) finish();
  }

 private:
  // A string value (unescaped, still in mojibake); anything else leaves `out` alone.
  static error_code read_string(od::value v, std::string& out) {
    od::json_type t;
    if (auto e = v.type().get(t)) return e;
    if (t != od::json_type::string) return simdjson::SUCCESS;
    std::string_view s;
    if (auto e = v.get_string().get(s)) return e;
    out.assign(s);
    return simdjson::SUCCESS;
  }

  // `key`'s value when `v` is an object; nothing otherwise. `read` gets the value.
  template <class Read>
  static error_code member(od::value v, std::string_view key, Read&& read) {
    od::json_type t;
    if (auto e = v.type().get(t)) return e;
    if (t != od::json_type::object) return simdjson::SUCCESS;
    od::object object;
    if (auto e = v.get_object().get(object)) return e;
    return meta::for_each_field(object, [&](od::field& field) -> error_code {
      std::string_view k;
      if (auto e = field.unescaped_key().get(k)) return e;
      return k == key ? read(field.value()) : simdjson::SUCCESS;
    });
  }

  // Facebook: {"name": {"full_name": …}} (a plain string in some dumps).
  error_code read_facebook(od::value profile) {
    platform_ = Platform::Messenger;
    return member(profile, "name", [&](od::value name) -> error_code {
      od::json_type t;
      if (auto e = name.type().get(t)) return e;
      if (t == od::json_type::string) return read_string(name, name_);
      return member(name, "full_name", [&](od::value full) { return read_string(full, name_); });
    });
  }

  // Instagram: the first user's "Name", else its "Username".
  error_code read_instagram(od::value users) {
    platform_ = Platform::Instagram;
    od::json_type t;
    if (auto e = users.type().get(t)) return e;
    if (t != od::json_type::array) return simdjson::SUCCESS;
    od::array list;
    if (auto e = users.get_array().get(list)) return e;
    for (auto item : list) {
      od::value user;
      if (auto e = item.get(user)) return e;
      std::string username;
      auto e = member(user, "string_map_data", [&](od::value map) -> error_code {
        od::json_type mt;
        if (auto e2 = map.type().get(mt)) return e2;
        if (mt != od::json_type::object) return simdjson::SUCCESS;
        od::object fields;
        if (auto e2 = map.get_object().get(fields)) return e2;
        return meta::for_each_field(fields, [&](od::field& field) -> error_code {
          std::string_view k;
          if (auto e2 = field.unescaped_key().get(k)) return e2;
          std::string* into = k == "Name" ? &name_ : k == "Username" ? &username : nullptr;
          if (!into) return simdjson::SUCCESS;
          return member(field.value(), "value", [&](od::value v) { return read_string(v, *into); });
        });
      });
      if (e) return e;
      if (name_.empty()) name_ = std::move(username);
      break;  // the account is the first user
    }
    return simdjson::SUCCESS;
  }

  error_code read_root(od::document& doc) {
    od::object root;
    if (auto e = doc.get_object().get(root)) return e;
    return meta::for_each_field(root, [&](od::field& field) -> error_code {
      std::string_view key;
      if (auto e = field.unescaped_key().get(key)) return e;
      if (key == "profile" || key == "profile_v2") return read_facebook(field.value());
      if (key == "profile_user") return read_instagram(field.value());
      return simdjson::SUCCESS;
    });
  }

  void finish() {
    SourceReport& report = ctx_.report;
    report.platform = std::string(to_string(platform_));
    report.variant = "dyi-profile";
    report.records = 0;  // no messages and no chat: not an unreadable input either
    report.chats = 0;
    std::string repaired;
    const std::string name = normalize_name(meta::repair_mojibake(name_, repaired).value_or(name_));
    if (name.empty()) {
      report.notes.push_back({"input.meta_profile_without_name"});
      return;
    }
    // The same person as the threads' sender of that name (people are per platform and name).
    ctx_.builder.declare_owner_by_profile(ctx_.builder.person(platform_, name));
    report.notes.push_back({"input.meta_profile_owner", Json::Object{{"name", name}}});
  }

  ImportContext& ctx_;
  std::string name_;
  Platform platform_ = Platform::Messenger;
};

class MetaProfile final : public Importer {
 public:
  std::string_view name() const override { return "meta-profile"; }

  // The profile keys lead the file: Facebook's name object, Instagram's string map.
  int sniff(std::string_view head) const override {
    if (!meta::opens_object(head)) return 0;
    if ((contains(head, "\"profile_v2\"") || contains(head, "\"profile\"")) && contains(head, "\"full_name\""))
      return 90;
    if (contains(head, "\"profile_user\"") && contains(head, "\"string_map_data\"")) return 90;
    return 0;
  }

  void import(ImportContext& ctx) const override { ProfileReader(ctx).run(); }
};

}  // namespace

const Importer& meta_profile_importer() {
  static const MetaProfile importer;
  return importer;
}

}  // namespace chatlens
