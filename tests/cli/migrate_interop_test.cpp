// Interoperation with Prisma Migrate: a migration history written by Prisma's own engine
// (tests/data/migrate-interop, made with ../shared/tools/prisma-reference `ref migrate-dev`)
// is deployed by `zen migrate deploy`, then reported up to date by `zen migrate status` and,
// where the dialect is available, found in sync by `zen migrate dev`.
#include "dialect/dialect.h"
#include "migrate_cli_support.h"

using namespace zen;
using zen::testing::on_each_database;
using zen::testing::Project;
namespace fs = std::filesystem;

TEST_CASE("a history created by prisma is deployed by zen and reported up to date") {
  on_each_database([](Project& p) {
    fs::path fixture = fs::path(ZEN_SOURCE_DIR) / "tests/data/migrate-interop" / std::string(provider_name(p.provider()));
    REQUIRE(fs::exists(fixture / "migrations" / "migration_lock.toml"));
    fs::remove(p.path() / "schema.zmodel");
    fs::copy(fixture, p.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    size_t count = 0;
    for (const auto& e : fs::directory_iterator(p.path() / "migrations")) count += e.is_directory();
    REQUIRE(count >= 2);
    // --url: the fixture schema's own url (SQLite) points elsewhere.
    std::string url = " --url " + zen::testing::shell_quote(p.url());
    auto d = p.zen("migrate deploy" + url);
    CHECK_MESSAGE(d.exit_code == 0, d.out);
    CHECK(p.scalar("SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL") == std::to_string(count));
    auto st = p.zen("migrate status" + url);
    CHECK_MESSAGE(st.exit_code == 0, st.out);
    CHECK(st.has("Database schema is up to date!"));
    if (!dialect::make_dialect(p.provider())) {
      MESSAGE("migrate dev part skipped: no dialect for " << provider_name(p.provider()) << " yet");
      return;
    }
    auto dev = p.zen("migrate dev" + url);
    CHECK_MESSAGE(dev.exit_code == 0, dev.out);
    CHECK(dev.has("Already in sync"));
  });
}
