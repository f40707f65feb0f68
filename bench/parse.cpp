// Parse benchmark: full-parse throughput (MB/s) of the largest corpus schema and of generated
// schemas (1,000 models, a ~30,000-line one and 5,000 models); the tree-less fast lowering
// (analysis/internal/fast_lower.h) next to tree-sitter parse and parse + lower_file, as a
// ratio; and incremental reparse after a one-character edit in the middle of the file, against
// a full parse of the same text. Times are thread CPU time (median and minimum of repeated
// runs). Exits non-zero if the fast lowering declines a schema or differs from lower_file.
// Usage: bench_parse [corpus-dir]   (default: $ZEN_CORPUS_DIR, else tests/data/corpus)
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/internal/fast_lower.h"
#include "analysis/internal/lower.h"
#include "bench/common/schema_gen.h"
#include "syntax/parse.h"
#include "syntax/syntax_error.h"

namespace fs = std::filesystem;
using zen::TextRange;
using zen::syntax::SyntaxTree;

namespace {

// Set when the fast lowering declines or mislowers a benchmark schema.
bool g_failed = false;

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

// Every member of the lowered declarations that both paths fill, stamps excluded: the bench
// checks the fast path on the generated schemas the test suite cannot link.
bool same_decls(const zen::analysis::FileDecls& a, const zen::analysis::FileDecls& b);

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

  Timing lowered = measure([&] {
    SyntaxTree tree = SyntaxTree::parse(text);
    zen::analysis::FileDecls decls = zen::analysis::lower_file(tree.root().raw(), tree.text());
    if (decls.decls.empty()) std::abort();
  });
  std::printf("  parse + lower_file                    median %8.3f ms  min %8.3f ms  %7.1f MB/s\n",
              lowered.median_ms, lowered.min_ms, mb / (lowered.median_ms / 1000.0));
  {
    SyntaxTree tree = SyntaxTree::parse(text);
    zen::analysis::FileDecls slow = zen::analysis::lower_file(tree.root().raw(), tree.text());
    std::optional<zen::analysis::FileDecls> fast_once = zen::analysis::fast_lower_file(text);
    if (!fast_once) {
      std::printf("  FAIL: fast_lower_file declined the text\n");
      g_failed = true;
    } else if (!same_decls(*fast_once, slow)) {
      std::printf("  FAIL: fast_lower_file differs from lower_file\n");
      g_failed = true;
    }
  }
  Timing fast = measure([&] {
    if (!zen::analysis::fast_lower_file(text)) std::abort();
  });
  std::printf("  fast_lower_file (no tree)             median %8.3f ms  min %8.3f ms  %7.1f MB/s  %5.1fx parse, %5.1fx parse+lower\n",
              fast.median_ms, fast.min_ms, mb / (fast.median_ms / 1000.0), full.median_ms / fast.median_ms,
              lowered.median_ms / fast.median_ms);

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

bool same_expr(const zen::analysis::Expr& a, const zen::analysis::Expr& b);

bool same_args(const std::vector<zen::analysis::Argument>& a, const std::vector<zen::analysis::Argument>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].name_range != b[i].name_range || a[i].range != b[i].range ||
        a[i].param != b[i].param || a[i].param_index != b[i].param_index || !same_expr(a[i].value, b[i].value))
      return false;
  }
  return true;
}

bool same_expr(const zen::analysis::Expr& a, const zen::analysis::Expr& b) {
  if (a.kind != b.kind || a.range != b.range || a.text != b.text || a.name_range != b.name_range ||
      a.binding != b.binding || a.binding_range != b.binding_range || a.target != b.target ||
      a.children.size() != b.children.size() || !same_args(a.args, b.args))
    return false;
  for (size_t i = 0; i < a.children.size(); ++i)
    if (!same_expr(a.children[i], b.children[i])) return false;
  return true;
}

bool same_attrs(const std::vector<zen::analysis::AttributeApp>& a, const std::vector<zen::analysis::AttributeApp>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].name != b[i].name || a[i].range != b[i].range || a[i].name_range != b[i].name_range ||
        a[i].decl != b[i].decl || a[i].origin != b[i].origin || !same_args(a[i].args, b[i].args))
      return false;
  }
  return true;
}

bool same_decl(const zen::analysis::Decl& a, const zen::analysis::Decl& b) {
  if (a.kind != b.kind || a.name != b.name || a.file != b.file || a.range != b.range ||
      a.name_range != b.name_range || a.doc != b.doc || a.id != b.id || a.is_abstract != b.is_abstract ||
      a.is_mutation != b.is_mutation || a.base_names != b.base_names || a.base_ranges != b.base_ranges ||
      a.bases != b.bases || a.mixin_names != b.mixin_names || a.mixin_ranges != b.mixin_ranges ||
      a.mixins != b.mixins || !a.all_fields.empty() || !b.all_fields.empty() ||
      !same_attrs(a.attributes, b.attributes) || !same_attrs(a.all_attributes, b.all_attributes) ||
      a.return_type != b.return_type || a.return_type_range != b.return_type_range ||
      a.return_type_decl != b.return_type_decl || a.return_list != b.return_list ||
      a.fields.size() != b.fields.size() || a.values.size() != b.values.size() ||
      a.params.size() != b.params.size() || a.config.size() != b.config.size() || a.stamp == 0 || b.stamp == 0)
    return false;
  for (size_t i = 0; i < a.fields.size(); ++i) {
    const auto &f = a.fields[i], &g = b.fields[i];
    if (f.name != g.name || f.range != g.range || f.name_range != g.name_range || f.doc != g.doc ||
        f.owner != g.owner || f.file != g.file || f.type.kind != g.type.kind || f.type.name != g.type.name ||
        f.type.builtin != g.type.builtin || f.type.decl != g.type.decl || f.type.optional != g.type.optional ||
        f.type.list != g.type.list || f.type.range != g.type.range || f.type.name_range != g.type.name_range ||
        !same_attrs(f.attributes, g.attributes))
      return false;
  }
  for (size_t i = 0; i < a.values.size(); ++i) {
    const auto &v = a.values[i], &w = b.values[i];
    if (v.name != w.name || v.range != w.range || v.name_range != w.name_range || v.doc != w.doc ||
        !same_attrs(v.attributes, w.attributes))
      return false;
  }
  for (size_t i = 0; i < a.params.size(); ++i) {
    const auto &p = a.params[i], &q = b.params[i];
    if (p.name != q.name || p.range != q.range || p.name_range != q.name_range || p.doc != q.doc ||
        p.positional != q.positional || p.optional != q.optional || p.list != q.list || p.type != q.type ||
        p.type_range != q.type_range || p.type_decl != q.type_decl || !same_attrs(p.attributes, q.attributes))
      return false;
  }
  for (size_t i = 0; i < a.config.size(); ++i) {
    const auto &c = a.config[i], &d = b.config[i];
    if (c.name != d.name || c.range != d.range || c.name_range != d.name_range || c.doc != d.doc ||
        !same_expr(c.value, d.value))
      return false;
  }
  return true;
}

bool same_decls(const zen::analysis::FileDecls& a, const zen::analysis::FileDecls& b) {
  if (a.decls.size() != b.decls.size() || a.extents != b.extents || a.imports.size() != b.imports.size()) return false;
  for (size_t i = 0; i < a.imports.size(); ++i)
    if (a.imports[i].path != b.imports[i].path || a.imports[i].range != b.imports[i].range) return false;
  for (size_t i = 0; i < a.decls.size(); ++i)
    if (!same_decl(a.decls[i], b.decls[i])) return false;
  return true;
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
  options.models = 1000;
  bench_text("generated schema of 1,000 models", zen::bench::generate_schema(options));
  options.models = 100;
  bench_text("generated schema of ~30,000 lines", zen::bench::generate_schema_with_lines(30000, options));
  options.models = 5000;
  bench_text("generated schema of 5,000 models", zen::bench::generate_schema(options));
  // The generator's other shapes, checked for equivalence only (they are small).
  for (bool policies : {false, true}) {
    for (const char* provider : {"postgresql", "sqlite"}) {
      zen::bench::SchemaGenOptions o;
      o.models = 200;
      o.provider = provider;
      o.policies = policies;
      o.mixins = !policies;
      std::string text = zen::bench::generate_schema(o);
      SyntaxTree tree = SyntaxTree::parse(text);
      auto fast = zen::analysis::fast_lower_file(text);
      if (!fast || !same_decls(*fast, zen::analysis::lower_file(tree.root().raw(), tree.text()))) {
        std::printf("FAIL: fast_lower_file on the generated %s schema (policies %d)\n", provider, policies);
        g_failed = true;
      }
    }
  }
  if (g_failed) std::printf("\nFAILED: the fast lowering declined or mislowered a schema\n");
  return g_failed ? 1 : 0;
}
