// `zen db push` end to end: the real binary against real SQLite files (and PostgreSQL when
// ZEN_TEST_POSTGRES_URL is set): create, in sync, data-loss refusal and acceptance,
// unexecutable changes and --force-reset, unreachable databases.
#include <doctest/doctest.h>

#include "migrate_cli_support.h"

using zen::testing::on_each_database;
using zen::testing::Project;

namespace {

std::string schema(const zen::testing::Project& p, const std::string& models) {
  return std::string("datasource db {\n  provider = \"") + std::string(zen::provider_name(p.provider())) +
         "\"\n  url      = env(\"DATABASE_URL\")\n}\n\n" + models;
}

const char* kUserWithName = "model User {\n  id   Int     @id @default(autoincrement())\n  name String?\n}\n";
const char* kUserOnly = "model User {\n  id Int @id @default(autoincrement())\n}\n";

}  // namespace

TEST_CASE("db push creates the tables, then reports the database in sync") {
  on_each_database([](Project& p) {
    p.write("schema.zmodel", schema(p, kUserWithName));
    auto first = p.zen("db push");
    CHECK(first.exit_code == 0);
    CHECK(first.has("Your database is now in sync with your schema. Done in"));
    CHECK(p.has_table("User"));
    auto second = p.zen("db push");
    CHECK(second.exit_code == 0);
    CHECK(second.has("The database is already in sync with the schema."));
  });
}

TEST_CASE("db push refuses data loss without --accept-data-loss and applies it with the flag") {
  on_each_database([](Project& p) {
    p.write("schema.zmodel", schema(p, kUserWithName));
    REQUIRE(p.zen("db push").exit_code == 0);
    auto c = p.connect();
    REQUIRE(c->execute_script("INSERT INTO \"User\" (\"name\") VALUES ('Ann'), ('Bob')").ok());
    c.reset();
    p.write("schema.zmodel", schema(p, kUserOnly));
    auto refused = p.zen("db push");
    CHECK(refused.exit_code == 1);
    CHECK(refused.has("You are about to drop the column `name` on the `User` table, which still contains 2 non-null values."));
    CHECK(refused.has("--accept-data-loss"));
    CHECK(p.scalar("SELECT count(*) FROM \"User\"") == "2");
    auto accepted = p.zen("db push --accept-data-loss");
    CHECK(accepted.exit_code == 0);
    CHECK(accepted.has("Your database is now in sync"));
    CHECK(p.scalar("SELECT count(*) FROM \"User\"") == "2");
    CHECK(p.zen("db push").has("already in sync"));
  });
}

TEST_CASE("db push reports unexecutable steps and suggests --force-reset, which drops the data") {
  on_each_database([](Project& p) {
    p.write("schema.zmodel", schema(p, kUserOnly));
    REQUIRE(p.zen("db push").exit_code == 0);
    auto c = p.connect();
    REQUIRE(c->execute_script("INSERT INTO \"User\" DEFAULT VALUES").ok());
    c.reset();
    p.write("schema.zmodel", schema(p, "model User {\n  id  Int @id @default(autoincrement())\n  age Int\n}\n"));
    auto r = p.zen("db push --accept-data-loss");
    CHECK(r.exit_code == 1);
    CHECK(r.has("Added the required column `age` to the `User` table without a default value. There are 1 rows in "
                "this table, it is not possible to execute this step."));
    CHECK(r.has("--force-reset"));
    auto reset = p.zen("db push --force-reset");
    CHECK(reset.exit_code == 0);
    CHECK(p.scalar("SELECT count(*) FROM \"User\"") == "0");
    CHECK(p.zen("db push").has("already in sync"));
  });
}

TEST_CASE("db push on sqlite says it created the database file, relative to the schema") {
  zen::testing::TempDir dir;
  std::ofstream(dir.path / "schema.zmodel") << "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./dev.db\"\n}\n"
                                               "model Post {\n  id Int @id\n  title String\n}\n";
  auto r = zen::testing::run_zen(dir.path, "db push");
  CHECK(r.exit_code == 0);
  const std::string& out = r.out;
  CHECK(out.find("SQLite database dev.db created at file:") != std::string::npos);
  CHECK(std::filesystem::exists(dir.path / "dev.db"));
}

TEST_CASE("db push to an unreachable postgresql server is a one-line error without the password") {
  Project p(zen::Provider::Sqlite);
  p.write("schema.zmodel", "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n"
                           "model User {\n  id Int @id\n}\n");
  auto r = p.zen("db push --url postgresql://bob:s3cret@127.0.0.1:1/app");
  CHECK(r.exit_code != 0);
  CHECK_FALSE(r.has("s3cret"));
  CHECK(r.has("error:"));
}
