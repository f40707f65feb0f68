// The seed's two workflows end to end, as a new user runs them: prototype with `zen db push`,
// then `zen migrate dev` writes reviewed migrations, and `zen migrate deploy` applies them to
// a production database. Plus what `migrate dev` detects (edited, failed, drift), its
// non-interactive behaviour, and `migrate reset` with the seed.
#include <algorithm>
#include <iterator>

#include "dialect/dialect.h"
#include "migrate_cli_support.h"

using namespace zen;
using zen::testing::on_each_database;
using zen::testing::Project;
namespace fs = std::filesystem;

namespace {

std::string schema_text(Provider p, const std::string& models) {
  return std::string("datasource db {\n  provider = \"") + std::string(provider_name(p)) +
         "\"\n  url      = env(\"DATABASE_URL\")\n}\n\n" + models;
}

const char* kV1 =
    "model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n  posts Post[]\n}\n\n"
    "model Post {\n  id       Int    @id @default(autoincrement())\n  title    String\n  author   User   @relation(fields: "
    "[authorId], references: [id])\n  authorId Int\n}\n";
const char* kV2 =
    "model User {\n  id    Int     @id @default(autoincrement())\n  email String  @unique\n  name  String?\n  posts Post[]\n}\n\n"
    "model Post {\n  id       Int    @id @default(autoincrement())\n  title    String\n  author   User   @relation(fields: "
    "[authorId], references: [id])\n  authorId Int\n}\n";
const char* kV3DropsPost = "model User {\n  id    Int     @id @default(autoincrement())\n  email String  @unique\n  name  String?\n}\n";

std::vector<std::string> migration_names(const Project& p) {
  std::vector<std::string> out;
  if (!fs::exists(p.path() / "migrations")) return out;
  for (const auto& e : fs::directory_iterator(p.path() / "migrations"))
    if (e.is_directory()) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

template <class F>
void on_each_migratable_database(F&& body) {
  on_each_database([&](Project& p) {
    if (!dialect::make_dialect(p.provider())) {
      MESSAGE("skipped: no dialect for " << provider_name(p.provider()) << " yet");
      return;
    }
    body(p);
  });
}

}  // namespace

TEST_CASE("workflow: migrate dev writes and applies migrations, deploy brings production up to date") {
  on_each_migratable_database([](Project& p) {
    p.write("schema.zmodel", schema_text(p.provider(), kV1));
    auto first = p.zen("migrate dev --name init");
    REQUIRE_MESSAGE(first.exit_code == 0, first.out);
    CHECK(first.has("Created and applied the migration"));
    auto names = migration_names(p);
    REQUIRE(names.size() == 1);
    CHECK(names[0].ends_with("_init"));
    CHECK(fs::exists(p.path() / "migrations" / "migration_lock.toml"));
    CHECK(p.has_table("User"));

    p.write("schema.zmodel", schema_text(p.provider(), kV2));
    auto second = p.zen("migrate dev -n \"Add user name\"");
    REQUIRE_MESSAGE(second.exit_code == 0, second.out);
    names = migration_names(p);
    REQUIRE(names.size() == 2);
    CHECK(names[1].ends_with("_add_user_name"));
    auto again = p.zen("migrate dev --name nothing");
    CHECK(again.exit_code == 0);
    CHECK(again.has("Already in sync"));
    CHECK(migration_names(p).size() == 2);
    CHECK(p.zen("migrate status").exit_code == 0);

    // Production: a fresh database gets the reviewed history through deploy.
    Project prod(p.provider());
    prod.write("schema.zmodel", schema_text(p.provider(), kV2));
    fs::copy(p.path() / "migrations", prod.path() / "migrations", fs::copy_options::recursive);
    auto deploy = prod.zen("migrate deploy");
    REQUIRE_MESSAGE(deploy.exit_code == 0, deploy.out);
    CHECK(deploy.has("All migrations have been successfully applied."));
    CHECK(prod.zen("migrate status").exit_code == 0);
    // The production database matches the schema: dev there finds nothing to do.
    auto check = prod.zen("migrate dev --create-only --name check");
    CHECK(check.exit_code == 0);
  });
}

TEST_CASE("workflow: prototype with db push, then start migrations with migrate dev") {
  on_each_migratable_database([](Project& p) {
    p.write("schema.zmodel", schema_text(p.provider(), kV1));
    auto push = p.zen("db push");
    if (push.has("unknown command")) {
      MESSAGE("skipped: `zen db push` is not registered yet");
      return;
    }
    REQUIRE_MESSAGE(push.exit_code == 0, push.out);
    // The pushed database has no history: dev explains the drift and, without a terminal,
    // stops without touching anything.
    auto dev = p.zen("migrate dev --name init < /dev/null");
    CHECK(dev.exit_code == 1);
    CHECK(dev.has("must be reset"));
    CHECK(dev.has("drift"));
    CHECK(dev.has("--force"));
    CHECK(migration_names(p).empty());
    auto forced = p.zen("migrate dev --name init --force");
    REQUIRE_MESSAGE(forced.exit_code == 0, forced.out);
    CHECK(forced.has("The database was reset."));
    CHECK(migration_names(p).size() == 1);
    CHECK(p.zen("migrate status").exit_code == 0);
  });
}

TEST_CASE("migrate dev: data loss needs --accept-data-loss without a terminal, and warnings head the file") {
  on_each_migratable_database([](Project& p) {
    p.write("schema.zmodel", schema_text(p.provider(), kV2));
    REQUIRE(p.zen("migrate dev --name init").exit_code == 0);
    {
      auto c = p.connect();
      REQUIRE(c->execute_script("INSERT INTO \"User\" (\"email\") VALUES ('a@example.com');"
                                "INSERT INTO \"Post\" (\"title\", \"authorId\") VALUES ('hello', 1);")
                  .ok());
    }
    p.write("schema.zmodel", schema_text(p.provider(), kV3DropsPost));
    auto refused = p.zen("migrate dev --name drop_post < /dev/null");
    CHECK(refused.exit_code == 1);
    CHECK(refused.has("--accept-data-loss"));
    CHECK(refused.has("Post"));
    CHECK(migration_names(p).size() == 1);
    CHECK(p.has_table("Post"));
    auto accepted = p.zen("migrate dev --name drop_post --accept-data-loss");
    REQUIRE_MESSAGE(accepted.exit_code == 0, accepted.out);
    auto names = migration_names(p);
    REQUIRE(names.size() == 2);
    std::ifstream in(p.path() / "migrations" / names[1] / "migration.sql");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.starts_with("/*\n  Warnings:\n\n  - "));
    CHECK(text.find("Post") != std::string::npos);
    CHECK_FALSE(p.has_table("Post"));
  });
}

TEST_CASE("migrate dev: --create-only writes an empty migration when nothing changed") {
  on_each_migratable_database([](Project& p) {
    p.write("schema.zmodel", schema_text(p.provider(), kV1));
    REQUIRE(p.zen("migrate dev --name init").exit_code == 0);
    auto r = p.zen("migrate dev --create-only --name custom");
    REQUIRE_MESSAGE(r.exit_code == 0, r.out);
    auto names = migration_names(p);
    REQUIRE(names.size() == 2);
    std::ifstream in(p.path() / "migrations" / names[1] / "migration.sql");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text == "-- This is an empty migration.");
    // Not applied yet: status says pending; the next dev applies it.
    CHECK(p.zen("migrate status").exit_code == 1);
    auto apply = p.zen("migrate dev --name none");
    CHECK(apply.exit_code == 0);
    CHECK(p.zen("migrate status").exit_code == 0);
  });
}

TEST_CASE("migrate dev: an edited applied migration and a failed one are explained") {
  on_each_migratable_database([](Project& p) {
    p.write("schema.zmodel", schema_text(p.provider(), kV1));
    REQUIRE(p.zen("migrate dev --name init").exit_code == 0);
    auto names = migration_names(p);
    REQUIRE(names.size() == 1);
    fs::path file = p.path() / "migrations" / names[0] / "migration.sql";
    {
      std::ofstream out(file, std::ios::app);
      out << "\n-- a comment added later\n";
    }
    auto dev = p.zen("migrate dev < /dev/null");
    CHECK(dev.exit_code == 1);
    CHECK(dev.has("modified after it was applied"));
    CHECK(dev.has(names[0]));
    CHECK(p.zen("migrate status").has("modified after they were applied"));

    // A failed migration (recorded by deploy) is named by dev too.
    Project other(p.provider());
    other.add_migration("20240101000000_bad", "CREATE TABLE x (id INTEGER);\nINSERT INTO nope VALUES (1);\n");
    CHECK(other.zen("migrate deploy").exit_code == 1);
    other.write("schema.zmodel", schema_text(p.provider(), kV1));
    auto dev2 = other.zen("migrate dev < /dev/null");
    CHECK(dev2.exit_code == 1);
    CHECK(dev2.has("20240101000000_bad"));
    CHECK(dev2.has("failed"));
  });
}

TEST_CASE("migrate reset: asks for --force without a terminal, reapplies everything and runs the seed") {
  on_each_migratable_database([](Project& p) {
    p.write("schema.zmodel", schema_text(p.provider(), kV1));
    REQUIRE(p.zen("migrate dev --name init").exit_code == 0);
    {
      auto c = p.connect();
      REQUIRE(c->execute_script("INSERT INTO \"User\" (\"email\") VALUES ('a@example.com');").ok());
    }
    auto refused = p.zen("migrate reset < /dev/null");
    CHECK(refused.exit_code == 2);
    CHECK(refused.has("--force"));
    CHECK(p.scalar("SELECT count(*) FROM \"User\"") == "1");
    p.write("package.json", "{\"name\": \"app\", \"zenstack\": {\"seed\": \"echo seeded > seed-ran.txt\"}}");
    auto reset = p.zen("migrate reset --force");
    REQUIRE_MESSAGE(reset.exit_code == 0, reset.out);
    CHECK(reset.has("Running seed script"));
    CHECK(fs::exists(p.path() / "seed-ran.txt"));
    CHECK(p.scalar("SELECT count(*) FROM \"User\"") == "0");
    CHECK(p.zen("migrate status").exit_code == 0);
    fs::remove(p.path() / "seed-ran.txt");
    CHECK(p.zen("migrate reset --force --skip-seed").exit_code == 0);
    CHECK_FALSE(fs::exists(p.path() / "seed-ran.txt"));
  });
}
