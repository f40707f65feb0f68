// `zen check` end to end on syntax errors: runs the built binary in a temporary directory
// and checks the `FILE:LINE:COL` lines, the exit code and how the schema is found.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Run {
  std::string out;  // stdout and stderr together
  int exit_code = -1;
};

// A fresh directory under the system temp dir, removed at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("zen_check_syntax_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
};

Run run_zen(const fs::path& cwd, const std::string& args) {
  std::string cmd = "cd '" + cwd.string() + "' && '" + std::string(ZEN_BINARY_DIR) + "/zen' " +
                    args + " 2>&1; echo \"exit=$?\"";
  Run run;
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  pclose(pipe);
  auto pos = run.out.rfind("exit=");
  REQUIRE(pos != std::string::npos);
  run.exit_code = std::stoi(run.out.substr(pos + 5));
  run.out.erase(pos);
  return run;
}

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
