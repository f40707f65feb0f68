// Random edits of real schemas: the incremental reparse must give the same tree as a fresh
// parse, and error reporting and the typed views must cope with whatever comes out.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/nodes.h"
#include "syntax/syntax_error.h"

namespace fs = std::filesystem;
using namespace zen::syntax;
using zen::TextRange;

namespace {

// xorshift32: deterministic on every platform.
struct Rng {
  uint32_t s;
  uint32_t next() {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
  }
  uint32_t below(uint32_t n) { return n == 0 ? 0 : next() % n; }
};

std::vector<std::string> corpus_texts() {
  fs::path dir = fs::path(ZEN_SOURCE_DIR) / "tests" / "data" / "corpus";
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".zmodel" || ext == ".prisma")) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

// Touches every typed accessor reachable from the root; must not crash on any tree.
size_t visit_views(const SyntaxTree& tree) {
  size_t seen = 0;
  SourceFile file(tree);
  for (const Import& i : file.imports()) seen += i.path().has_value();
  auto visit_attrs = [&](const std::vector<Attribute>& attrs) {
    for (const Attribute& a : attrs) {
      seen += a.name().has_value();
      for (const Argument& arg : a.arguments()) {
        auto v = arg.value();
        if (!v) continue;
        ++seen;
        (void)v->left();
        (void)v->items();
        (void)v->function();
        (void)v->string_value();
      }
    }
  };
  for (const Node& d : file.declarations()) {
    if (auto m = DataModel::cast(d)) {
      (void)m->name();
      (void)m->bases();
      for (const DataField& f : m->fields()) {
        seen += f.name().has_value();
        if (auto t = f.type()) {
          (void)t->builtin();
          (void)t->reference();
          (void)t->is_list();
        }
        visit_attrs(f.attributes());
      }
      visit_attrs(m->attributes());
    } else if (auto e = Enum::cast(d)) {
      for (const EnumField& f : e->fields()) visit_attrs(f.attributes());
    } else if (auto c = ConfigDecl::cast(d)) {
      for (const ConfigField& f : c->fields()) seen += f.value().has_value();
    }
  }
  return seen;
}

}  // namespace

TEST_CASE("incremental reparse after random edits equals a fresh parse") {
  const char* const kSnippets[] = {"{", "}", "(", ")", "[", "]", "@", "@@", "\"", "'", ",", ":",
                                   "=", "?", "!", "model ", "enum ", "x", "Int", "\n", " ", "//",
                                   "/*", "*/", "///", "&&", "in ", ".", "@id", "-1"};
  auto texts = corpus_texts();
  REQUIRE(texts.size() >= 10);
  Rng rng{12345};
  int edits = 0;
  for (size_t t = 0; t < texts.size(); ++t) {
    SyntaxTree tree = SyntaxTree::parse(texts[t]);
    for (int round = 0; round < 12; ++round) {
      const std::string& text = tree.text();
      uint32_t size = static_cast<uint32_t>(text.size());
      uint32_t start = rng.below(size + 1);
      uint32_t len = rng.below(4) == 0 ? rng.below(std::min<uint32_t>(40, size - start) + 1) : 0;
      std::string insert = rng.below(3) == 0 ? "" : kSnippets[rng.below(std::size(kSnippets))];
      tree.replace(TextRange{start, start + len}, insert);
      ++edits;
      INFO("file " << t << " round " << round << " at " << start);
      SyntaxTree fresh = SyntaxTree::parse(tree.text());
      CHECK(tree.root().to_sexp() == fresh.root().to_sexp());
      auto errors = syntax_errors(tree);
      // Unterminated strings are errors without ERROR nodes; ERROR nodes always give errors.
      if (tree.has_errors()) CHECK_FALSE(errors.empty());
      for (const SyntaxError& e : errors) {
        CHECK_FALSE(e.message.empty());
        CHECK(e.range.start <= e.range.end);
        CHECK(e.range.end <= tree.text().size());
      }
      visit_views(tree);
    }
  }
  MESSAGE(edits << " random edits checked");
}

TEST_CASE("multi-byte UTF-8 text before an edit keeps byte offsets right") {
  std::string text = "/// Ünïcödé – 日本語\nmodel A {\n  /// ✓\n  id Int @id\n}\n";
  SyntaxTree tree = SyntaxTree::parse(text);
  uint32_t at = static_cast<uint32_t>(text.find("id Int"));
  tree.replace(TextRange{at, at + 2}, "ident");
  CHECK(tree.root().to_sexp() == SyntaxTree::parse(tree.text()).root().to_sexp());
  auto model = DataModel::cast(SourceFile(tree).declarations().at(0));
  REQUIRE(model);
  CHECK(model->fields().at(0).name()->text == "ident");
  CHECK(doc_comments(model->node()).at(0) == "Ünïcödé – 日本語");
}
