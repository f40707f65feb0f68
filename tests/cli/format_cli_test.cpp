// `zen format` end to end: rewrites files in place, follows imports, `--check` lists the files
// that would change and exits 1, and a file with syntax errors is left untouched.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/run_zen.h"
#include "support/temp_database.h"

namespace fs = std::filesystem;

namespace {

using FormatRun = zen::testing::Run;
using FormatDir = zen::testing::TempDir;

FormatRun run_format(const fs::path& cwd, const std::string& args) {
  return zen::testing::run_zen(cwd, "format " + args);
}

const char* kMain = "import \"models\"\ndatasource db {\n  provider = \"sqlite\"\n}\n";
const char* kModels = "model User {\n  id Int @id\n  name String?\n}\n";
const char* kModelsFormatted = "model User {\n    id   Int     @id\n    name String?\n}\n";

}  // namespace

TEST_CASE("zen format --check lists the files that would change and exits 1 without writing") {
  FormatDir dir;
  dir.write("schema.zmodel", kMain);
  dir.write("models.zmodel", kModels);
  FormatRun r = run_format(dir.path, "--check");
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("would reformat schema.zmodel") != std::string::npos);
  CHECK(r.out.find("would reformat") != r.out.rfind("would reformat"));  // both files
  CHECK(dir.read("models.zmodel") == kModels);
}

TEST_CASE("zen format rewrites the schema and its imports, then --check passes") {
  FormatDir dir;
  dir.write("schema.zmodel", kMain);
  dir.write("models.zmodel", kModels);
  FormatRun r = run_format(dir.path, "--schema schema.zmodel");
  INFO(r.out);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("formatted schema.zmodel") != std::string::npos);
  CHECK(dir.read("models.zmodel") == kModelsFormatted);
  CHECK(dir.read("schema.zmodel") == "import \"models\"\ndatasource db {\n    provider = \"sqlite\"\n}\n");
  FormatRun again = run_format(dir.path, "--check");
  INFO(again.out);
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("already formatted") != std::string::npos);
}

TEST_CASE("zen format leaves a file with syntax errors untouched and exits 1") {
  FormatDir dir;
  std::string broken = "model A {\n  id Int @id(\n}\n";
  dir.write("schema.zmodel", broken);
  FormatRun r = run_format(dir.path, "");
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("schema.zmodel:2:") != std::string::npos);
  CHECK(r.out.find("syntax-error") != std::string::npos);
  CHECK(dir.read("schema.zmodel") == broken);
}

TEST_CASE("zen format uses Prisma's two-space indentation for .prisma files") {
  FormatDir dir;
  dir.write("prisma/schema.prisma", "model A {\n id Int @id\n}\n");
  FormatRun r = run_format(dir.path, "");
  INFO(r.out);
  CHECK(r.exit_code == 0);
  CHECK(dir.read("prisma/schema.prisma") == "model A {\n  id Int @id\n}\n");
}
