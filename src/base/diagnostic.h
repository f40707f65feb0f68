// Problems found in a user's schema: data, not errors. Every stage returns them beside
// its value and keeps going.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace zen {

/// A half-open byte range [start, end) in one file's text.
struct TextRange {
  uint32_t start = 0;
  uint32_t end = 0;
  bool contains(uint32_t offset) const { return start <= offset && offset < end; }
  bool operator==(const TextRange&) const = default;
};

enum class Severity { Error, Warning, Information, Hint };

const char* severity_name(Severity s);  // "error", "warning", "info", "hint"

struct RelatedLocation {
  std::string path;
  TextRange range;
  std::string message;
};

struct Diagnostic {
  /// Stable code, e.g. "syntax-error", "unknown-type", "miss-opposite-relation".
  std::string code;
  Severity severity = Severity::Error;
  /// The file the range points into (as given to the analyzer).
  std::string path;
  TextRange range;
  /// Lower-case, no trailing period; says what is wrong and what to do.
  std::string message;
  std::vector<RelatedLocation> related;
  /// Key/value data a quick fix can use (for example {"model", "Post"}).
  std::vector<std::pair<std::string, std::string>> data;
  /// Marks unused or deprecated code for editors that grey it out.
  bool unnecessary = false;
  bool deprecated = false;
};

}  // namespace zen
