// `zen migrate deploy|status|resolve` end to end on SQLite and PostgreSQL: the reliability
// scenarios of issue 5 (concurrent deploys, a failing migration and its recovery, a deploy
// killed part-way, edited migrations, a database that is down, baselining).
#include <chrono>
#include <random>
#include <thread>

#include "migrate_cli_support.h"

using namespace zen;
using zen::testing::on_each_database;
using zen::testing::Project;

namespace {

std::string big_table_sql(Provider p, const std::string& name, int rows) {
  if (p == Provider::Sqlite)
    return "CREATE TABLE \"" + name + "\" AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " +
           std::to_string(rows) + ") SELECT x FROM c;\n";
  return "CREATE TABLE \"" + name + "\" AS SELECT generate_series(1, " + std::to_string(rows) + ") AS x;\n";
}

}  // namespace

TEST_CASE("deploy applies pending migrations once and status reports up to date") {
  on_each_database([](Project& p) {
    p.add_migration("20240101000000_init", "-- CreateTable\nCREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
    p.add_migration("20240102000000_posts", "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
    auto st0 = p.zen("migrate status");
    CHECK(st0.exit_code == 1);
    // SQLite: the file does not exist yet (status never creates it); PostgreSQL: an empty database.
    CHECK((p.provider() == Provider::Sqlite ? st0.has("does not exist") : st0.has("Not yet applied (2)")));
    auto r = p.zen("migrate deploy");
    CHECK_MESSAGE(r.exit_code == 0, r.out);
    CHECK(r.has("Applying migration `20240101000000_init` (1/2)"));
    CHECK(r.has("All migrations have been successfully applied."));
    CHECK(p.has_table("User"));
    CHECK(p.has_table("Post"));
    auto again = p.zen("migrate deploy");
    CHECK(again.exit_code == 0);
    CHECK(again.has("No pending migrations to apply."));
    auto st = p.zen("migrate status");
    CHECK_MESSAGE(st.exit_code == 0, st.out);
    CHECK(st.has("Database schema is up to date!"));
    CHECK(p.scalar("SELECT count(*) FROM _prisma_migrations") == "2");
  });
}

TEST_CASE("eight concurrent deploys apply each migration exactly once and all succeed") {
  on_each_database([](Project& p) {
    p.add_migration("20240101000000_a", "CREATE TABLE counter (n INTEGER);\nINSERT INTO counter VALUES (1);\n");
    p.add_migration("20240102000000_b", big_table_sql(p.provider(), "filler", 200000) + "INSERT INTO counter VALUES (2);\n");
    p.add_migration("20240103000000_c", "INSERT INTO counter VALUES (3);\n");
    // Each waits for all those before it; a generous lock timeout keeps a slow disk (fsync under
    // load) from turning this correctness test into a timing one.
    auto codes = p.zen_concurrently("migrate deploy --lock-timeout 120000", 8);
    for (int c : codes) CHECK(c == 0);
    CHECK(p.scalar("SELECT count(*) FROM counter") == "3");
    CHECK(p.scalar("SELECT count(*) FROM _prisma_migrations") == "3");
    CHECK(p.scalar("SELECT count(DISTINCT migration_name) FROM _prisma_migrations WHERE finished_at IS NOT NULL") == "3");
    CHECK(p.zen("migrate status").exit_code == 0);
  });
}

TEST_CASE("a migration failing in its middle leaves the schema untouched and is recovered with resolve") {
  on_each_database([](Project& p) {
    p.add_migration("20240101000000_init", "CREATE TABLE a (id INTEGER);\n");
    p.add_migration("20240102000000_broken",
                    "CREATE TABLE b (id INTEGER);\nINSERT INTO b VALUES (1);\nINSERT INTO missing_table VALUES (1);\n"
                    "CREATE TABLE c (id INTEGER);\n");
    auto r = p.zen("migrate deploy");
    CHECK(r.exit_code == 1);
    CHECK(r.has("migration `20240102000000_broken` failed"));
    CHECK(r.has("line 3"));
    CHECK(r.has("nothing of it was applied"));
    CHECK(p.has_table("a"));
    CHECK_FALSE(p.has_table("b"));
    CHECK_FALSE(p.has_table("c"));
    // Recorded with its error.
    CHECK(p.scalar("SELECT logs FROM _prisma_migrations WHERE migration_name = '20240102000000_broken'").find("missing_table") !=
          std::string::npos);

    auto st = p.zen("migrate status");
    CHECK(st.exit_code == 1);
    CHECK(st.has("Failed migrations"));
    CHECK(st.has("20240102000000_broken"));
    auto refused = p.zen("migrate deploy");
    CHECK(refused.exit_code == 1);
    CHECK(refused.has("found failed migrations"));
    CHECK(refused.has("zen migrate resolve --rolled-back 20240102000000_broken"));

    // Rolling back something that is not failed is refused, as Prisma does.
    CHECK(p.zen("migrate resolve --rolled-back 20240101000000_init").exit_code != 0);
    auto resolved = p.zen("migrate resolve --rolled-back 20240102000000_broken");
    CHECK_MESSAGE(resolved.exit_code == 0, resolved.out);
    p.add_migration("20240102000000_broken", "CREATE TABLE b (id INTEGER);\nINSERT INTO b VALUES (1);\n");
    auto fixed = p.zen("migrate deploy");
    CHECK_MESSAGE(fixed.exit_code == 0, fixed.out);
    CHECK(p.has_table("b"));
    CHECK(p.scalar("SELECT count(*) FROM b") == "1");
    auto st2 = p.zen("migrate status");
    CHECK_MESSAGE(st2.exit_code == 0, st2.out);
  });
}

TEST_CASE("a deploy killed at a random moment is completed by the next deploy, nothing applied twice") {
  on_each_database([](Project& p) {
    p.add_migration("20240101000000_a", "CREATE TABLE counter (n INTEGER);\nINSERT INTO counter VALUES (1);\n");
    for (int i = 2; i <= 6; ++i) {
      p.add_migration("2024010" + std::to_string(i) + "000000_m" + std::to_string(i),
                      big_table_sql(p.provider(), "big" + std::to_string(i), 150000) + "INSERT INTO counter VALUES (" +
                          std::to_string(i) + ");\n");
    }
    std::mt19937 rng(std::random_device{}());
    for (int round = 0; round < 3; ++round) {
      pid_t pid = p.spawn("migrate deploy");
      std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 400)(rng)));
      kill(pid, SIGKILL);
      int status = 0;
      waitpid(pid, &status, 0);
    }
    auto r = p.zen("migrate deploy");
    CHECK_MESSAGE(r.exit_code == 0, r.out);
    CHECK(p.scalar("SELECT count(*) FROM counter") == "6");
    CHECK(p.scalar("SELECT count(*) FROM _prisma_migrations") == "6");
    CHECK(p.scalar("SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NULL") == "0");
    CHECK(p.zen("migrate status").exit_code == 0);
  });
}

TEST_CASE("an edited applied migration is reported by status") {
  on_each_database([](Project& p) {
    p.add_migration("20240101000000_init", "CREATE TABLE a (id INTEGER);\n");
    REQUIRE(p.zen("migrate deploy").exit_code == 0);
    // Line endings alone are not an edit.
    p.add_migration("20240101000000_init", "CREATE TABLE a (id INTEGER);\r\n");
    CHECK(p.zen("migrate status").exit_code == 0);
    p.add_migration("20240101000000_init", "CREATE TABLE a (id INTEGER, name TEXT);\n");
    auto st = p.zen("migrate status");
    CHECK(st.exit_code == 1);
    CHECK(st.has("modified after they were applied"));
    CHECK(st.has("20240101000000_init"));
    auto d = p.zen("migrate deploy");
    CHECK(d.exit_code == 0);
    CHECK(d.has("was modified after it was applied"));
  });
}

TEST_CASE("a database that is down is a clear error with its own exit code and no password") {
  Project p(Provider::Postgresql);
  p.write("schema.zmodel",
          "datasource db {\n  provider = \"postgresql\"\n  url = \"postgresql://zen:s3cr3t-pw@127.0.0.1:1/app\"\n}\n");
  p.add_migration("20240101000000_init", "CREATE TABLE a (id INTEGER);\n");
  for (const char* cmd : {"migrate deploy", "migrate status", "migrate resolve --applied 20240101000000_init"}) {
    INFO(cmd);
    // The schema's literal url wins over DATABASE_URL only without --url; make sure the env is not used.
    auto r = p.zen(std::string(cmd) + " --url postgresql://zen:s3cr3t-pw@127.0.0.1:1/app");
    CHECK(r.exit_code == 3);
    CHECK(r.has("cannot reach the database"));
    CHECK(r.has("127.0.0.1"));
    CHECK_FALSE(r.has("s3cr3t-pw"));
  }
}

TEST_CASE("a provider switch is refused by the lock file") {
  Project p(Provider::Sqlite);
  p.add_migration("20240101000000_init", "CREATE TABLE a (id INTEGER);\n");
  p.write("migrations/migration_lock.toml", "# x\nprovider = \"postgresql\"\n");
  auto r = p.zen("migrate deploy");
  CHECK(r.exit_code == 1);
  CHECK(r.has("does not match `postgresql`"));
}

TEST_CASE("an existing database is baselined with resolve --applied") {
  on_each_database([](Project& p) {
    {
      auto c = p.connect();
      REQUIRE(c->execute_script("CREATE TABLE legacy (id INTEGER);").ok());
    }
    p.add_migration("20240101000000_init", "CREATE TABLE legacy (id INTEGER);\n");
    p.add_migration("20240102000000_next", "CREATE TABLE fresh (id INTEGER);\n");
    auto st = p.zen("migrate status");
    CHECK(st.exit_code == 1);
    CHECK(st.has("not managed"));
    auto refused = p.zen("migrate deploy");
    CHECK(refused.exit_code == 1);
    CHECK(refused.has("no migration history"));
    CHECK(p.zen("migrate resolve --applied 20240109000000_nope").exit_code == 1);
    auto base = p.zen("migrate resolve --applied 20240101000000_init");
    CHECK_MESSAGE(base.exit_code == 0, base.out);
    CHECK(p.zen("migrate resolve --applied 20240101000000_init").exit_code != 0);  // already applied
    auto d = p.zen("migrate deploy");
    CHECK_MESSAGE(d.exit_code == 0, d.out);
    CHECK(p.has_table("fresh"));
    CHECK(p.zen("migrate status").exit_code == 0);
  });
}

TEST_CASE("postgres: create index concurrently runs outside a transaction and says so") {
  Project p(Provider::Postgresql);
  if (!p.available()) return;
  p.add_migration("20240101000000_init", "CREATE TABLE t (x INTEGER);\n");
  p.add_migration("20240102000000_idx", "CREATE INDEX CONCURRENTLY t_x_idx ON t (x);\n");
  auto r = p.zen("migrate deploy");
  CHECK_MESSAGE(r.exit_code == 0, r.out);
  CHECK(r.has("statement by statement"));
  CHECK(p.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 't_x_idx'") == "1");
}

TEST_CASE("status does not create a missing sqlite database") {
  Project p(Provider::Sqlite);
  p.add_migration("20240101000000_init", "CREATE TABLE a (id INTEGER);\n");
  auto st = p.zen("migrate status");
  CHECK(st.exit_code == 1);
  CHECK(st.has("does not exist"));
  CHECK_FALSE(std::filesystem::exists(p.path() / "dev.db"));
}

TEST_CASE("postgres: ?schema= puts the tables and the history in that schema") {
  Project p(Provider::Postgresql);
  if (!p.available()) return;
  p.add_migration("20240101000000_init", "CREATE TABLE \"Account\" (id INTEGER);\n");
  std::string url = zen::testing::shell_quote(p.url() + "?schema=tenant");
  auto d = p.zen("migrate deploy --url " + url);
  CHECK_MESSAGE(d.exit_code == 0, d.out);
  CHECK(p.scalar("SELECT table_schema FROM information_schema.tables WHERE table_name = 'Account'") == "tenant");
  CHECK(p.scalar("SELECT table_schema FROM information_schema.tables WHERE table_name = '_prisma_migrations'") == "tenant");
  CHECK(p.zen("migrate status --url " + url).exit_code == 0);
  // The public schema has no history: seen from there, nothing is applied.
  CHECK(p.zen("migrate status").exit_code == 1);
}

TEST_CASE("a long migration shows that it is still running") {
  Project p(Provider::Sqlite);
  p.add_migration("20240101000000_slow", big_table_sql(Provider::Sqlite, "slow", 1500000));
  setenv("ZEN_PROGRESS_EVERY_MS", "50", 1);
  auto d = p.zen("migrate deploy");
  unsetenv("ZEN_PROGRESS_EVERY_MS");
  CHECK_MESSAGE(d.exit_code == 0, d.out);
  CHECK(d.has("still applying `20240101000000_slow`"));
  CHECK(p.scalar("SELECT count(*) FROM slow") == "1500000");
}
