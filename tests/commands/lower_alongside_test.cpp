// `zen migrate` lowers a schema to tables while the validation rules still run (load_schema's
// `alongside` hook), so lowering, normalising, diffing and rendering must not fail on a model
// that validation goes on to reject; and for a valid schema the result must be the one the
// serial route gives. Checked on the invalid fixtures and on many broken variants of real
// schemas (attributes, arguments, list items or whole lines removed, types swapped).
#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "commands/load_schema.h"
#include "dialect/dialect.h"
#include "schema/lower_zmodel.h"
#include "support/files.h"

using namespace zen;
using namespace zen::commands;
namespace fs = std::filesystem;
using zen::testing::read_text;

namespace {

// What the migrate commands do with a lowered model: normalise, diff from empty, render.
std::string to_sql(schema::LowerResult lowered) {
  auto dialect = dialect::make_dialect(lowered.schema.provider);
  if (!dialect) return "";
  dialect->normalize(lowered.schema);
  auto empty = dialect->empty_schema();
  auto migration = dialect->diff(empty, lowered.schema);
  return dialect->render_script(migration, {empty, lowered.schema});
}

struct Outcome {
  bool hook_ran = false;
  bool has_errors = false;
};

// Loads `text` as a one-file workspace with a hook that lowers and renders the model, as
// `zen migrate diff` does; for an error-free result, compares with lowering afterwards.
Outcome load_with_hook(const std::string& text) {
  MemoryFileSystem files({{"schema.zmodel", text}});
  Outcome out;
  std::string meanwhile;
  auto loaded = load_schema("schema.zmodel", files, [&](const analysis::Model& model) {
    out.hook_ran = true;
    if (!model.datasource || !model.datasource->provider) return;
    meanwhile = to_sql(schema::lower_zmodel(model));
  });
  REQUIRE(loaded.ok());
  out.has_errors = loaded->has_errors();
  if (!out.has_errors) {
    CHECK(out.hook_ran);
    CHECK(meanwhile == to_sql(schema::lower_zmodel(loaded->model())));
  }
  return out;
}

// One random change that usually keeps every name resolvable, so that the broken model gets
// past resolution and only validation rejects it.
std::string mutate(const std::string& text, std::mt19937& rng) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  std::string out = text;
  for (int attempt = 0; attempt < 20; ++attempt) {
    size_t line = pick(starts.size());
    size_t begin = starts[line];
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string_view l(text.data() + begin, end - begin);
    switch (pick(5)) {
      case 0: {  // drop the attributes from one `@` on
        size_t at = l.find('@');
        if (at == std::string_view::npos) continue;
        return out.erase(begin + at, end - begin - at);
      }
      case 1:  // drop the line
        return out.erase(begin, end - begin);
      case 2: {  // drop one item of a list: `[a, b]` -> `[b]` or `[a]`
        size_t comma = l.find(", ");
        if (comma == std::string_view::npos) continue;
        size_t open = l.rfind('[', comma);
        if (open == std::string_view::npos) continue;
        return out.erase(begin + open + 1, comma + 2 - open - 1);
      }
      case 3: {  // drop one named argument
        size_t colon = l.find(": ");
        if (colon == std::string_view::npos) continue;
        size_t arg = l.rfind(' ', colon);
        size_t stop = l.find_first_of(",)", colon);
        if (arg == std::string_view::npos || stop == std::string_view::npos) continue;
        return out.erase(begin + arg, stop - arg + (l[stop] == ',' ? 1 : 0));
      }
      case 4: {  // swap a scalar type
        static const char* kTypes[] = {"Int", "String", "DateTime", "Boolean", "BigInt", "Json", "Decimal", "Bytes"};
        for (const char* from : kTypes) {
          size_t at = l.find(std::string(" ") + from);
          if (at == std::string_view::npos) continue;
          return out.replace(begin + at + 1, std::string_view(from).size(), kTypes[pick(8)]);
        }
        continue;
      }
    }
  }
  return out;
}

const char* kProviders[] = {"postgresql", "sqlite"};

// A schema large enough (over 128 KiB) for the validation rules to run on a second thread
// while the hook runs.
std::string big_schema() {
  std::string s = "datasource db {\n  provider = \"postgresql\"\n}\n\nenum Role {\n  USER\n  ADMIN\n}\n";
  for (int i = 0; i < 900; ++i) {
    std::string m = "M" + std::to_string(i);
    s += "\nmodel " + m + " {\n  id        Int      @id @default(autoincrement())\n";
    s += "  code      String   @unique @db.VarChar(64)\n  role      Role     @default(USER)\n";
    s += "  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n";
    s += "  parent    " + m + "?     @relation(\"tree\", fields: [parentId], references: [id], onDelete: Cascade)\n";
    s += "  parentId  Int?\n  children  " + m + "[]  @relation(\"tree\")\n";
    s += "  tags      T" + std::to_string(i % 7) + "[]\n\n  @@index([parentId, createdAt(sort: Desc)])\n  @@map(\"m_" + std::to_string(i) + "\")\n}\n";
  }
  for (int t = 0; t < 7; ++t) {
    s += "\nmodel T" + std::to_string(t) + " {\n  id   String @id @default(cuid())\n";
    for (int i = t; i < 900; i += 7) s += "  m" + std::to_string(i) + " M" + std::to_string(i) + "[]\n";
    s += "}\n";
  }
  return s;
}

}  // namespace

TEST_CASE("lowering alongside validation: invalid fixtures") {
  int lowered_invalid = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(ZEN_SOURCE_DIR) / "tests/data/analysis")) {
    if (entry.path().extension() != ".zmodel") continue;
    std::string text = read_text(entry.path());
    for (const char* provider : kProviders) {
      std::string with_db = text.find("datasource") == std::string::npos
                                ? std::string("datasource db {\n  provider = \"") + provider + "\"\n}\n" + text
                                : text;
      INFO(entry.path().filename().string() << " on " << provider);
      Outcome o = load_with_hook(with_db);
      if (o.hook_ran && o.has_errors) ++lowered_invalid;
    }
  }
  // The hook really saw models that validation rejected.
  CHECK(lowered_invalid > 50);
}

TEST_CASE("lowering alongside validation: broken variants of real schemas") {
  std::mt19937 rng(20261127);
  int lowered_invalid = 0, valid = 0;
  for (const char* name : {"zenstackhq__zenstack__cal-com.zmodel", "zenstackhq__zenstack__delegate.zmodel",
                           "zenstackhq__zenstack__todo-sample.zmodel", "langfuse__langfuse__schema.prisma",
                           "documenso__documenso__schema.prisma", "dubinc__dub__schema.prisma",
                           "prisma__prisma-engines__multiple-schemas-valid.prisma"}) {
    std::string text = read_text(fs::path(ZEN_SOURCE_DIR) / "tests/data/corpus" / name);
    REQUIRE(!text.empty());
    Outcome base = load_with_hook(text);
    CHECK_MESSAGE(!base.has_errors, name);
    for (int i = 0; i < 60; ++i) {
      std::string broken = text;
      int changes = 1 + static_cast<int>(rng() % 3);
      for (int c = 0; c < changes; ++c) broken = mutate(broken, rng);
      INFO(name << " variant " << i);
      Outcome o = load_with_hook(broken);
      if (o.hook_ran && o.has_errors) ++lowered_invalid;
      if (!o.has_errors) ++valid;
    }
  }
  CHECK(lowered_invalid > 50);
  CHECK(valid > 10);
}

TEST_CASE("lowering alongside validation: a large schema, rules on two threads") {
  std::string text = big_schema();
  REQUIRE(text.size() > 128 * 1024);
  Outcome base = load_with_hook(text);
  CHECK(!base.has_errors);
  std::mt19937 rng(7);
  int lowered_invalid = 0;
  for (int i = 0; i < 24; ++i) {
    std::string broken = text;
    for (int c = 0; c < 2; ++c) broken = mutate(broken, rng);
    INFO("variant " << i);
    Outcome o = load_with_hook(broken);
    if (o.hook_ran && o.has_errors) ++lowered_invalid;
  }
  CHECK(lowered_invalid > 6);
}
