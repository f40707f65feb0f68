// What touching fresh memory costs on this machine, for reading first-call figures: maps
// MiB of anonymous memory as zen's allocator does (2 MiB-aligned, advised for huge pages),
// writes one byte per 4 KiB page, and prints how long that took.
// Usage: bench_fresh_memory [MIB] (default 100). Prints one line:
//   fresh-memory {"mib":100,"ms":..,"ms_per_mib":..}
// On a virtual machine whose host takes back the memory the guest leaves free (free page
// reporting), the same call can be an order of magnitude apart: fast right after another
// process freed that much, slow after a pause (the host must back every page again).
// migrate_diff_vs_prisma.sh runs it after its idle pause and once more straight after.
#include <sys/mman.h>
#include <time.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

double now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  long mib = argc > 1 ? std::atol(argv[1]) : 100;
  if (mib <= 0 || mib > 65536) {
    std::fprintf(stderr, "usage: bench_fresh_memory [MIB] (1 to 65536)\n");
    return 2;
  }
  const size_t huge = size_t{2} << 20, size = static_cast<size_t>(mib) << 20;
  void* raw = mmap(nullptr, size + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) {
    std::perror("mmap");
    return 1;
  }
  auto* p = reinterpret_cast<volatile char*>((reinterpret_cast<uintptr_t>(raw) + huge - 1) & ~(huge - 1));
  madvise(const_cast<char*>(p), size, MADV_HUGEPAGE);
  double t = now_ms();
  for (size_t i = 0; i < size; i += 4096) p[i] = 1;
  double ms = now_ms() - t;
  std::printf("fresh-memory {\"mib\":%ld,\"ms\":%.1f,\"ms_per_mib\":%.3f}\n", mib, ms, ms / static_cast<double>(mib));
  return 0;
}
