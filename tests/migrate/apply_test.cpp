// The history table and the apply loop on SQLite (always) and PostgreSQL (when
// ZEN_TEST_POSTGRES_URL is set): rows as Prisma writes them, one transaction per migration,
// failures recorded and leaving nothing behind, statement-by-statement scripts, locks.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <fstream>

#include "dialect/connection.h"
#include "migrate/apply.h"
#include "migrate/checksum.h"
#include "migrate/history_table.h"
#include "migrate/lock.h"
#include "support/temp_database.h"

using namespace zen;
using namespace zen::migrate;
namespace fs = std::filesystem;
using zen::testing::TempDir;
using zen::testing::TempPostgresDatabase;

namespace {

void write(const fs::path& p, std::string_view text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::vector<MigrationDirectory> make(const fs::path& dir, std::vector<std::pair<std::string, std::string>> scripts) {
  for (auto& [name, sql] : scripts) write(dir / name / "migration.sql", sql);
  return *list_migrations(dir);
}

bool table_exists(db::Connection& c, const std::string& name) {
  auto r = c.provider() == Provider::Sqlite
               ? c.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {name})
               : c.query("SELECT 1 FROM information_schema.tables WHERE table_name = $1", {name});
  return r.ok() && !r->rows.empty();
}

/// The same checks on any database.
void check_apply_behaviour(db::Connection& c, const fs::path& dir) {
  REQUIRE(create_history_table(c).ok());
  REQUIRE(*history_table_exists(c));
  CHECK(list_user_tables(c)->empty());

  SUBCASE("applies in order and records finished rows with their checksums") {
    auto pending = make(dir, {{"20240101000000_a", "CREATE TABLE a (id INTEGER);\n"},
                              {"20240102000000_b", "-- AddTable\nCREATE TABLE b (id INTEGER);\nINSERT INTO b VALUES (1);\n"}});
    std::vector<AppliedMigration> applied;
    std::vector<std::string> events;
    auto r = apply_migrations(c, pending, applied, [&](const ApplyEvent& e) {
      events.push_back(fmt::format("{}:{}/{}:{}", static_cast<int>(e.kind), e.index, e.total, e.name));
    });
    REQUIRE(r.ok());
    CHECK(applied.size() == 2);
    CHECK(events == std::vector<std::string>{"0:1/2:20240101000000_a", "2:1/2:20240101000000_a",
                                             "0:2/2:20240102000000_b", "2:2/2:20240102000000_b"});
    auto records = list_records(c);
    REQUIRE(records.ok());
    REQUIRE(records->size() == 2);
    CHECK((*records)[0].migration_name == "20240101000000_a");
    CHECK((*records)[0].checksum == checksum("CREATE TABLE a (id INTEGER);\n"));
    CHECK((*records)[0].is_applied());
    CHECK((*records)[0].applied_steps_count == 1);
    CHECK((*records)[0].id.size() == 36);
    CHECK(list_user_tables(c)->size() == 2);
  }

  SUBCASE("a migration failing in its middle leaves nothing and is recorded with its error") {
    auto pending = make(dir, {{"20240101000000_ok", "CREATE TABLE ok (id INTEGER);"},
                              {"20240102000000_bad", "CREATE TABLE half (id INTEGER);\nINSERT INTO half VALUES (1);\n"
                                                     "INSERT INTO nowhere VALUES (1);\nCREATE TABLE never (id INTEGER);\n"},
                              {"20240103000000_later", "CREATE TABLE later (id INTEGER);"}});
    std::vector<AppliedMigration> applied;
    auto r = apply_migrations(c, pending, applied);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::MigrationFailed);
    CHECK(r.error().message.find("20240102000000_bad") != std::string::npos);
    CHECK(r.error().message.find("line 3") != std::string::npos);
    CHECK(r.error().to_string().find("resolve --rolled-back 20240102000000_bad") != std::string::npos);
    CHECK(applied.size() == 1);
    CHECK(table_exists(c, "ok"));
    CHECK_FALSE(table_exists(c, "half"));
    CHECK_FALSE(table_exists(c, "never"));
    CHECK_FALSE(table_exists(c, "later"));
    auto records = list_records(c);
    REQUIRE(records->size() == 2);
    const auto& failed = (*records)[1];
    CHECK(failed.migration_name == "20240102000000_bad");
    CHECK(failed.is_failed());
    REQUIRE(failed.logs.has_value());
    CHECK(failed.logs->find("nowhere") != std::string::npos);
  }

  SUBCASE("an empty migration applies") {
    auto pending = make(dir, {{"20240101000000_empty", "-- This is an empty migration."}});
    std::vector<AppliedMigration> applied;
    REQUIRE(apply_migrations(c, pending, applied).ok());
    CHECK(list_records(c)->at(0).is_applied());
  }

  SUBCASE("resolve-style rows: applied without running, rolled back") {
    REQUIRE(record_applied_without_running(c, "20240101000000_base", checksum("x")).ok());
    auto records = *list_records(c);
    REQUIRE(records.size() == 1);
    CHECK(records[0].is_applied());
    CHECK(records[0].logs == "");
    CHECK(records[0].applied_steps_count == 0);
    REQUIRE(record_rolled_back(c, records[0].id).ok());
    CHECK(list_records(c)->at(0).rolled_back_at.has_value());
  }
}

}  // namespace

TEST_CASE("scripts that cannot run in a transaction are recognised") {
  CHECK(non_transactional_reason("CREATE INDEX CONCURRENTLY i ON t(x);", Provider::Postgresql).has_value());
  CHECK(non_transactional_reason("-- x\ncreate unique index concurrently if not exists i on t(x);", Provider::Postgresql)
            ->find("CONCURRENTLY") != std::string::npos);
  CHECK_FALSE(non_transactional_reason("CREATE INDEX i ON t(x); -- CONCURRENTLY", Provider::Postgresql).has_value());
  CHECK_FALSE(non_transactional_reason("CREATE TABLE concurrently_log (x INT);", Provider::Postgresql).has_value());
  CHECK(non_transactional_reason("BEGIN; CREATE TABLE x (a INT); COMMIT;", Provider::Sqlite).has_value());
  CHECK(non_transactional_reason("VACUUM;", Provider::Sqlite).has_value());
  CHECK_FALSE(non_transactional_reason("PRAGMA foreign_keys=OFF; CREATE TABLE x (a INT); PRAGMA foreign_keys=ON;",
                                       Provider::Sqlite)
                  .has_value());
}

TEST_CASE("history table ddl is prisma's") {
  CHECK(history_table_ddl(Provider::Postgresql).find("checksum                VARCHAR(64) NOT NULL") != std::string::npos);
  CHECK(history_table_ddl(Provider::Sqlite).find("\"applied_steps_count\"   INTEGER UNSIGNED NOT NULL DEFAULT 0") !=
        std::string::npos);
}

TEST_CASE("sqlite: history rows and the apply loop") {
  TempDir dir;
  auto conn = db::connect("file:" + (dir.path / "dev.db").string());
  REQUIRE(conn.ok());
  check_apply_behaviour(**conn, dir.path / "migrations");
}

TEST_CASE("postgres: history rows and the apply loop") {
  TempPostgresDatabase db;
  if (db.url().empty()) return;
  TempDir dir;
  auto conn = db::connect(db.url());
  REQUIRE(conn.ok());
  check_apply_behaviour(**conn, dir.path / "migrations");
}

TEST_CASE("sqlite: rows use prisma's timestamp text") {
  auto conn = db::connect(":memory:");
  REQUIRE(conn.ok());
  REQUIRE(create_history_table(**conn).ok());
  REQUIRE(record_applied_without_running(**conn, "m", "c").ok());
  auto r = *list_records(**conn);
  REQUIRE(r.size() == 1);
  // 2026-11-27T07:42:16.739+00:00
  CHECK(r[0].started_at.size() == 29);
  CHECK(r[0].started_at.substr(10, 1) == "T");
  CHECK(r[0].started_at.ends_with("+00:00"));
}

TEST_CASE("sqlite: a redefinition script runs with foreign keys off inside the transaction") {
  TempDir dir;
  auto conn = db::connect("file:" + (dir.path / "dev.db").string());
  REQUIRE(conn.ok());
  auto& c = **conn;
  REQUIRE(c.execute_script("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE ch (id INTEGER, p INTEGER REFERENCES "
                           "p(id) ON DELETE CASCADE); INSERT INTO p VALUES (1); INSERT INTO ch VALUES (1, 1);")
              .ok());
  REQUIRE(create_history_table(c).ok());
  // Prisma's RedefineTables shape: with foreign keys on, dropping `p` would cascade into `ch`.
  auto pending = make(dir.path / "m", {{"20240101000000_redefine",
                                        "PRAGMA defer_foreign_keys=ON;\nPRAGMA foreign_keys=OFF;\n"
                                        "CREATE TABLE \"new_p\" (id INTEGER PRIMARY KEY, name TEXT);\n"
                                        "INSERT INTO \"new_p\" (id) SELECT id FROM \"p\";\nDROP TABLE \"p\";\n"
                                        "ALTER TABLE \"new_p\" RENAME TO \"p\";\n"
                                        "PRAGMA foreign_keys=ON;\nPRAGMA defer_foreign_keys=OFF;\n"}});
  std::vector<AppliedMigration> applied;
  REQUIRE(apply_migrations(c, pending, applied).ok());
  CHECK(c.query("SELECT count(*) FROM ch")->rows[0][0] == "1");
  CHECK(c.query("PRAGMA foreign_keys")->rows[0][0] == "1");
}

TEST_CASE("sqlite: the exclusive lock keeps a second process out until released") {
  TempDir dir;
  std::string url = "file:" + (dir.path / "dev.db").string();
  auto a = db::connect(url);
  auto b = db::connect(url);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  LockOptions quick;
  quick.timeout = std::chrono::milliseconds(200);
  auto first = acquire_migration_lock(**a, quick);
  REQUIRE(first.ok());
  REQUIRE((*a)->execute_script("CREATE TABLE t (x INT)").ok());
  auto second = acquire_migration_lock(**b, quick);
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().code == ErrorCode::LockTimeout);
  first->reset();
  auto third = acquire_migration_lock(**b, quick);
  CHECK(third.ok());
}

TEST_CASE("postgres: the advisory lock keeps a second session out and can be turned off") {
  TempPostgresDatabase db;
  if (db.url().empty()) return;
  auto a = db::connect(db.url());
  auto b = db::connect(db.url());
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  LockOptions quick;
  quick.timeout = std::chrono::milliseconds(300);
  auto first = acquire_migration_lock(**a, quick);
  REQUIRE(first.ok());
  auto second = acquire_migration_lock(**b, quick);
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().code == ErrorCode::LockTimeout);
  CHECK(second.error().message.find("72707369") != std::string::npos);
  LockOptions off = quick;
  off.advisory_lock = false;
  CHECK(acquire_migration_lock(**b, off).ok());
  first->reset();
  CHECK(acquire_migration_lock(**b, quick).ok());
}
