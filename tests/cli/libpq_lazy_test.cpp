// libpq (and the twenty libraries it pulls in) is loaded only by commands that connect to
// PostgreSQL: `zen --version`, schema-only and SQLite commands start without it. The dynamic
// loader's own trace (glibc's LD_DEBUG=files) says which shared objects a run opened.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support/run_zen.h"
#include "support/temp_database.h"

using zen::testing::Run;
using zen::testing::shell_quote;
using zen::testing::TempDir;

namespace {

/// Runs `zen <args>` in `cwd` with the dynamic loader's trace in the output.
Run traced_zen(const std::filesystem::path& cwd, const std::string& args) {
  return zen::testing::run_shell("cd " + shell_quote(cwd.string()) + " && LD_DEBUG=files " +
                                 shell_quote(zen::testing::zen_binary()) + " " + args);
}

bool loaded_libpq(const Run& run) { return run.has("file=libpq.so"); }

}  // namespace

TEST_CASE("commands that do not connect to postgresql never load libpq") {
  TempDir dir;
  dir.write("schema.zmodel",
            "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
            "model User {\n  id Int @id\n}\n");

  auto version = traced_zen(dir.path, "--version");
  CHECK(version.exit_code == 0);
  // The trace is there: it lists the libraries zen does link.
  REQUIRE(version.has("file=libc.so"));
  CHECK_FALSE(loaded_libpq(version));

  auto schema_only = traced_zen(dir.path, "migrate diff --from-empty --to-schema schema.zmodel --script");
  CHECK(schema_only.exit_code == 0);
  CHECK(schema_only.has("CREATE TABLE \"User\""));
  CHECK_FALSE(loaded_libpq(schema_only));

  dir.write("sqlite.zmodel",
            "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:./dev.db\"\n}\n\n"
            "model User {\n  id Int @id\n}\n");
  auto sqlite = traced_zen(dir.path, "db push --schema sqlite.zmodel");
  CHECK(sqlite.exit_code == 0);
  CHECK(std::filesystem::exists(dir.path / "dev.db"));
  CHECK_FALSE(loaded_libpq(sqlite));
}

TEST_CASE("a command that connects to postgresql loads libpq then, and fails cleanly without a server") {
  TempDir dir;
  auto r = traced_zen(dir.path, "migrate diff --from-url postgresql://zen@127.0.0.1:1/nodb --to-empty --script");
  CHECK(loaded_libpq(r));
  CHECK(r.exit_code != 0);
  CHECK(r.has("cannot reach the database at `postgresql://zen@127.0.0.1:1/nodb`"));
}
