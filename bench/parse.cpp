// Parse benchmark: full-parse throughput (MB/s) of the largest corpus schema and of generated
// schemas (a ~30,000-line one and 5,000 models), and incremental reparse after a one-character
// edit in the middle of the file, against a full parse of the same text. Times are thread CPU
// time (median and minimum of repeated runs).
// Usage: bench_parse [corpus-dir]   (default: $ZEN_CORPUS_DIR, else tests/data/corpus)
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "bench/common/schema_gen.h"
#include "syntax/parse.h"
#include "syntax/syntax_error.h"

namespace fs = std::filesystem;
using zen::TextRange;
using zen::syntax::SyntaxTree;

namespace {

struct Timing {
  double min_ms = 0;
  double median_ms = 0;
};

// CPU time of this thread in milliseconds: the benchmark machine is shared, and wall time
// would count other processes' work.
double thread_cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Runs `fn` until both `min_runs` runs and `min_ms` milliseconds (CPU) are done.
Timing measure(const std::function<void()>& fn, int min_runs = 5, double min_ms = 500) {
  std::vector<double> times;
  double total = 0;
  while (static_cast<int>(times.size()) < min_runs || total < min_ms) {
    double start = thread_cpu_ms();
    fn();
    double ms = thread_cpu_ms() - start;
    times.push_back(ms);
    total += ms;
    if (times.size() > 100000) break;
  }
  std::sort(times.begin(), times.end());
  return {times.front(), times[times.size() / 2]};
}

// An offset inside an identifier near the middle of `text`, where a one-character insertion
// keeps the schema valid (it renames a field).
uint32_t middle_edit_offset(const std::string& text) {
  size_t from = text.size() / 2;
  size_t nl = text.find("\n    ", from);
  if (nl == std::string::npos) nl = text.find('\n', from);
  if (nl == std::string::npos) return static_cast<uint32_t>(from);
  size_t word = text.find_first_not_of(" \t", nl + 1);
  return static_cast<uint32_t>(std::min(word + 1, text.size()));
}

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};

void bench_text(const std::string& label, const std::string& text) {
  double mb = static_cast<double>(text.size()) / (1024.0 * 1024.0);
  std::printf("\n%s: %d lines, %.1f KiB\n", label.c_str(), zen::bench::count_lines(text),
              static_cast<double>(text.size()) / 1024.0);

  Timing full = measure([&] {
    SyntaxTree tree = SyntaxTree::parse(text);
    if (tree.has_errors()) std::abort();
  });
  std::printf("  full parse (SyntaxTree::parse)        median %8.3f ms  min %8.3f ms  %7.1f MB/s\n",
              full.median_ms, full.min_ms, mb / (full.median_ms / 1000.0));

  SyntaxTree errors_tree = SyntaxTree::parse(text);
  Timing errors = measure([&] {
    if (!zen::syntax::syntax_errors(errors_tree).empty()) std::abort();
  });
  std::printf("  syntax_errors() on a clean tree       median %8.3f ms\n", errors.median_ms);

  // Incremental through the public API: replace() copies the text, computes points, reparses
  // with the old tree and collects the changed ranges. Insert then delete one character, so
  // every measured run starts from the same text.
  SyntaxTree tree = SyntaxTree::parse(text);
  uint32_t at = middle_edit_offset(text);
  bool inserted = false;
  Timing incremental = measure([&] {
    if (!inserted) {
      tree.replace(TextRange{at, at}, "x");
    } else {
      tree.replace(TextRange{at, at + 1}, "");
    }
    inserted = !inserted;
  }, 20);
  if (tree.has_errors()) std::printf("  (warning: the edit produced a syntax error)\n");
  std::printf("  incremental reparse (replace 1 char)  median %8.3f ms  min %8.3f ms  %7.1fx faster than full\n",
              incremental.median_ms, incremental.min_ms, full.median_ms / incremental.median_ms);

  // The same edit with the raw tree-sitter API: only ts_tree_edit + ts_parser_parse.
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  ts_parser_set_language(parser.get(), zen::syntax::zmodel_language());
  std::string a = text;
  std::string b = text.substr(0, at) + "x" + text.substr(at);
  TSTree* current = ts_parser_parse_string(parser.get(), nullptr, a.data(), static_cast<uint32_t>(a.size()));
  uint32_t row = 0, line_start = 0;
  for (uint32_t i = 0; i < at; ++i)
    if (a[i] == '\n') {
      ++row;
      line_start = i + 1;
    }
  TSPoint p{row, at - line_start};
  bool on_b = false;
  Timing raw = measure([&] {
    TSInputEdit e;
    e.start_byte = at;
    e.start_point = p;
    if (!on_b) {
      e.old_end_byte = at;
      e.old_end_point = p;
      e.new_end_byte = at + 1;
      e.new_end_point = {p.row, p.column + 1};
    } else {
      e.old_end_byte = at + 1;
      e.old_end_point = {p.row, p.column + 1};
      e.new_end_byte = at;
      e.new_end_point = p;
    }
    ts_tree_edit(current, &e);
    const std::string& next = on_b ? a : b;
    TSTree* t = ts_parser_parse_string(parser.get(), current, next.data(), static_cast<uint32_t>(next.size()));
    ts_tree_delete(current);
    current = t;
    on_b = !on_b;
  }, 20);
  ts_tree_delete(current);
  std::printf("  incremental, raw tree-sitter          median %8.3f ms  min %8.3f ms  %7.1fx faster than full\n",
              raw.median_ms, raw.min_ms, full.median_ms / raw.median_ms);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpus;
  if (argc > 1) corpus = argv[1];
  else if (const char* env = std::getenv("ZEN_CORPUS_DIR"); env && *env) corpus = env;
  else corpus = fs::path(ZEN_SOURCE_DIR) / "tests" / "data" / "corpus";

  fs::path largest;
  uintmax_t largest_size = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(corpus, ec)) {
    auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".prisma" && ext != ".zmodel")) continue;
    if (entry.file_size() > largest_size) {
      largest_size = entry.file_size();
      largest = entry.path();
    }
  }
  std::printf("zen parse benchmark (tree-sitter-zmodel)\n");
  if (largest.empty()) {
    std::printf("no corpus found in %s; skipping the corpus file\n", corpus.string().c_str());
  } else {
    bench_text("largest corpus file " + largest.filename().string(), read_file(largest));
  }

  zen::bench::SchemaGenOptions options;
  bench_text("generated schema of ~30,000 lines", zen::bench::generate_schema_with_lines(30000, options));
  options.models = 5000;
  bench_text("generated schema of 5,000 models", zen::bench::generate_schema(options));
  return 0;
}
