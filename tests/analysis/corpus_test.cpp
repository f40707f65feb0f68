// Every real-world schema of the corpus ($ZEN_CORPUS_DIR, else tests/data/corpus, else
// ../shared/corpus) analyzes without errors: single files, and folders whose schema.zmodel
// (or zmodel/schema.zmodel) imports the rest.
#include <doctest/doctest.h>

#include <filesystem>

#include "analysis/analysis.h"
#include "resolve_fixture.h"
#include "support/files.h"

namespace fs = std::filesystem;
using namespace zen::analysis;

namespace {

using zen::testing::corpus_dir;
using zen::testing::read_text;

struct CorpusSchema {
  std::string name;
  std::vector<SourceInput> files;
  std::string entry;
};

std::vector<CorpusSchema> load_corpus() {
  std::vector<CorpusSchema> out;
  fs::path dir = corpus_dir();
  if (!fs::exists(dir)) return out;
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir)) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    CorpusSchema s;
    s.name = p.filename().string();
    if (fs::is_regular_file(p)) {
      auto ext = p.extension().string();
      if (ext != ".zmodel" && ext != ".prisma") continue;
      s.entry = p.string();
      s.files.push_back(SourceInput{p.string(), read_text(p)});
    } else if (fs::is_directory(p)) {
      fs::path entry = p / "schema.zmodel";
      if (!fs::exists(entry)) entry = p / "zmodel/schema.zmodel";
      if (!fs::exists(entry)) continue;
      s.entry = entry.string();
      for (const auto& f : fs::recursive_directory_iterator(p))
        if (f.is_regular_file() && f.path().extension() == ".zmodel")
          s.files.push_back(SourceInput{f.path().string(), read_text(f.path())});
    } else {
      continue;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

TEST_CASE("corpus schemas analyze without errors") {
  auto corpus = load_corpus();
  REQUIRE_MESSAGE(!corpus.empty(), "no corpus found at " << corpus_dir());
  for (const auto& s : corpus) {
    INFO("schema: " << s.name);
    Analysis a = analyze(s.files, s.entry);
    std::string resolution, other;
    for (const auto& d : a.diagnostics) {
      if (d.severity != zen::Severity::Error) continue;
      (testing::is_resolution_code(d.code) ? resolution : other) += "  " + testing::describe(d) + "\n";
    }
    INFO("resolution errors:\n" << resolution);
    CHECK(resolution.empty());
    INFO("validation errors:\n" << other);
    CHECK(other.empty());
    CHECK(!a.model.decls.empty());
    // Every user model resolved all its field types.
    for (DeclId id : a.model.models)
      for (const auto& slot : a.model.decl(id).all_fields) CHECK(slot.field->type.kind != TypeKind::Unresolved);
  }
}
