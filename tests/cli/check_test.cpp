// `zen check` as a user runs it: output lines `FILE:LINE:COL: error[CODE]: message`, the
// summary on stderr, exit 1 on errors, imports followed (with the case-insensitive fallback).
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("zen_check_test_" + std::to_string(std::rand()) + "_" +
                                        std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::path p = path / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
};

// Runs `zen <args>` in `cwd`.
RunResult zen(const fs::path& cwd, const std::string& args) {
  fs::path out = cwd / ".out", err = cwd / ".err";
  std::string cmd = "cd '" + cwd.string() + "' && '" + std::string(ZEN_BINARY_DIR) + "/zen' " + args + " >'" +
                    out.string() + "' 2>'" + err.string() + "'";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

const char* kValid = R"(datasource db {
  provider = "sqlite"
  url = "file:./dev.db"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
}
)";

}  // namespace

TEST_CASE("a valid schema: exit 0, nothing on stdout, a summary on stderr") {
  TempDir dir;
  dir.write("schema.zmodel", kValid);
  auto r = zen(dir.path, "check --schema schema.zmodel");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "");
  CHECK(r.err == "schema.zmodel: no problems found (1 file checked)\n");
  // Without --schema, ./schema.zmodel is found.
  auto d = zen(dir.path, "check");
  CHECK(d.exit_code == 0);
  CHECK(d.err == r.err);
}

TEST_CASE("errors are printed as FILE:LINE:COL: error[CODE]: message and exit 1") {
  TempDir dir;
  dir.write("schema.zmodel", std::string(kValid) + "model Post {\n  id Int @id\n  author Usr\n  @@indx([id])\n}\n");
  auto r = zen(dir.path, "check --schema schema.zmodel");
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "schema.zmodel:12:10: error[unknown-type]: unknown type `Usr`; declare a model, type or enum named `Usr`, "
        "or fix the name\n"
        "schema.zmodel:13:3: error[unknown-attribute]: unknown attribute `@@indx`; check its name, or declare it "
        "with `attribute @@indx(...)`\n");
  CHECK(r.err == "schema.zmodel: 2 errors, 0 warnings (1 file checked)\n");
}

TEST_CASE("imports are followed; diagnostics name the imported file") {
  TempDir dir;
  dir.write("app/schema.zmodel", std::string("import './models'\nimport 'common/Base'\n") + kValid);
  dir.write("app/models.zmodel", "import './missing'\nmodel Post extends Base {\n  title Strin\n}\n");
  dir.write("app/common/base.zmodel", "abstract model Base {\n  id Int @id\n}\n");
  auto r = zen(dir.path, "check --schema app/schema.zmodel");
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "app/models.zmodel:1:8: error[unresolved-import]: cannot find the imported file `app/missing.zmodel`; "
        "fix the path (it is relative to `app/models.zmodel`, and `.zmodel` is added when missing)\n"
        "app/models.zmodel:3:9: error[unknown-type]: unknown type `Strin`; declare a model, type or enum named "
        "`Strin`, or fix the name\n");
  CHECK(r.err == "app/schema.zmodel: 2 errors, 0 warnings (3 files checked)\n");
}

TEST_CASE("duplicate declarations point at the first one") {
  TempDir dir;
  dir.write("schema.zmodel", std::string("import 'other'\n") + kValid);
  dir.write("other.zmodel", "enum User {\n  A\n}\n");
  auto r = zen(dir.path, "check --schema schema.zmodel");
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "other.zmodel:1:6: error[duplicate-declaration]: `User` is already declared as a model in "
        "`schema.zmodel`; rename one of them\n"
        "schema.zmodel:7:7: note: first declared here\n");
}

TEST_CASE("a missing schema file and bad flags") {
  TempDir dir;
  auto r = zen(dir.path, "check --schema nope.zmodel");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "");
  CHECK(r.err == "error: cannot read the schema file `nope.zmodel`; check the path or pass one with `--schema`\n");
  auto none = zen(dir.path, "check");
  CHECK(none.exit_code == 1);
  CHECK(none.err.find("no schema found") != std::string::npos);
  auto bad = zen(dir.path, "check --frobnicate");
  CHECK(bad.exit_code == 2);
  auto help = zen(dir.path, "check --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Usage: zen check") != std::string::npos);
}

TEST_CASE("syntax errors are reported with their position") {
  TempDir dir;
  dir.write("schema.zmodel", std::string(kValid) + "model Broken {\n  id Int @id @default(\n}\n");
  auto r = zen(dir.path, "check --schema schema.zmodel");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("schema.zmodel:11:22: error[syntax-error]: unexpected `(`") != std::string::npos);
}
