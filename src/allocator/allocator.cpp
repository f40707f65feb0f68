// The process allocator of zen's executables (the CLI and the benchmarks), not of the libraries:
// jemalloc, linked in place of the C library's malloc, with transparent huge pages. Analysing
// and migrating a large schema allocates tens of megabytes of small objects in one go; on the
// virtual machines CI and editors run on, faulting those in one 4 KiB page at a time cost as much
// as the work itself (bench_migrate_diff, 1,000 models: first run about 2x faster).
#ifdef ZEN_HAVE_JEMALLOC

// jemalloc reads this before its first allocation (see jemalloc(3), "TUNING"); MALLOC_CONF in
// the environment still overrides it.
extern "C" {
__attribute__((used, visibility("default"))) const char* malloc_conf = "thp:always,metadata_thp:always";
}

#endif
