// `zen check` end to end on syntax errors: runs the built binary in a temporary directory
// and checks the `FILE:LINE:COL` lines, the exit code and how the schema is found.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/run_zen.h"
#include "support/temp_database.h"

namespace fs = std::filesystem;

namespace {

using zen::testing::Run;
using zen::testing::run_zen;
using zen::testing::TempDir;

const char* kValid =
    "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./dev.db\"\n}\n\n"
    "model User {\n  id Int @id @default(autoincrement())\n  name String\n}\n";

}  // namespace

TEST_CASE("zen check reports syntax errors with 1-based positions and exits 1") {
  TempDir dir;
  dir.write("schema.zmodel",
            "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./dev.db\"\n}\n"
            "model A {\n  id Int @id @default(autoincrement()\n  name String\n}\n}\n");
  Run r = run_zen(dir.path, "check --schema schema.zmodel");
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("schema.zmodel:6:38: error") != std::string::npos);
  CHECK(r.out.find("missing `)`") != std::string::npos);
  CHECK(r.out.find("schema.zmodel:9:1: error") != std::string::npos);
  CHECK(r.out.find("unexpected `}`") != std::string::npos);
  CHECK(r.out.find("syntax-error") != std::string::npos);
}

TEST_CASE("zen check exits 0 on a valid schema") {
  TempDir dir;
  dir.write("schema.zmodel", kValid);
  Run r = run_zen(dir.path, "check --schema schema.zmodel");
  INFO(r.out);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("error") == std::string::npos);
}

TEST_CASE("zen check finds ./schema.zmodel, then ./zenstack/schema.zmodel") {
  TempDir dir;
  dir.write("zenstack/schema.zmodel", "model {\n");
  Run r = run_zen(dir.path, "check");
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("zenstack/schema.zmodel:1:") != std::string::npos);

  dir.write("schema.zmodel", kValid);
  r = run_zen(dir.path, "check");
  INFO(r.out);
  CHECK(r.exit_code == 0);
}

TEST_CASE("zen check without a schema says what it looked for") {
  TempDir dir;
  Run r = run_zen(dir.path, "check");
  INFO(r.out);
  CHECK(r.exit_code != 0);
  CHECK(r.out.find("schema.zmodel") != std::string::npos);
  CHECK(r.out.find("--schema") != std::string::npos);
}

TEST_CASE("zen check on a missing file fails with a message naming it") {
  TempDir dir;
  Run r = run_zen(dir.path, "check --schema nope.zmodel");
  INFO(r.out);
  CHECK(r.exit_code != 0);
  CHECK(r.out.find("nope.zmodel") != std::string::npos);
}

TEST_CASE("zen check uses package.json's zenstack.schema first, relative to package.json") {
  TempDir dir;
  dir.write("schema.zmodel", kValid);
  dir.write("db/main.zmodel", "model {\n");
  dir.write("package.json", R"({"name": "app", "zenstack": {"schema": "db/main.zmodel"}})");
  Run r = run_zen(dir.path, "check");
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("db/main.zmodel:1:") != std::string::npos);

  // From a subfolder, the nearest package.json above is used.
  fs::create_directories(dir.path / "src" / "deep");
  r = run_zen(dir.path / "src" / "deep", "check");
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("db/main.zmodel:1:") != std::string::npos);

  // A folder means its schema.zmodel.
  dir.write("db/schema.zmodel", kValid);
  dir.write("package.json", R"({"zenstack": {"schema": "db"}})");
  r = run_zen(dir.path, "check");
  INFO(r.out);
  CHECK(r.exit_code == 0);

  // A configured schema that does not exist is an error naming it, not a silent fallback.
  dir.write("package.json", R"({"zenstack": {"schema": "missing.zmodel"}})");
  r = run_zen(dir.path, "check");
  INFO(r.out);
  CHECK(r.exit_code != 0);
  CHECK(r.out.find("missing.zmodel") != std::string::npos);

  // Without a zenstack section (or with broken JSON) the default locations apply.
  dir.write("package.json", "{ not json");
  r = run_zen(dir.path, "check");
  INFO(r.out);
  CHECK(r.exit_code == 0);
}
