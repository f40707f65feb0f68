// HostOptions::collect_references = false (what the one-shot commands use): the model has no
// name uses, and everything else a command reads is the same: the diagnostics of every
// validation fixture (policy `check()` cycles, which read the uses when there are some,
// included) and of every corpus schema, and the models' declarations.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "resolve_fixture.h"
#include "support/files.h"

namespace fs = std::filesystem;
using namespace zen::analysis;

namespace {

using zen::testing::corpus_dir;
using zen::testing::read_text;

std::vector<std::string> described(const Analysis& a) {
  std::vector<std::string> out;
  for (const auto& d : a.diagnostics) out.push_back(d.path + ":" + zen::analysis::testing::describe(d));
  return out;
}

// The same files analysed by a one-shot Host with and without references.
void compare(const std::vector<std::pair<std::string, std::string>>& files, const std::string& entry,
             size_t& with_uses) {
  HostOptions with{.keep_syntax_trees = false, .keep_declarations = false};
  HostOptions without = with;
  without.collect_references = false;
  Host a(with), b(without);
  for (const auto& [path, text] : files) {
    a.set_file_text(path, text);
    b.set_file_text(path, text);
  }
  auto full = a.analyze(entry);
  auto lean = b.analyze(entry);
  CHECK(full->model.has_references);
  CHECK_FALSE(lean->model.has_references);
  CHECK(lean->model.references.empty());
  with_uses += !full->model.references.empty();
  CHECK(described(*lean) == described(*full));
  REQUIRE(lean->model.decls.size() == full->model.decls.size());
  for (size_t i = 0; i < full->model.decls.size(); ++i) {
    const Decl& x = full->model.decls[i];
    const Decl& y = lean->model.decls[i];
    CHECK(x.name == y.name);
    CHECK(x.all_fields.size() == y.all_fields.size());
    CHECK(x.all_attributes.size() == y.all_attributes.size());
    for (size_t f = 0; f < std::min(x.all_fields.size(), y.all_fields.size()); ++f) {
      CHECK(x.all_fields[f].field->type.decl == y.all_fields[f].field->type.decl);
      CHECK(x.all_fields[f].field->type.kind == y.all_fields[f].field->type.kind);
    }
  }
}

}  // namespace

TEST_CASE("without references: the validation fixtures report the same diagnostics") {
  fs::path dir = fs::path(ZEN_SOURCE_DIR) / "tests/data/analysis";
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".zmodel") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  REQUIRE(paths.size() > 20);
  size_t with_uses = 0, cycles = 0;
  for (const auto& p : paths) {
    INFO("fixture: " << p.filename().string());
    std::string text = read_text(p);
    cycles += text.find("cyclic-check") != std::string::npos;
    compare({{p.string(), text}}, p.string(), with_uses);
  }
  CHECK(cycles > 0);  // the rule that reads the name uses is among them
  CHECK(with_uses > 20);
}

TEST_CASE("without references: the corpus schemas analyse the same") {
  fs::path dir = corpus_dir();
  REQUIRE_MESSAGE(fs::exists(dir), "no corpus found at " << dir);
  size_t schemas = 0, with_uses = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    auto ext = e.path().extension();
    if (!e.is_regular_file() || (ext != ".zmodel" && ext != ".prisma")) continue;
    INFO("schema: " << e.path().filename().string());
    compare({{e.path().string(), read_text(e.path())}}, e.path().string(), with_uses);
    ++schemas;
  }
  CHECK(schemas > 10);
  CHECK(with_uses > 10);
}
