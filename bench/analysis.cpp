// Analyzer benchmark: full analysis of the largest corpus schema and of generated schemas
// (bench/common's generator: 1,000 / 5,000 models with policies, and one of 30,000 lines), by a
// Host and by the one-shot analyze(), and re-analysis after a one-character edit through
// analysis::Host (incremental reparse, re-lowering and re-resolution and re-validation of what
// the edit can affect).
// Usage: bench_analysis [corpus-dir]   (default: $ZEN_CORPUS_DIR, tests/data/corpus, ../shared/corpus)
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "analysis/validate/rules.h"
#include "bench/common/schema_gen.h"

namespace fs = std::filesystem;
using namespace zen::analysis;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Wall-clock and thread CPU time (the machine may be shared: CPU time is the steadier figure).
struct Timing {
  double min = 0, median = 0, cpu_min = 0, cpu_median = 0;
};

Timing measure(int runs, const std::function<void()>& fn) {
  std::vector<double> t, c;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    double cstart = cpu_ms();
    fn();
    c.push_back(cpu_ms() - cstart);
    t.push_back(ms_since(start));
  }
  std::sort(t.begin(), t.end());
  std::sort(c.begin(), c.end());
  return {t.front(), t[t.size() / 2], c.front(), c[c.size() / 2]};
}

size_t count_lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

void bench_text(const std::string& label, const std::string& text, int runs) {
  const std::string path = "/bench/schema.zmodel";
  size_t errors = 0;
  Timing full = measure(runs, [&] {
    Host host;
    host.set_file_text(path, text);
    auto a = host.analyze(path);
    errors = std::count_if(a->diagnostics.begin(), a->diagnostics.end(),
                           [](const zen::Diagnostic& d) { return d.severity == zen::Severity::Error; });
  });
  // The one-shot path (`zen check`, `zen migrate`): no trees kept, declarations moved into the model.
  std::vector<SourceInput> inputs{{path, text}};
  Timing one_shot = measure(runs, [&] { (void)analyze(inputs, path); });
  // One-character edits in the middle of the file: insert a character into a field name,
  // then delete it again (so the text alternates between two states).
  Host host;
  host.set_file_text(path, text);
  (void)host.analyze(path);
  // Inside the name of the first field indented on a line after the middle of the file.
  size_t at = text.find("\n    ", text.size() / 2);
  if (at == std::string::npos) at = text.find("\n  ", text.size() / 2);
  if (at == std::string::npos) at = text.size() / 2;
  size_t name = text.find_first_not_of(" \n", at);
  uint32_t pos = static_cast<uint32_t>((name == std::string::npos ? at : name) + 1);
  bool inserted = false;
  Timing edit = measure(runs * 3, [&] {
    if (!inserted) host.apply_edit(path, TextEdit{{pos, pos}, "x"});
    else host.apply_edit(path, TextEdit{{pos, pos + 1}, ""});
    inserted = !inserted;
    (void)host.analyze(path);
  });
  // The validation rules' share: run them alone on the final model.
  auto snapshot = host.analyze(path);
  std::vector<std::string_view> texts{std::string_view(), std::string_view(*host.file_text(path))};
  Timing rules = measure(runs, [&] {
    std::vector<zen::Diagnostic> sink;
    ValidationContext ctx(snapshot->model, texts, sink);
    for (Rule r : validation_rules())
      if (r) r(ctx);
  });
  std::printf("%-38s %6zu lines | full analysis: wall min %7.1f med %7.1f, cpu min %7.1f med %7.1f ms"
              " | one-shot analyze(): cpu min %7.1f med %7.1f ms"
              " | 1-char edit: wall min %6.2f med %6.2f, cpu min %6.2f med %6.2f ms (validation rules alone: cpu min %6.2f) | %zu errors\n",
              label.c_str(), count_lines(text), full.min, full.median, full.cpu_min, full.cpu_median, one_shot.cpu_min,
              one_shot.cpu_median, edit.min, edit.median, edit.cpu_min, edit.cpu_median, rules.cpu_min, errors);
}

fs::path corpus_dir(int argc, char** argv) {
  if (argc > 1) return argv[1];
  if (const char* env = std::getenv("ZEN_CORPUS_DIR"); env && *env) return env;
  fs::path local = fs::path(ZEN_SOURCE_DIR) / "tests/data/corpus";
  if (fs::exists(local)) return local;
  return fs::path(ZEN_SOURCE_DIR) / "../shared/corpus";
}

}  // namespace

// Profiling mode: only the one-character edits, no timing.
// `bench_analysis --edits lines|models N RUNS`; profile with --toggle-collect='*edit_once*'.
__attribute__((noinline)) void edit_once(Host& host, const std::string& path, uint32_t pos, bool insert) {
  if (insert) host.apply_edit(path, TextEdit{{pos, pos}, "x"});
  else host.apply_edit(path, TextEdit{{pos, pos + 1}, ""});
  (void)host.analyze(path);
}

int edits_only(const std::string& kind, int n, int runs) {
  zen::bench::SchemaGenOptions options;
  options.policies = true;
  std::string text;
  if (kind == "lines") {
    text = zen::bench::generate_schema_with_lines(n, options);
  } else {
    options.models = n;
    text = zen::bench::generate_schema(options);
  }
  const std::string path = "/bench/schema.zmodel";
  Host host;
  host.set_file_text(path, text);
  (void)host.analyze(path);
  size_t at = text.find("\n    ", text.size() / 2);
  size_t name = text.find_first_not_of(" \n", at);
  uint32_t pos = static_cast<uint32_t>(name + 1);
  for (int i = 0; i < runs; ++i) edit_once(host, path, pos, i % 2 == 0);
  return 0;
}

int main(int argc, char** argv) {
  if (argc == 5 && std::string(argv[1]) == "--edits")
    return edits_only(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
  fs::path dir = corpus_dir(argc, argv);
  fs::path largest;
  uintmax_t largest_size = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file()) continue;
    auto ext = e.path().extension();
    if (ext != ".zmodel" && ext != ".prisma") continue;
    if (e.file_size() > largest_size) {
      largest_size = e.file_size();
      largest = e.path();
    }
  }
  if (!largest.empty()) {
    std::ifstream in(largest, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    bench_text("corpus: " + largest.filename().string(), s.str(), 20);
  }
  zen::bench::SchemaGenOptions options;
  options.policies = true;
  options.models = 1000;
  bench_text("generated: 1,000 models", zen::bench::generate_schema(options), 10);
  bench_text("generated: 30,000 lines", zen::bench::generate_schema_with_lines(30000, options), 5);
  options.models = 5000;
  bench_text("generated: 5,000 models", zen::bench::generate_schema(options), 5);
  return 0;
}
