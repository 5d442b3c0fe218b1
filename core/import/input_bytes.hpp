#pragma once
// The bytes of one input as an importer reads them, and the importer's word on
// which of them it is done with. The corpus copies the texts it keeps into its own
// arena, so nothing points into an input once its import returns: the session then
// destroys the input. Natively a file is mapped rather than read, and the pages behind
// the importer's cursor go back to the system as it reads (a hint: reading them again
// is still correct, only slower), so a huge export never holds all its memory at once.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace chatlens {

class InputBytes {
 public:
  virtual ~InputBytes() = default;
  virtual std::string_view bytes() const = 0;
  // The importer will not read the bytes before `offset` again soon (a later pass that
  // starts over calls it again with smaller offsets).
  virtual void release_before(uint64_t offset) { (void)offset; }
};

// Bytes held in a string: a zip entry, the browser's staging buffer, a test's input.
class OwnedInput final : public InputBytes {
 public:
  explicit OwnedInput(std::string bytes) : bytes_(std::move(bytes)) {}
  std::string_view bytes() const override { return bytes_; }

 private:
  std::string bytes_;
};

}  // namespace chatlens
