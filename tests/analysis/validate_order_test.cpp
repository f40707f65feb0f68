// Report order of validation diagnostics at one position. Several checks run together one
// declaration at a time (validate/per_declaration.cpp) yet must report in the order they had as
// separate rules: the one-shot analysis (sequential, or on two threads for a big schema) and a
// Host (which sorts by report key, also after an incremental edit) give the same list, with the
// checks' diagnostics at one position in check order.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/analysis.h"

using namespace zen::analysis;

namespace {

// `@db.Legacy` is reported twice at its name: deprecated (attribute arguments), then not a
// native type of the provider (native types). `owner`, inherited by two models from a base
// written after them, has a `references` list that is both of the wrong type (attribute
// arguments, reported in the base) and of the wrong length (relations, reported once per
// inheriting model, in model order).
std::string schema(int fillers) {
  std::string s = R"(datasource db {
    provider = "postgresql"
    url      = env("X")
}

attribute @db.Legacy() @@@deprecated("use @db.Text")

model First extends Base {
    id Int @id
}

model Second extends Base {
    key Int @id
}

abstract model Base {
    owner   Owner @relation(fields: [ownerId], references: [1, 2])
    ownerId Int
    title   String @db.Legacy
}

model Owner {
    id Int @id
}
)";
  // Filler models make the text big enough for the rules to run on two threads.
  for (int i = 0; i < fillers; ++i)
    s += "\nmodel Filler" + std::to_string(i) + " {\n    id    Int    @id @default(autoincrement())\n    name  String @db.VarChar(64)\n    label String?\n}\n";
  return s;
}

std::vector<std::string> lines(const std::vector<zen::Diagnostic>& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags)
    out.push_back(std::to_string(d.range.start) + "-" + std::to_string(d.range.end) + " " + d.code + ": " + d.message);
  return out;
}

// The codes of the diagnostics at the range of the first occurrence of `needle` (its first
// `length` characters; all of it by default).
std::vector<std::string> codes_at(const std::vector<zen::Diagnostic>& diags, const std::string& text,
                                  const std::string& needle, size_t length = std::string::npos) {
  size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  size_t end = at + std::min(length, needle.size());
  std::vector<std::string> out;
  for (const auto& d : diags)
    if (d.range.start == at && d.range.end == end) out.push_back(d.code);
  return out;
}

// The use of `@db.Legacy` (not its declaration).
const std::string kLegacyUse = "@db.Legacy\n";
const size_t kLegacyLength = kLegacyUse.size() - 1;

}  // namespace

TEST_CASE("diagnostics at one position keep the order of the checks") {
  for (int fillers : {0, 2000}) {
    CAPTURE(fillers);
    const std::string path = "/order/schema.zmodel";
    const std::string text = schema(fillers);
    if (fillers) CHECK(text.size() > 128 * 1024);  // the rules run on two threads

    Analysis once = analyze({SourceInput{path, text}}, path);
    CHECK(codes_at(once.diagnostics, text, kLegacyUse, kLegacyLength) ==
          std::vector<std::string>{"deprecated-attribute", "invalid-native-type"});
    std::vector<std::string> at_references = codes_at(once.diagnostics, text, "[1, 2]");
    CHECK(at_references ==
          std::vector<std::string>{"type-mismatch", "relation-fields-mismatch", "relation-fields-mismatch"});

    Host host;
    host.set_file_text(path, text);
    auto first = host.analyze(path);
    CHECK(lines(first->diagnostics) == lines(once.diagnostics));

    // An edit inside `Base` checks it (and the models inheriting from it) again; the order holds.
    size_t at = text.find("ownerId Int");
    REQUIRE(at != std::string::npos);
    CHECK(host.apply_edit(path, TextEdit{zen::TextRange{static_cast<uint32_t>(at + 7), static_cast<uint32_t>(at + 7)}, " "}));
    auto second = host.analyze(path);
    std::string edited = text;
    edited.insert(at + 7, " ");
    Analysis fresh = analyze({SourceInput{path, edited}}, path);
    CHECK(lines(second->diagnostics) == lines(fresh.diagnostics));
    CHECK(codes_at(second->diagnostics, edited, kLegacyUse, kLegacyLength) ==
          std::vector<std::string>{"deprecated-attribute", "invalid-native-type"});
  }
}
