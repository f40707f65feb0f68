// LineIndex: line starts computed once, lookups by binary search.
#include "base/line_index.h"

#include <algorithm>

namespace zen {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  for (uint32_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

uint32_t LineIndex::line_start(uint32_t line) const {
  if (line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  return starts_[line];
}

uint32_t LineIndex::line_end(uint32_t line) const {
  if (line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : static_cast<uint32_t>(text_.size());
  if (end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

LineCol LineIndex::line_col(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - starts_.begin()) - 1;
  return {line, offset - starts_[line]};
}

static uint32_t utf16_units(std::string_view s) {
  uint32_t units = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return units;
}

LineCol LineIndex::line_col_utf16(uint32_t offset) const {
  LineCol lc = line_col(offset);
  return {lc.line, utf16_units(text_.substr(starts_[lc.line], lc.column))};
}

uint32_t LineIndex::offset(LineCol pos) const {
  if (pos.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  return std::min(starts_[pos.line] + pos.column, line_end(pos.line));
}

uint32_t LineIndex::offset_utf16(LineCol pos) const {
  if (pos.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t i = starts_[pos.line];
  uint32_t end = line_end(pos.line);
  uint32_t units = 0;
  while (i < end && units < pos.column) {
    unsigned char c = static_cast<unsigned char>(text_[i]);
    uint32_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return std::min(i, end);
}

}  // namespace zen
