// zen format: exact layouts, and on every corpus schema idempotence and an unchanged token stream.
#include <doctest/doctest.h>
#include <tree_sitter/api.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ide/format.h"
#include "support/files.h"

extern "C" const TSLanguage* tree_sitter_zmodel(void);

namespace fs = std::filesystem;
using zen::ide::format_document;
using zen::ide::FormatOptions;

namespace {

std::string format(const std::string& text, uint32_t indent = 4) {
  auto r = format_document("test.zmodel", text, FormatOptions{indent});
  REQUIRE_MESSAGE(r.text.has_value(), (r.errors.empty() ? std::string() : r.errors[0].message));
  return *r.text;
}

void check(const std::string& input, const std::string& expected, uint32_t indent = 4) {
  std::string out = format(input, indent);
  CHECK(out == expected);
  CHECK(format(out, indent) == out);
}

// The leaves of the syntax tree with their text; comments with whitespace squeezed out, since
// re-indenting a block comment changes only its spaces.
std::vector<std::string> tokens(const std::string& text) {
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_zmodel());
  TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
  std::vector<std::string> out;
  std::vector<TSNode> stack{ts_tree_root_node(tree)};
  char* sexp = ts_node_string(stack[0]);
  out.push_back(sexp);
  free(sexp);
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    std::string type = ts_node_type(n);
    uint32_t count = ts_node_child_count(n);
    if (count == 0 || type == "comment" || type == "doc_comment" || type == "string") {
      std::string s = text.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
      if (type == "comment" || type == "doc_comment") {
        std::string squeezed;
        for (char c : s)
          if (c != ' ' && c != '\t' && c != '\r' && c != '\n') squeezed += c;
        s = squeezed;
      }
      out.push_back(type + ":" + s);
      continue;
    }
    for (uint32_t i = count; i-- > 0;) stack.push_back(ts_node_child(n, i));
  }
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return out;
}

using zen::testing::read_text;
using zen::testing::corpus_dir;

}  // namespace

TEST_CASE("aligns field names, types and attributes in columns") {
  check(R"(model User {
  id Int @id @default(autoincrement())
  email String @unique
  posts Post[]
  name String?
}
)",
        R"(model User {
    id    Int     @id @default(autoincrement())
    email String  @unique
    posts Post[]
    name  String?
}
)");
}

TEST_CASE("a blank line starts a new alignment group; comment lines do not") {
  check(R"(model A {
  id Int @id
  // the name
  longName String


  x Boolean @default(false)
  @@map("a")
}
)",
        R"(model A {
    id       Int    @id
    // the name
    longName String

    x Boolean @default(false)
    @@map("a")
}
)");
}

TEST_CASE("normalises spaces inside attributes and expressions") {
  check(R"(model Post {
  id Int @id
  authorId Int
  author User @relation( fields:[authorId] ,references: [ id ], onDelete : Cascade )
  @@allow('read', author.posts ? [ published ] && !deleted||auth( ) != null)
  @@index([ title(ops: raw("gin_trgm_ops")) ], type:Gin)
}
)",
        R"(model Post {
    id       Int  @id
    authorId Int
    author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)
    @@allow('read', author.posts?[published] && !deleted || auth() != null)
    @@index([title(ops: raw("gin_trgm_ops"))], type: Gin)
}
)");
}

TEST_CASE("aligns config fields and enum values, keeps trailing comments on their line") {
  check(R"(datasource db {
  provider = "postgresql" // the database
  url= env("DATABASE_URL")
}
generator client {
  provider = "prisma-client-js"
}
enum Role {
  USER @map("user")
  ADMINISTRATOR
  GUEST   // a visitor
}
)",
        R"(datasource db {
    provider = "postgresql" // the database
    url      = env("DATABASE_URL")
}

generator client {
    provider = "prisma-client-js"
}

enum Role {
    USER          @map("user")
    ADMINISTRATOR
    GUEST // a visitor
}
)");
}

TEST_CASE("keeps comments, doc comments and blank lines between declarations") {
  check(R"(


// header comment

/// The user
model User {   // trailing on the brace
  /// the id
  id Int @id
} // after



/*
 * block
 */
enum E { A B }
)",
        R"(// header comment

/// The user
model User { // trailing on the brace
    /// the id
    id Int @id
} // after

/*
 * block
 */
enum E {
    A
    B
}
)");
}

TEST_CASE("keeps multi-line attributes as written, re-indented") {
  check(R"(model A {
  id Int @id
  @@allow('all',
    auth() != null &&
    id > 0)
}
)",
        R"(model A {
    id Int @id
    @@allow('all',
      auth() != null &&
      id > 0)
}
)");
}

TEST_CASE("types, extends/with clauses and unsupported types") {
  check(R"(type Base {
  id String @id
}
model Post extends Content with Base,Other {
  geom Unsupported( "geometry" )?
  tags String[]
}
)",
        R"(type Base {
    id String @id
}

model Post extends Content with Base, Other {
    geom Unsupported("geometry")?
    tags String[]
}
)");
}

TEST_CASE("one-line declarations keep their spacing; blocks get a blank line after them") {
  check(R"(import "a"
import "b"
/// doc
attribute @x() @@@prisma
attribute @y(_ v: String)
function f(): Boolean {
} @@@expressionContext([AccessPolicy])
model A {
  id Int @id
}
enum E {
  V
}
)",
        R"(import "a"
import "b"
/// doc
attribute @x() @@@prisma
attribute @y(_ v: String)
function f(): Boolean {
} @@@expressionContext([AccessPolicy])
model A {
    id Int @id
}

enum E {
    V
}
)");
}

TEST_CASE("formatting the embedded standard library is idempotent and keeps its tree") {
  std::string text = read_text(fs::path(ZEN_SOURCE_DIR) / "src/analysis/stdlib.zmodel");
  REQUIRE(!text.empty());
  std::string once = format(text);
  CHECK(format(once) == once);
  CHECK(tokens(once) == tokens(text));
}

TEST_CASE("a computed field's parameters stay with its name") {
  check("type T {\n  total( scale:Int ) Int @computed\n  x String\n}\n",
        "type T {\n    total(scale: Int) Int    @computed\n    x                 String\n}\n");
}

TEST_CASE("uses two-space indentation for Prisma files by default") {
  CHECK(zen::ide::default_indent_for("schema.prisma") == 2);
  CHECK(zen::ide::default_indent_for("schema.zmodel") == 4);
  check("model A {\n    id Int @id\n}\n", "model A {\n  id Int @id\n}\n", 2);
}

TEST_CASE("refuses to format a file with syntax errors") {
  auto r = format_document("bad.zmodel", "model A {\n  id Int @id(\n}\n");
  CHECK_FALSE(r.text.has_value());
  REQUIRE_FALSE(r.errors.empty());
  CHECK(r.errors[0].code == "syntax-error");
  CHECK(r.errors[0].path == "bad.zmodel");
}

TEST_CASE("formatting every corpus schema is idempotent and keeps its syntax tree") {
  fs::path dir = corpus_dir();
  REQUIRE(fs::exists(dir));
  int files = 0;
  std::vector<fs::directory_entry> entries;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) entries.push_back(entry);
  // The validation fixtures: comments everywhere, unusual constructs.
  for (const auto& entry : fs::directory_iterator(fs::path(ZEN_SOURCE_DIR) / "tests/data/analysis"))
    entries.push_back(entry);
  for (const auto& entry : entries) {
    auto ext = entry.path().extension();
    if (ext != ".zmodel" && ext != ".prisma") continue;
    INFO(entry.path().string());
    std::string text = read_text(entry.path());
    uint32_t indent = zen::ide::default_indent_for(entry.path().string());
    auto first = format_document(entry.path().string(), text, FormatOptions{indent});
    REQUIRE_MESSAGE(first.text.has_value(), (first.errors.empty() ? "" : first.errors[0].message));
    auto second = format_document(entry.path().string(), *first.text, FormatOptions{indent});
    REQUIRE(second.text.has_value());
    CHECK(*second.text == *first.text);
    CHECK(tokens(*first.text) == tokens(text));
    ++files;
  }
  CHECK(files >= 100);
}
