// The executables' allocator (src/allocator/allocator.cpp): jemalloc whose arena takes its memory
// from a reservation advised for huge pages. Memory must behave as memory (contents kept across
// threads, reallocation and reuse), and fresh small objects must be faulted in by the huge page
// rather than 4 KiB at a time.
#include <doctest/doctest.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

long minor_faults() {
  rusage r{};
  getrusage(RUSAGE_SELF, &r);
  return r.ru_minflt;
}

// "always [madvise] never": huge pages can be had on request.
bool huge_pages_available() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::stringstream s;
  s << in.rdbuf();
  return s.str().find("[never]") == std::string::npos && !s.str().empty();
}

// Faults taken to write `bytes` of memory mapped and advised for huge pages by hand: what the
// kernel can give at this moment (it falls back to small pages when it has no huge page free).
long faults_of_advised_mapping(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  void* raw = mmap(nullptr, bytes + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return -1;
  auto* p = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(raw) + kHuge - 1) & ~(uintptr_t{kHuge} - 1));
  madvise(p, bytes, MADV_HUGEPAGE);
  long before = minor_faults();
  for (size_t i = 0; i < bytes; i += 4096) p[i] = 1;
  long faults = minor_faults() - before;
  munmap(raw, bytes + kHuge);
  return faults;
}

// Resident memory of this process, from /proc/self/statm.
size_t resident_bytes() {
  std::ifstream in("/proc/self/statm");
  size_t pages = 0, resident = 0;
  in >> pages >> resident;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

// One round of what a command does to the heap: vectors grown by doubling (freeing each smaller
// block as it grows) beside many small objects, all freed at the end.
void churn_round() {
  std::vector<std::vector<char>> grown(8);
  std::vector<void*> small;
  for (int step = 0; step < 20000; ++step) {
    for (auto& v : grown) v.push_back(static_cast<char>(step));
    for (int k = 0; k < 16; ++k) {
      void* p = std::malloc(48 + (step + k) % 200);
      std::memset(p, 1, 48);
      small.push_back(p);
    }
    if (step % 97 == 0) {  // a burst of larger blocks, freed at once
      std::vector<std::vector<char>> burst(32, std::vector<char>(64 * 1024, 1));
    }
  }
  for (void* p : small) std::free(p);
}

}  // namespace

TEST_CASE("fresh small objects are faulted in by the huge page") {
  if (!huge_pages_available()) {
    MESSAGE("transparent huge pages are off on this machine: nothing to check");
    return;
  }
  // 48 MiB of 64-byte objects, written once: 12,288 pages of 4 KiB, or 24 huge pages. With the
  // arena's default mappings this took ~1,800 faults; a few hundred leave room for the kernel
  // falling back to small pages when it has no huge page free at that moment.
  constexpr size_t kBytes = size_t{48} << 20, kObject = 64;
  std::vector<void*> objects;
  objects.reserve(kBytes / kObject);
  size_t resident_before = resident_bytes();
  long before = minor_faults();
  for (size_t i = 0; i < kBytes / kObject; ++i) {
    void* p = std::malloc(kObject);
    REQUIRE(p);
    std::memset(p, 1, kObject);
    objects.push_back(p);
  }
  long faults = minor_faults() - before;
  size_t grown = resident_bytes() - resident_before;
  for (void* p : objects) std::free(p);
  MESSAGE("faults for 48 MiB of small objects: " << faults);
  // This test comes first in the file: later ones free memory that would be reused here.
  if (grown < kBytes / 2) {
    MESSAGE("the objects reused memory freed earlier in this process: nothing to check");
    return;
  }
  if (faults >= 300) {
    long control = faults_of_advised_mapping(kBytes);
    if (control < 0 || control >= 300) {
      MESSAGE("the kernel has no huge pages free right now (" << control << " faults for a mapping advised by hand)");
      return;
    }
  }
  CHECK(faults < 300);
}

TEST_CASE("memory freed by one round of work is reused by the next") {
  // Freed pages are never handed back (dirty decay is off): jemalloc must then reuse large free
  // extents for small requests, or the process grows with every round.
  churn_round();
  size_t after_first = resident_bytes();
  for (int round = 0; round < 8; ++round) churn_round();
  size_t after_all = resident_bytes();
  MESSAGE("resident after one round: " << after_first / 1024 << " KiB, after nine: " << after_all / 1024 << " KiB");
  CHECK(after_all < after_first + after_first / 2);
}

TEST_CASE("memory from the allocator keeps its contents across threads, growth and reuse") {
  auto work = [](unsigned seed, bool* ok) {
    std::mt19937 rng(seed);
    std::vector<std::pair<unsigned char*, size_t>> live;
    for (int round = 0; round < 4000; ++round) {
      // Mostly small objects, some large ones (beyond 2 MiB and beyond jemalloc's 8 MiB
      // oversize threshold), as a schema's model and its rendered script are.
      size_t size = rng() % 100 == 0 ? (size_t{1} << 20) * (1 + rng() % 12) : 1 + rng() % 512;
      auto* p = static_cast<unsigned char*>(std::malloc(size));
      if (!p) {
        *ok = false;
        return;
      }
      std::memset(p, static_cast<int>(size & 0xff), size);
      live.emplace_back(p, size);
      if (rng() % 3 == 0) {  // grow one in place or by moving
        auto& [q, n] = live[rng() % live.size()];
        size_t bigger = n * 2 + 64;
        auto* r = static_cast<unsigned char*>(std::realloc(q, bigger));
        if (!r) {
          *ok = false;
          return;
        }
        for (size_t i = 0; i < n; ++i)
          if (r[i] != static_cast<unsigned char>(n & 0xff)) *ok = false;
        std::memset(r, static_cast<int>(bigger & 0xff), bigger);
        q = r;
        n = bigger;
      }
      if (live.size() > 200) {  // free half, so that freed memory is handed out again
        for (size_t i = 0; i < live.size(); i += 2) {
          auto [q, n] = live[i];
          if (q[0] != static_cast<unsigned char>(n & 0xff) || q[n - 1] != static_cast<unsigned char>(n & 0xff))
            *ok = false;
          std::free(q);
          live[i].first = nullptr;
        }
        std::erase_if(live, [](const auto& e) { return e.first == nullptr; });
      }
    }
    for (auto [q, n] : live) {
      if (q[n / 2] != static_cast<unsigned char>(n & 0xff)) *ok = false;
      std::free(q);
    }
  };
  bool ok[4] = {true, true, true, true};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < 4; ++t) threads.emplace_back(work, t + 1, &ok[t]);
  for (auto& t : threads) t.join();
  for (bool b : ok) CHECK(b);
}
