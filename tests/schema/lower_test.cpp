// Lowering ZModel to the relational schema: snapshot the stable text dump per provider.
#include <doctest/doctest.h>

#include "analysis/analysis.h"
#include "schema/lower_zmodel.h"

using namespace zen;

namespace {

std::string lower(const std::string& body, Provider provider) {
  std::string ds = provider == Provider::Sqlite
                       ? "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./dev.db\"\n}\n"
                       : "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n";
  auto a = analysis::analyze({{"/s.zmodel", ds + body}}, "/s.zmodel");
  std::string errors;
  for (const auto& d : a.diagnostics)
    if (d.severity == Severity::Error) errors += d.message + "\n";
  CHECK_MESSAGE(errors.empty(), errors);
  auto r = schema::lower_zmodel(a.model);
  for (const auto& d : r.diagnostics) errors += d.message + "\n";
  return schema::dump(r.schema) + errors;
}

void check(const std::string& body, Provider provider, const std::string& expected) {
  CHECK(lower(body, provider) == expected);
}

}  // namespace

TEST_CASE("maps names, types, defaults and keys with prisma's generated names") {
  check(R"(
enum Role {
  USER
  ADMIN @map("admin")
}
model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?  @map("display_name")
  role      Role     @default(ADMIN)
  createdAt DateTime @default(now())
  updatedAt DateTime @updatedAt
  token     String   @default(uuid())
  score     Float    @default(1.5)
  posts     Post[]
  @@map("users")
  @@index([name(sort: Desc), createdAt])
}
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}
)",
        Provider::Postgresql,
        R"(namespace public
enum public.Role { USER, admin }
table public.users
  column id  (Int) autoincrement default sequence()
  column email  (String)
  column display_name ? (String)
  column role Role (Enum) default admin
  column createdAt  (DateTime) default now()
  column updatedAt  (DateTime)
  column token  (String)
  column score  (Float) default 1.5
  primary key users_pkey (id)
  unique users_email_key (email)
  index users_display_name_createdAt_idx (display_name desc, createdAt)
table public.Post
  column id  (Int)
  column authorId  (Int)
  primary key Post_pkey (id)
  foreign key Post_authorId_fkey (authorId) -> public.users (id) on delete Restrict on update Cascade
)");
}

TEST_CASE("implicit many-to-many becomes a join table named after the sorted models") {
  check(R"(
model Tag {
  id    Int    @id
  posts Post[]
}
model Post {
  id   String @id
  tags Tag[]
}
)",
        Provider::Sqlite,
        R"(table Tag
  column id  (Int)
  primary key Tag_pkey (id)
table Post
  column id  (String)
  primary key Post_pkey (id)
table _PostToTag
  column A  (String)
  column B  (Int)
  unique _PostToTag_AB_unique (A, B)
  index _PostToTag_B_index (B)
  foreign key _PostToTag_A_fkey (A) -> Post (id) on delete Cascade on update Cascade
  foreign key _PostToTag_B_fkey (B) -> Tag (id) on delete Cascade on update Cascade
)");
}

TEST_CASE("delegate sub models keep only the inherited id, without its default, and reference the base") {
  check(R"(
model Asset {
  id   Int    @id @default(autoincrement())
  kind String
  @@delegate(kind)
}
model Video extends Asset {
  url String
}
)",
        Provider::Sqlite,
        R"(table Asset
  column id  (Int) autoincrement default sequence()
  column kind  (String)
  primary key Asset_pkey (id)
table Video
  column id  (Int)
  column url  (String)
  primary key Video_pkey (id)
  foreign key Video_id_fkey (id) -> Asset (id) on delete Cascade on update Cascade
)");
}

TEST_CASE("long generated names are cut to 63 bytes on postgresql") {
  CHECK(schema::constraint_name("a_very_long_table_name_that_goes_on_and_on", {"and_a_long_column_name_too"}, "_key", 63) ==
        "a_very_long_table_name_that_goes_on_and_on_and_a_long_colum_key");
  CHECK(schema::constraint_name("t", {"a", "b"}, "_fkey", 63) == "t_a_b_fkey");
  CHECK(schema::constraint_name(std::string(70, 'x'), {}, "_pkey", 63) == std::string(58, 'x') + "_pkey");
  CHECK(schema::constraint_name(std::string(70, 'x'), {"c"}, "_idx", 0) == std::string(70, 'x') + "_c_idx");
}

TEST_CASE("computed fields are skipped and typed json fields become Json") {
  check(R"(
type Address {
  city String
}
model User {
  id      Int     @id
  address Address @json
  upper   String  @computed
}
)",
        Provider::Sqlite,
        R"(table User
  column id  (Int)
  column address  (Json)
  primary key User_pkey (id)
)");
}
