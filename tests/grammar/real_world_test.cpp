// Every real-world schema of the corpus (ZEN_CORPUS_DIR, else tests/data/corpus) parses with
// no ERROR or MISSING node.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/parse.h"
#include "syntax/syntax_error.h"

namespace fs = std::filesystem;
using zen::syntax::Node;
using zen::syntax::SyntaxTree;

namespace {

fs::path corpus_root() {
  if (const char* dir = std::getenv("ZEN_CORPUS_DIR"); dir && *dir) return dir;
  return fs::path(ZEN_SOURCE_DIR) / "tests" / "data" / "corpus";
}

// Counts ERROR and MISSING nodes the slow way, independently of syntax_errors().
int count_bad_nodes(Node node) {
  if (node.is_error() || node.is_missing()) return 1;
  int n = 0;
  for (const Node& child : node.children()) n += count_bad_nodes(child);
  return n;
}

}  // namespace

TEST_CASE("every corpus schema parses without syntax errors") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(corpus_root())) {
    auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".prisma" || ext == ".zmodel"))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  INFO("corpus: " << corpus_root().string());
  REQUIRE(files.size() >= 20);
  for (const auto& path : files) {
    INFO(path.string());
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    SyntaxTree tree = SyntaxTree::parse(ss.str());
    CHECK(count_bad_nodes(tree.root()) == 0);
    CHECK(zen::syntax::syntax_errors(tree).empty());
    // Every declaration is a named node spanning real text.
    CHECK(tree.root().named_child_count() > 0);
  }
}

TEST_CASE("every .zmodel shipped in src/ (the embedded standard library) parses cleanly") {
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(ZEN_SOURCE_DIR) / "src")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".zmodel") continue;
    ++checked;
    INFO(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    SyntaxTree tree = SyntaxTree::parse(ss.str());
    CHECK(count_bad_nodes(tree.root()) == 0);
    CHECK(tree.root().named_child_count() > 0);
  }
  MESSAGE(checked << " .zmodel files under src/");
}
