// Invalid-schema fixtures: every `tests/data/analysis/*.zmodel` is analyzed and must produce
// exactly the diagnostics annotated in it (resolution and validation, every severity).
//
// Fixture format (STYLE.md §7):
// - `//- /path.zmodel` lines split a fixture into files; the first file is the entry. Without
//   headers the fixture is one file, `/schema.zmodel`.
// - An annotation is a comment line `//` + spaces + carets + ` severity[code]: message` under the
//   line it refers to: the carets mark the range's columns in the closest preceding line that is
//   not an annotation. A range that continues past that line is marked up to its end of line; an
//   empty range is marked with one caret. A range starting in column 0 or 1 is written
//   `// <- severity[code]: message` (only its start is checked).
// - Messages are compared exactly; the whole message is the contract users see.
// - `ZEN_UPDATE_EXPECT=1` rewrites every fixture's annotations from the actual diagnostics.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analysis.h"

namespace fs = std::filesystem;
using zen::Diagnostic;
using zen::TextRange;
using zen::analysis::Analysis;
using zen::analysis::SourceInput;

namespace {

struct Section {
  std::string header;  // the `//- /x.zmodel` line, empty for a header-less fixture
  SourceInput file;    // text without annotation lines
  // Lines of the original text (annotations included) for error messages.
};

struct Expected {
  std::string path;
  uint32_t start = 0, end = 0;
  bool start_only = false;
  std::string severity, code, message;
  std::string text;  // the annotation as written
};

bool is_annotation(std::string_view line) {
  if (line.substr(0, 2) != "//" || line.substr(0, 3) == "//-") return false;
  size_t i = 2;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i < line.size() && line[i] == '^') return true;
  return line.substr(i, 3) == "<- ";
}

void parse_label(std::string_view rest, Expected& e) {
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  size_t b = rest.find('[');
  size_t close = rest.find("]: ");
  if (b == std::string_view::npos || close == std::string_view::npos) {
    e.severity = std::string(rest);
    return;
  }
  e.severity = std::string(rest.substr(0, b));
  e.code = std::string(rest.substr(b + 1, close - b - 1));
  e.message = std::string(rest.substr(close + 3));
}

// Splits the fixture into files, removing annotation lines and collecting them.
void load(const std::string& text, std::vector<Section>& sections, std::vector<Expected>& expected) {
  std::istringstream in(text);
  std::string line;
  uint32_t prev_line_start = 0;
  bool have_prev = false;
  while (std::getline(in, line)) {
    if (line.rfind("//- ", 0) == 0) {
      Section s;
      s.header = line;
      s.file.path = line.substr(4);
      sections.push_back(std::move(s));
      have_prev = false;
      continue;
    }
    if (sections.empty()) {
      Section s;
      s.file.path = "/schema.zmodel";
      sections.push_back(std::move(s));
    }
    Section& cur = sections.back();
    if (is_annotation(line) && have_prev) {
      Expected e;
      e.path = cur.file.path;
      e.text = line;
      size_t caret = line.find('^');
      size_t arrow = line.find("<- ");
      if (caret != std::string::npos && (arrow == std::string::npos || caret < arrow)) {
        size_t end = line.find_first_not_of('^', caret);
        if (end == std::string::npos) end = line.size();
        e.start = prev_line_start + static_cast<uint32_t>(caret);
        e.end = prev_line_start + static_cast<uint32_t>(end);
        parse_label(std::string_view(line).substr(end), e);
      } else {
        e.start = prev_line_start;
        e.start_only = true;
        parse_label(std::string_view(line).substr(arrow + 3), e);
      }
      expected.push_back(std::move(e));
      continue;
    }
    prev_line_start = static_cast<uint32_t>(cur.file.text.size());
    have_prev = true;
    cur.file.text += line;
    cur.file.text += '\n';
  }
}

uint32_t line_end(const std::string& text, uint32_t offset) {
  size_t nl = text.find('\n', offset);
  return nl == std::string::npos ? static_cast<uint32_t>(text.size()) : static_cast<uint32_t>(nl);
}

bool matches(const Expected& e, const Diagnostic& d, const std::string& text) {
  if (e.path != d.path || e.severity != zen::severity_name(d.severity) || e.code != d.code || e.message != d.message)
    return false;
  if (d.range.start != e.start) return false;
  if (e.start_only) return true;
  if (d.range.end == e.end) return true;
  if (d.range.start == d.range.end) return e.end == e.start + 1;
  return d.range.end > line_end(text, d.range.start) && e.end == line_end(text, d.range.start);
}

std::string label(const Diagnostic& d) {
  return std::string(zen::severity_name(d.severity)) + "[" + d.code + "]: " + d.message;
}

// The annotation line for `d` (which starts on the line beginning at `line_start`).
std::string annotation(const Diagnostic& d, const std::string& text, uint32_t line_start) {
  uint32_t col = d.range.start - line_start;
  if (col < 2) return "// <- " + label(d);
  uint32_t end = std::min(d.range.end, line_end(text, d.range.start));
  uint32_t width = std::max<uint32_t>(1, end > d.range.start ? end - d.range.start : 1);
  return "//" + std::string(col - 2, ' ') + std::string(width, '^') + " " + label(d);
}

std::string rewrite(const std::vector<Section>& sections, const std::vector<const Diagnostic*>& diags) {
  std::string out;
  for (const Section& s : sections) {
    if (!s.header.empty()) out += s.header + "\n";
    const std::string& t = s.file.text;
    uint32_t pos = 0;
    while (pos < t.size()) {
      uint32_t end = line_end(t, pos);
      out += t.substr(pos, end - pos) + "\n";
      std::vector<const Diagnostic*> here;
      for (const Diagnostic* d : diags)
        if (d->path == s.file.path && d->range.start >= pos && d->range.start <= end) here.push_back(d);
      std::stable_sort(here.begin(), here.end(),
                       [](const Diagnostic* a, const Diagnostic* b) { return a->range.start < b->range.start; });
      for (const Diagnostic* d : here) out += annotation(*d, t, pos) + "\n";
      pos = end + 1;
    }
  }
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("invalid-schema fixtures produce exactly their annotated diagnostics") {
  fs::path dir = fs::path(ZEN_SOURCE_DIR) / "tests/data/analysis";
  REQUIRE(fs::exists(dir));
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".zmodel") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  bool update = std::getenv("ZEN_UPDATE_EXPECT") != nullptr;
  std::map<std::string, int> codes;
  for (const fs::path& path : paths) {
    INFO(path.string());
    std::string original = read(path);
    std::vector<Section> sections;
    std::vector<Expected> expected;
    load(original, sections, expected);
    std::vector<SourceInput> files;
    for (const Section& s : sections) files.push_back(s.file);
    Analysis a = zen::analysis::analyze(files, files.front().path);
    std::vector<const Diagnostic*> actual;
    for (const Diagnostic& d : a.diagnostics) actual.push_back(&d);
    for (const Expected& e : expected) ++codes[e.code];
    if (update) {
      std::string text = rewrite(sections, actual);
      if (text != original) std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
      continue;
    }
    auto text_of = [&](const std::string& p) -> const std::string& {
      for (const Section& s : sections)
        if (s.file.path == p) return s.file.text;
      static const std::string empty;
      return empty;
    };
    std::vector<bool> used(actual.size(), false);
    for (const Expected& e : expected) {
      bool found = false;
      for (size_t i = 0; i < actual.size() && !found; ++i) {
        if (used[i] || !matches(e, *actual[i], text_of(e.path))) continue;
        used[i] = found = true;
      }
      INFO("expected, not reported: " << e.text);
      CHECK(found);
    }
    for (size_t i = 0; i < actual.size(); ++i) {
      if (used[i]) continue;
      const Diagnostic& d = *actual[i];
      const std::string& t = text_of(d.path);
      uint32_t ls = d.range.start;
      while (ls > 0 && t[ls - 1] != '\n') --ls;
      INFO("reported, not expected (" << d.path << "): " << annotation(d, t, ls));
      CHECK(false);
    }
    // Every fixture demonstrates at least one diagnostic.
    CHECK(!expected.empty());
  }
  if (!update) {
    CHECK(paths.size() >= 80);
    MESSAGE(paths.size() << " fixtures, " << codes.size() << " diagnostic codes");
  }
}
