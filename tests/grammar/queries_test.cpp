// The editor queries (grammar/queries/*.scm) compile against the grammar, and the highlight
// fixtures (grammar/test/highlight/*.zmodel) get the captures their comments assert.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/parse.h"

namespace fs = std::filesystem;
using zen::syntax::SyntaxTree;

namespace {

struct QueryDeleter {
  void operator()(TSQuery* q) const { ts_query_delete(q); }
};
struct CursorDeleter {
  void operator()(TSQueryCursor* c) const { ts_query_cursor_delete(c); }
};
using QueryPtr = std::unique_ptr<TSQuery, QueryDeleter>;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const char* query_error_name(TSQueryError e) {
  switch (e) {
    case TSQueryErrorNone: return "none";
    case TSQueryErrorSyntax: return "syntax";
    case TSQueryErrorNodeType: return "unknown node type";
    case TSQueryErrorField: return "unknown field";
    case TSQueryErrorCapture: return "unknown capture";
    case TSQueryErrorStructure: return "impossible pattern";
    case TSQueryErrorLanguage: return "language";
  }
  return "?";
}

QueryPtr compile(const std::string& source, std::string& error) {
  uint32_t offset = 0;
  TSQueryError type = TSQueryErrorNone;
  TSQuery* q = ts_query_new(zen::syntax::zmodel_language(), source.data(),
                            static_cast<uint32_t>(source.size()), &offset, &type);
  if (!q) {
    error = std::string(query_error_name(type)) + " at byte " + std::to_string(offset) + ": `" +
            source.substr(offset, 40) + "`";
  }
  return QueryPtr(q);
}

fs::path grammar_dir() { return fs::path(ZEN_SOURCE_DIR) / "grammar"; }

struct Assertion {
  uint32_t row;
  uint32_t column;
  std::string capture;
};

// `// ^ @x` asserts capture x at the caret's column on the closest code line above;
// `// <- @x` asserts it at the column where the comment starts.
std::vector<Assertion> read_assertions(const std::string& text) {
  std::vector<Assertion> out;
  std::istringstream in(text);
  std::string line;
  uint32_t row = 0;
  uint32_t code_row = 0;
  while (std::getline(in, line)) {
    size_t slash = line.find("//");
    bool is_assertion = false;
    if (slash != std::string::npos && line.find_first_not_of(" \t") == slash) {
      size_t caret = line.find('^', slash);
      size_t arrow = line.find("<-", slash);
      size_t at = line.find('@', slash);
      if (at != std::string::npos && (caret != std::string::npos || arrow != std::string::npos)) {
        is_assertion = true;
        std::string capture = line.substr(at + 1);
        capture = capture.substr(0, capture.find_first_of(" \t\r"));
        uint32_t column = static_cast<uint32_t>(caret != std::string::npos ? caret : slash);
        out.push_back({code_row, column, capture});
      }
    }
    if (!is_assertion) code_row = row;
    ++row;
  }
  return out;
}

}  // namespace

TEST_CASE("every query file compiles against the grammar") {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(grammar_dir() / "queries")) {
    if (entry.path().extension() != ".scm") continue;
    ++count;
    INFO(entry.path().filename().string());
    std::string error;
    QueryPtr q = compile(read_file(entry.path()), error);
    CHECK_MESSAGE(q != nullptr, error);
    if (q) CHECK(ts_query_pattern_count(q.get()) > 0);
  }
  CHECK(count >= 3);
}

TEST_CASE("a query naming an unknown node is rejected, so the check above can fail") {
  std::string error;
  QueryPtr q = compile("(no_such_node) @x", error);
  CHECK(q == nullptr);
  CHECK(error.find("unknown node type") != std::string::npos);
}

TEST_CASE("highlight fixtures get the captures they assert") {
  std::string error;
  QueryPtr q = compile(read_file(grammar_dir() / "queries" / "highlights.scm"), error);
  REQUIRE_MESSAGE(q != nullptr, error);
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(grammar_dir() / "test" / "highlight")) {
    if (entry.path().extension() != ".zmodel") continue;
    std::string text = read_file(entry.path());
    SyntaxTree tree = SyntaxTree::parse(text);
    std::unique_ptr<TSQueryCursor, CursorDeleter> cursor(ts_query_cursor_new());
    ts_query_cursor_exec(cursor.get(), q.get(), tree.root().raw());
    // Every capture with the rows/columns it covers (captures are single-line here).
    struct Hit {
      TSPoint start, end;
      std::string name;
    };
    std::vector<Hit> hits;
    TSQueryMatch match;
    uint32_t capture_index = 0;
    while (ts_query_cursor_next_capture(cursor.get(), &match, &capture_index)) {
      const TSQueryCapture& c = match.captures[capture_index];
      uint32_t len = 0;
      const char* name = ts_query_capture_name_for_id(q.get(), c.index, &len);
      hits.push_back({ts_node_start_point(c.node), ts_node_end_point(c.node), std::string(name, len)});
    }
    for (const Assertion& a : read_assertions(text)) {
      ++checked;
      INFO(entry.path().filename().string() << ":" << a.row + 1 << ":" << a.column + 1
                                            << " expects @" << a.capture);
      std::set<std::string> found;
      for (const Hit& h : hits) {
        bool after_start = h.start.row < a.row || (h.start.row == a.row && h.start.column <= a.column);
        bool before_end = h.end.row > a.row || (h.end.row == a.row && h.end.column > a.column);
        if (after_start && before_end) found.insert(h.name);
      }
      std::string all;
      for (const auto& f : found) all += "@" + f + " ";
      INFO("found: " << all);
      CHECK(found.count(a.capture) == 1);
    }
  }
  CHECK(checked >= 10);
}
