// The incremental unterminated-string scan (syntax::StringScan, used by analysis::Host after
// each edit) always equals a scan of the whole edited text.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "syntax/syntax_error.h"

using zen::syntax::StringScan;
using zen::syntax::SyntaxError;

namespace {

std::string describe(const std::vector<SyntaxError>& errors) {
  std::string s;
  for (const auto& e : errors)
    s += std::to_string(e.range.start) + "-" + std::to_string(e.range.end) + " " + e.message + "\n";
  return s;
}

// Random text from the characters that matter to the scan: quotes, comment markers, escapes
// and line breaks, with a few letters in between.
std::string random_piece(std::mt19937& rng, size_t max_len) {
  static const std::string kPieces[] = {"\"", "'", "/", "*", "//", "/*", "*/", "\\", "\n", "\r\n", "a", " ", "x y"};
  std::string s;
  size_t n = rng() % (max_len + 1);
  for (size_t i = 0; i < n; ++i) s += kPieces[rng() % std::size(kPieces)];
  return s;
}

}  // namespace

TEST_CASE("string scan after random edits equals a full scan") {
  std::mt19937 rng(7);
  for (int text_no = 0; text_no < 40; ++text_no) {
    std::string text;
    for (int line = 0; line < 30; ++line) text += random_piece(rng, 6) + "\n";
    StringScan scan(text);
    REQUIRE(describe(scan.errors()) == describe(zen::syntax::unterminated_strings(text)));
    for (int edit = 0; edit < 60; ++edit) {
      uint32_t start = static_cast<uint32_t>(rng() % (text.size() + 1));
      uint32_t old_end = start + static_cast<uint32_t>(rng() % std::min<size_t>(8, text.size() - start + 1));
      std::string insert = random_piece(rng, 3);
      text.replace(start, old_end - start, insert);
      scan.update(text, start, old_end, start + static_cast<uint32_t>(insert.size()));
      INFO("text " << text_no << " edit " << edit << ": [" << start << ", " << old_end << ") -> `" << insert << "`");
      CHECK(describe(scan.errors()) == describe(zen::syntax::unterminated_strings(text)));
    }
  }
}

TEST_CASE("string scan follows a block comment opened and closed by edits") {
  std::string text = "model A {\n  a String @default(\"x)\n}\n/* \"\n*/\nmodel B { b String @default('y) }\n";
  StringScan scan(text);
  auto apply = [&](uint32_t start, uint32_t old_end, std::string insert) {
    text.replace(start, old_end - start, insert);
    scan.update(text, start, old_end, start + static_cast<uint32_t>(insert.size()));
    CHECK(describe(scan.errors()) == describe(zen::syntax::unterminated_strings(text)));
  };
  CHECK(scan.errors().size() == 2);
  apply(0, 0, "/*");                                         // everything up to the `*/` is a comment
  apply(0, 2, "");                                           // and back
  uint32_t close = static_cast<uint32_t>(text.find("*/"));
  apply(close, close + 2, "");                               // the comment now runs to the end
  apply(close, close, "*/");
  apply(static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size()), "\"open");
}
