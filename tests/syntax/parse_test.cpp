// Parsing, the untyped Node API, syntax error messages and incremental reparsing.
#include <doctest/doctest.h>

#include <string>

#include "syntax/parse.h"
#include "syntax/syntax_error.h"

using zen::TextRange;
using zen::syntax::Node;
using zen::syntax::SyntaxTree;

namespace {

// Parses `text` and returns "LINE:COL message" for each syntax error (1-based).
std::string errors_of(const std::string& text) {
  SyntaxTree tree = SyntaxTree::parse(text);
  std::string out;
  for (const auto& e : zen::syntax::syntax_errors(tree)) {
    uint32_t line = 1, col = 1;
    for (uint32_t i = 0; i < e.range.start && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    out += std::to_string(line) + ":" + std::to_string(col) + " " + e.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("parses a model into named nodes with fields") {
  SyntaxTree tree = SyntaxTree::parse("model User {\n  id Int @id\n}\n");
  Node root = tree.root();
  CHECK(root.kind() == "schema");
  CHECK_FALSE(tree.has_errors());
  Node model = root.named_child(0);
  CHECK(model.kind() == "data_model");
  CHECK(model.child_by_field("name").text() == "User");
  CHECK(model.child_by_field("keyword").text() == "model");
  Node field = model.child_by_field("body").first_child_of_kind("data_field");
  CHECK(field.child_by_field("name").text() == "id");
  CHECK(field.child_by_field("type").text() == "Int");
  CHECK(field.child_by_field("name").field_name() == "name");
  CHECK(field.child_by_field("nonexistent").is_null());
  CHECK(field.range() == TextRange{15, 25});
}

TEST_CASE("null nodes answer every query with an empty result") {
  Node n;
  CHECK(n.is_null());
  CHECK(n.kind().empty());
  CHECK(n.text().empty());
  CHECK(n.child_by_field("name").is_null());
  CHECK(n.children().empty());
  CHECK(n.parent().is_null());
}

TEST_CASE("syntax errors name the unexpected or missing token") {
  CHECK(errors_of("model A {\n  id Int @id\n}\n}\n") ==
        "4:1 unexpected `}`, expected a declaration such as `model`, `enum`, `type` or "
        "`datasource`\n");
  CHECK(errors_of("model A {\n  id Int @default(foo(1)\n  name String\n}\n") ==
        "2:25 missing `)`\n");
  CHECK(errors_of("datasource db {\n  provider =\n}\n") == "2:13 expected a value\n");
  CHECK(errors_of("model {\n  id Int\n}\n") == "1:6 expected a model name\n");
  CHECK(errors_of("model A {\n  id Int\n  name\n}\n") ==
        "3:7 field `name` has no type; expected a field type such as `String`, `Int` or a "
        "model name\n");
  // An unterminated string ends at the end of its line; the next line still parses.
  CHECK(errors_of("model A {\n  s String @default(\"abc)\n  t Int\n}\n") ==
        "2:21 unterminated string; close it with \" on the same line\n2:26 missing `)`\n");
  CHECK(errors_of("enum E { A @map('a\\') }") ==
        "1:17 unterminated string; close it with ' on the same line\n");
}

TEST_CASE("habits from other languages get a message naming the fix") {
  CHECK(errors_of("model A {\n  id Int @id,\n  name String\n}\n") ==
        "2:13 unexpected `,`; fields are separated by line breaks, not commas\n");
  CHECK(errors_of("enum E {\n  A,\n  B\n}\n") ==
        "2:4 unexpected `,`; enum values are separated by line breaks, not commas\n");
  CHECK(errors_of("model A {\n  id: Int\n}\n") ==
        "2:5 unexpected `:`; write a field as `name Type`, without a colon\n");
  CHECK(errors_of("datasource db {\n  provider: \"sqlite\"\n}\n") ==
        "2:11 unexpected `:`; settings are written `name = value`\n");
  CHECK(errors_of("model A {\n  x Int @\n}\n") == "2:9 expected an attribute name after `@`\n");
}

TEST_CASE("valid schemas have no syntax errors") {
  CHECK(errors_of("").empty());
  CHECK(errors_of("// only a comment\n/// and a doc comment\n").empty());
  CHECK(errors_of("enum Role { USER ADMIN @@map(\"role\") }").empty());
}

TEST_CASE("syntax errors become syntax-error diagnostics for the file") {
  SyntaxTree tree = SyntaxTree::parse("model A { id Int @id ]");
  auto diags = zen::syntax::syntax_diagnostics(tree, "schema.zmodel");
  REQUIRE_FALSE(diags.empty());
  CHECK(diags[0].code == "syntax-error");
  CHECK(diags[0].severity == zen::Severity::Error);
  CHECK(diags[0].path == "schema.zmodel");
}

TEST_CASE("garbage never crashes the parser") {
  for (const char* text : {"@@@", "((((", "\"", "model model model", "}{}{", "\x01\x02\xff",
                           "enum", "a.b.c", "/* unterminated"}) {
    INFO(text);
    SyntaxTree tree = SyntaxTree::parse(text);
    CHECK(tree.root().kind().size() > 0);
    CHECK_FALSE(zen::syntax::syntax_errors(tree).empty());
  }
}

TEST_CASE("an edit reparses incrementally and reports what changed") {
  std::string text = "model A {\n  id Int @id\n}\n\nmodel B {\n  id Int @id\n}\n";
  SyntaxTree tree = SyntaxTree::parse(text);
  // Rename B to C: the text and tree follow, and the change is local to the second model.
  uint32_t at = static_cast<uint32_t>(text.find("B"));
  auto changed = tree.replace(TextRange{at, at + 1}, "Cee");
  CHECK(tree.text() == "model A {\n  id Int @id\n}\n\nmodel Cee {\n  id Int @id\n}\n");
  CHECK(tree.root().named_child(1).child_by_field("name").text() == "Cee");
  for (const auto& r : changed) CHECK(r.start >= at);

  // Breaking the syntax is reported as a changed range and an error.
  uint32_t brace = static_cast<uint32_t>(tree.text().find("{"));
  changed = tree.replace(TextRange{brace, brace + 1}, "");
  CHECK(tree.has_errors());
  CHECK_FALSE(changed.empty());

  // Undoing the edit restores a clean tree equal to a fresh parse.
  tree.replace(TextRange{brace, brace}, "{");
  CHECK_FALSE(tree.has_errors());
  CHECK(tree.root().to_sexp() == SyntaxTree::parse(tree.text()).root().to_sexp());
}

TEST_CASE("edit with whole new text matches a fresh parse") {
  SyntaxTree tree = SyntaxTree::parse("model A {\n  x Int\n}\n");
  std::string next = "model A {\n  x Int?\n}\n";
  tree.edit(17, 17, 18, next);
  CHECK(tree.text() == next);
  CHECK(tree.root().to_sexp() == SyntaxTree::parse(next).root().to_sexp());
  // Offsets that do not match the texts fall back to a full parse instead of corrupting.
  tree.edit(100, 50, 3, "enum E { A }");
  CHECK(tree.root().named_child(0).kind() == "enum_declaration");
}

TEST_CASE("copies are independent") {
  SyntaxTree a = SyntaxTree::parse("model A { id Int }");
  SyntaxTree b = a;
  b.replace(TextRange{6, 7}, "B");
  CHECK(a.root().named_child(0).child_by_field("name").text() == "A");
  CHECK(b.root().named_child(0).child_by_field("name").text() == "B");
}
