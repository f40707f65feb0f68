// Runs grammar/test/corpus/*.txt the way `tree-sitter test` does: parse each case's source and
// compare the S-expression, ignoring whitespace (and field names when the expectation has
// none). ZEN_UPDATE_EXPECT=1 rewrites the expectations with what the parser produces now.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/parse.h"

namespace fs = std::filesystem;
using zen::syntax::SyntaxTree;

namespace {

struct Case {
  std::string title;
  std::string source;
  std::string expected;
  // Byte offsets of the expectation in the file, for rewriting.
  size_t expected_begin = 0;
  size_t expected_end = 0;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool is_rule_line(std::string_view line, char c) {
  if (line.size() < 3) return false;
  size_t i = 0;
  while (i < line.size() && line[i] == c) ++i;
  // tree-sitter allows a suffix after the rule; we only need the plain form.
  return i >= 3 && line.find_first_not_of(" \t\r", i) == std::string_view::npos;
}

struct Line {
  std::string_view text;
  size_t begin;  // offset of the line in the file
  size_t end;    // offset just past the line's newline
};

std::vector<Line> split_lines(const std::string& content) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    size_t stop = nl == std::string::npos ? content.size() : nl;
    size_t next = nl == std::string::npos ? content.size() : nl + 1;
    lines.push_back({std::string_view(content).substr(pos, stop - pos), pos, next});
    pos = next;
  }
  return lines;
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Parses a corpus file: `===` title `===`, source, `---`, S-expression, repeated.
std::vector<Case> parse_corpus(const std::string& content) {
  std::vector<Line> lines = split_lines(content);
  std::vector<Case> cases;
  size_t i = 0;
  while (i < lines.size()) {
    if (!is_rule_line(lines[i].text, '=')) {
      ++i;
      continue;
    }
    Case c;
    size_t t = i + 1;
    std::string title;
    while (t < lines.size() && !is_rule_line(lines[t].text, '=')) {
      title += (title.empty() ? "" : " ") + trim(lines[t].text);
      ++t;
    }
    c.title = title;
    size_t src_begin = t + 1;
    size_t d = src_begin;
    while (d < lines.size() && !is_rule_line(lines[d].text, '-')) ++d;
    // The source is everything between the header and the divider, minus the blank
    // lines that frame it.
    if (src_begin < lines.size() && d <= lines.size()) {
      size_t b = src_begin < lines.size() ? lines[src_begin].begin : content.size();
      size_t e = d < lines.size() ? lines[d].begin : content.size();
      std::string src = content.substr(b, e - b);
      while (!src.empty() && (src.back() == '\n' || src.back() == '\r')) src.pop_back();
      size_t first = src.find_first_not_of("\r\n");
      c.source = first == std::string::npos ? std::string() : src.substr(first);
    }
    size_t x = d + 1;
    size_t next = x;
    while (next < lines.size() && !is_rule_line(lines[next].text, '=')) ++next;
    c.expected_begin = x < lines.size() ? lines[x].begin : content.size();
    c.expected_end = next < lines.size() ? lines[next].begin : content.size();
    c.expected = content.substr(c.expected_begin, c.expected_end - c.expected_begin);
    cases.push_back(std::move(c));
    i = next;
  }
  return cases;
}

// Collapses whitespace the way tree-sitter compares S-expressions.
std::string normalize(std::string_view sexp) {
  std::string out;
  bool space = false;
  for (char ch : sexp) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != '(' && ch != ')') out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

std::string strip_fields(const std::string& sexp) {
  static const std::regex field(R"([a-z_]+: )");
  return std::regex_replace(sexp, field, "");
}

// Indents an S-expression one node per line, as `tree-sitter test --update` writes it: every
// node and every `field:` starts a line; a field's node follows it on the same line.
std::string pretty(const std::string& sexp) {
  std::string out;
  int depth = 0;
  bool after_field = false;
  auto new_line = [&] {
    if (!out.empty()) out += '\n' + std::string(static_cast<size_t>(depth) * 2, ' ');
  };
  size_t i = 0;
  while (i < sexp.size()) {
    char ch = sexp[i];
    if (ch == ' ') {
      ++i;
      continue;
    }
    if (ch == '(') {
      if (!after_field) new_line();
      after_field = false;
      out += '(';
      ++depth;
      ++i;
      continue;
    }
    if (ch == ')') {
      --depth;
      out += ')';
      ++i;
      continue;
    }
    // An atom: a node name right after `(`, a field name (ends with `:`), or a quoted token.
    size_t stop = i;
    if (ch == '"') {
      stop = i + 1;
      while (stop < sexp.size() && sexp[stop] != '"') stop += sexp[stop] == '\\' ? 2 : 1;
      stop = std::min(stop + 1, sexp.size());
    } else {
      while (stop < sexp.size() && sexp[stop] != ' ' && sexp[stop] != '(' && sexp[stop] != ')')
        ++stop;
    }
    std::string atom = sexp.substr(i, stop - i);
    if (atom.back() == ':') {
      new_line();
      out += atom + ' ';
      after_field = true;
    } else {
      if (!out.empty() && out.back() != '(') out += ' ';
      out += atom;
    }
    i = stop;
  }
  return out;
}

fs::path corpus_dir() { return fs::path(ZEN_SOURCE_DIR) / "grammar" / "test" / "corpus"; }

}  // namespace

TEST_CASE("corpus files match the parser") {
  bool update = std::getenv("ZEN_UPDATE_EXPECT") != nullptr;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(corpus_dir()))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 5);

  size_t total = 0;
  for (const auto& path : files) {
    std::string content = read_file(path);
    std::vector<Case> cases = parse_corpus(content);
    CHECK_MESSAGE(!cases.empty(), path.string());
    std::string rewritten;
    size_t copied = 0;
    for (const Case& c : cases) {
      ++total;
      INFO(path.filename().string() << ": " << c.title);
      SyntaxTree tree = SyntaxTree::parse(c.source);
      std::string actual = tree.root().to_sexp();
      std::string expected = normalize(c.expected);
      bool has_fields = expected.find(": ") != std::string::npos;
      std::string compared = normalize(has_fields ? actual : strip_fields(actual));
      if (update) {
        rewritten += content.substr(copied, c.expected_begin - copied);
        rewritten += "\n" + pretty(normalize(actual)) + "\n\n";
        copied = c.expected_end;
        continue;
      }
      CHECK(compared == expected);
    }
    if (update) {
      rewritten += content.substr(copied);
      while (rewritten.size() >= 2 && rewritten.substr(rewritten.size() - 2) == "\n\n")
        rewritten.pop_back();
      std::ofstream(path, std::ios::binary) << rewritten;
    }
  }
  MESSAGE(total << " corpus cases in " << files.size() << " files");
}

TEST_CASE("the corpus format reader splits titles, sources and expectations") {
  std::string text =
      "==========\nfirst case\n==========\n\nmodel A {}\n\n---\n\n(schema (data_model))\n\n"
      "===\nsecond\n===\nenum E { A }\n---\n(schema)\n";
  auto cases = parse_corpus(text);
  REQUIRE(cases.size() == 2);
  CHECK(cases[0].title == "first case");
  CHECK(cases[0].source == "model A {}");
  CHECK(normalize(cases[0].expected) == "(schema (data_model))");
  CHECK(cases[1].title == "second");
  CHECK(cases[1].source == "enum E { A }");
  CHECK(normalize(cases[1].expected) == "(schema)");
  CHECK(normalize("(a\n  (b)\n  c: (d) )") == "(a (b) c: (d))");
  CHECK(strip_fields("(a name: (b) type: (c))") == "(a (b) (c))");
  CHECK(normalize(pretty("(a name: (b) (c (d)))")) == "(a name: (b) (c (d)))");
}
