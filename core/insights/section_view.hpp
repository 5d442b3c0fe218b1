#pragma once
// Reading a section computed earlier in the registry (privacy reads its
// siblings). Every accessor handles what a sibling may legitimately be: absent,
// in its "not enough data" form, or without an optional field; a field of the
// wrong type reads as absent. So a change in a sibling's shape costs a statement,
// never a null dereference.
#include <optional>
#include <string>
#include <string_view>

#include "json/json.hpp"

namespace chatlens {

class SectionView {
 public:
  // `sections` is the report's "sections" object built so far (may be null).
  SectionView(const Json* sections, std::string_view name);

  bool present() const { return section_ != nullptr; }
  // True when the section exists and says enough_data: true.
  bool enough() const;

  // The value at a path of object keys, or null when any step is missing.
  const Json* at(std::initializer_list<std::string_view> path) const;
  std::optional<std::string> text(std::initializer_list<std::string_view> path) const;
  std::optional<double> number(std::initializer_list<std::string_view> path) const;
  std::optional<bool> flag(std::initializer_list<std::string_view> path) const;
  // An array at the path, or null.
  const Json::Array* list(std::initializer_list<std::string_view> path) const;

 private:
  const Json* section_ = nullptr;
};

// The same accessors for one element of a list (an object), e.g. a contact.
std::optional<std::string> text_of(const Json& item, std::string_view key);
std::optional<double> number_of(const Json& item, std::string_view key);

}  // namespace chatlens
