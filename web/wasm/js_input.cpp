#include "js_input.hpp"

#include <emscripten/em_js.h>
#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>

// Calls the page's read function (an embind handle) and catches what it throws: a JavaScript
// exception must not unwind through C++ frames. Returns a handle to the count, or to
// {key, detail} for an error.
// clang-format off
EM_JS(int, chatlens_js_read, (int read, double offset, double ptr, double n), {
  try {
    const count = Emval.toValue(read)(offset, ptr, n);
    if (typeof count !== "number" || !(count >= 0) || count > n)
      return Emval.toHandle({key: "input.read_error", detail: ""});
    return Emval.toHandle(count);
  } catch (e) {
    const key = e && typeof e.key === "string" && e.key.startsWith("input.") ? e.key : "input.cannot_read";
    const detail = e && typeof e.message === "string" ? e.message : String(e);
    return Emval.toHandle({key: key, detail: detail});
  }
});

// Waits until the page has the bytes [offset, offset + n) at hand: the read function's
// chatlensWait returns a promise, and the worker wraps this import in WebAssembly.Suspending
// (it finds the import by the name chatlensWait in its source: import names are minified).
// The promise never rejects: a failed read is reported by the read that follows.
EM_JS(int, chatlens_js_wait, (int read, double offset, double n), {
  return Emval.toValue(read).chatlensWait(offset, n);
});
// clang-format on

namespace chatlens {

InputRead JsInput::read(uint64_t offset, char* dst, size_t n) {
  if (offset >= size_ || n == 0) return {};
  n = static_cast<size_t>(std::min<uint64_t>(n, size_ - offset));
  const int read_handle = reinterpret_cast<intptr_t>(read_.as_handle());
  if (waits_) chatlens_js_wait(read_handle, static_cast<double>(offset), static_cast<double>(n));
  const int handle = chatlens_js_read(read_handle, static_cast<double>(offset),
                                      static_cast<double>(reinterpret_cast<uintptr_t>(dst)), static_cast<double>(n));
  const emscripten::val r = emscripten::val::take_ownership(reinterpret_cast<emscripten::EM_VAL>(handle));
  if (r.isNumber()) return {static_cast<size_t>(r.as<double>()), std::nullopt};
  SourceMessage error{r["key"].as<std::string>()};
  if (std::string detail = r["detail"].as<std::string>(); !detail.empty()) error.params["detail"] = std::move(detail);
  return {0, std::move(error)};
}

}  // namespace chatlens
