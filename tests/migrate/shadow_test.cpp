// Shadow databases: SQLite in memory; PostgreSQL a temporary database that is dropped when the
// shadow goes away, also after a failed replay.
#include <doctest/doctest.h>

#include <fstream>

#include "dialect/postgres/connector.h"
#include "migrate/shadow.h"
#include "support/temp_database.h"

using namespace zen;
using namespace zen::migrate;
namespace fs = std::filesystem;

namespace {

std::vector<MigrationDirectory> folder(const fs::path& dir, std::vector<std::pair<std::string, std::string>> scripts) {
  for (auto& [name, sql] : scripts) {
    fs::create_directories(dir / name);
    std::ofstream(dir / name / "migration.sql", std::ios::binary) << sql;
  }
  return *list_migrations(dir);
}

}  // namespace

TEST_CASE("sqlite: the shadow database is in memory and replays the history") {
  testing::TempDir dir;
  MigrateTarget target{"file:" + (dir.path / "dev.db").string(), Provider::Sqlite, dir.path / "migrations", {}, {}};
  auto dialect = dialect::make_dialect(Provider::Sqlite);
  REQUIRE(dialect);
  auto shadow = ShadowDatabase::open(target, std::nullopt, *dialect);
  REQUIRE(shadow.ok());
  auto ms = folder(dir.path / "migrations", {{"1_a", "CREATE TABLE a (id INTEGER);"}, {"2_b", "CREATE TABLE b (id INTEGER);"}});
  REQUIRE((*shadow)->replay(ms).ok());
  CHECK((*shadow)->conn().query("SELECT count(*) FROM sqlite_master WHERE type = 'table'")->rows[0][0] == "2");
  CHECK_FALSE(fs::exists(dir.path / "dev.db"));
}

TEST_CASE("a migration that does not replay cleanly is named") {
  testing::TempDir dir;
  MigrateTarget target{"file:" + (dir.path / "dev.db").string(), Provider::Sqlite, dir.path / "migrations", {}, {}};
  auto dialect = dialect::make_dialect(Provider::Sqlite);
  auto shadow = ShadowDatabase::open(target, std::nullopt, *dialect);
  REQUIRE(shadow.ok());
  auto ms = folder(dir.path / "migrations", {{"1_a", "CREATE TABLE a (id INTEGER);"}, {"2_bad", "ALTER TABLE zzz ADD x INT;"}});
  auto r = (*shadow)->replay(ms);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::MigrationFailed);
  CHECK(r.error().message.find("`2_bad` failed to apply cleanly to the shadow database") != std::string::npos);
}

TEST_CASE("postgres: the temporary shadow database is dropped afterwards, even after a failure") {
  testing::TempPostgresDatabase main_db;
  if (main_db.url().empty()) return;
  auto dialect = dialect::make_dialect(Provider::Postgresql);
  if (!dialect) return;
  testing::TempDir dir;
  MigrateTarget target{main_db.url(), Provider::Postgresql, dir.path / "migrations", {}, {}};
  auto ms = folder(dir.path / "migrations", {{"1_a", "CREATE TABLE a (id INTEGER);"}, {"2_bad", "ALTER TABLE zzz ADD x INT;"}});
  std::string name;
  {
    auto shadow = ShadowDatabase::open(target, std::nullopt, *dialect);
    REQUIRE(shadow.ok());
    auto* pg = dynamic_cast<db::postgres::PostgresConnection*>(&(*shadow)->conn());
    REQUIRE(pg);
    name = pg->database();
    CHECK(name.starts_with("prisma_migrate_shadow_db_"));
    CHECK_FALSE((*shadow)->replay(ms).ok());
  }
  auto admin = db::connect(main_db.url());
  REQUIRE(admin.ok());
  auto left = (*admin)->query("SELECT count(*) FROM pg_database WHERE datname = $1", {name});
  REQUIRE(left.ok());
  CHECK(left->rows[0][0] == "0");
}
