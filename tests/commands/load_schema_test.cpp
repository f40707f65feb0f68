// load_schema: reads the entry and its imports through a FileSystem (case-insensitive
// fallback, cycles, unreadable imports), and formats diagnostics as `FILE:LINE:COL: ...`.
#include <doctest/doctest.h>

#include "commands/load_schema.h"

using namespace zen;
using namespace zen::commands;

TEST_CASE("load_schema follows imports transitively, tolerating cycles and case differences") {
  MemoryFileSystem fs({
      {"p/schema.zmodel", "import './models'\nimport 'common/Base'\ndatasource db { provider = \"sqlite\" url = \"file:x\" }\nmodel S extends Base { x Int }\n"},
      {"p/models.zmodel", "import 'schema'\nimport './enums.zmodel'\nmodel M { id Int @id r Role }\n"},
      {"p/enums.zmodel", "enum Role { A }\n"},
      {"p/common/base.zmodel", "abstract model Base { id Int @id }\n"},
      {"p/unused.zmodel", "model U { id Int @id }\n"},
  });
  auto loaded = load_schema("p/schema.zmodel", fs);
  REQUIRE(loaded.ok());
  std::vector<std::string> paths;
  for (const auto& f : loaded->files) paths.push_back(f);
  CHECK(paths == std::vector<std::string>{"p/schema.zmodel", "p/models.zmodel", "p/common/base.zmodel", "p/enums.zmodel"});
  CHECK(loaded->model().find_model("U") == nullptr);
  CHECK(loaded->model().find_model("S")->find_field("id") != nullptr);
  for (const auto& d : loaded->analysis->diagnostics) {
    INFO(d.code << ": " << d.message);
    CHECK(d.severity != Severity::Error);
  }
  CHECK(loaded->text("p/enums.zmodel") != nullptr);
  CHECK(loaded->text("nope") == nullptr);
}

TEST_CASE("an unreadable import is an unresolved-import diagnostic, a missing entry an error") {
  MemoryFileSystem fs;
  fs.add("schema.zmodel", "import 'gone'\nmodel A { id Int @id }\n");
  auto loaded = load_schema("schema.zmodel", fs);
  REQUIRE(loaded.ok());
  bool found = false;
  for (const auto& d : loaded->analysis->diagnostics) {
    if (d.code != "unresolved-import") continue;
    found = true;
    CHECK(format_diagnostic(d, *loaded->text("schema.zmodel")) ==
          "schema.zmodel:1:8: error[unresolved-import]: cannot find the imported file `gone.zmodel`; fix the path "
          "(it is relative to `schema.zmodel`, and `.zmodel` is added when missing)");
  }
  CHECK(found);
  auto missing = load_schema("other.zmodel", fs);
  REQUIRE(!missing.ok());
  CHECK(missing.error().code == ErrorCode::NotFound);
}

TEST_CASE("find_default_schema looks where ZenStack and Prisma do") {
  CHECK(find_default_schema(MemoryFileSystem()) == std::nullopt);
  MemoryFileSystem one;
  one.add("prisma/schema.prisma", "");
  CHECK(find_default_schema(one) == "prisma/schema.prisma");
  CHECK(find_default_schema(MemoryFileSystem({{"prisma/schema.prisma", ""}, {"zenstack/schema.zmodel", ""}})) ==
        "zenstack/schema.zmodel");
}

TEST_CASE("MemoryFileSystem lists the files of one folder") {
  MemoryFileSystem fs({{"a/x.zmodel", ""}, {"a/b/y.zmodel", ""}, {"z.zmodel", ""}});
  CHECK(fs.list("a") == std::vector<std::string>{"x.zmodel"});
  CHECK(fs.list("") == std::vector<std::string>{"z.zmodel"});
}
