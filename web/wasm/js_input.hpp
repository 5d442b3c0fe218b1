#pragma once
// An input the page hands over in pieces: a File read slice by slice, a zip entry inflated
// as it is read. Each read() calls the page's JavaScript function synchronously, which
// copies the bytes straight into WebAssembly memory at the destination: the input is never
// whole in memory, not even in the worker.
//
// Two ways the page gets the bytes (web/src/analysis/engine.ts):
// - sync: the read function reads them itself (FileReaderSync in a worker);
// - waiting: before each read the core calls the read function's `chatlensWait(offset, n)`
//   through the `chatlens_js_wait` import, which the worker wraps in WebAssembly.Suspending
//   (JSPI): the core's stack suspends until the page has the bytes at hand (read from a
//   Blob stream, ahead of the core), then the read copies them synchronously. Only an import
//   run under WebAssembly.promising (chatlens_import_staged, chatlens_wasm.cpp) may wait.
#include <emscripten/val.h>

#include <cstdint>

#include "import/input_bytes.hpp"

namespace chatlens {

class JsInput final : public InputBytes {
 public:
  // `read(offset, ptr, n)` copies up to n bytes of the input from `offset` into HEAPU8 at
  // `ptr` and returns how many (fewer only at the end). A negative count or a thrown error
  // means the input cannot be read: the error's `key` (an input.* key, input.cannot_read
  // when it has none) and its message become the input's error. `waits`: call
  // read.chatlensWait(offset, n) before each read (see above).
  JsInput(uint64_t size, emscripten::val read, bool waits = false)
      : size_(size), read_(std::move(read)), waits_(waits) {}

  uint64_t size() const override { return size_; }
  InputRead read(uint64_t offset, char* dst, size_t n) override;

 private:
  uint64_t size_;
  emscripten::val read_;
  bool waits_;
};

}  // namespace chatlens
