// The process allocator of zen's executables (the CLI and the benchmarks), not of the libraries:
// jemalloc, linked in place of the C library's malloc, with transparent huge pages. Analysing
// and migrating a large schema allocates tens of megabytes of small objects in one go; on the
// virtual machines CI and editors run on, faulting those in one 4 KiB page at a time cost as much
// as the work itself (bench_migrate_diff, 1,000 models: first run about 2x faster).
#ifdef ZEN_HAVE_JEMALLOC

#include <jemalloc/jemalloc.h>
#include <sys/mman.h>

#include <atomic>
#include <cstdint>

// jemalloc reads this before its first allocation (see jemalloc(3), "TUNING"); MALLOC_CONF in
// the environment still overrides it.
// narenas:1: every thread allocates from one arena. zen's threads are few and short-lived (the
// second half of a large file, half of the validation rules, freeing a model); with jemalloc's
// default of one arena per thread up to 4x the cores, what they allocate and free lands in
// arenas of its own, each faulting in fresh pages, and memory freed by one is not reused by
// the others (bench_migrate_diff, 5,000 models: first run 140-280 -> 95-100 ms, page faults
// 2,000-2,500 -> 860). The per-thread caches keep the shared arena's lock off the hot path.
// dirty_decay_ms:-1, muzzy_decay_ms:-1: freed pages are never handed back to the kernel. zen's
// commands run for well under a second and free as they go (a phase's temporaries, the model
// once the tables are built); with jemalloc's default decay, part of what is freed is purged
// and the next allocations fault fresh pages in again (bench_migrate_diff, 5,000 models: warm
// runs 125-135 -> 110-115 ms, page faults per warm run 300-900 -> 0-5). A long-running process
// built on this allocator (a language server) must turn decay back on at its start:
// mallctl("arena.4096.dirty_decay_ms") and "arenas.dirty_decay_ms" (4096 = MALLCTL_ARENAS_ALL).
// lg_extent_max_active_fit:20: a free extent may be carved into one of any smaller size. By
// default jemalloc does not cut an extent more than 64x the size asked for, counting on decay to
// hand such extents back; with decay off they were never used again, and a process analysing a
// 5,000-model schema ten times over grew to 420 MB instead of staying at 120 MB.
extern "C" {
__attribute__((used, visibility("default"))) const char* malloc_conf =
    "thp:always,metadata_thp:always,narenas:1,dirty_decay_ms:-1,muzzy_decay_ms:-1,lg_extent_max_active_fit:20";
}


// Huge pages from the first byte. jemalloc maps its arena in growing steps, the first ones
// small and not 2 MiB-aligned, and the kernel backs only whole aligned 2 MiB ranges with a
// huge page: the first ~30 MB of small objects were faulted in 4 KiB at a time, each fault
// costing 5-30 us on a virtual machine (bench_migrate_diff, 1,000 models: ~2,000 faults in the
// first run). So the arena takes its memory from one reservation of address space, 2 MiB-
// aligned and advised for huge pages, handed out in order (jemalloc(3), "arena.<i>.extent_hooks").
// Untouched address space costs nothing; jemalloc keeps and reuses what it frees (dalloc and
// the purges opt out), so the reservation only grows. Once it is used up, or when it cannot be
// made (an address-space limit), memory comes from mmap as before.
namespace {

constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kReservation = size_t{16} << 30;  // address space, not memory

std::atomic<uintptr_t> g_next{0};  // the next free byte of the reservation
uintptr_t g_end = 0;

uintptr_t align_up(uintptr_t v, size_t a) { return (v + a - 1) & ~(uintptr_t{a} - 1); }

// Fresh anonymous memory advised for huge pages, `alignment`-aligned; nullptr on failure.
void* map_aligned(size_t size, size_t alignment) {
  size_t want = size + alignment;
  void* p = mmap(nullptr, want, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  uintptr_t begin = reinterpret_cast<uintptr_t>(p), start = align_up(begin, alignment);
  if (start > begin) munmap(p, start - begin);
  if (uintptr_t tail = begin + want - (start + size)) munmap(reinterpret_cast<void*>(start + size), tail);
  madvise(reinterpret_cast<void*>(start), size, MADV_HUGEPAGE);
  return reinterpret_cast<void*>(start);
}

void* hook_alloc(extent_hooks_t*, void* new_addr, size_t size, size_t alignment, bool* zero, bool* commit,
                 unsigned) {
  if (alignment < kHugePage && size >= kHugePage) alignment = kHugePage;
  uintptr_t cur = g_next.load(std::memory_order_relaxed);
  for (;;) {
    uintptr_t start = new_addr ? reinterpret_cast<uintptr_t>(new_addr) : align_up(cur, alignment);
    if (cur == 0 || start < cur || start + size > g_end || (new_addr && start != cur)) break;
    if (g_next.compare_exchange_weak(cur, start + size, std::memory_order_relaxed)) {
      *zero = true;  // never handed out before: fresh zero pages
      *commit = true;
      return reinterpret_cast<void*>(start);
    }
  }
  if (new_addr) return nullptr;  // jemalloc then grows elsewhere
  void* p = map_aligned(size, alignment);
  if (p) {
    *zero = true;
    *commit = true;
  }
  return p;
}

// false = done. Memory is never returned (opt out), so it is always committed; extents can
// always be split and merged (the reservation is one mapping; separate mmaps are never unmapped).
bool hook_dalloc(extent_hooks_t*, void*, size_t, bool, unsigned) { return true; }
void hook_destroy(extent_hooks_t*, void*, size_t, bool, unsigned) {}
bool hook_commit(extent_hooks_t*, void*, size_t, size_t, size_t, unsigned) { return false; }
bool hook_split(extent_hooks_t*, void*, size_t, size_t, size_t, bool, unsigned) { return false; }
bool hook_merge(extent_hooks_t*, void*, size_t, void*, size_t, bool, unsigned) { return false; }

extent_hooks_t g_hooks = {hook_alloc, hook_dalloc, hook_destroy, hook_commit, nullptr, nullptr, nullptr,
                          hook_split, hook_merge};

__attribute__((constructor)) void install_huge_page_arena() {
  void* p = map_aligned(kReservation, kHugePage);
  if (!p) return;
  g_end = reinterpret_cast<uintptr_t>(p) + kReservation;
  g_next.store(reinterpret_cast<uintptr_t>(p), std::memory_order_relaxed);
  extent_hooks_t* hooks = &g_hooks;
  if (mallctl("arena.0.extent_hooks", nullptr, nullptr, &hooks, sizeof(hooks)) != 0) {
    munmap(p, kReservation);
    g_next.store(0);
  }
}

}  // namespace

#endif
