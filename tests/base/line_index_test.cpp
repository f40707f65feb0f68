// LineIndex: byte and UTF-16 columns, CRLF lines, clamping.
#include <doctest/doctest.h>

#include "base/line_index.h"
#include "base/result.h"

using zen::LineCol;
using zen::LineIndex;

TEST_CASE("maps offsets to lines and byte columns") {
  LineIndex idx("ab\ncd\n\nx");
  CHECK(idx.line_count() == 4);
  CHECK(idx.line_col(0) == LineCol{0, 0});
  CHECK(idx.line_col(2) == LineCol{0, 2});
  CHECK(idx.line_col(3) == LineCol{1, 0});
  CHECK(idx.line_col(7) == LineCol{3, 0});
  CHECK(idx.line_col(100) == LineCol{3, 1});
  CHECK(idx.offset({1, 1}) == 4);
  CHECK(idx.offset({1, 99}) == 5);
  CHECK(idx.offset({9, 0}) == 8);
}

TEST_CASE("line ends exclude carriage returns") {
  LineIndex idx("a\r\nbc\r\n");
  CHECK(idx.line_end(0) == 1);
  CHECK(idx.line_end(1) == 5);
  CHECK(idx.offset({0, 5}) == 1);
}

TEST_CASE("utf16 columns count surrogate pairs twice") {
  // "é" is 2 bytes / 1 unit, "😀" is 4 bytes / 2 units.
  std::string text = "x\xC3\xA9\xF0\x9F\x98\x80y";
  LineIndex idx(text);
  CHECK(idx.line_col_utf16(3) == LineCol{0, 2});
  CHECK(idx.line_col_utf16(7) == LineCol{0, 4});
  CHECK(idx.offset_utf16({0, 2}) == 3);
  CHECK(idx.offset_utf16({0, 4}) == 7);
  CHECK(idx.offset_utf16({0, 5}) == 8);
}

static zen::Result<int> half(int x) {
  if (x % 2) return zen::fail(zen::ErrorCode::InvalidArgument, "odd number");
  return x / 2;
}

static zen::Result<int> quarter(int x) {
  ZEN_ASSIGN_OR_RETURN(int h, half(x));
  return half(h);
}

TEST_CASE("results propagate errors with their code") {
  CHECK(quarter(8).value() == 2);
  auto r = quarter(6);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == zen::ErrorCode::InvalidArgument);
  CHECK(r.error().message == "odd number");
}
