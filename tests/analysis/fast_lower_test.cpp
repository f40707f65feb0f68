// fast_lower_file against its contract: for every text it accepts, the tree-sitter parse has no
// syntax errors and lower_file gives the same declarations (a full dump of every member and
// range; stamps only need to be fresh). Inputs: the corpus (and $ZEN_CORPUS_DIR), the stdlib,
// the analysis fixtures, the migration goldens' and examples' schemas, the grammar's test corpus,
// constructs written here, larger synthetic schemas, random mutations of all of them and random
// grammar-shaped schemas (ZEN_FAST_LOWER_FUZZ_RUNS / _SEED run longer fuzzes by hand).
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/internal/fast_lower.h"
#include "analysis/internal/lower.h"
#include "analysis/stdlib.h"
#include "resolve_fixture.h"
#include "syntax/parse.h"
#include "syntax/syntax_error.h"

namespace fs = std::filesystem;
using namespace zen::analysis;
using zen::TextRange;

namespace {

// ----- A full dump of FileDecls (stamps excluded)

struct Dumper {
  std::string out;
  int depth = 0;

  void line(const std::string& s) {
    out.append(static_cast<size_t>(depth) * 2, ' ');
    out += s;
    out += '\n';
  }
  static std::string r(TextRange x) { return std::to_string(x.start) + "-" + std::to_string(x.end); }
  static std::string q(const std::string& s) {
    std::string o = "\"";
    for (char c : s) {
      if (c == '\n') o += "\\n";
      else if (c == '"' || c == '\\') o += std::string("\\") + c;
      else if (static_cast<unsigned char>(c) < 0x20) o += "\\x" + std::to_string(static_cast<int>(c));
      else o += c;
    }
    return o + "\"";
  }
  static std::string sym(const Symbol& s) {
    return "sym(" + std::to_string(static_cast<int>(s.kind)) + "," + std::to_string(s.decl) + "," +
           std::to_string(s.member) + "," + r(s.binding_range) + ")";
  }

  void expr(const Expr& e) {
    line("expr kind=" + std::to_string(static_cast<int>(e.kind)) + " range=" + r(e.range) + " text=" + q(e.text) +
         " name_range=" + r(e.name_range) + " binding=" + q(e.binding) + " binding_range=" + r(e.binding_range) +
         " target=" + sym(e.target));
    ++depth;
    for (const Expr& c : e.children) expr(c);
    args(e.args);
    --depth;
  }
  void args(const std::vector<Argument>& as) {
    for (const Argument& a : as) {
      line("arg name=" + q(a.name) + " name_range=" + r(a.name_range) + " range=" + r(a.range) + " param=" + q(std::string(a.param)) +
           " param_index=" + std::to_string(a.param_index));
      ++depth;
      expr(a.value);
      --depth;
    }
  }
  void attrs(const std::vector<AttributeApp>& as) {
    for (const AttributeApp& a : as) {
      line("attr " + q(a.name) + " range=" + r(a.range) + " name_range=" + r(a.name_range) + " decl=" +
           std::to_string(a.decl) + " origin=" + std::to_string(a.origin));
      ++depth;
      args(a.args);
      --depth;
    }
  }
  void decl(const Decl& d) {
    line("decl kind=" + std::to_string(static_cast<int>(d.kind)) + " name=" + q(d.name) + " file=" +
         std::to_string(d.file) + " range=" + r(d.range) + " name_range=" + r(d.name_range) + " doc=" + q(d.doc) +
         " id=" + std::to_string(d.id) + " abstract=" + std::to_string(d.is_abstract) +
         " mutation=" + std::to_string(d.is_mutation) + " return=" + q(d.return_type) + " " + r(d.return_type_range) +
         " return_decl=" + std::to_string(d.return_type_decl) + " return_list=" + std::to_string(d.return_list) +
         " bases=" + std::to_string(d.bases.size()) + " mixins=" + std::to_string(d.mixins.size()) +
         " all_fields=" + std::to_string(d.all_fields.size()) + " all_attributes=" + std::to_string(d.all_attributes.size()));
    ++depth;
    for (size_t i = 0; i < d.base_names.size(); ++i) line("base " + q(d.base_names[i]));
    for (const TextRange& x : d.base_ranges) line("base_range " + r(x));
    for (size_t i = 0; i < d.mixin_names.size(); ++i) line("mixin " + q(d.mixin_names[i]));
    for (const TextRange& x : d.mixin_ranges) line("mixin_range " + r(x));
    for (const Field& f : d.fields) {
      const FieldType& t = f.type;
      line("field " + q(f.name) + " range=" + r(f.range) + " name_range=" + r(f.name_range) + " doc=" + q(f.doc) +
           " owner=" + std::to_string(f.owner) + " file=" + std::to_string(f.file) + " type kind=" +
           std::to_string(static_cast<int>(t.kind)) + " name=" + q(t.name) + " builtin=" +
           (t.builtin ? std::to_string(static_cast<int>(*t.builtin)) : std::string("none")) + " decl=" +
           std::to_string(t.decl) + " optional=" + std::to_string(t.optional) + " list=" + std::to_string(t.list) +
           " range=" + r(t.range) + " name_range=" + r(t.name_range));
      ++depth;
      attrs(f.attributes);
      --depth;
    }
    attrs(d.attributes);
    for (const EnumValue& v : d.values) {
      line("value " + q(v.name) + " range=" + r(v.range) + " name_range=" + r(v.name_range) + " doc=" + q(v.doc));
      ++depth;
      attrs(v.attributes);
      --depth;
    }
    for (const Param& p : d.params) {
      line("param " + q(p.name) + " range=" + r(p.range) + " name_range=" + r(p.name_range) + " doc=" + q(p.doc) +
           " positional=" + std::to_string(p.positional) + " optional=" + std::to_string(p.optional) +
           " list=" + std::to_string(p.list) + " type=" + q(p.type) + " type_range=" + r(p.type_range) +
           " type_decl=" + std::to_string(p.type_decl));
      ++depth;
      attrs(p.attributes);
      --depth;
    }
    for (const ConfigField& c : d.config) {
      line("config " + q(c.name) + " range=" + r(c.range) + " name_range=" + r(c.name_range) + " doc=" + q(c.doc));
      ++depth;
      expr(c.value);
      --depth;
    }
    --depth;
  }
};

std::string dump(const FileDecls& f) {
  Dumper d;
  for (const Decl& x : f.decls) d.decl(x);
  for (const TextRange& x : f.extents) d.line("extent " + Dumper::r(x));
  for (const ImportDecl& i : f.imports) d.line("import " + Dumper::q(i.path) + " " + Dumper::r(i.range));
  d.line("syntax_errors " + std::to_string(f.syntax_errors.size()));
  return d.out;
}

struct Outcome {
  bool accepted = false;  // fast_lower_file gave a result
  bool clean = false;     // tree-sitter found no syntax error
  bool same = false;      // accepted, clean and identical
};

// Runs both paths on `text`; every accepted text must be clean and lowered identically.
Outcome compare(const std::string& text) {
  Outcome o;
  std::optional<FileDecls> fast = fast_lower_file(text);
  zen::syntax::SyntaxTree tree = zen::syntax::SyntaxTree::parse(text);
  o.clean = zen::syntax::syntax_diagnostics(tree, "").empty();
  o.accepted = fast.has_value();
  if (!fast) return o;
  FileDecls slow = lower_file(tree.root().raw(), tree.text());
  std::string a = dump(*fast), b = dump(slow);
  CHECK_MESSAGE(o.clean, "accepted a text with syntax errors");
  CHECK(a == b);
  std::set<uint64_t> stamps;
  for (const Decl& d : fast->decls) {
    CHECK(d.stamp != 0);
    stamps.insert(d.stamp);
    for (const Decl& s : slow.decls) CHECK(d.stamp != s.stamp);
  }
  CHECK(stamps.size() == fast->decls.size());
  o.same = o.clean && a == b;
  return o;
}

// Must be accepted (and equal).
void check_accepted(const std::string& text) {
  INFO("text:\n" << text);
  Outcome o = compare(text);
  CHECK(o.accepted);
}

// Must fall back to tree-sitter.
void check_rejected(const std::string& text) {
  INFO("text:\n" << text);
  Outcome o = compare(text);
  CHECK_FALSE(o.accepted);
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> files_in(const fs::path& dir, bool recursive) {
  std::vector<fs::path> out;
  std::error_code ec;
  auto take = [&](const fs::directory_entry& e) {
    auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".prisma" || ext == ".zmodel")) out.push_back(e.path());
  };
  if (recursive) {
    for (const auto& e : fs::recursive_directory_iterator(dir, ec)) take(e);
  } else {
    for (const auto& e : fs::directory_iterator(dir, ec)) take(e);
  }
  std::sort(out.begin(), out.end());
  return out;
}

fs::path source_dir() { return fs::path(ZEN_SOURCE_DIR); }

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files = files_in(source_dir() / "tests" / "data" / "corpus", true);
  if (const char* env = std::getenv("ZEN_CORPUS_DIR"); env && *env) {
    auto more = files_in(env, true);
    files.insert(files.end(), more.begin(), more.end());
  }
  return files;
}

// The source of every example in grammar/test/corpus/*.txt (`===` title, source, `---`, tree).
std::vector<std::string> grammar_examples(std::vector<bool>* error_flags = nullptr) {
  std::vector<std::string> out;
  for (const fs::path& p : [] {
         std::vector<fs::path> v;
         std::error_code ec;
         for (const auto& e : fs::directory_iterator(source_dir() / "grammar" / "test" / "corpus", ec))
           if (e.path().extension() == ".txt") v.push_back(e.path());
         std::sort(v.begin(), v.end());
         return v;
       }()) {
    std::string text = read_file(p);
    std::istringstream in(text);
    std::string l;
    int state = 0;  // 0: before title, 1: in title block, 2: source, 3: tree
    std::string src;
    auto flush = [&] {
      if (!src.empty()) {
        out.push_back(src);
        if (error_flags) error_flags->push_back(p.filename() == "errors.txt");
      }
      src.clear();
    };
    while (std::getline(in, l)) {
      bool rule = l.size() >= 3 && l.find_first_not_of('=') == std::string::npos;
      bool dashes = l.size() >= 3 && l.find_first_not_of('-') == std::string::npos;
      if (rule) {
        if (state == 1) state = 2;
        else {
          flush();
          state = 1;
        }
        continue;
      }
      if (state == 2 && dashes) {
        state = 3;
        continue;
      }
      if (state == 2) src += l + "\n";
    }
    flush();
  }
  return out;
}

// Hand-written constructs, each accepted by both paths.
const char* const kConstructs[] = {
    // Declarations, docs and extents.
    "/// A user.\n/// Second line.  \r\nmodel User {\n  /// The id.\n  id Int @id @default(autoincrement())\n  name String? @db.VarChar(255)\n}\n",
    "abstract model Base {\n  id Int @id\n}\nmodel A extends Base {\n  x Int\n}\nmodel B extends Base, Other with M1, M2 M3 with M4 {\n  y Int\n}\n",
    "type T with A, B C {\n  a String\n}\ntype U {\n}\n",
    "view V {\n  id Int @unique\n}\nabstract view W {\n  a Int\n}\n",
    "enum Role {\n  /// admin\n  ADMIN @map(\"admin\")\n  USER\n  @@map(\"roles\")\n  @@schema(\"auth\")\n}\nenum Empty {}\n",
    "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n  /// doc\n  schemas = [\"a\", 'b']\n  extensions = [pgcrypto, postgis(version: \"3\", schema: \"x\")]\n  relationMode = \"prisma\"\n}\n",
    "generator client {\n  provider = \"prisma-client-js\"\n  previewFeatures = [\"a\"]\n  binaryTargets = []\n  n = 1\n  f = -2.5\n  b = true\n  c = false\n  z = null\n  o = { a: 1, 'b': [x], c: { d: y } }\n}\nplugin p {\n  provider = '@core/x'\n  in = 1\n  model = a\n  type = String\n  self = this\n}\n",
    "import \"a\"\nimport 'b.zmodel';\n/// doc for import\nimport \"c\"\nmodel A { id Int @id }\n",
    // Fields and types.
    "model A {\n  a Int[]\n  b String?\n  c Post[]?\n  d Unsupported(\"circle\")?\n  e Unsupported('x')[]\n  f Json @default(\"{}\")\n  g Decimal @db.Decimal(10, 2)\n  h DateTime @default(now()) @updatedAt\n  i Bytes\n  j BigInt\n  k Float\n  l Boolean\n  m model\n  n Null\n  total(scale: Int, b: String[]?) Int @computed\n  none() Int @computed\n}\n",
    "model K {\n  model String\n  enum Int\n  type String\n  view Int\n  in Int\n  import Int\n  abstract Int\n  String String\n  Unsupported Int\n  true Int\n  with Int\n  function Int\n  _ Int\n  @@id([model, enum])\n}\n",
    "model A {\n  id Int @id\n  @@index([a(sort: Desc), b], map: \"idx\", type: Gin)\n  @@unique(fields: [a, b], name: \"ab\")\n  @@allow('read', true)\n  @@deny('all', auth() == null)\n}\n",
    // Expressions.
    "model A {\n  a Int @default(-1)\n  b Float @default(+2.50)\n  c String @default(\"say \\\"hi\\\"\\n\\t\\\\ \\u00e9\")\n  d String @default('it\\'s')\n  e Boolean @default(false)\n  f String? @default(null)\n  g Int @x(this, [], [1, 2], {}, {a: 1,}, f(), )\n}\n",
    "model A {\n  @@allow('read', a && b || c && d)\n  @@allow('read', a == b != c)\n  @@allow('read', a < b <= c > d >= e)\n  @@allow('read', a in b in c)\n  @@allow('read', !a.b?[x].c == d in e || f && g)\n  @@allow('read', !!a)\n  @@allow('read', !(a || b) && (c))\n  @@allow('read', ((a)))\n  @@allow('read', a.b.c.d)\n  @@allow('read', 1.x)\n  @@allow('read', a == !b?[c])\n}\n",
    "model A {\n  @@allow('read', posts?[published])\n  @@allow('read', posts![p, p.published == true])\n  @@allow('read', posts^[author == auth()])\n  @@allow('read', a?[b?[c]]?[d])\n  @@allow('read', a /* ! */ ?[b])\n  @@allow('read', a // x\n    ?[b])\n  @@allow('read', in?[in, in in in])\n  @@allow('read', auth().role == ADMIN)\n  @@allow('read', future().x == this.x)\n  @@allow('create', check(author, 'read'))\n  @@allow('all', String == Int && Null.x)\n  @@validate(regex(email, '^[a-z]+$'), 'bad email', [email])\n}\n",
    "model A {\n  a Int @default(dbgenerated(\"gen_random_uuid()\")) @map(name: \"a\")\n  b String @x(a: 1, b: [c, d], e: { f: g })\n}\n",
    // Functions, procedures, attributes.
    "/// Returns now.\nfunction now(): DateTime {\n} @@@expressionContext([DefaultValue])\n"
    "function f(/// p doc\n  a: String, b: Int[]?, c: Any?): Boolean {\n  a == b\n} @@@deprecated(\"x\") @@@y\n"
    "function g(): Object[] { {a: 1} }\n",
    "procedure p(a: Int): Void\nmutation procedure q(a: String[], b: Int?): Post[] @@@x\nprocedure r(): Int\n",
    "/// Sets a default.\nattribute @default(_ value: ContextType, map: String?) @@@prisma @@@supportTypeRole\n"
    "attribute @@index(_ fields: FieldReference[], name: String?, /// doc\n  type: IndexType? @@@completionHint([\"a\"])) @@@prisma\n"
    "attribute @@@targetField(_ targetField: AttributeTargetField[])\n"
    "attribute @db.VarChar(_ x: Int?)\nattribute @x()\n",
    // Doc comment placement.
    "/// a\n// plain\n/// b\nmodel A {\n  /// c\n  // plain\n  /// d\n  x Int /// e\n  /// f\n  @@map(\"x\") /// g\n  /// h\n  y Int\n  /// dangling\n}\n/// dangling at the end\n",
    "function /// a\n f /// b\n ( /// c\n x /// d\n : Int /// e\n , /// e2\n y: Int /// e3\n ) /// f\n : Int /// g\n { /// h\n a /// i\n } /// j\n @@@x\n",
    "mutation /// a\n procedure /// b\n p( /// c\n x: Int /// d\n ): /// e\n Int /// f\n @@@x\n",
    "attribute /// a\n @x( /// b\n _ /// c\n y: Int /// d\n @@@z, /// e\n w: String) /// f\n",
    "model A { ///\n  x Int\n  ////\n  y Int\n  ///x\n  z Int\n  ///   spaced  \n  w Int\n}\n",
    "model A { x Int }\n/* block\n comment * / ** */ model B { y Int /**/ }\n/** doc? no */\nmodel C { z Int }\n",
    "\r\n/// crlf\r\nmodel A {\r\n  /// field\r\n  x Int\r\n}\r\n",
    "// only a comment\n",
    "",
    "   \n\t\n",
    "/// doc with non-ASCII: café ünïcödé 🎉\nmodel A {\n  name String @default(\"héllo 🎉\") // ç\n}\n",
    "model A{id Int@id@default(1)b String?@x(a:1)}enum E{A B@map('b')}",
    // Keywords as argument names, object keys, bindings, properties and calls.
    "model A {\n  a Int @x(in: 1, model: 2, with: 3, _: 4, extends: 5, function: 6, Undefined: 7)\n"
    "  b Int @x({in: 1, String: 2, true: 3, this: 4, \"s\": 5})\n"
    "  @@allow('read', a?[in, in] && a?[model, x] && a?[with, x] && a?[_, x])\n"
    "  @@allow('read', a.true && a.String && a.in && a.this && String(1) && in(2) && with(3) && Null)\n}\n",
    // Attribute names with dots, numbers, docs at the very end.
    "model A {\n  a Int @a.b.c @db.VarChar(1) @x1._y2\n  @@a.b([1.5, +0, -3, 10.25])\n}\n/// last",
    "model A {}\n///",
    "model A {}\n// last",
    "model A {}\n/* last */",
};

// Texts both paths must decline: syntax errors of every kind, and the rare keyword-as-name
// cases the fast path leaves to tree-sitter.
const char* const kRejected[] = {
    "model A {\n  x\n}\n",
    "model A {\n  x Int,\n}\n",
    "model A {\n  x Int @default(\"abc)\n}\n",
    "model A {\n  x Int @default('abc\n}\n",
    "model A {\n  x Int @default(1\n}\n",
    "model A {\n",
    "model {\n}\n",
    "/* unterminated\nmodel A { x Int }\n",
    "model A { x Int @default(a ! b) }\n",
    "model A { x Int @default(a.) }\n",
    "model A { x Int @default([a,]) }\n",
    "model A { x Int @default((,)) }\n",
    "model A { x Int @default(f(a b)) }\n",
    "model A { x Unsupported }\n",
    "model A { x Int? [] }\n",
    "model A { x Int @@@y }\n",
    "model A { @@@y }\n",
    "model A { x Int @ id }\n",
    "model A { x Int @@@@id }\n",
    "model A { x Int @default(1) } }\n",
    "enum E { A, B }\n",
    "datasource db { provider: \"x\" }\n",
    "datasource db { url = a.b }\n",
    "datasource db { url = a == b }\n",
    "function f(): Int? {}\n",
    "function f() {}\n",
    "procedure p(): Int?\n",
    "attribute @x(_: Int)\n",
    "attribute @x(_ _: Int)\n",
    "import x\n",
    "modle A {}\n",
    "model A { x Int @default(String: 1) }\n",
    "model A { x Int @default(f(true: 1)) }\n",
    "model A { @@allow('read', a?[String, b]) }\n",
    "type T with A with B {}\n",
    "type T with A extends {}\n",
    "model A with with {}\n",
    "model A { x Int }\x0b\n",
    "model A { x Int @default(\"\xff\") }\n",
    "model A { x Int @default(\"a\\\nb\") }\n",
    "model \xc3\xa9 {}\n",
    "model A { x Int & y }\n",
    "model A { x Int @default(a | b) }\n",
    "model A { x Int @default(a = b) }\n",
    "abstract enum E {}\n",
    "mutation model A {}\n",
    "model A { @@@x }\n",
    "model A { x Int @x(f(,)) }\n",
    "model A { x Int @a. }\n",
    "model A { x Int @a.1 }\n",
    "model A { x Int @x(1.) }\n",
    "model A { x Int @x(.5) }\n",
    "model A { x Int @x(- 1) }\n",
    "model A {}\n/",
    "\xef\xbb\xbfmodel A {}\n",
};

// A schema in the shape of the bench generator's, with `models` models and every common
// construct (relations, enums, compound ids, policies, docs).
std::string synthetic_schema(int models) {
  std::string s =
      "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
      "generator client {\n  provider = \"prisma-client-js\"\n}\n\n"
      "/// Status of a record.\nenum Status {\n  ACTIVE\n  INACTIVE @map(\"inactive\")\n  @@map(\"status\")\n}\n\n";
  for (int i = 0; i < models; ++i) {
    std::string n = "Model" + std::to_string(i);
    std::string prev = "Model" + std::to_string(i > 0 ? i - 1 : 0);
    s += "/// The " + n + " table.\nmodel " + n + " {\n";
    s += "  /// Primary key.\n  id        String   @id @default(cuid())\n";
    s += "  name      String   @db.VarChar(" + std::to_string(32 + i % 200) + ")\n";
    s += "  count     Int      @default(" + std::to_string(i % 7 - 3) + ")\n";
    s += "  price     Decimal? @db.Decimal(10, 2)\n";
    s += "  status    Status   @default(ACTIVE)\n";
    s += "  tags      String[]\n";
    s += "  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n";
    if (i > 0) {
      s += "  parentId  String?\n";
      s += "  parent    " + prev + "? @relation(\"" + n + "Parent\", fields: [parentId], references: [id], onDelete: Cascade)\n";
    }
    s += "  children  Model" + std::to_string(i + 1) + "[] @relation(\"Model" + std::to_string(i + 1) + "Parent\")\n";
    s += "\n  @@index([name, createdAt(sort: Desc)])\n  @@unique([name, count], map: \"" + n + "_uq\")\n";
    s += "  @@allow('read', status == ACTIVE && (count > 0 || auth() != null))\n";
    s += "  @@map(\"" + n + "s\")\n}\n\n";
  }
  return s;
}

// ----- Mutations for the fuzz

const char* const kFuzzTokens[] = {
    "//", "///", "/*", "*/", "\"", "'", "{", "}", "(", ")", "[", "]", "@", "@@", "@@@", "?", "!", "^", ".", ",",
    ":", ";", "=", "==", "!=", "<", ">=", "&&", "||", " in ", "model", "enum", "type", "view", "abstract",
    "extends", "with", "function", "procedure", "mutation", "attribute", "datasource", "generator", "plugin",
    "import", "String", "Int", "Unsupported", "Null", "Object", "Any", "true", "false", "null", "this", "_",
    "\n", " ", "\t", "\r", "1", "-1", "2.5", "x", "\\", "/// doc\n", "// c\n", "\xc3\xa9", "in", "Undefined",
    "generator", "plugin", "Boolean", "BigInt", "Json", "Void", "FieldReference", "ContextType", "@x", "@@x",
    "@db.VarChar", "@@@x", "a.b", "f()", "?[", "![", "^[", "x:", "x,", "[]", "{}", "()", "'s'", "\"s\"",
};

// Token-ish boundaries of `s`: positions where a word or punctuation run starts.
std::vector<size_t> token_starts(const std::string& s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool w = std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_';
    bool pw = i > 0 && (std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_');
    if (std::isspace(static_cast<unsigned char>(s[i]))) continue;
    if (!w || !pw) out.push_back(i);
  }
  return out;
}

size_t token_end(const std::string& s, size_t i) {
  auto is_w = [&](size_t k) { return std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '_'; };
  if (i >= s.size()) return i;
  if (!is_w(i)) return i + 1;
  while (i < s.size() && is_w(i)) ++i;
  return i;
}

std::string mutate(const std::string& base, std::mt19937& rng) {
  std::string s = base;
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  int edits = 1 + static_cast<int>(pick(3));
  for (int k = 0; k < edits; ++k) {
    size_t pos = pick(s.size() + 1);
    std::vector<size_t> starts = token_starts(s);
    switch (pick(8)) {
      case 0:  // delete a character
        if (!s.empty()) s.erase(std::min(pos, s.size() - 1), 1);
        break;
      case 1:  // insert a character copied from elsewhere
        if (!s.empty()) s.insert(pos, 1, s[pick(s.size())]);
        break;
      case 2:  // duplicate a character
        if (!s.empty()) {
          size_t p = std::min(pos, s.size() - 1);
          s.insert(p, 1, s[p]);
        }
        break;
      case 3:  // insert a token
      case 4: {
        std::string t = kFuzzTokens[pick(std::size(kFuzzTokens))];
        if (pick(2)) t = " " + t + " ";
        s.insert(pos, t);
        break;
      }
      case 5:  // delete a token
        if (!starts.empty()) {
          size_t a = starts[pick(starts.size())];
          s.erase(a, token_end(s, a) - a);
        }
        break;
      case 6:  // swap two adjacent tokens
        if (starts.size() > 1) {
          size_t idx = pick(starts.size() - 1);
          size_t a = starts[idx], ae = token_end(s, a), b = starts[idx + 1], be = token_end(s, b);
          if (ae <= b) s = s.substr(0, a) + s.substr(b, be - b) + s.substr(ae, b - ae) + s.substr(a, ae - a) + s.substr(be);
        }
        break;
      case 7:  // replace a token by another (often a keyword used as a name)
        if (!starts.empty()) {
          size_t a = starts[pick(starts.size())];
          s.replace(a, token_end(s, a) - a, kFuzzTokens[pick(std::size(kFuzzTokens))]);
        }
        break;
    }
  }
  return s;
}

// Smaller slices of big files keep the fuzz fast: whole lines around a random point, from a
// line that starts in column 0 to the next `}` in column 0, so most slices are whole
// declarations.
std::string slice(const std::string& s, std::mt19937& rng, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t at = std::uniform_int_distribution<size_t>(0, s.size() - max_bytes)(rng);
  size_t begin = at;
  while (begin > 0 && !(s[begin - 1] == '\n' && begin < s.size() && !std::isspace(static_cast<unsigned char>(s[begin]))))
    --begin;
  size_t end = s.find("\n}", begin + max_bytes / 2);
  end = end == std::string::npos ? s.size() : std::min(s.size(), end + 3);
  return s.substr(begin, end - begin);
}


// ----- Random schemas from the grammar, for the structured fuzz

// Writes random declarations token by token, with random whitespace, comments and doc
// comments between tokens; names are sometimes keywords. Many outputs are valid, some not.
struct SchemaWriter {
  std::mt19937& rng;
  std::string out;

  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); }
  bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }

  void sep() {
    switch (pick(14)) {
      case 0: out += "\n"; break;
      case 1: out += " /// d" + std::to_string(pick(9)) + "\n"; break;
      case 2: out += " // c\n"; break;
      case 3: out += " /* c */ "; break;
      case 4: out += "\n  /// doc ? ! ^\n  /// two\n"; break;
      case 5: out += "\r\n"; break;
      case 6: out += ""; break;
      default: out += " "; break;
    }
  }
  void tok(std::string_view t) {
    // Adjacent words or numbers need a separator to stay two tokens.
    if (!out.empty()) {
      char last = out.back();
      bool lw = std::isalnum(static_cast<unsigned char>(last)) || last == '_';
      bool tw = !t.empty() && (std::isalnum(static_cast<unsigned char>(t[0])) || t[0] == '_' || t[0] == '+' || t[0] == '-');
      if ((lw && tw) || chance(60)) sep();
    }
    out += t;
  }
  std::string name() {
    static const char* const kNames[] = {"a", "b", "id", "user", "Post", "x1", "_p", "in", "model", "type",
                                         "String", "Int", "true", "null", "this", "with", "extends", "_",
                                         "function", "view", "enum", "Unsupported", "Null", "Any", "abstract",
                                         "import", "attribute", "datasource", "plugin", "generator", "Undefined"};
    if (chance(80)) return std::string(1, "abcxyzABC"[pick(9)]) + (chance(50) ? std::to_string(pick(99)) : "");
    return kNames[pick(std::size(kNames))];
  }
  void literal() {
    switch (pick(7)) {
      case 0: tok("\"s" + std::to_string(pick(9)) + "\\\"\""); break;
      case 1: tok("'q\\n'"); break;
      case 2: tok(std::to_string(pick(100))); break;
      case 3: tok("-" + std::to_string(pick(9)) + ".5"); break;
      case 4: tok(chance(50) ? "true" : "false"); break;
      case 5: tok("null"); break;
      default: tok("this"); break;
    }
  }
  void args(int depth) {
    tok("(");
    size_t n = pick(4);
    for (size_t i = 0; i < n; ++i) {
      if (i) tok(",");
      if (chance(40)) {
        tok(name());
        tok(":");
      }
      expr(depth + 1);
    }
    if (n && chance(20)) tok(",");
    tok(")");
  }
  void expr(int depth) {
    size_t kind = depth > 3 ? pick(3) : pick(12);
    switch (kind) {
      case 0: literal(); break;
      case 1:
      case 2: tok(name()); break;
      case 3:
        tok(name());
        args(depth);
        break;
      case 4:
        expr(depth + 1);
        tok(".");
        tok(name());
        break;
      case 5: {
        tok("[");
        size_t n = pick(3);
        for (size_t i = 0; i < n; ++i) {
          if (i) tok(",");
          expr(depth + 1);
        }
        tok("]");
        break;
      }
      case 6: {
        tok("{");
        size_t n = pick(3);
        for (size_t i = 0; i < n; ++i) {
          if (i) tok(",");
          tok(chance(70) ? name() : "\"k\"");
          tok(":");
          expr(depth + 1);
        }
        if (n && chance(30)) tok(",");
        tok("}");
        break;
      }
      case 7:
      case 8: {
        static const char* const kOps[] = {"&&", "||", "==", "!=", "<", "<=", ">", ">=", "in"};
        expr(depth + 1);
        tok(kOps[pick(std::size(kOps))]);
        expr(depth + 1);
        break;
      }
      case 9:
        tok("!");
        expr(depth + 1);
        break;
      case 10:
        expr(depth + 1);
        tok(std::string(1, "?!^"[pick(3)]));
        tok("[");
        if (chance(40)) {
          tok(name());
          tok(",");
        }
        expr(depth + 1);
        tok("]");
        break;
      default:
        tok("(");
        expr(depth + 1);
        tok(")");
        break;
    }
  }
  void attribute(const char* ats) {
    std::string n = std::string(ats) + (chance(80) ? "x" : "db.VarChar");
    tok(n);
    if (chance(60)) args(0);
  }
  void param_type(bool allow_optional) {
    static const char* const kTypes[] = {"String", "Int", "Any", "Object", "FieldReference", "ContextType", "Foo", "Null"};
    tok(kTypes[pick(std::size(kTypes))]);
    if (chance(30)) {
      tok("[");
      tok("]");
    }
    if (allow_optional && chance(30)) tok("?");
  }
  void params(bool attribute_params) {
    tok("(");
    size_t n = pick(3);
    for (size_t i = 0; i < n; ++i) {
      if (i) tok(",");
      if (attribute_params && chance(30)) tok("_");
      tok(name());
      tok(":");
      param_type(attribute_params);
      if (!attribute_params && chance(20)) tok("?");
      while (attribute_params && chance(20)) attribute("@@@");
    }
    tok(")");
  }
  void field_type() {
    static const char* const kTypes[] = {"String", "Int", "DateTime", "Post", "Json", "model", "Null"};
    if (chance(10)) {
      tok("Unsupported");
      tok("(");
      tok("\"u\"");
      tok(")");
    } else {
      tok(kTypes[pick(std::size(kTypes))]);
    }
    if (chance(25)) {
      tok("[");
      tok("]");
    }
    if (chance(25)) tok("?");
  }
  void decl() {
    switch (pick(9)) {
      case 0:
      case 1:
      case 2: {
        if (chance(20)) tok("abstract");
        tok(chance(80) ? "model" : "view");
        tok(name());
        while (chance(30)) {
          tok(chance(50) ? "extends" : "with");
          tok(name());
          while (chance(30)) {
            if (chance(70)) tok(",");
            tok(name());
          }
        }
        body(/*model=*/true);
        break;
      }
      case 3:
        tok("type");
        tok(name());
        if (chance(30)) {
          tok("with");
          tok(name());
        }
        body(/*model=*/true);
        break;
      case 4:
        tok("enum");
        tok(name());
        body(/*model=*/false);
        break;
      case 5: {
        static const char* const kKinds[] = {"datasource", "generator", "plugin"};
        tok(kKinds[pick(3)]);
        tok(name());
        tok("{");
        size_t n = pick(4);
        for (size_t i = 0; i < n; ++i) {
          tok(name());
          tok("=");
          switch (pick(5)) {
            case 0: literal(); break;
            case 1: tok(name()); break;
            case 2: tok(name()); args(0); break;
            default: expr(2); break;
          }
        }
        tok("}");
        break;
      }
      case 6:
        tok("function");
        tok(name());
        params(false);
        tok(":");
        param_type(false);
        tok("{");
        if (chance(70)) expr(0);
        tok("}");
        while (chance(30)) attribute("@@@");
        break;
      case 7:
        if (chance(30)) tok("mutation");
        tok("procedure");
        tok(name());
        params(false);
        tok(":");
        param_type(false);
        while (chance(30)) attribute("@@@");
        break;
      default:
        tok("attribute");
        tok(std::string(chance(50) ? "@" : chance(50) ? "@@" : "@@@") + (chance(80) ? "x" : "db.VarChar"));
        params(true);
        while (chance(30)) attribute("@@@");
        break;
    }
  }
  void body(bool model) {
    tok("{");
    size_t n = pick(5);
    for (size_t i = 0; i < n; ++i) {
      if (chance(20)) {
        attribute("@@");
        continue;
      }
      tok(name());
      if (model) {
        if (chance(10)) params(false);
        field_type();
      }
      while (chance(35)) attribute("@");
    }
    tok("}");
  }
  std::string schema() {
    size_t n = 1 + pick(3);
    for (size_t i = 0; i < n; ++i) {
      if (chance(10)) {
        tok("import");
        tok("\"f\"");
        if (chance(50)) tok(";");
      }
      decl();
    }
    if (chance(30)) sep();
    return out;
  }
};
}  // namespace

TEST_CASE("fast lowering equals tree-sitter lowering on every corpus file, without fallback") {
  auto files = corpus_files();
  REQUIRE(!files.empty());
  for (const fs::path& p : files) {
    INFO(p.string());
    Outcome o = compare(read_file(p));
    CHECK(o.clean);
    CHECK(o.accepted);
  }
}

TEST_CASE("fast lowering accepts the stdlib") {
  Outcome o = compare(std::string(stdlib_text()));
  CHECK(o.accepted);
  CHECK(o.same);
}

TEST_CASE("fast lowering on the analysis fixtures: equal when accepted, declined on syntax errors") {
  auto files = files_in(source_dir() / "tests" / "data" / "analysis", false);
  REQUIRE(!files.empty());
  for (const fs::path& p : files) {
    std::string text = read_file(p);
    std::vector<std::string> texts{text};
    for (const SourceInput& f : testing::split_fixture(text)) texts.push_back(f.text);
    for (const std::string& t : texts) {
      INFO(p.string());
      Outcome o = compare(t);
      // Clean fixtures are ordinary schemas: no fallback on them either.
      CHECK(o.accepted == o.clean);
    }
  }
}

TEST_CASE("fast lowering on the schemas of the migration goldens and the examples") {
  // `-- name.zmodel --` sections of every txtar file, and every schema file under examples/.
  std::vector<std::pair<std::string, std::string>> schemas;
  std::error_code ec;
  for (const char* dir : {"tests/data/migrate", "tests/data/migrate-interop"}) {
    std::vector<fs::path> txtars;
    for (const auto& e : fs::recursive_directory_iterator(source_dir() / dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".txtar") txtars.push_back(e.path());
    std::sort(txtars.begin(), txtars.end());
    for (const fs::path& p : txtars) {
      std::string text = read_file(p);
      std::string name, body;
      auto flush = [&] {
        if (name.ends_with(".zmodel") || name.ends_with(".prisma")) schemas.emplace_back(p.string() + ":" + name, body);
        body.clear();
      };
      std::istringstream in(text);
      std::string l;
      while (std::getline(in, l)) {
        if (l.size() > 6 && l.starts_with("-- ") && l.ends_with(" --")) {
          flush();
          name = l.substr(3, l.size() - 6);
          continue;
        }
        body += l + "\n";
      }
      flush();
    }
  }
  for (const fs::path& p : files_in(source_dir() / "examples", true)) schemas.emplace_back(p.string(), read_file(p));
  REQUIRE(schemas.size() > 50);
  for (const auto& [label, text] : schemas) {
    INFO(label);
    Outcome o = compare(text);
    CHECK(o.accepted == o.clean);
  }
}

TEST_CASE("fast lowering on the grammar's test corpus") {
  std::vector<bool> from_errors;
  auto examples = grammar_examples(&from_errors);
  REQUIRE(examples.size() > 20);
  for (size_t i = 0; i < examples.size(); ++i) {
    INFO("example:\n" << examples[i]);
    Outcome o = compare(examples[i]);
    if (!from_errors[i]) CHECK(o.accepted);
  }
}

TEST_CASE("fast lowering of each construct") {
  for (const char* text : kConstructs) check_accepted(text);
}

TEST_CASE("fast lowering declines syntax errors and ambiguous keyword names") {
  for (const char* text : kRejected) check_rejected(text);
}

TEST_CASE("fast lowering leaves very deep expressions to tree-sitter") {
  auto nested = [](int depth) {
    return "model A {\n  a Int @x(" + std::string(static_cast<size_t>(depth), '(') + "1" +
           std::string(static_cast<size_t>(depth), ')') + ")\n}\n";
  };
  check_accepted(nested(100));
  Outcome deep = compare(nested(400));
  CHECK(deep.clean);
  CHECK_FALSE(deep.accepted);
}

TEST_CASE("fast lowering of larger synthetic schemas") {
  for (int models : {50, 400}) {
    INFO(models << " models");
    Outcome o = compare(synthetic_schema(models));
    CHECK(o.accepted);
    CHECK(o.same);
  }
}

TEST_CASE("fuzz: every mutation fast lowering accepts is clean and lowered identically") {
  std::vector<std::string> bases;
  for (const fs::path& p : corpus_files()) bases.push_back(read_file(p));
  for (const fs::path& p : files_in(source_dir() / "tests" / "data" / "analysis", false)) bases.push_back(read_file(p));
  bases.push_back(std::string(stdlib_text()));
  for (const char* t : kConstructs) bases.push_back(t);
  for (const std::string& e : grammar_examples()) bases.push_back(e);
  std::mt19937 gen_rng(99);
  for (int i = 0; i < 300; ++i) bases.push_back(SchemaWriter{gen_rng, {}}.schema());

  // ZEN_FAST_LOWER_FUZZ_RUNS / ZEN_FAST_LOWER_FUZZ_SEED run a longer or different fuzz by hand.
  const char* runs_env = std::getenv("ZEN_FAST_LOWER_FUZZ_RUNS");
  const char* seed_env = std::getenv("ZEN_FAST_LOWER_FUZZ_SEED");
  std::mt19937 rng(seed_env ? static_cast<unsigned>(std::strtoul(seed_env, nullptr, 10)) : 20261127u);
  const int kRuns = runs_env ? std::atoi(runs_env) : 12000;
  int accepted = 0, clean = 0;
  for (int i = 0; i < kRuns; ++i) {
    const std::string& base = bases[std::uniform_int_distribution<size_t>(0, bases.size() - 1)(rng)];
    std::string text = mutate(slice(base, rng, 1500), rng);
    INFO("mutation " << i << ":\n" << text);
    Outcome o = compare(text);
    accepted += o.accepted;
    clean += o.clean;
    if (std::getenv("ZEN_FAST_LOWER_SHOW_DECLINED") && o.clean && !o.accepted) MESSAGE("declined clean text:\n" << text);
  }
  MESSAGE("fuzz: " << accepted << " of " << kRuns << " mutations accepted, " << clean << " clean");
  // The mutations must exercise both outcomes.
  CHECK(accepted > kRuns / 10);
  CHECK(accepted < kRuns);
}

TEST_CASE("fuzz: random schemas from the grammar, with comments and docs between any tokens") {
  const char* runs_env = std::getenv("ZEN_FAST_LOWER_FUZZ_RUNS");
  const char* seed_env = std::getenv("ZEN_FAST_LOWER_FUZZ_SEED");
  std::mt19937 rng(seed_env ? static_cast<unsigned>(std::strtoul(seed_env, nullptr, 10)) : 7u);
  const int kRuns = runs_env ? std::atoi(runs_env) : 6000;
  int accepted = 0, clean = 0;
  for (int i = 0; i < kRuns; ++i) {
    std::string text = SchemaWriter{rng, {}}.schema();
    INFO("schema " << i << ":\n" << text);
    Outcome o = compare(text);
    accepted += o.accepted;
    clean += o.clean;
    if (std::getenv("ZEN_FAST_LOWER_SHOW_DECLINED") && o.clean && !o.accepted) MESSAGE("declined clean text:\n" << text);
  }
  MESSAGE("generated: " << accepted << " of " << kRuns << " schemas accepted, " << clean << " clean");
  CHECK(accepted > kRuns / 10);
}

namespace {

// Every place fast_lower_split_point could cut `text` (the start of each line after a line that
// is `}` alone), not just the one past the middle.
std::vector<uint32_t> cut_candidates(const std::string& text) {
  std::vector<uint32_t> cuts;
  size_t line = 0;
  while (line < text.size()) {
    size_t nl = text.find('\n', line);
    if (nl == std::string::npos) break;
    std::string_view l(text.data() + line, nl - line);
    if (l == "}" || l == "}\r") cuts.push_back(static_cast<uint32_t>(nl + 1));
    line = nl + 1;
  }
  return cuts;
}

// Lowering the two halves of a cut and joining them must give the whole text's lowering
// whenever both halves are accepted. Returns how many cuts had both halves accepted.
int check_cuts(const std::string& text, size_t max_cuts = SIZE_MAX) {
  std::optional<FileDecls> whole = fast_lower_range(text, 0, static_cast<uint32_t>(text.size()));
  int joined = 0;
  std::vector<uint32_t> cuts = cut_candidates(text);
  size_t step = cuts.size() > max_cuts ? cuts.size() / max_cuts : 1;
  for (size_t i = 0; i < cuts.size(); i += step) {
    uint32_t c = cuts[i];
    auto a = fast_lower_range(text, 0, c);
    auto b = fast_lower_range(text, c, static_cast<uint32_t>(text.size()));
    if (!a || !b) continue;
    ++joined;
    INFO("cut at byte " << c);
    REQUIRE(whole.has_value());
    for (auto& d : b->decls) a->decls.push_back(std::move(d));
    for (auto& e : b->extents) a->extents.push_back(e);
    for (auto& m : b->imports) a->imports.push_back(std::move(m));
    CHECK(dump(*a) == dump(*whole));
  }
  return joined;
}

}  // namespace

TEST_CASE("two halves lowered apart equal the whole, at every possible cut") {
  for (const fs::path& p : corpus_files()) {
    INFO(p.string());
    std::string text = read_file(p);
    int joined = check_cuts(text);
    // Real schemas cut cleanly between their declarations.
    if (!cut_candidates(text).empty()) CHECK(joined > 0);
  }
  check_cuts(std::string(stdlib_text()));
  for (const fs::path& p : files_in(source_dir() / "tests" / "data" / "analysis", false)) {
    INFO(p.string());
    check_cuts(read_file(p));
  }
  std::string big = synthetic_schema(400);
  CHECK(check_cuts(big, 200) > 0);
  // The file-level entry point takes the two-thread path on a schema this size and must agree
  // with tree-sitter (compare() checks that).
  REQUIRE(big.size() >= 256 * 1024);
  REQUIRE(fast_lower_split_point(big) != std::string::npos);
  Outcome o = compare(big);
  CHECK(o.same);
}

TEST_CASE("cuts inside block comments and multi-line values make a half decline") {
  // `}` alone on a line inside a block comment, and closing an object written over lines.
  std::string comment = "model A {\n  id Int @id\n}\n/*\n}\nmodel B { id Int @id }\n*/\nmodel C {\n  id Int @id\n}\n";
  std::string object = "plugin p {\n  provider = 'x'\n  options = {\n    a: 1\n}\n}\nmodel A {\n  id Int @id\n}\n";
  for (const std::string& text : {comment, object}) {
    INFO(text);
    CHECK(fast_lower_range(text, 0, static_cast<uint32_t>(text.size())).has_value());
    check_cuts(text);
  }
  // The cut after the comment's `}` line leaves an unterminated comment in the first half.
  uint32_t inside = static_cast<uint32_t>(comment.find("}\nmodel B") + 2);
  CHECK_FALSE(fast_lower_range(comment, 0, inside).has_value());
}

TEST_CASE("fuzz: cuts of mutated schemas") {
  std::vector<std::string> bases;
  for (const fs::path& p : corpus_files()) bases.push_back(read_file(p));
  std::mt19937 rng(424242u);
  for (int i = 0; i < 600; ++i) {
    const std::string& base = bases[std::uniform_int_distribution<size_t>(0, bases.size() - 1)(rng)];
    std::string text = mutate(base, rng);
    INFO("mutation " << i);
    check_cuts(text, 8);
  }
}
