// `zen migrate diff` end to end: sources, --script, -o, --exit-code, and the CI check
// "do my migrations match my schema?".
#include <doctest/doctest.h>

#include "migrate_cli_support.h"

using zen::testing::on_each_database;
using zen::testing::Project;

namespace {

std::string schema(zen::Provider p, const std::string& models) {
  return std::string("datasource db {\n  provider = \"") + std::string(zen::provider_name(p)) +
         "\"\n  url      = env(\"DATABASE_URL\")\n}\n\n" + models;
}

}  // namespace

TEST_CASE("migrate diff from empty prints prisma's script") {
  Project p(zen::Provider::Sqlite);
  p.write("schema.zmodel", schema(zen::Provider::Sqlite, "model User {\n  id Int @id @default(autoincrement())\n  email String @unique\n}\n"));
  auto r = p.zen("migrate diff --from-empty --to-schema schema.zmodel --script");
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "-- CreateTable\nCREATE TABLE \"User\" (\n    \"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
        "    \"email\" TEXT NOT NULL\n);\n\n-- CreateIndex\nCREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");\n\n");
}

TEST_CASE("migrate diff accepts prisma 6's --to-schema-datamodel and prints a summary without --script") {
  Project p(zen::Provider::Sqlite);
  p.write("schema.zmodel", schema(zen::Provider::Sqlite, "model User {\n  id Int @id\n}\n"));
  auto r = p.zen("migrate diff --from-empty --to-schema-datamodel schema.zmodel");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "\n[+] Added tables\n  - User\n\n");
}

TEST_CASE("migrate diff --exit-code: 2 for differences, 0 for none, 1 for errors") {
  on_each_database([](Project& p) {
    p.write("schema.zmodel", schema(p.provider(), "model User {\n  id Int @id\n}\n"));
    REQUIRE(p.zen("db push").exit_code == 0);
    p.write("schema.zmodel", schema(p.provider(), "model User {\n  id Int @id\n  name String?\n}\n"));
    auto changed = p.zen("migrate diff --from-url " + zen::testing::shell_quote(p.url()) + " --to-schema schema.zmodel --exit-code");
    CHECK(changed.exit_code == 2);
    CHECK(changed.has("[+] Added column `name`"));
    REQUIRE(p.zen("db push").exit_code == 0);
    auto same = p.zen("migrate diff --from-url " + zen::testing::shell_quote(p.url()) + " --to-schema schema.zmodel --exit-code");
    CHECK(same.exit_code == 0);
    CHECK(same.has("No difference detected."));
    CHECK(p.zen("migrate diff --from-schema missing.zmodel --to-empty --exit-code").exit_code == 1);
  });
}

TEST_CASE("migrate diff checks that the migrations folder matches the schema") {
  Project p(zen::Provider::Sqlite);
  p.write("schema.zmodel", schema(zen::Provider::Sqlite, "model User {\n  id Int @id\n  name String\n}\n"));
  p.add_migration("20240101000000_init", "CREATE TABLE \"User\" (\n    \"id\" INTEGER NOT NULL PRIMARY KEY\n);\n");
  auto behind = p.zen("migrate diff --from-migrations migrations --to-schema schema.zmodel --script --exit-code");
  CHECK(behind.exit_code == 2);
  CHECK(behind.has("-- RedefineTables"));
  p.add_migration("20240102000000_name",
                  "-- CreateTable\nCREATE TABLE \"new_User\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \"name\" "
                  "TEXT NOT NULL);\nDROP TABLE \"User\";\nALTER TABLE \"new_User\" RENAME TO \"User\";\n");
  auto ok = p.zen("migrate diff --from-migrations migrations --to-schema schema.zmodel --exit-code");
  CHECK(ok.exit_code == 0);
}

TEST_CASE("migrate diff -o writes the script to a file") {
  Project p(zen::Provider::Sqlite);
  p.write("schema.zmodel", schema(zen::Provider::Sqlite, "model User {\n  id Int @id\n}\n"));
  auto r = p.zen("migrate diff --from-schema schema.zmodel --to-empty --script -o down.sql");
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  std::ifstream f(p.path() / "down.sql");
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  CHECK(text == "-- DropTable\nPRAGMA foreign_keys=off;\nDROP TABLE \"User\";\nPRAGMA foreign_keys=on;\n");
}

TEST_CASE("migrate diff needs exactly one source per side") {
  Project p(zen::Provider::Sqlite);
  auto r = p.zen("migrate diff --from-empty --script");
  CHECK(r.exit_code == 1);
  CHECK(r.has("missing the `to` side"));
  auto both = p.zen("migrate diff --from-empty --from-schema schema.zmodel --to-empty");
  CHECK(both.exit_code == 1);
  CHECK(both.has("pass only one of"));
}

TEST_CASE("migrate diff names the option whose schema file cannot be read") {
  Project p(zen::Provider::Sqlite);
  auto to = p.zen("migrate diff --from-empty --to-schema missing.zmodel --script");
  CHECK(to.exit_code == 1);
  CHECK(to.out == "error: cannot read the schema file `missing.zmodel` given to `--to-schema`; check the path\n");
  auto from = p.zen("migrate diff --from-schema-datamodel gone.zmodel --to-empty");
  CHECK(from.exit_code == 1);
  CHECK(from.has("`gone.zmodel` given to `--from-schema`"));
}
