#pragma once
// Tables of megabytes read at random cost a TLB miss for nearly every read on 4 KB pages
// (dearer still in a virtual machine); on Linux, 2 MB transparent huge pages cover them
// with a few TLB entries.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace tmk {

// An allocator for std::vector whose memory lies in whole 2 MB pages that Linux is asked
// to back with huge pages (madvise; it may refuse). Elsewhere it is std::allocator's. For
// big tables only: every block takes whole 2 MB pages.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(std::size_t n) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const std::size_t bytes = rounded(n);
    // Map a huge page more than needed, then unmap the ends that lie outside the aligned range.
    void* mapped = mmap(nullptr, bytes + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t begin = (start + kHugePage - 1) & ~(kHugePage - 1);
    if (begin > start) munmap(mapped, begin - start);
    if (start + kHugePage > begin) munmap(reinterpret_cast<void*>(begin + bytes), start + kHugePage - begin);
    madvise(reinterpret_cast<void*>(begin), bytes, MADV_HUGEPAGE);
    return reinterpret_cast<T*>(begin);
#else
    return std::allocator<T>().allocate(n);
#endif
  }
  void deallocate(T* data, std::size_t n) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    munmap(data, rounded(n));
#else
    std::allocator<T>().deallocate(data, n);
#endif
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }

 private:
  static constexpr std::size_t kHugePage = std::size_t{2} << 20;
  static std::size_t rounded(std::size_t n) {
    return (std::max<std::size_t>(n, 1) * sizeof(T) + kHugePage - 1) & ~(kHugePage - 1);
  }
};

}  // namespace tmk
