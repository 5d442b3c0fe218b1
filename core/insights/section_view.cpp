#include "insights/section_view.hpp"

namespace chatlens {

SectionView::SectionView(const Json* sections, std::string_view name) {
  if (sections && sections->is_object()) section_ = sections->find(name);
  if (section_ && !section_->is_object()) section_ = nullptr;
}

bool SectionView::enough() const { return flag({"enough_data"}).value_or(false); }

const Json* SectionView::at(std::initializer_list<std::string_view> path) const {
  const Json* j = section_;
  for (std::string_view key : path) {
    if (!j || !j->is_object()) return nullptr;
    j = j->find(key);
  }
  return j;
}

std::optional<std::string> SectionView::text(std::initializer_list<std::string_view> path) const {
  const Json* j = at(path);
  return j && j->is_string() ? std::optional(j->as_string()) : std::nullopt;
}

std::optional<double> SectionView::number(std::initializer_list<std::string_view> path) const {
  const Json* j = at(path);
  return j && j->is_number() ? std::optional(j->as_double()) : std::nullopt;
}

std::optional<bool> SectionView::flag(std::initializer_list<std::string_view> path) const {
  const Json* j = at(path);
  return j && j->is_bool() ? std::optional(j->as_bool()) : std::nullopt;
}

const Json::Array* SectionView::list(std::initializer_list<std::string_view> path) const {
  const Json* j = at(path);
  return j && j->is_array() ? &j->as_array() : nullptr;
}

std::optional<std::string> text_of(const Json& item, std::string_view key) {
  const Json* j = item.is_object() ? item.find(key) : nullptr;
  return j && j->is_string() ? std::optional(j->as_string()) : std::nullopt;
}

std::optional<double> number_of(const Json& item, std::string_view key) {
  const Json* j = item.is_object() ? item.find(key) : nullptr;
  return j && j->is_number() ? std::optional(j->as_double()) : std::nullopt;
}

}  // namespace chatlens
