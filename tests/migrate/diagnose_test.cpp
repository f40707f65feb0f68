// History diagnosis: the folder against `_prisma_migrations` rows (applied, pending, failed,
// edited, only in the database, and where diverged histories part).
#include <doctest/doctest.h>

#include <fstream>

#include "migrate/checksum.h"
#include "migrate/diagnose.h"
#include "support/temp_database.h"

using namespace zen::migrate;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  zen::testing::TempDir dir;
  std::vector<MigrationDirectory> folder;

  void add(const std::string& name, const std::string& sql) {
    fs::create_directories(dir.path / name);
    std::ofstream(dir.path / name / "migration.sql", std::ios::binary) << sql;
    folder = *list_migrations(dir.path);
  }
};

MigrationRecord row(const std::string& name, const std::string& sql, bool finished = true, bool rolled_back = false) {
  MigrationRecord r;
  r.id = name + "-id";
  r.migration_name = name;
  r.checksum = checksum(sql);
  r.started_at = "2024-01-01T00:00:00.000+00:00";
  if (finished) r.finished_at = r.started_at;
  if (rolled_back) r.rolled_back_at = r.started_at;
  return r;
}

}  // namespace

TEST_CASE("applied and pending") {
  Fixture f;
  f.add("1_a", "A");
  f.add("2_b", "B");
  auto d = *diagnose_history(f.folder, {row("1_a", "A")});
  CHECK(d.applied == std::vector<std::string>{"1_a"});
  CHECK(d.pending == std::vector<std::string>{"2_b"});
  CHECK_FALSE(d.up_to_date());
  CHECK_FALSE(d.histories_diverge());
}

TEST_CASE("a failed row is failed, and a rolled-back one makes the migration pending again") {
  Fixture f;
  f.add("1_a", "A");
  auto failed = *diagnose_history(f.folder, {row("1_a", "A", /*finished=*/false)});
  REQUIRE(failed.failed.size() == 1);
  CHECK(failed.pending.empty());
  auto rolled = *diagnose_history(f.folder, {row("1_a", "A", /*finished=*/false, /*rolled_back=*/true)});
  CHECK(rolled.failed.empty());
  CHECK(rolled.pending == std::vector<std::string>{"1_a"});
  auto reapplied = *diagnose_history(f.folder, {row("1_a", "A", false, true), row("1_a", "A")});
  CHECK(reapplied.up_to_date());
}

TEST_CASE("edited migrations are found by checksum, line endings aside") {
  Fixture f;
  f.add("1_a", "CREATE TABLE a (x INT);\r\n");
  CHECK(diagnose_history(f.folder, {row("1_a", "CREATE TABLE a (x INT);\n")})->up_to_date());
  auto d = *diagnose_history(f.folder, {row("1_a", "CREATE TABLE a (y INT);\n")});
  CHECK(d.edited == std::vector<std::string>{"1_a"});
}

TEST_CASE("diverged histories name the last common migration") {
  Fixture f;
  f.add("1_a", "A");
  f.add("2_local", "L");
  auto d = *diagnose_history(f.folder, {row("1_a", "A"), row("2_remote", "R")});
  CHECK(d.histories_diverge());
  CHECK(d.missing_locally == std::vector<std::string>{"2_remote"});
  CHECK(d.pending == std::vector<std::string>{"2_local"});
  CHECK(d.last_common == "1_a");

  Fixture g;
  g.add("1_local", "L");
  auto none = *diagnose_history(g.folder, {row("1_remote", "R")});
  CHECK(none.histories_diverge());
  CHECK_FALSE(none.last_common.has_value());
}
