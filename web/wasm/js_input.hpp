#pragma once
// An input the page hands over in pieces: a File read slice by slice, a zip entry inflated
// as it is read. Each read() calls the page's JavaScript function synchronously (the
// worker reads with FileReaderSync), which copies the bytes straight into WebAssembly
// memory at the destination: the input is never whole in memory, not even in the worker.
#include <emscripten/val.h>

#include <cstdint>

#include "import/input_bytes.hpp"

namespace chatlens {

class JsInput final : public InputBytes {
 public:
  // `read(offset, ptr, n)` copies up to n bytes of the input from `offset` into HEAPU8 at
  // `ptr` and returns how many (fewer only at the end). A negative count or a thrown error
  // means the input cannot be read: the error's `key` (an input.* key, input.cannot_read
  // when it has none) and its message become the input's error.
  JsInput(uint64_t size, emscripten::val read) : size_(size), read_(std::move(read)) {}

  uint64_t size() const override { return size_; }
  InputRead read(uint64_t offset, char* dst, size_t n) override;

 private:
  uint64_t size_;
  emscripten::val read_;
};

}  // namespace chatlens
