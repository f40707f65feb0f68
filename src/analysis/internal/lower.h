// Lowering: one file's syntax tree into unresolved declarations (names, types, attribute
// applications, expressions as written), imports and syntax errors. Pure and per file, so the
// Host can cache the result until the file changes.
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <string_view>
#include <vector>

#include "analysis/model.h"
#include "base/diagnostic.h"

namespace zen::analysis {

struct ImportDecl {
  std::string path;   // the string's value
  TextRange range;    // the string literal (quotes included)
};

struct FileDecls {
  /// Declarations in source order; `file`, `id` and everything resolution computes are unset.
  std::vector<Decl> decls;
  std::vector<ImportDecl> imports;
  /// Syntax errors (code `syntax-error`), filled by the caller from the syntax layer; `path` is unset.
  std::vector<Diagnostic> syntax_errors;
};

FileDecls lower_file(TSNode root, std::string_view text);

/// Unescapes a string literal's text (with its quotes).
std::string unquote(std::string_view literal);

}  // namespace zen::analysis
