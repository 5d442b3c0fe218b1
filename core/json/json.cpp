#include "json/json.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "text/utf8.hpp"

namespace chatlens {

Json& Json::operator[](std::string_view key) {
  if (is_null()) v_ = Object{};
  auto& obj = std::get<Object>(v_);
  for (auto& [k, v] : obj)
    if (k == key) return v;
  obj.emplace_back(std::string(key), Json());
  return obj.back().second;
}

const Json* Json::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (const auto& [k, v] : std::get<Object>(v_))
    if (k == key) return &v;
  return nullptr;
}

Json& Json::push(Json v) {
  if (is_null()) v_ = Array{};
  auto& arr = std::get<Array>(v_);
  arr.push_back(std::move(v));
  return arr.back();
}

double Json::as_double() const {
  if (auto* i = std::get_if<int64_t>(&v_)) return static_cast<double>(*i);
  return std::get<double>(v_);
}

int64_t Json::as_int() const {
  if (auto* d = std::get_if<double>(&v_)) return static_cast<int64_t>(*d);
  return std::get<int64_t>(v_);
}

size_t Json::size() const {
  if (is_array()) return as_array().size();
  if (is_object()) return as_object().size();
  return 0;
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t run = 0;  // start of the pending run of bytes that need no escaping
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const size_t at = i;
      const char32_t cp = decode_utf8(s, i);
      if (cp == 0xFFFD && s.substr(at, 3) != "\xEF\xBF\xBD") {
        out.append(s.substr(run, at - run));
        out += "\xEF\xBF\xBD";
        run = i;
      }
      continue;
    }
    out.append(s.substr(run, i - run));
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    }
    run = ++i;
  }
  out.append(s.substr(run));
  out += '"';
}

void append_json_number(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  char buf[32];
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", d);
  } else {
    // Reports are read by people: 6 significant digits are plenty and keep files small.
    std::snprintf(buf, sizeof buf, "%.6g", d);
  }
  out += buf;
}

void Json::dump_to(std::string& out, int indent, int depth) const {
  auto newline = [&](int d) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<size_t>(indent * d), ' ');
  };
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>)
          out += "null";
        else if constexpr (std::is_same_v<T, bool>)
          out += v ? "true" : "false";
        else if constexpr (std::is_same_v<T, int64_t>)
          out += std::to_string(v);
        else if constexpr (std::is_same_v<T, double>)
          append_json_number(out, v);
        else if constexpr (std::is_same_v<T, std::string>)
          append_json_string(out, v);
        else if constexpr (std::is_same_v<T, Array>) {
          if (v.empty()) return void(out += "[]");
          out += '[';
          for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ',';
            newline(depth + 1);
            v[i].dump_to(out, indent, depth + 1);
          }
          newline(depth);
          out += ']';
        } else {
          if (v.empty()) return void(out += "{}");
          out += '{';
          for (size_t i = 0; i < v.size(); ++i) {
            if (i) out += ',';
            newline(depth + 1);
            append_json_string(out, v[i].first);
            out += indent < 0 ? ":" : ": ";
            v[i].second.dump_to(out, indent, depth + 1);
          }
          newline(depth);
          out += '}';
        }
      },
      v_);
}

std::string Json::dump(int indent) const {
  std::string out;
  dump_to(out, indent, 0);
  return out;
}

}  // namespace chatlens
