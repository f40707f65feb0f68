// Name resolution: declared types, attributes, functions, field references in attribute
// arguments, enum values, member access, `this`, `auth()`, collection predicates, imports,
// duplicates and inheritance cycles. Expected diagnostics are written under the offending text.
#include <doctest/doctest.h>

#include "resolve_fixture.h"

using zen::analysis::testing::check_diagnostics;

TEST_CASE("resolves declared types and reports unknown ones") {
  check_diagnostics(R"(
enum Role { USER ADMIN }
type Address { city String }
model User {
  id Int @id
  role Role
  posts Post[]
  address Address? @json
  boss Usr?
//     ^^^ error[unknown-type]: unknown type `Usr`; declare a model, type or enum named `Usr`, or fix the name
}
model Post {
  id Int @id
  author User @relation(fields: [authorId], references: [id])
  authorId Int
}
)");
}

TEST_CASE("a type name must name a model, type or enum") {
  check_diagnostics(R"(
datasource db { provider = "sqlite" url = "file:x" }
model A {
  id Int @id
  b now
//  ^^^ error[unknown-type]
}
)");
}

TEST_CASE("reports unknown attributes and functions") {
  check_diagnostics(R"(
model User {
  id String @id @default(uuidv9())
//                       ^^^^^^ error[unknown-function]: unknown function `uuidv9`; check its name, or declare it with `function uuidv9(...)`
  name String @caps
//            ^^^^^ error[unknown-attribute]: unknown attribute `@caps`; check its name, or declare it with `attribute @caps(...)`
  @@indx([name])
//^^^^^^ error[unknown-attribute]
}
)");
}

TEST_CASE("user declared attributes and functions resolve") {
  auto a = check_diagnostics(R"(
attribute @encrypted(secret: String?)
function slug(): String {
} @@@expressionContext([DefaultValue])
model User {
  id String @id @default(slug())
  ssn String @encrypted(secret: "x")
}
)");
  CHECK(a.model.find_attribute_decl("@encrypted") != nullptr);
}

TEST_CASE("field references in relation and index arguments") {
  check_diagnostics(R"(
model User {
  id Int @id
  email String
  posts Post[]
  @@unique([email, id])
  @@index([emial])
//         ^^^^^ error[unresolved-reference]: model `User` has no field `emial`; use one of its fields
}
model Post {
  id Int @id
  author User @relation(fields: [authorID], references: [idd])
//                               ^^^^^^^^ error[unresolved-reference]: model `Post` has no field `authorID`; use one of its fields
//                                                       ^^^ error[unresolved-reference]: model `User` has no field `idd`; use one of its fields
  authorId Int
  title String
  @@index([title(sort: Desc), authorId(ops: raw("x"))], type: Hash)
  @@id([id])
}
)");
}

TEST_CASE("enum values in defaults prefer the field's own enum") {
  auto a = check_diagnostics(R"(
enum A { X Y }
enum B { Y Z }
model M {
  id Int @id
  b B @default(Y)
  a A @default(Y)
  list B[] @default([Z, Y])
  c A @default(Q)
//             ^ error[unresolved-reference]
}
)");
  const auto* m = a.model.find_model("M");
  REQUIRE(m);
  const auto& b_default = m->find_field("b")->field->attributes[0].args[0].value;
  CHECK(a.model.decl(b_default.target.decl).name == "B");
  const auto& a_default = m->find_field("a")->field->attributes[0].args[0].value;
  CHECK(a.model.decl(a_default.target.decl).name == "A");
}

TEST_CASE("policy expressions: fields, this, auth(), member access, predicates") {
  auto a = check_diagnostics(R"(
model User {
  id Int @id
  role String
  posts Post[]
  @@allow('read', auth() != null && auth().role == 'admin')
  @@allow('all', auth() == this)
  @@deny('delete', posts?[published && author.id == auth().id])
  @@allow('update', posts![p, p.title != null])
  @@deny('read', auth().rol == 'x')
//                      ^^^ error[unresolved-reference]: model `User` has no field `rol`; use one of its fields
  @@deny('read', posts?[titl == 'x'])
//                      ^^^^ error[unresolved-reference]
  @@allow('read', future().role == role)
}
model Post {
  id Int @id
  title String?
  published Boolean
  author User @relation(fields: [authorId], references: [id])
  authorId Int
  @@allow('read', author.posts?[published])
  @@allow('read', published && check(author, 'read'))
  @@allow('read', x > 1)
//                ^ error[unresolved-reference]: cannot resolve `x` in model `Post`: no field, enum value or declaration has this name
}
)");
  // `auth()` resolves to User; `p.title` through the binding.
  bool saw_binding = false;
  for (const auto& r : a.model.references)
    if (r.target.kind == zen::analysis::SymbolKind::Binding) saw_binding = true;
  CHECK(saw_binding);
}

TEST_CASE("@@auth picks the auth() type") {
  check_diagnostics(R"(
model Account {
  id Int @id
  tenant String
  @@auth
  @@allow('read', auth().tenant == tenant)
  @@allow('read', auth().id == id)
  @@deny('read', auth().email == 'x')
//                      ^^^^^ error[unresolved-reference]
}
model User {
  id Int @id
  email String
}
)");
}

TEST_CASE("duplicate declarations, fields and enum values") {
  check_diagnostics(R"(
model User {
  id Int @id
  name String
  name Int
//^^^^ error[duplicate-field]: duplicate field `name` in model `User`; rename or remove one of them
}
enum Role { A B A }
//              ^ error[duplicate-enum-value]: duplicate value `A` in enum `Role`; remove one of them
type User { x Int }
//   ^^^^ error[duplicate-declaration]: `User` is already declared as a model; rename one of them
)");
}

TEST_CASE("a field clashing with an inherited one is reported on the own field") {
  check_diagnostics(R"(
type Base { id Int @id createdAt DateTime }
model A with Base {
  createdAt DateTime
//^^^^^^^^^ error[duplicate-field]: field `createdAt` is already inherited from `Base`; rename or remove it
}
)");
}

TEST_CASE("inheritance: cycles, non-delegate bases, wrong kinds") {
  check_diagnostics(R"(
type T1 with T2 { a Int }
type T2 with T1 { b Int }
//           ^^ error[cyclic-mixin]
model Plain { id Int @id }
model Sub extends Plain { x Int }
//                ^^^^^ error[extends-non-delegate]
model M with Plain { id Int @id }
//           ^^^^^ error[mixin-not-a-type]: `Plain` is a model, not a type; `with` takes `type` declarations
model N extends T1 { id Int @id }
//              ^^ error[extends-not-a-model]
abstract model C1 extends C2 { id Int @id }
abstract model C2 extends C1 { y Int }
//                        ^^ error[cyclic-inheritance]
)");
}

TEST_CASE("v2 abstract models and delegate bases may be extended") {
  auto a = check_diagnostics(R"(
abstract model Base {
  id String @id @default(cuid())
  owner User @relation(fields: [ownerId], references: [id])
  ownerId String
  @@allow('read', owner == auth())
}
model User extends Base { email String @password @omit }
model Asset { id Int @id type String @@delegate(type) }
model Video extends Asset { url String }
)");
  const auto* user = a.model.find_model("User");
  REQUIRE(user);
  CHECK(user->find_field("ownerId") != nullptr);
  CHECK(user->find_any_attribute("@@allow") != nullptr);
}

TEST_CASE("imports: relative, without extension, transitive, cyclic, case-insensitive") {
  auto a = check_diagnostics(R"(
//- /app/schema.zmodel
import "./models"
import 'common/Base'
model Post extends BaseModel { title String author User @relation(fields: [authorId], references: [id]) authorId Int }
//- /app/models.zmodel
import "schema"
import "./deep/enums.zmodel"
model User { id Int @id role Role posts Post[] }
//- /app/deep/enums.zmodel
import "../../elsewhere/missing"
//     ^^^^^^^^^^^^^^^^^^^^^^^^^ error[unresolved-import]: cannot find the imported file `/elsewhere/missing.zmodel`; fix the path (it is relative to `/app/deep/enums.zmodel`, and `.zmodel` is added when missing)
enum Role { A B }
//- /app/common/base.zmodel
abstract model BaseModel { id Int @id }
)");
  REQUIRE(a.model.files.size() == 5);
  CHECK(a.model.files[1].path == "/app/schema.zmodel");
  CHECK(a.model.files[2].path == "/app/models.zmodel");
  CHECK(a.model.files[3].path == "/app/deep/enums.zmodel");
  CHECK(a.model.files[4].path == "/app/common/base.zmodel");
}

TEST_CASE("files not reachable from the entry are not analyzed") {
  auto a = check_diagnostics(R"(
//- /schema.zmodel
model A { id Int @id }
//- /other.zmodel
model A { id Int @id }
)");
  CHECK(a.model.models.size() == 1);
}

TEST_CASE("resolve_import_path is lexical") {
  using zen::analysis::resolve_import_path;
  CHECK(resolve_import_path("/a/b/schema.zmodel", "./x") == "/a/b/x.zmodel");
  CHECK(resolve_import_path("/a/b/schema.zmodel", "../c/y.zmodel") == "/a/c/y.zmodel");
  CHECK(resolve_import_path("/a/b/schema.zmodel", "/abs/z") == "/abs/z.zmodel");
  CHECK(resolve_import_path("schema.zmodel", "common/Base") == "common/Base.zmodel");
  CHECK(resolve_import_path("rel/schema.zmodel", "../../up") == "../up.zmodel");
}

TEST_CASE("syntax errors are reported and the rest still resolves") {
  auto a = zen::analysis::analyze({{"/s.zmodel", "model A {\n  id Int @id\n  x Strin\n}\nmodel B { id Int @id a A? }\n"}},
                                  "/s.zmodel");
  bool unknown = false;
  for (const auto& d : a.diagnostics) unknown |= d.code == "unknown-type";
  CHECK(unknown);
  CHECK(a.model.find_model("B") != nullptr);
}

TEST_CASE("config values do not report unknown names") {
  check_diagnostics(R"(
datasource db {
  provider = "postgresql"
  url = env("DATABASE_URL")
  extensions = [citext, postgis(version: "3.1")]
}
generator client { provider = "prisma-client-js" previewFeatures = ["views"] }
plugin p { provider = "../x/plugin.zmodel" opts = { a: 1, b: [x, y] } }
)");
}

TEST_CASE("parameter types of user functions and procedures resolve") {
  check_diagnostics(R"(
type Overview { total Int }
model User { id Int @id }
procedure getUser(id: Int): User
procedure overview(): Overview
mutation procedure rename(id: Int, to: Nam): Void
//                                     ^^^ error[unknown-type]
function double(x: Int): Int {
}
procedure lost(): Usr[]
//                ^^^ error[unknown-type]
)");
}
