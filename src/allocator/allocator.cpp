// The process allocator of zen's executables (the CLI and the benchmarks), not of the libraries:
// jemalloc, linked in place of the C library's malloc, with transparent huge pages. Analysing
// and migrating a large schema allocates tens of megabytes of small objects in one go; on the
// virtual machines CI and editors run on, faulting those in one 4 KiB page at a time cost as much
// as the work itself (bench_migrate_diff, 1,000 models: first run about 2x faster).
#ifdef ZEN_HAVE_JEMALLOC

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
extern "C" {
__attribute__((used, visibility("default"))) const char* malloc_conf =
    "thp:always,metadata_thp:always,narenas:1,dirty_decay_ms:-1,muzzy_decay_ms:-1";
}

#endif
