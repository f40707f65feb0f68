// Incremental re-analysis: after each of many edits (insertions, deletions, doc comments,
// breaking and repairing syntax), Host's model equals a fresh analysis of the same text.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "analysis/analysis.h"
#include "resolve_fixture.h"

using namespace zen::analysis;

namespace {

std::string dump_all(const Analysis& a) {
  std::string s;
  for (const Decl& d : a.model.decls) {
    if (d.is_stdlib()) continue;
    s += testing::dump_decl(a.model, d);
    s += "@" + std::to_string(d.range.start) + "-" + std::to_string(d.range.end) + " doc=" + d.doc + "\n";
    for (const Field& f : d.fields)
      s += "  ." + f.name + "@" + std::to_string(f.name_range.start) + " doc=" + f.doc + "\n";
  }
  for (const auto& r : a.model.references)
    s += "ref " + std::to_string(r.range.start) + "-" + std::to_string(r.range.end) + " " +
         testing::dump_target(a.model, r.target) + "\n";
  for (const auto& d : a.diagnostics) s += testing::describe(d) + "\n";
  return s;
}

void check_edits(std::string text, const std::vector<TextEdit>& edits) {
  Host host;
  host.set_file_text("/s.zmodel", text);
  (void)host.analyze("/s.zmodel");
  for (const TextEdit& e : edits) {
    REQUIRE(e.range.end <= text.size());
    REQUIRE(host.apply_edit("/s.zmodel", e));
    text.replace(e.range.start, e.range.end - e.range.start, e.new_text);
    auto incremental = host.analyze("/s.zmodel");
    auto fresh = analyze({{"/s.zmodel", text}}, "/s.zmodel");
    INFO("after replacing " << e.range.start << ".." << e.range.end << " with `" << e.new_text << "`");
    CHECK(dump_all(*incremental) == dump_all(fresh));
  }
}

TextEdit at(const std::string& text, std::string_view needle, size_t offset, size_t remove, std::string insert) {
  size_t p = text.find(needle);
  REQUIRE(p != std::string::npos);
  uint32_t s = static_cast<uint32_t>(p + offset);
  return TextEdit{{s, static_cast<uint32_t>(s + remove)}, std::move(insert)};
}

}  // namespace

TEST_CASE("edits inside, between and around declarations") {
  std::string text =
      "/// Users.\nmodel User {\n  id Int @id\n  name String\n  posts Post[]\n}\n\n"
      "model Post {\n  id Int @id\n  author User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n\n"
      "enum Role { A B }\n";
  Host host;
  // Each edit is applied to the text produced by the previous ones.
  std::vector<TextEdit> edits;
  std::string t = text;
  auto push = [&](TextEdit e) {
    t.replace(e.range.start, e.range.end - e.range.start, e.new_text);
    edits.push_back(std::move(e));
  };
  push(at(t, "name String", 0, 0, "x"));               // rename a field: xname
  push(at(t, "/// Users.", 4, 5, "People"));           // change a doc comment
  push(at(t, "enum Role", 0, 0, "/// Roles.\n"));      // add a doc comment before a decl
  push(at(t, "model Post", 0, 0, "model Tag { id Int @id }\n\n"));  // insert a declaration
  push(at(t, "references: [id]", 13, 2, "idd"));       // break a reference
  push(at(t, "model Tag {", 10, 1, ""));               // syntax error: drop a brace
  push(at(t, "model Tag ", 10, 0, "{"));               // repair it
  push(at(t, "model User", 6, 4, "Person"));           // rename a model used elsewhere
  check_edits(text, edits);
}

TEST_CASE("random single-character edits on a corpus schema") {
  std::ifstream in(std::string(ZEN_SOURCE_DIR) + "/tests/data/corpus/zenstackhq__zenstack__todo-sample.zmodel",
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  if (text.empty()) return;
  std::mt19937 rng(42);
  std::vector<TextEdit> edits;
  std::string t = text;
  const std::string alphabet = "a{}()@ \n/\"";
  for (int i = 0; i < 40; ++i) {
    uint32_t pos = static_cast<uint32_t>(rng() % (t.size() + 1));
    TextEdit e;
    if (rng() % 2 == 0 || pos == t.size()) {
      e = TextEdit{{pos, pos}, std::string(1, alphabet[rng() % alphabet.size()])};
    } else {
      e = TextEdit{{pos, pos + 1}, ""};
    }
    t.replace(e.range.start, e.range.end - e.range.start, e.new_text);
    edits.push_back(e);
  }
  check_edits(text, edits);
}
