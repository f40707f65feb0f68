// Golden migration scenarios (tests/data/migrate/<dialect>/*.txtar): lower both schemas,
// diff, render and compare byte for byte with Prisma's up.sql; then replay on a real
// database, introspect, and expect the re-diff against `to` to be empty. Scenarios with a
// seed.sql also check the data-loss warnings against the seeded database.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "dialect/dialect.h"
#include "dialect/sqlite/connector.h"
#include "diff/differ.h"
#include "golden_support.h"
#include "support/temp_database.h"

namespace fs = std::filesystem;
using namespace zen;

namespace {

std::vector<fs::path> scenarios(const std::string& dialect) {
  std::vector<fs::path> out;
  // ZEN_GOLDEN_DIR points the harness at another copy of the scenarios (debugging).
  const char* root = std::getenv("ZEN_GOLDEN_DIR");
  fs::path dir = (root ? fs::path(root) : fs::path(ZEN_SOURCE_DIR) / "tests/data/migrate") / dialect;
  if (!fs::exists(dir)) return out;
  // ZEN_GOLDEN_FILTER=substring runs only the matching scenarios (for debugging).
  const char* filter = std::getenv("ZEN_GOLDEN_FILTER");
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txtar") continue;
    if (filter && e.path().filename().string().find(filter) == std::string::npos) continue;
    out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool update_expectations() {
  const char* v = std::getenv("ZEN_UPDATE_EXPECT");
  return v && std::string(v) == "1";
}

/// Appends missing sections only: Prisma's goldens are never overwritten.
void add_missing_section(const fs::path& path, const std::string& name, const std::string& body) {
  std::ofstream f(path, std::ios::app);
  f << "-- " << name << " --\n" << body;
  if (!body.empty() && body.back() != '\n') f << "\n";
}

std::string with_newline(std::string s) {
  if (!s.empty() && s.back() != '\n') s += "\n";
  return s;
}

std::string lines(const std::vector<diff::MigrationWarning>& ws) {
  std::string out;
  for (const auto& w : ws) out += w.message + "\n";
  return out;
}

struct LiveDb {
  std::unique_ptr<testing::TempDir> dir;
  std::unique_ptr<testing::TempPostgresDatabase> pg;
  std::unique_ptr<db::Connection> conn;  // declared last: closed before the database goes
};

/// A fresh database for the dialect; nullptr conn when unavailable (PostgreSQL not configured).
LiveDb fresh_db(Provider p) {
  LiveDb out;
  if (p == Provider::Sqlite) {
    out.dir = std::make_unique<testing::TempDir>();
    auto c = db::connect("file:" + (out.dir->path / "test.db").string());
    REQUIRE_MESSAGE(c.ok(), c.error().to_string());
    out.conn = std::move(*c);
    return out;
  }
  out.pg = std::make_unique<testing::TempPostgresDatabase>();
  if (out.pg->url().empty()) return out;
  auto c = db::connect(out.pg->url());
  REQUIRE_MESSAGE(c.ok(), c.error().to_string());
  out.conn = std::move(*c);
  return out;
}

void run_scenario(const fs::path& path, const dialect::Dialect& d, bool live) {
  INFO(path.string());
  auto t = testing::parse_txtar(testing::read_file(path.string()));
  auto from = testing::lower_text(t.get("from.zmodel"), d);
  auto to = testing::lower_text(t.get("to.zmodel"), d);
  CHECK_MESSAGE(from.errors.empty(), from.errors);
  CHECK_MESSAGE(to.errors.empty(), to.errors);

  auto migration = d.diff(from.schema, to.schema);
  std::string up = with_newline(d.render_script(migration, {from.schema, to.schema}));
  if (t.has("up.sql")) {
    CHECK(up == t.get("up.sql"));
  } else if (update_expectations()) {
    add_missing_section(path, "up.sql", up);
  } else {
    FAIL_CHECK("missing up.sql section (run with ZEN_UPDATE_EXPECT=1 to add it)");
  }
  if (!live) return;

  // Replay: build `from` with zen's own SQL, apply up.sql, introspect, re-diff against `to`.
  auto db = fresh_db(d.provider());
  if (!db.conn) return;
  auto empty = d.empty_schema();
  auto create = d.diff(empty, from.schema);
  std::string create_sql = d.render_script(create, {empty, from.schema});
  if (!create.empty()) {
    auto r = d.apply_script(*db.conn, create_sql);
    if (t.has("error") && !r.ok()) return;  // `from` itself cannot be built (see below)
    CHECK_MESSAGE(r.ok(), r.error().to_string());
    if (!r.ok()) return;
  }
  if (t.has("seed.sql")) {
    auto r = db.conn->execute_script(t.get("seed.sql"));
    CHECK_MESSAGE(r.ok(), r.error().to_string());
    if (!r.ok()) return;
    // Warnings as `db push` reports them: the live database against `to`.
    auto actual = d.introspect(*db.conn, dialect::introspect_options_for(to.schema));
    CHECK_MESSAGE(actual.ok(), actual.error().to_string());
    if (!actual.ok()) return;
    auto push = d.diff(*actual, to.schema);
    auto checks = d.check_destructive(push, {*actual, to.schema}, db.conn.get());
    CHECK_MESSAGE(checks.ok(), checks.error().to_string());
    if (!checks.ok()) return;
    // `prisma db push` shows only the unexecutable steps when there are some.
    if (checks->unexecutable.empty()) CHECK(lines(checks->warnings) == t.get("warnings"));
    CHECK(lines(checks->unexecutable) == t.get("unexecutable"));
    if (!checks->unexecutable.empty()) return;  // Prisma would refuse to run it
  }
  if (!migration.empty()) {
    auto r = d.apply_script(*db.conn, up);
    // An `-- error --` section says the script is expected to fail on a real database
    // (Prisma's own SQL is invalid there, e.g. unquoted JSON defaults on SQLite).
    if (t.has("error")) {
      CHECK_FALSE(r.ok());
      if (!r.ok()) CHECK(r.error().message.find(t.get("error").substr(0, t.get("error").size() - 1)) != std::string::npos);
      return;
    }
    CHECK_MESSAGE(r.ok(), r.error().to_string());
    if (!r.ok()) return;
  }
  auto actual = d.introspect(*db.conn, dialect::introspect_options_for(to.schema));
  CHECK_MESSAGE(actual.ok(), actual.error().to_string());
  if (!actual.ok()) return;
  auto drift = d.diff(*actual, to.schema);
  INFO("drift:\n" << diff::render_summary(drift, {*actual, to.schema}) << "\nintrospected:\n"
                  << schema::dump(*actual) << "\nwanted:\n" << schema::dump(to.schema));
  CHECK(drift.empty());
}

}  // namespace

TEST_CASE("sqlite golden scenarios match prisma and replay to no drift") {
  auto d = dialect::make_dialect(Provider::Sqlite);
  REQUIRE(d);
  auto files = scenarios("sqlite");
  CHECK(files.size() > 0);
  for (const auto& f : files) run_scenario(f, *d, /*live=*/true);
}

TEST_CASE("postgresql golden scenarios match prisma and replay to no drift") {
  auto d = dialect::make_dialect(Provider::Postgresql);
  if (!d) {
    MESSAGE("the PostgreSQL dialect is not linked in yet");
    return;
  }
  bool live = testing::postgres_server_url().has_value();
  for (const auto& f : scenarios("postgresql")) run_scenario(f, *d, live);
}
