// build_model on two threads (large one-shot builds) against the same build on one: the model,
// its references, the diagnostics in their order and what a Host keeps for updates must be the
// same. The schema is generated here, big enough for both threads to take many declarations,
// with resolution errors spread over it (so that both report) and the constructs whose
// references come out of position order (model attributes before fields, functions).
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/internal/fast_lower.h"
#include "analysis/internal/resolve.h"
#include "analysis/stdlib.h"

using namespace zen::analysis;

namespace {

std::string generate_schema(int models) {
  std::string s = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n\n";
  s += "type Stamp {\n  createdAt DateTime @default(now())\n}\n\n";
  s += "type Loop1 with Loop2 {\n  a Int\n}\n\ntype Loop2 with Loop1 {\n  b Int\n}\n\n";
  s += "abstract model Base {\n  id String @id @default(cuid())\n  @@index([id])\n}\n\n";
  s += "model Animal {\n  id Int @id\n  kind String\n  @@delegate(kind)\n}\n\n";
  s += "function isShort(field: String, other: M0): Boolean {\n}\n\n";
  for (int i = 0; i < models; ++i) {
    std::string n = std::to_string(i), prev = std::to_string(i > 0 ? i - 1 : 0);
    if (i % 7 == 0) {
      s += "enum E" + n + " {\n  A" + n + "\n  B" + n + "\n" + (i % 21 == 0 ? "  A" + n + "\n" : "") + "}\n\n";
    }
    if (i % 9 == 0) s += "model Dog" + n + " extends Animal {\n  name String\n}\n\n";
    s += "model M" + n + (i % 3 == 0 ? " extends Base" : "") + (i % 4 == 0 ? " with Stamp" : "") + " {\n";
    if (i % 5 == 0) s += "  @@index([title])\n";  // before the fields
    if (i % 3 != 0) s += "  id String @id @default(cuid())\n";
    s += "  title String @db.VarChar(200)" + std::string(i % 11 == 0 ? " @bogus" : "") + "\n";
    std::string e = std::to_string(i / 7 * 7);
    s += "  status E" + e + " @default(" + (i % 13 == 0 ? "Z" : "A") + e + ")\n";
    s += "  parent M" + prev + "? @relation(\"P" + n + "\", fields: [" + (i % 17 == 0 ? "nope" : "parentId") +
         "], references: [id], onDelete: Cascade)\n";
    s += "  parentId String?\n";
    s += "  children M" + std::to_string(i + 1 < models ? i + 1 : i) + "[] @relation(\"P" +
         std::to_string(i + 1 < models ? i + 1 : i) + "\")\n";
    if (i % 19 == 0) s += "  title Int\n";
    if (i % 23 == 0) s += "  other Missing" + n + "\n";
    s += "  @@allow('read', auth() != null && parent.title == title && children?[title == 'x'])\n";
    if (i % 29 == 0) s += "  @@deny('all', unknownFn(title))\n";
    s += "}\n\n";
  }
  s += "model M0 {\n  id Int @id\n}\n";  // a duplicate declaration
  return s;
}

std::string range_text(zen::TextRange r) { return std::to_string(r.start) + "-" + std::to_string(r.end); }

std::string symbol_text(const Symbol& s) {
  return std::to_string(static_cast<int>(s.kind)) + ":" + std::to_string(s.decl) + ":" + std::to_string(s.member) +
         ":" + range_text(s.binding_range);
}

void dump_expr(std::string& out, const Expr& e) {
  out += "(" + e.text + " " + symbol_text(e.target);
  for (const Expr& c : e.children) dump_expr(out, c);
  for (const Argument& a : e.args) {
    out += " " + a.name + "=";
    dump_expr(out, a.value);
  }
  out += ")";
}

void dump_apps(std::string& out, const std::vector<AttributeApp>& apps) {
  for (const AttributeApp& a : apps) {
    out += " " + a.name + " decl=" + std::to_string(a.decl) + " origin=" + std::to_string(a.origin);
    for (const Argument& arg : a.args) {
      out += " [" + std::string(arg.param) + "#" + std::to_string(arg.param_index) + " ";
      dump_expr(out, arg.value);
      out += "]";
    }
  }
  out += "\n";
}

// Everything resolution writes into a model.
std::string dump_model(const Model& m) {
  std::string out;
  for (const Decl& d : m.decls) {
    out += d.name + " #" + std::to_string(d.id) + " bases";
    for (DeclId b : d.bases) out += " " + std::to_string(b);
    out += " mixins";
    for (DeclId b : d.mixins) out += " " + std::to_string(b);
    out += " return=" + std::to_string(d.return_type_decl) + "\n";
    for (const Field& f : d.fields) {
      out += "  " + f.name + " " + std::to_string(static_cast<int>(f.type.kind)) + " " + std::to_string(f.type.decl);
      dump_apps(out, f.attributes);
    }
    for (const FieldSlot& s : d.all_fields)
      out += "  slot " + std::to_string(s.origin) + "." + std::to_string(s.member) + (s.inherited ? " inherited" : "");
    out += "\n  own";
    dump_apps(out, d.attributes);
    out += "  all";
    dump_apps(out, d.all_attributes);
    for (const EnumValue& v : d.values) dump_apps(out, v.attributes);
    for (const Param& p : d.params) out += "  param " + p.name + " " + std::to_string(p.type_decl) + "\n";
    for (const ConfigField& c : d.config) dump_expr(out, c.value);
  }
  for (const Reference& r : m.references)
    out += "ref " + std::to_string(r.file) + " " + range_text(r.range) + " " + symbol_text(r.target) + "\n";
  for (const auto& [name, id] : m.by_name_) out += "name " + name + " " + std::to_string(id) + "\n";
  out += "auth " + std::to_string(m.auth_) + "\n";
  return out;
}

std::string dump_diags(const std::vector<zen::Diagnostic>& diags) {
  std::string out;
  for (const zen::Diagnostic& d : diags) {
    out += d.code + " " + d.path + " " + range_text(d.range) + " " + d.message;
    for (const auto& r : d.related) out += " | " + r.path + " " + range_text(r.range) + " " + r.message;
    for (const auto& [k, v] : d.data) out += " | " + k + "=" + v;
    out += "\n";
  }
  return out;
}

std::string dump_state(const BuildState& s) {
  std::string out;
  for (const DiagKey& k : s.keys)
    out += "key " + std::to_string(k.phase) + " " + std::to_string(k.owner) + " " + std::to_string(k.seq) + "\n";
  for (size_t i = 0; i < s.deps.size(); ++i) {
    out += "deps " + std::to_string(i);
    for (DeclId d : s.deps[i]) out += " " + std::to_string(d);
    out += " names";
    for (DeclId d : s.name_deps[i]) out += " " + std::to_string(d);
    out += " refs " + std::to_string(s.ref_slices[i].first) + "-" + std::to_string(s.ref_slices[i].second) + "\n";
  }
  for (auto [dup, first] : s.duplicates) out += "dup " + std::to_string(dup) + " " + std::to_string(first) + "\n";
  out += "next " + std::to_string(s.next_seq) + "\n";
  return out;
}

struct Build {
  std::string model, diags, state;
  size_t diag_count = 0, references = 0;
};

// One build of `text` (lowered afresh: with `consume`, the declarations are moved into the model).
Build build(const std::string& text, size_t parallel_from, bool with_state, bool consume) {
  std::optional<FileDecls> stdlib = fast_lower_file(stdlib_text());
  std::optional<FileDecls> user = fast_lower_file(text);
  REQUIRE(stdlib);
  REQUIRE(user);
  std::vector<ResolveInput> inputs;
  inputs.push_back(ResolveInput{std::string(kStdlibPath), &*stdlib, {}, nullptr});
  inputs.push_back(ResolveInput{"/schema.zmodel", &*user, {}, consume ? &*user : nullptr});
  Model m;
  std::vector<zen::Diagnostic> diags;
  BuildState state;
  build_model(inputs, m, diags, nullptr, with_state ? &state : nullptr, parallel_from);
  return Build{dump_model(m), dump_diags(diags), with_state ? dump_state(state) : "", diags.size(),
               m.references.size()};
}

}  // namespace

TEST_CASE("a build on two threads gives what a build on one gives") {
  const std::string text = generate_schema(600);
  for (bool with_state : {false, true}) {
    for (bool consume : {false, true}) {
      INFO("with_state=" << with_state << " consume=" << consume);
      Build one = build(text, SIZE_MAX, with_state, consume);
      // Every kind of resolution error is there, and references from everywhere.
      for (const char* code : {"unknown-type", "unknown-attribute", "unknown-function", "unresolved-reference",
                               "duplicate-field", "duplicate-enum-value", "duplicate-declaration",
                               "cyclic-mixin"})
        CHECK_MESSAGE(one.diags.find(std::string(code) + " ") != std::string::npos, code);
      CHECK(one.references > 10000);
      // From 0 bytes on: two threads whatever the size. How the declarations are shared
      // between them depends on the scheduler (on a busy machine the second one may start
      // late and take none): a few builds.
      for (int run = 0; run < 3; ++run) {
        Build two = build(text, 0, with_state, consume);
        CHECK(two.diag_count == one.diag_count);
        CHECK(two.diags == one.diags);
        CHECK(two.model == one.model);
        CHECK(two.state == one.state);
      }
    }
  }
}

TEST_CASE("small schemas build on two threads too") {
  // Fewer declarations than one thread takes at a time: the other finds nothing left.
  const std::string text = generate_schema(2);
  Build one = build(text, SIZE_MAX, true, false);
  Build two = build(text, 0, true, false);
  CHECK(two.diags == one.diags);
  CHECK(two.model == one.model);
  CHECK(two.state == one.state);
}
