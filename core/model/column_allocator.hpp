#pragma once
// Allocator of the message columns. Filling the columns of millions of messages touches
// hundreds of MB of fresh memory, one page fault per 4 KiB; on Linux, large columns ask
// for transparent huge pages (the kernel's default "madvise" mode grants them only on
// request), 512 times fewer faults. Small columns, other systems and WebAssembly use
// operator new.
#include <cstddef>
#include <new>
#include <vector>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#define CHATLENS_HUGE_COLUMNS 1
#endif

namespace chatlens {

template <class T>
struct ColumnAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;

  ColumnAllocator() = default;
  template <class U>
  ColumnAllocator(const ColumnAllocator<U>&) noexcept {}

  T* allocate(size_t n) {
#ifdef CHATLENS_HUGE_COLUMNS
    if (const size_t bytes = mapped_bytes(n)) {
      void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p == MAP_FAILED) throw std::bad_alloc();
      madvise(p, bytes, MADV_HUGEPAGE);  // a hint: without huge pages it still works
      return static_cast<T*>(p);
    }
#endif
    return static_cast<T*>(::operator new(n * sizeof(T)));
  }
  void deallocate(T* p, [[maybe_unused]] size_t n) noexcept {
#ifdef CHATLENS_HUGE_COLUMNS
    if (const size_t bytes = mapped_bytes(n)) {
      munmap(p, bytes);
      return;
    }
#endif
    ::operator delete(p);
  }

  friend bool operator==(const ColumnAllocator&, const ColumnAllocator&) { return true; }
  friend bool operator!=(const ColumnAllocator&, const ColumnAllocator&) { return false; }

 private:
  // Mapped directly (whole huge pages) from 8 MiB up; 0 below.
  static size_t mapped_bytes(size_t n) {
    const size_t bytes = n * sizeof(T);
    return bytes >= 4 * kHugePage ? (bytes + kHugePage - 1) / kHugePage * kHugePage : 0;
  }
};

template <class T>
using Column = std::vector<T, ColumnAllocator<T>>;

}  // namespace chatlens
