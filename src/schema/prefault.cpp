// Bulk first touch of large, freshly allocated buffers (see prefault.h).
#include "schema/prefault.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace zen::schema {

void prefault(void* data, size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MADV_POPULATE_WRITE)
  constexpr size_t kMinimum = 256 * 1024;
  if (!data || size < kMinimum) return;
  static const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  // Only whole pages inside the block: the pages at its ends may be shared with others.
  uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + page - 1) / page * page;
  uintptr_t end = (reinterpret_cast<uintptr_t>(data) + size) / page * page;
  if (end <= begin) return;
  void* p = reinterpret_cast<void*>(begin);
  // Errors (an older kernel, huge pages disabled) only mean the pages fault in one by one.
  (void)madvise(p, end - begin, MADV_HUGEPAGE);
  (void)madvise(p, end - begin, MADV_POPULATE_WRITE);
#else
  (void)data;
  (void)size;
#endif
}

}  // namespace zen::schema
