// `zen format`: reprints a ZModel/Prisma schema in the layout ZenStack's and Prisma's
// formatters produce, changing only whitespace.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace zen::ide {

struct FormatOptions {
  /// Spaces per indentation level (ZenStack uses 4, `prisma format` uses 2).
  uint32_t indent = 4;
};

struct FormatResult {
  /// The formatted text; nullopt when the file has syntax errors (it is never reformatted then,
  /// so a broken file cannot be corrupted).
  std::optional<std::string> text;
  /// The syntax errors that stopped formatting (code `syntax-error`, `path` as given).
  std::vector<Diagnostic> errors;
};

/// Formats one file.
///
/// Layout: one declaration per block, declarations separated by one blank line (runs of blank
/// lines collapse to one, leading/trailing ones are dropped); block bodies indented by
/// `options.indent`; within a run of fields not interrupted by a blank line, names, types and
/// attributes are aligned in columns (config fields align their `=`, enum values their
/// attributes); inside attributes and expressions no space after `(`/`[` or before `)`/`]`/`,`,
/// one space after `,` and `:`, binary operators spaced. Comments stay where they are: a
/// comment on the same line as code stays at the end of that line. A member written over
/// several lines is kept as written (only re-indented). The result is idempotent and parses to
/// the same syntax tree.
FormatResult format_document(std::string_view path, std::string_view text,
                             const FormatOptions& options = {});

/// The indentation convention for a file name: 2 for `*.prisma` (as `prisma format`), 4 otherwise.
uint32_t default_indent_for(std::string_view path);

}  // namespace zen::ide
