// The semantic model as consumers see it: field order with inheritance, inherited model
// attributes, attribute arguments matched to parameters, datasource config, meta-attribute
// queries, the reference list, the embedded stdlib, and incremental re-analysis.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "analysis/analysis.h"
#include "analysis/stdlib.h"
#include "resolve_fixture.h"

using namespace zen::analysis;
using zen::analysis::testing::dump_decl;

namespace {

Analysis run(std::string_view text) { return analyze({{"/schema.zmodel", std::string(text)}}, "/schema.zmodel"); }

std::string dump(const Analysis& a, std::string_view name) {
  const Decl* d = a.model.find(name);
  return d ? dump_decl(a.model, *d) : "<missing " + std::string(name) + ">";
}

}  // namespace

TEST_CASE("all_fields: mixin fields, then base fields, then own fields") {
  auto a = run(R"(
type Timestamps { createdAt DateTime @default(now()) updatedAt DateTime @updatedAt }
type Owned { ownerId Int }
model Asset with Timestamps {
  id Int @id
  kind String
  @@delegate(kind)
  @@index([kind])
  @@map("assets")
  @@schema("s1")
}
model Video extends Asset with Owned {
  url String
  @@schema("s2")
}
)");
  CHECK(dump(a, "Video") ==
        "model Video\n"
        "  ownerId Int <Owned\n"
        "  createdAt DateTime <Timestamps @default(value=now{function now}())\n"
        "  updatedAt DateTime <Timestamps @updatedAt\n"
        "  id Int <Asset @id\n"
        "  kind String <Asset\n"
        "  url String\n"
        "  @@schema(map=\"s2\")\n");
}

TEST_CASE("v2 abstract inheritance copies fields and attributes except @@map and @@delegate") {
  auto a = run(R"(
abstract model Base {
  id String @id @default(cuid())
  tenant String
  @@allow('read', tenant == 'x')
  @@index([tenant])
  @@map("base")
}
model Post extends Base {
  title String
}
)");
  const Decl* base = a.model.find_model("Base");
  REQUIRE(base);
  CHECK(base->is_abstract);
  CHECK(dump(a, "Post") ==
        "model Post\n"
        "  id String <Base @id @default(value=cuid{function cuid}())\n"
        "  tenant String <Base\n"
        "  title String\n"
        "  @@allow(operation=\"read\", condition=(tenant{Base.tenant} == \"x\")) <Base\n"
        "  @@index(fields=[tenant{Base.tenant}]) <Base\n");
}

TEST_CASE("attribute arguments are matched to parameters") {
  auto a = run(R"(
enum Kind { A B }
model User {
  id Int @id @default(autoincrement())
  name String @db.VarChar(255) @map("user_name")
  kind Kind @default(A)
  posts Post[]
  @@unique(name: "uniq", fields: [name, kind])
  @@index([name(sort: Desc)], map: "idx", type: Hash)
}
model Post {
  id Int @id
  author User @relation("authored", fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int
}
)");
  CHECK(dump(a, "User") ==
        "model User\n"
        "  id Int @id @default(value=autoincrement{function autoincrement}())\n"
        "  name String @db.VarChar(x=255) @map(name=\"user_name\")\n"
        "  kind Kind @default(value=A{Kind.A})\n"
        "  posts Post[]\n"
        "  @@unique(name=\"uniq\", fields=[name{User.name}, kind{User.kind}])\n"
        "  @@index(fields=[name{User.name}(sort:Desc{SortOrder.Desc})], map=\"idx\", type=Hash{IndexType.Hash})\n");
  const Decl* post = a.model.find_model("Post");
  REQUIRE(post);
  const AttributeApp* rel = post->find_field("author")->field->find_attribute("@relation");
  REQUIRE(rel);
  CHECK(rel->arg("name")->value.as_string() == "authored");
  CHECK(rel->first()->value.as_string() == "authored");
  const auto& refs = rel->arg("references")->value.items();
  REQUIRE(refs.size() == 1);
  const Field* target = a.model.field(refs[0].target);
  REQUIRE(target);
  CHECK(target->name == "id");
  CHECK(a.model.decl(target->owner).name == "User");
  CHECK(a.model.enum_value(rel->arg("onDelete")->value.target)->name == "Cascade");
  CHECK(a.model.attribute_decl(*rel)->name == "@relation");
}

TEST_CASE("datasource, generators and plugins") {
  auto a = run(R"(
datasource db {
  provider = "postgresql"
  url = env("DATABASE_URL")
  shadowDatabaseUrl = "postgres://shadow"
  schemas = ["public", "auth"]
  defaultSchema = "public"
  relationMode = "prisma"
  extensions = [citext, postgis(version: "3.1")]
}
generator client { provider = "prisma-client-js" previewFeatures = ["views"] }
plugin zod { provider = "@core/zod" }
)");
  REQUIRE(a.model.datasource);
  const Datasource& ds = *a.model.datasource;
  CHECK(ds.provider == zen::Provider::Postgresql);
  REQUIRE(ds.url);
  CHECK(ds.url->value.env_var() == "DATABASE_URL");
  REQUIRE(ds.shadow_database_url);
  CHECK(ds.shadow_database_url->value.as_string() == "postgres://shadow");
  CHECK(ds.schemas == std::vector<std::string>{"public", "auth"});
  CHECK(ds.default_schema == "public");
  CHECK(ds.relation_mode == "prisma");
  REQUIRE(ds.extensions);
  REQUIRE(ds.extensions->value.items().size() == 2);
  CHECK(ds.extensions->value.items()[1].is_call("postgis"));
  CHECK(ds.extensions->value.items()[1].arg("version")->value.as_string() == "3.1");
  REQUIRE(a.model.generators.size() == 1);
  CHECK(a.model.decl(a.model.generators[0]).find_config("previewFeatures")->value.items()[0].as_string() == "views");
  REQUIRE(a.model.plugins.size() == 1);
  CHECK(a.model.decl(a.model.plugins[0]).find_config("provider")->value.as_string() == "@core/zod");
}

TEST_CASE("stdlib declarations and meta-attribute queries") {
  auto a = run("model A { id Int @id }\n");
  const Decl* updated_at = a.model.find_attribute_decl("@updatedAt");
  REQUIRE(updated_at);
  CHECK(updated_at->is_stdlib());
  CHECK(a.model.target_fields(*updated_at) == std::vector<std::string>{"DateTimeField"});
  CHECK(updated_at->has_attribute("@@@prisma"));
  CHECK(!updated_at->doc.empty());
  const Decl* id = a.model.find_attribute_decl("@id");
  REQUIRE(id);
  CHECK(id->has_attribute("@@@once"));
  const Decl* now = a.model.find_function("now");
  REQUIRE(now);
  CHECK(a.model.expression_contexts(*now) == std::vector<std::string>{"DefaultValue", "AccessPolicy", "ValidationRule"});
  CHECK(a.model.expression_contexts(*a.model.find_function("env")).empty());
  const Decl* deleted_at = a.model.find_attribute_decl("@deletedAt");
  REQUIRE(deleted_at);
  CHECK(deleted_at->has_attribute("@@@onceInModel"));
  const Decl* relation = a.model.find_attribute_decl("@relation");
  REQUIRE(relation);
  const Param* refs = relation->find_param("references");
  REQUIRE(refs);
  CHECK(refs->type == "TransitiveFieldReference");
  CHECK(refs->list);
  CHECK(refs->optional);
  CHECK(!refs->positional);
  CHECK(relation->params[0].positional);
  // v2-only declarations are there too.
  CHECK(a.model.find_attribute_decl("@password"));
  CHECK(a.model.find_function("future"));
  CHECK(a.model.find_attribute_decl("@@allow"));
  // stdlib enums are not user enums.
  CHECK(a.model.enums.empty());
  CHECK(a.model.find_enum("ReferentialAction"));
}

TEST_CASE("the embedded stdlib matches stdlib.zmodel and has no diagnostics") {
  std::ifstream in(std::string(ZEN_SOURCE_DIR) + "/src/analysis/stdlib.zmodel", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const char* update = std::getenv("ZEN_UPDATE_EXPECT");
  if (s.str() != stdlib_text() && update && std::string(update) == "1") {
    // Regenerate stdlib_text.cpp from stdlib.zmodel; rebuild and rerun afterwards.
    std::ofstream out(std::string(ZEN_SOURCE_DIR) + "/src/analysis/stdlib_text.cpp", std::ios::binary);
    out << "// Generated from stdlib.zmodel; do not edit. Regenerate with\n"
           "// `ZEN_UPDATE_EXPECT=1 build/tests/analysis_tests -tc='*stdlib*'` (tests/analysis/model_test.cpp checks it).\n"
           "#include \"analysis/stdlib.h\"\n\nnamespace zen::analysis {\n\nstd::string_view stdlib_text() {\n"
           "  static constexpr std::string_view kText = R\"zmodel("
        << s.str() << ")zmodel\";\n  return kText;\n}\n\n}  // namespace zen::analysis\n";
    MESSAGE("regenerated src/analysis/stdlib_text.cpp; rebuild");
  }
  CHECK(s.str() == stdlib_text());
  auto a = analyze({{"/stdlib_copy.zmodel", std::string(stdlib_text())}}, "/stdlib_copy.zmodel");
  // The copy duplicates every stdlib name, but nothing else may be wrong with it.
  for (const auto& d : a.diagnostics) {
    INFO(testing::describe(d));
    CHECK((d.code == "duplicate-declaration" || d.severity != zen::Severity::Error || d.code.rfind("datasource", 0) == 0 ||
           !testing::is_resolution_code(d.code)));
  }
}

TEST_CASE("every name use is recorded with its target") {
  auto a = run(R"(
enum Role { USER }
model User {
  id Int @id
  role Role @default(USER)
  @@allow('read', auth().id == id)
}
)");
  std::vector<std::string> refs;
  const std::string& text = "\nenum Role { USER }\nmodel User {\n  id Int @id\n  role Role @default(USER)\n  @@allow('read', auth().id == id)\n}\n";
  for (const auto& r : a.model.references)
    refs.push_back(text.substr(r.range.start, r.range.end - r.range.start) + "->" + testing::dump_target(a.model, r.target));
  CHECK(refs == std::vector<std::string>{"@id->attribute @id", "Role->enum Role", "@default->attribute @default",
                                         "USER->Role.USER", "@@allow->attribute @@allow", "auth->function auth",
                                         "id->User.id", "id->User.id"});
}

TEST_CASE("lookups and per-kind lists contain user declarations in order") {
  auto a = analyze({{"/a.zmodel", "import './b'\nmodel A { id Int @id }\nview V { x Int }\n"},
                    {"/b.zmodel", "model B { id Int @id }\nenum E { X }\ntype T { y Int }\n"}},
                   "/a.zmodel");
  std::vector<std::string> models;
  for (DeclId id : a.model.models) models.push_back(a.model.decl(id).name);
  CHECK(models == std::vector<std::string>{"A", "B"});
  REQUIRE(a.model.views.size() == 1);
  CHECK(a.model.decl(a.model.views[0]).kind == DeclKind::View);
  CHECK(a.model.find_model("V") != nullptr);
  CHECK(a.model.find_type_def("T") != nullptr);
  CHECK(a.model.find_enum("E") != nullptr);
  CHECK(a.model.find_model("E") == nullptr);
  CHECK(a.model.decl(a.model.find_model("B")->id).file == 2);
}

TEST_CASE("Host: an edit gives the same result as a fresh analysis") {
  std::string text = "model User {\n  id Int @id\n  name String\n}\nmodel Post { id Int @id author User @relation(fields: [authorId], references: [id]) authorId Int }\n";
  Host host;
  host.set_file_text("/s.zmodel", text);
  auto first = host.analyze("/s.zmodel");
  CHECK(host.analyze("/s.zmodel") == first);  // unchanged: same snapshot
  // Rename `name` to `nme`, then break the relation's reference.
  size_t at = text.find("name");
  REQUIRE(host.apply_edit("/s.zmodel", TextEdit{{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 4)}, "nme"}));
  text.replace(at, 4, "nme");
  size_t ref = text.find("references: [id]") + 13;
  REQUIRE(host.apply_edit("/s.zmodel", TextEdit{{static_cast<uint32_t>(ref), static_cast<uint32_t>(ref + 2)}, "idx"}));
  text.replace(ref, 2, "idx");
  CHECK(*host.file_text("/s.zmodel") == text);
  auto edited = host.analyze("/s.zmodel");
  CHECK(edited != first);
  auto fresh = analyze({{"/s.zmodel", text}}, "/s.zmodel");
  CHECK(dump(*edited, "User") == dump(fresh, "User"));
  CHECK(dump(*edited, "Post") == dump(fresh, "Post"));
  REQUIRE(edited->diagnostics.size() == fresh.diagnostics.size());
  for (size_t i = 0; i < fresh.diagnostics.size(); ++i)
    CHECK(testing::describe(edited->diagnostics[i]) == testing::describe(fresh.diagnostics[i]));
  CHECK(!host.apply_edit("/s.zmodel", TextEdit{{0, 100000}, ""}));
  CHECK(!host.apply_edit("/missing.zmodel", TextEdit{{0, 0}, ""}));
}

TEST_CASE("Host analysed once: a second analysis, after an edit or a new text, lowers the file again") {
  // keep_declarations = false moves the declarations into the model and drops what is left;
  // the Host must lower the file again for any later analysis.
  std::string text = "model User {\n  id Int @id\n  name String\n}\nmodel Post { id Int @id author User @relation(fields: [authorId], references: [id]) authorId Int }\n";
  Host host(HostOptions{.keep_syntax_trees = false, .keep_declarations = false, .collect_references = false});
  host.set_file_text("/s.zmodel", text);
  auto first = host.analyze("/s.zmodel");
  auto fresh = analyze({{"/s.zmodel", text}}, "/s.zmodel");
  CHECK(dump(*first, "Post") == dump(fresh, "Post"));
  size_t at = text.find("name");
  REQUIRE(host.apply_edit("/s.zmodel", TextEdit{{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 4)}, "nme"}));
  text.replace(at, 4, "nme");
  auto edited = host.analyze("/s.zmodel");
  auto fresh_edited = analyze({{"/s.zmodel", text}}, "/s.zmodel");
  CHECK(dump(*edited, "User") == dump(fresh_edited, "User"));
  CHECK(dump(*edited, "Post") == dump(fresh_edited, "Post"));
  CHECK(edited->diagnostics.size() == fresh_edited.diagnostics.size());
  host.set_file_text("/s.zmodel", text + "model Tag { id Int @id }\n");
  auto again = host.analyze("/s.zmodel");
  CHECK(again->model.find("Tag") != nullptr);
  CHECK(dump(*again, "Post") == dump(fresh_edited, "Post"));
}

TEST_CASE("Host: missing_imports drives a loader") {
  Host host;
  host.set_file_text("/p/schema.zmodel", "import './a'\nimport 'sub/B'\nmodel S { id Int @id }\n");
  CHECK(host.missing_imports("/p/schema.zmodel") == std::vector<std::string>{"/p/a.zmodel", "/p/sub/B.zmodel"});
  host.set_file_text("/p/a.zmodel", "import './c'\nmodel A { id Int @id }\n");
  host.set_file_text("/p/sub/b.zmodel", "model B { id Int @id }\n");  // case-insensitive match
  CHECK(host.missing_imports("/p/schema.zmodel") == std::vector<std::string>{"/p/c.zmodel"});
  auto a = host.analyze("/p/schema.zmodel");
  bool unresolved = false;
  for (const auto& d : a->diagnostics) unresolved |= d.code == "unresolved-import";
  CHECK(unresolved);
  CHECK(a->model.find_model("B") != nullptr);
  CHECK(host.missing_imports("/nope.zmodel") == std::vector<std::string>{"/nope.zmodel"});
}

TEST_CASE("reference_at and references_to serve go-to-definition and find-references") {
  std::string text = "model User {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n  author User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n";
  auto a = analyze({{"/s.zmodel", text}}, "/s.zmodel");
  FileId f = a.model.file_id("/s.zmodel");
  REQUIRE(f == 1);
  uint32_t at = static_cast<uint32_t>(text.find("author User") + 8);  // inside `User`
  const Reference* r = a.model.reference_at(f, at);
  REQUIRE(r);
  CHECK(r->target.kind == SymbolKind::Decl);
  CHECK(a.model.decl(r->target.decl).name == "User");
  uint32_t ref_id = static_cast<uint32_t>(text.find("references: [id]") + 13);
  const Reference* id_ref = a.model.reference_at(f, ref_id);
  REQUIRE(id_ref);
  const Field* id = a.model.field(id_ref->target);
  REQUIRE(id);
  CHECK(a.model.decl(id->owner).name == "User");
  CHECK(a.model.reference_at(f, 0) == nullptr);  // `model` keyword
  auto uses = a.model.references_to(Symbol{SymbolKind::Decl, a.model.find_model("Post")->id, kNone, {}});
  REQUIRE(uses.size() == 1);
  CHECK(text.substr(uses[0]->range.start, 4) == "Post");
  CHECK(a.model.file_id("/nope") == kNone);
}

TEST_CASE("all_attributes views the own attributes when nothing is inherited, in copies and moves too") {
  auto a = run(R"(
type Mixin { x Int }
model Plain with Mixin {
  id Int @id
  @@index([x])
  @@map("plain")
}
abstract model Base {
  id Int @id
  @@index([id])
}
model Child extends Base {
  name String
  @@map("child")
}
)");
  const Decl& plain = *a.model.find("Plain");
  REQUIRE(plain.all_attributes.size() == 2);
  CHECK(plain.all_attributes.is_view());
  CHECK(&plain.all_attributes.get() == &plain.attributes);
  CHECK(plain.find_any_attribute("@@map") == &plain.attributes[1]);
  Decl copy = plain;
  CHECK(&copy.all_attributes.get() == &copy.attributes);
  Decl moved = std::move(copy);
  CHECK(&moved.all_attributes.get() == &moved.attributes);
  REQUIRE(moved.all_attributes.size() == 2);
  CHECK(moved.all_attributes[1].name == "@@map");
  Decl assigned;
  assigned = moved;
  CHECK(&assigned.all_attributes.get() == &assigned.attributes);
  assigned = std::move(moved);
  CHECK(&assigned.all_attributes.get() == &assigned.attributes);
  CHECK(assigned.all_attributes.size() == 2);

  // Inherited ones make a list of its own: the base's @@index, then the own @@map.
  const Decl& child = *a.model.find("Child");
  CHECK(!child.all_attributes.is_view());
  REQUIRE(child.all_attributes.size() == 2);
  CHECK(child.all_attributes[0].name == "@@index");
  CHECK(child.all_attributes[0].origin == a.model.find("Base")->id);
  CHECK(child.all_attributes[1].name == "@@map");
  Decl child_copy = child;
  CHECK(!child_copy.all_attributes.is_view());
  CHECK(child_copy.all_attributes.size() == 2);
}

TEST_CASE("Sparse members read as an empty container when absent and copy deeply") {
  Expr e;
  CHECK(e.args.empty());
  CHECK(e.args.size() == 0);
  const std::vector<Argument>& view = e.args;
  CHECK(view.empty());
  int visited = 0;
  for (Argument& arg : e.args) visited += arg.name.empty() ? 1 : 2;
  CHECK(visited == 0);

  e.binding = std::string("x");
  CHECK(e.binding == std::string("x"));
  CHECK("[" + e.binding + "]" == "[x]");
  Argument arg;
  arg.name = "n";
  e.args.push_back(arg);
  Expr copy = e;
  copy.args[0].name = "m";
  CHECK(e.args[0].name == "n");
  CHECK(copy.args[0].name == "m");
  CHECK(copy.binding == e.binding);
  e.binding = std::string();
  CHECK(e.binding.empty());
  CHECK(!(e.binding == copy.binding));
  e.args.clear();
  CHECK(e.args.empty());
  CHECK(copy.args.size() == 1);
}
