// Incremental re-analysis: after each of many edits (insertions, deletions, doc comments,
// breaking and repairing syntax, renames, whole declarations, settings), Host's result equals a
// fresh one-shot analysis of the same texts: every diagnostic field, every declaration with its
// ranges and resolution (ids, members, inherited slots), and every reference.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include "analysis/analysis.h"
#include "resolve_fixture.h"

using namespace zen::analysis;
namespace fs = std::filesystem;

namespace {

// ----- A dump of everything an analysis holds, ids and ranges included.

std::string rng_str(zen::TextRange r) { return std::to_string(r.start) + "-" + std::to_string(r.end); }

std::string sym(const Symbol& s) {
  return std::to_string(static_cast<int>(s.kind)) + ":" + std::to_string(s.decl) + ":" + std::to_string(s.member) +
         (s.kind == SymbolKind::Binding ? ":" + rng_str(s.binding_range) : "");
}

void dump_expr(std::string& s, const Expr& e);

void dump_args(std::string& s, const std::vector<Argument>& args) {
  for (const Argument& a : args) {
    s += " arg(" + a.name + "@" + rng_str(a.name_range) + " " + rng_str(a.range) + " param=" + std::string(a.param) + "#" +
         std::to_string(a.param_index) + " ";
    dump_expr(s, a.value);
    s += ")";
  }
}

void dump_expr(std::string& s, const Expr& e) {
  s += "{" + std::to_string(static_cast<int>(e.kind)) + " " + rng_str(e.range) + " `" + e.text + "` " +
       rng_str(e.name_range) + " ->" + sym(e.target);
  if (!e.binding.empty()) s += " bind " + e.binding + "@" + rng_str(e.binding_range);
  for (const Expr& c : e.children) dump_expr(s, c);
  dump_args(s, e.args);
  s += "}";
}

void dump_apps(std::string& s, const std::vector<AttributeApp>& apps) {
  for (const AttributeApp& a : apps) {
    s += "    " + a.name + " " + rng_str(a.range) + " " + rng_str(a.name_range) + " decl=" + std::to_string(a.decl) +
         " origin=" + std::to_string(a.origin);
    dump_args(s, a.args);
    s += "\n";
  }
}

std::string dump_all(const Analysis& a) {
  const Model& m = a.model;
  std::string s;
  for (const SourceFile& f : m.files) {
    s += "file " + f.path;
    for (FileId i : f.imports) s += " " + std::to_string(i);
    s += "\n";
  }
  for (const Decl& d : m.decls) {
    if (d.is_stdlib()) continue;
    s += std::string(decl_kind_name(d.kind)) + " " + d.name + " #" + std::to_string(d.id) + " file " +
         std::to_string(d.file) + " " + rng_str(d.range) + " " + rng_str(d.name_range) + " doc=" + d.doc +
         (d.is_abstract ? " abstract" : "") + (d.is_mutation ? " mutation" : "") + "\n";
    for (const Field& f : d.fields) {
      s += "  field " + f.name + " " + rng_str(f.range) + " " + rng_str(f.name_range) + " doc=" + f.doc + " type " +
           std::to_string(static_cast<int>(f.type.kind)) + " " + f.type.name + " decl=" + std::to_string(f.type.decl) +
           (f.type.optional ? "?" : "") + (f.type.list ? "[]" : "") + " " + rng_str(f.type.range) + " " +
           rng_str(f.type.name_range) + " owner=" + std::to_string(f.owner) + " file=" + std::to_string(f.file) + "\n";
      dump_apps(s, f.attributes);
    }
    for (size_t i = 0; i < d.base_names.size(); ++i) s += "  extends " + d.base_names[i] + "\n";
    for (DeclId b : d.bases) s += "  base #" + std::to_string(b) + "\n";
    for (size_t i = 0; i < d.mixin_names.size(); ++i) s += "  with " + d.mixin_names[i] + "\n";
    for (DeclId b : d.mixins) s += "  mixin #" + std::to_string(b) + "\n";
    for (const FieldSlot& slot : d.all_fields)
      s += "  slot " + slot.field->name + " " + std::to_string(slot.origin) + "." + std::to_string(slot.member) +
           (slot.inherited ? " inherited" : "") + (slot.field == &m.decl(slot.origin).fields[slot.member] ? "" : " BAD") +
           "\n";
    s += "  attributes\n";
    dump_apps(s, d.attributes);
    s += "  all attributes\n";
    dump_apps(s, d.all_attributes);
    for (const EnumValue& v : d.values) {
      s += "  value " + v.name + " " + rng_str(v.range) + " " + rng_str(v.name_range) + " doc=" + v.doc + "\n";
      dump_apps(s, v.attributes);
    }
    for (const Param& p : d.params) {
      s += "  param " + p.name + " " + rng_str(p.range) + " " + p.type + " " + rng_str(p.type_range) +
           " decl=" + std::to_string(p.type_decl) + "\n";
      dump_apps(s, p.attributes);
    }
    if (!d.return_type.empty())
      s += "  returns " + d.return_type + " " + rng_str(d.return_type_range) + " decl=" +
           std::to_string(d.return_type_decl) + "\n";
    for (const ConfigField& c : d.config) {
      s += "  config " + c.name + " " + rng_str(c.range) + " ";
      dump_expr(s, c.value);
      s += "\n";
    }
  }
  auto list = [&](const char* name, const std::vector<DeclId>& ids) {
    s += name;
    for (DeclId id : ids) s += " " + std::to_string(id);
    s += "\n";
  };
  list("models", m.models);
  list("views", m.views);
  list("types", m.type_defs);
  list("enums", m.enums);
  list("generators", m.generators);
  list("plugins", m.plugins);
  list("functions", m.functions);
  list("procedures", m.procedures);
  list("datasources", m.datasources);
  if (m.datasource) {
    s += "datasource " + m.datasource->name + " " + m.datasource->provider_text + " #" +
         std::to_string(m.datasource->decl) + (m.datasource->url ? " url=" + m.datasource->url->name : "") + "\n";
    for (const auto& sc : m.datasource->schemas) s += "  schema " + sc + "\n";
  }
  s += "auth " + (m.auth_decl() ? m.auth_decl()->name : std::string("-")) + "\n";
  for (const auto& [name, id] : m.by_name_) s += "name " + name + " " + std::to_string(id) + "\n";
  for (const auto& r : m.references) s += "ref " + std::to_string(r.file) + " " + rng_str(r.range) + " " + sym(r.target) + "\n";
  for (const auto& d : a.diagnostics) {
    s += zen::analysis::testing::describe(d) + (d.unnecessary ? " unnecessary" : "") +
         (d.deprecated ? " deprecated" : "") + "\n";
    for (const auto& r : d.related) s += "  related " + r.path + " " + rng_str(r.range) + " " + r.message + "\n";
    for (const auto& [k, v] : d.data) s += "  data " + k + "=" + v + "\n";
  }
  return s;
}

// ----- Workspaces and edits

struct Workspace {
  std::string name;
  std::vector<SourceInput> files;  // files[0] is the entry
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Each edit is applied to the workspace as the previous ones left it; after each one the Host's
// analysis must equal a fresh one. Every few edits the previous snapshot is kept alive, so the
// Host cannot reuse its storage.
void check_edits(Workspace ws, const std::function<std::pair<size_t, TextEdit>(const Workspace&)>& next_edit,
                 int count) {
  Host host;
  for (const auto& f : ws.files) host.set_file_text(f.path, f.text);
  const std::string entry = ws.files[0].path;
  std::shared_ptr<const Analysis> held = host.analyze(entry);
  for (int i = 0; i < count; ++i) {
    auto [file, e] = next_edit(ws);
    std::string& text = ws.files[file].text;
    REQUIRE(e.range.start <= e.range.end);
    REQUIRE(e.range.end <= text.size());
    REQUIRE(host.apply_edit(ws.files[file].path, e));
    text.replace(e.range.start, e.range.end - e.range.start, e.new_text);
    auto incremental = host.analyze(entry);
    if (i % 5 == 0) held = incremental;
    auto fresh = analyze(ws.files, entry);
    INFO(ws.name << ": edit " << i << " in " << ws.files[file].path << " replaced " << e.range.start << ".."
                  << e.range.end << " with `" << e.new_text << "`");
    std::string a = dump_all(*incremental), b = dump_all(fresh);
    if (a != b) {
      // One report per workspace is enough to debug (the rest would repeat it): the first
      // line that differs, and the edited text.
      std::istringstream sa(a), sb(b);
      std::string la, lb;
      while (std::getline(sa, la) && std::getline(sb, lb) && la == lb) {
      }
      INFO("text:\n" << text);
      INFO("incremental: " << la << "\nfresh:       " << lb);
      CHECK(a == b);
      return;
    }
  }
}

TextEdit at(const std::string& text, std::string_view needle, size_t offset, size_t remove, std::string insert) {
  size_t p = text.find(needle);
  REQUIRE(p != std::string::npos);
  uint32_t s = static_cast<uint32_t>(p + offset);
  return TextEdit{{s, static_cast<uint32_t>(s + remove)}, std::move(insert)};
}

// Random edits of the kinds people make, biased towards ones that change resolution and
// validation: single characters, whole tokens, renames to names in use, optional/list
// markers, attributes, deleted and duplicated lines and declarations, other providers.
class EditMaker {
 public:
  explicit EditMaker(uint32_t seed) : rng_(seed) {}

  std::pair<size_t, TextEdit> operator()(const Workspace& ws) {
    size_t file = rng_() % ws.files.size();
    const std::string& t = ws.files[file].text;
    return {file, make(t)};
  }

 private:
  std::mt19937 rng_;

  uint32_t pick(size_t n) { return n == 0 ? 0 : static_cast<uint32_t>(rng_() % n); }

  // Start offsets of every identifier in the text.
  static std::vector<std::pair<uint32_t, uint32_t>> identifiers(const std::string& t) {
    std::vector<std::pair<uint32_t, uint32_t>> out;
    for (size_t i = 0; i < t.size();) {
      if (std::isalpha(static_cast<unsigned char>(t[i])) || t[i] == '_') {
        size_t j = i;
        while (j < t.size() && (std::isalnum(static_cast<unsigned char>(t[j])) || t[j] == '_')) ++j;
        out.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
        i = j;
      } else {
        ++i;
      }
    }
    return out;
  }

  // Offsets of every line start.
  static std::vector<uint32_t> lines(const std::string& t) {
    std::vector<uint32_t> out{0};
    for (size_t i = 0; i < t.size(); ++i)
      if (t[i] == '\n') out.push_back(static_cast<uint32_t>(i + 1));
    return out;
  }

  TextEdit make(const std::string& t) {
    static const char* kTokens[] = {" String", " Int", "?", "[]", " @unique", " @id", " @default(1)",
                                    " @default(\"x\")", " @default(autoincrement())", " @updatedAt",
                                    " @relation(fields: [id], references: [id])", " @relation(\"r\")",
                                    "\n  @@auth\n", "\n  @@delegate(id)\n", " extends ", "\n  @@unique([id])\n",
                                    "\n  @@index([id, name])\n", "\n  @@allow('read', true)\n",
                                    "\n  @@deny('all', auth() == null)\n", " @map(\"m\")", "\n  @@schema(\"s\")\n",
                                    " @db.VarChar(10)", "\n  ref Ref\n", "\nmodel Ref {\n  id Int @id\n}\n",
                                    "\nenum Role {\n  A\n  B\n}\n", "\ntype Mixin {\n  x Int\n}\n", " with Mixin",
                                    "\n  @@map(\"t\")\n", "\nabstract model Base {\n  id Int @id\n}\n",
                                    "{", "}", "(", ")", "\"", "//", "/*", "*/", "\n/// doc\n"};
    static const char* kProviders[] = {"\"postgresql\"", "\"sqlite\"", "\"mysql\"", "\"mongodb\"", "\"sqlserver\"",
                                       "\"nope\"", "env(\"X\")"};
    uint32_t n = static_cast<uint32_t>(t.size());
    auto ids = identifiers(t);
    auto starts = lines(t);
    switch (pick(12)) {
      case 0: {  // one character in or out
        uint32_t p = pick(n + 1);
        if (p < n && pick(2) == 0) return {{p, p + 1}, ""};
        static const std::string kChars = "a{}()@ \n/\"?[].,=x";
        return {{p, p}, std::string(1, kChars[pick(kChars.size())])};
      }
      case 1:
      case 2: {  // a token at a word boundary
        uint32_t p = ids.empty() ? pick(n + 1) : (pick(2) ? ids[pick(ids.size())].second : ids[pick(ids.size())].first);
        std::string tok = kTokens[pick(std::size(kTokens))];
        if (tok == " extends " || tok == " with Mixin") tok += ids.empty() ? "X" : t.substr(ids[pick(ids.size())].first, ids[pick(ids.size())].second - ids[pick(ids.size())].first);
        return {{p, p}, tok};
      }
      case 3:
      case 4: {  // rename: an identifier becomes another one in the text, or gets a suffix
        if (ids.empty()) break;
        auto [s, e] = ids[pick(ids.size())];
        if (pick(3) == 0) return {{e, e}, "x"};
        auto [s2, e2] = ids[pick(ids.size())];
        return {{s, e}, t.substr(s2, e2 - s2)};
      }
      case 5: {  // delete or duplicate a line
        uint32_t l = pick(starts.size());
        uint32_t s = starts[l], e = l + 1 < starts.size() ? starts[l + 1] : n;
        if (pick(2) == 0) return {{s, e}, ""};
        return {{e, e}, t.substr(s, e - s) + (e == n ? "\n" : "")};
      }
      case 6: {  // delete or duplicate a declaration
        size_t s = t.find("\n", pick(n + 1));
        if (s == std::string::npos) break;
        size_t open = t.find('{', s);
        size_t close = open == std::string::npos ? open : t.find("\n}", open);
        if (close == std::string::npos) break;
        close += 2;
        if (pick(2) == 0) return {{static_cast<uint32_t>(s), static_cast<uint32_t>(close)}, ""};
        return {{static_cast<uint32_t>(close), static_cast<uint32_t>(close)}, t.substr(s, close - s)};
      }
      case 7: {  // another provider
        size_t p = t.find("provider");
        if (p == std::string::npos) break;
        size_t eq = t.find('=', p), eol = t.find('\n', p);
        if (eq == std::string::npos || eol == std::string::npos || eq > eol) break;
        return {{static_cast<uint32_t>(eq + 1), static_cast<uint32_t>(eol)}, std::string(" ") + kProviders[pick(std::size(kProviders))]};
      }
      case 8: {  // a field of some declared type at the start of a body line
        if (ids.empty()) break;
        size_t open = t.find("{\n", pick(n + 1));
        if (open == std::string::npos) break;
        auto [s, e] = ids[pick(ids.size())];
        std::string field = "  f" + std::to_string(pick(100)) + " " + t.substr(s, e - s) + (pick(2) ? "?" : pick(2) ? "[]" : "") + "\n";
        return {{static_cast<uint32_t>(open + 2), static_cast<uint32_t>(open + 2)}, field};
      }
      case 9: {  // a `?` or `[]` in or out after a type
        if (ids.empty()) break;
        auto [s, e] = ids[pick(ids.size())];
        if (e < n && t[e] == '?') return {{e, e + 1}, ""};
        if (e + 1 < n && t[e] == '[' && t[e + 1] == ']') return {{e, e + 2}, ""};
        return {{e, e}, pick(2) ? "?" : "[]"};
      }
      case 10: {  // a range of a few characters replaced
        uint32_t p = pick(n + 1);
        uint32_t e = std::min(n, p + pick(6));
        return {{p, e}, pick(2) ? "" : std::string(kTokens[pick(std::size(kTokens))])};
      }
      default: {  // remove an attribute
        size_t at = t.find('@', pick(n + 1));
        if (at == std::string::npos) break;
        size_t e = at + 1;
        while (e < t.size() && (std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '@' || t[e] == '.')) ++e;
        if (e < t.size() && t[e] == '(') {
          int depth = 0;
          for (; e < t.size(); ++e) {
            if (t[e] == '(') ++depth;
            if (t[e] == ')' && --depth == 0) {
              ++e;
              break;
            }
            if (t[e] == '\n') break;
          }
        }
        return {{static_cast<uint32_t>(at), static_cast<uint32_t>(e)}, ""};
      }
    }
    uint32_t p = pick(n + 1);
    return {{p, p}, " "};
  }
};

// ZEN_TEST_EDIT_SCALE=N runs N times as many random edits, ZEN_TEST_EDIT_SEED=S other ones
// (a longer hunt for cache bugs than the default run).
int edit_scale() {
  const char* s = std::getenv("ZEN_TEST_EDIT_SCALE");
  int n = s ? std::atoi(s) : 1;
  return n > 0 ? n : 1;
}
uint32_t edit_seed() {
  const char* s = std::getenv("ZEN_TEST_EDIT_SEED");
  return s ? static_cast<uint32_t>(std::strtoul(s, nullptr, 10)) * 7919 : 0;
}

Workspace load_corpus(const std::string& name) {
  fs::path p = fs::path(ZEN_SOURCE_DIR) / "tests/data/corpus" / name;
  Workspace ws;
  ws.name = name;
  if (fs::is_directory(p)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(p))
      if (e.path().extension() == ".zmodel") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    // The entry is schema.zmodel when there is one.
    std::stable_partition(files.begin(), files.end(), [](const fs::path& f) { return f.filename() == "schema.zmodel"; });
    for (const auto& f : files) ws.files.push_back({"/" + fs::relative(f, p).generic_string(), read(f)});
  } else {
    ws.files.push_back({"/" + name, read(p)});
  }
  return ws;
}

// A fixed sequence of edits of one file, each written against the text the ones before left.
struct EditScript {
  std::string original;
  std::string text;  // after the edits pushed so far
  std::vector<TextEdit> edits;

  explicit EditScript(std::string start) : original(start), text(std::move(start)) {}
  void push(TextEdit e) {
    text.replace(e.range.start, e.range.end - e.range.start, e.new_text);
    edits.push_back(std::move(e));
  }
  /// Applies the edits in order, checking each result against a fresh analysis.
  void check(const std::string& name) const {
    size_t i = 0;
    check_edits(Workspace{name, {{"/s.zmodel", original}}},
                [&](const Workspace&) { return std::make_pair(size_t{0}, edits[i++]); }, static_cast<int>(edits.size()));
  }
};

}  // namespace

TEST_CASE("edits inside, between and around declarations") {
  std::string text =
      "/// Users.\nmodel User {\n  id Int @id\n  name String\n  posts Post[]\n}\n\n"
      "model Post {\n  id Int @id\n  author User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n\n"
      "enum Role { A B }\n";
  EditScript script(text);
  script.push(at(script.text, "name String", 0, 0, "x"));               // rename a field: xname
  script.push(at(script.text, "/// Users.", 4, 5, "People"));           // change a doc comment
  script.push(at(script.text, "enum Role", 0, 0, "/// Roles.\n"));      // add a doc comment before a decl
  script.push(at(script.text, "model Post", 0, 0, "model Tag { id Int @id }\n\n"));  // insert a declaration
  script.push(at(script.text, "references: [id]", 13, 2, "idd"));       // break a reference
  script.push(at(script.text, "model Tag {", 10, 1, ""));               // syntax error: drop a brace
  script.push(at(script.text, "model Tag ", 10, 0, "{"));               // repair it
  script.push(at(script.text, "model User", 6, 4, "Person"));           // rename a model used elsewhere
  script.push(at(script.text, "enum Role", 0, 0, "datasource db {\n  provider = \"sqlite\"\n}\n"));
  script.push(at(script.text, "\"sqlite\"", 1, 6, "postgresql"));       // another provider
  script.push(at(script.text, "  xname", 0, 0, "  @@auth\n"));           // an auth model
  script.push(at(script.text, "model Tag", 0, 0, "abstract model Base {\n  createdAt DateTime\n}\n"));
  script.push(at(script.text, "model Tag {", 9, 0, " extends Base"));   // inherit
  script.push(at(script.text, "createdAt", 0, 0, "id Int @id\n  "));     // the base changes: Tag's duplicate id
  script.push(at(script.text, "abstract model", 0, 9, ""));             // not abstract any more
  script.check("fixed");
}

TEST_CASE("edits along inheritance chains and cycles") {
  std::string text =
      "datasource db {\n  provider = \"postgresql\"\n}\n\n"
      "abstract model A {\n  id Int @id\n  @@index([id])\n}\n\n"
      "model B extends A {\n  b Int\n  @@delegate(kind)\n  kind String\n}\n\n"
      "model C extends B {\n  c Int\n  @@allow('read', a > 0)\n}\n\n"
      "type M {\n  m Int\n}\n\ntype N with M {\n  n Int\n}\n\nmodel D with N {\n  id Int @id\n  @@allow('read', m > 0)\n}\n";
  EditScript script(text);
  script.push(at(script.text, "  id Int @id\n  @@index", 0, 0, "  a Int\n"));     // C's policy finds `a` two levels up
  script.push(at(script.text, "  a Int\n", 2, 1, "x"));                             // and loses it
  script.push(at(script.text, "  m Int", 2, 0, "x"));                               // D's mixin of a mixin changes
  script.push(at(script.text, "  xm Int", 2, 1, ""));
  script.push(at(script.text, "@@index([id])", 0, 0, "c Int\n  "));                 // C inherits `c` twice now
  script.push(at(script.text, "abstract model A {", 16, 0, " extends C"));          // a cycle through three models
  script.push(at(script.text, "  b Int", 2, 1, "bb"));                              // an edit inside the cycle
  script.push(at(script.text, "model A extends C", 7, 10, ""));                     // and out of it again
  script.push(at(script.text, "@@delegate(kind)", 0, 16, ""));                      // B is no delegate any more
  script.check("inheritance");
}

// Arguments view their parameter's name in the attribute declaration: edits of a user-declared
// attribute must leave no argument viewing a name that changed.
TEST_CASE("edits of user-declared attributes and their uses") {
  std::string text =
      "attribute @@tag(_ label: String, weight: Int?)\n\n"
      "attribute @note(_ text: String)\n\n"
      "model A {\n  id Int @id @note(\"a\")\n  @@tag(\"x\", weight: 1)\n}\n\n"
      "model B {\n  id Int @id @note(text: \"b\")\n  @@tag(label: \"y\")\n}\n";
  EditScript script(text);
  script.push(at(script.text, "_ label", 2, 5, "name"));                       // the positional parameter renamed
  script.push(at(script.text, "weight: Int?", 0, 6, "w"));                     // A's `weight:` matches nothing now
  script.push(at(script.text, "_ text", 2, 4, "body"));                        // B's `text:` matches nothing now
  script.push(at(script.text, "attribute @note", 0, 0, "/// Notes.\n"));        // everything after moves
  script.push(at(script.text, "_ body", 0, 2, ""));                            // not positional any more
  script.push(at(script.text, "@@tag(label", 6, 5, "name"));                   // B names the renamed parameter
  script.push(at(script.text, "attribute @@tag", 0, 0, "attribute @@other(_ label: String)\n\n"));
  script.push(at(script.text, "@@tag(_ name", 2, 3, "other"));                 // A and B now apply an unknown one
  script.check("attributes");
}

TEST_CASE("random edits on corpus schemas") {
  const char* kSchemas[] = {"zenstackhq__zenstack__todo-sample.zmodel", "zenstackhq__zenstack__delegate.zmodel",
                            "zenstackhq__zenstack__typing.zmodel", "zenstackhq__zenstack__procedures.zmodel",
                            "zenstackhq__zenstack__doc-multifile", "zenstackhq__sample-multiple-schema__multi/zmodel",
                            "langfuse__langfuse__schema.prisma", "prisma__prisma-engines__multiple-schemas-valid.prisma"};
  uint32_t seed = 1 + edit_seed();
  for (const char* name : kSchemas) {
    Workspace ws = load_corpus(name);
    if (ws.files.empty() || ws.files[0].text.empty()) continue;
    // Big schemas get fewer edits (each one is compared with a fresh analysis).
    size_t size = 0;
    for (const auto& f : ws.files) size += f.text.size();
    int count = (size > 20000 ? 60 : 250) * edit_scale();
    EditMaker maker(seed++);
    check_edits(ws, std::ref(maker), count);
  }
}

TEST_CASE("random edits on invalid fixtures") {
  std::vector<fs::path> fixtures;
  for (const auto& e : fs::directory_iterator(fs::path(ZEN_SOURCE_DIR) / "tests/data/analysis"))
    if (e.path().extension() == ".zmodel") fixtures.push_back(e.path());
  std::sort(fixtures.begin(), fixtures.end());
  REQUIRE(!fixtures.empty());
  uint32_t seed = 1000 + edit_seed();
  for (const auto& p : fixtures) {
    Workspace ws;
    ws.name = p.filename().string();
    ws.files = zen::analysis::testing::split_fixture(read(p));
    EditMaker maker(seed++);
    check_edits(ws, std::ref(maker), 12 * edit_scale());
  }
}

TEST_CASE("random single-character edits on a corpus schema") {
  Workspace ws = load_corpus("zenstackhq__zenstack__todo-sample.zmodel");
  if (ws.files[0].text.empty()) return;
  std::mt19937 rng(42);
  const std::string alphabet = "a{}()@ \n/\"";
  check_edits(ws, [&](const Workspace& w) {
    const std::string& t = w.files[0].text;
    uint32_t pos = static_cast<uint32_t>(rng() % (t.size() + 1));
    if (rng() % 2 == 0 || pos == t.size()) return std::make_pair(size_t{0}, TextEdit{{pos, pos}, std::string(1, alphabet[rng() % alphabet.size()])});
    return std::make_pair(size_t{0}, TextEdit{{pos, pos + 1}, ""});
  }, 40);
}

TEST_CASE("hosts without trees or kept declarations give the same analyses") {
  Workspace ws = load_corpus("zenstackhq__zenstack__doc-multifile");
  REQUIRE(ws.files.size() > 1);
  const std::string entry = ws.files[0].path;
  for (bool trees : {false, true}) {
    for (bool keep : {false, true}) {
      INFO("keep_syntax_trees=" << trees << " keep_declarations=" << keep);
      Workspace w = ws;
      Host host(HostOptions{.keep_syntax_trees = trees, .keep_declarations = keep});
      for (const auto& f : w.files) host.set_file_text(f.path, f.text);
      CHECK(dump_all(*host.analyze(entry)) == dump_all(analyze(w.files, entry)));
      // Edits, in the entry and in an imported file, then analyses again (a file lowered
      // without a tree is parsed when first edited; moved-out declarations are lowered again).
      EditMaker maker(77);
      for (int i = 0; i < 20; ++i) {
        auto [file, e] = maker(w);
        REQUIRE(host.apply_edit(w.files[file].path, e));
        w.files[file].text.replace(e.range.start, e.range.end - e.range.start, e.new_text);
        if (i % 4 == 3) CHECK(dump_all(*host.analyze(entry)) == dump_all(analyze(w.files, entry)));
      }
      CHECK(*host.file_text(w.files[1].path) == w.files[1].text);
    }
  }
}
