// Maps byte offsets in UTF-8 text to lines and columns (bytes or UTF-16 code units) and back.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace zen {

/// Zero-based line and column. `column` counts bytes or UTF-16 units depending on the call.
struct LineCol {
  uint32_t line = 0;
  uint32_t column = 0;
  bool operator==(const LineCol&) const = default;
};

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  /// Line and byte column of `offset`; offsets past the end clamp to the end.
  LineCol line_col(uint32_t offset) const;
  /// Line and UTF-16 column of `offset` (what LSP calls a Position).
  LineCol line_col_utf16(uint32_t offset) const;
  /// Byte offset of a line and byte column; clamps to the line's end.
  uint32_t offset(LineCol pos) const;
  /// Byte offset of a line and UTF-16 column; clamps to the line's end.
  uint32_t offset_utf16(LineCol pos) const;

  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  uint32_t line_start(uint32_t line) const;
  /// End of the line's content, before its "\n" or "\r\n".
  uint32_t line_end(uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_{0};
};

}  // namespace zen
