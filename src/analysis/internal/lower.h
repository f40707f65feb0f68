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
  /// Per declaration: its range widened to the `///` lines before it (what an edit must avoid
  /// for the lowered declaration to be reusable).
  std::vector<TextRange> extents;
  std::vector<ImportDecl> imports;
  /// Syntax errors (code `syntax-error`), filled by the caller from the syntax layer; `path` is unset.
  std::vector<Diagnostic> syntax_errors;
  /// Per declaration (empty: none): how many bytes its ranges lag behind the text. Lowering
  /// after an edit reuses untouched declarations without moving their ranges; whoever takes a
  /// declaration out applies this (decl_at does), so that an edit does not walk every
  /// declaration after it here and again in the model.
  std::vector<int64_t> lag;

  int64_t lag_of(size_t i) const { return i < lag.size() ? lag[i] : 0; }
  /// Where declaration `i` starts in the text.
  uint32_t start_of(size_t i) const { return static_cast<uint32_t>(decls[i].range.start + lag_of(i)); }
};

/// One edit between two versions of a file, in bytes: [start, old_end) of the old text became
/// [start, new_end) of the new one; `changed` are the ranges (new text) tree-sitter reports as
/// structurally changed.
struct FileEdit {
  uint32_t start = 0;
  uint32_t old_end = 0;
  uint32_t new_end = 0;
  std::vector<TextRange> changed;
};

/// Lowers the whole tree; with `old` and `edit`, top-level declarations the edit did not touch
/// are moved out of `old` (ranges shifted) instead of being lowered again.
FileDecls lower_file(TSNode root, std::string_view text, FileDecls* old = nullptr, const FileEdit* edit = nullptr);

/// A fresh, non-zero `Decl::stamp` (one counter for every lowering path).
uint64_t next_decl_stamp();

/// Moves every range in `decl` by `delta` bytes (all_attributes excepted: its entries come from
/// other declarations too).
void shift_decl(Decl& decl, int64_t delta);
/// Moves every range in one attribute application by `delta` bytes.
void shift_attribute(AttributeApp& app, int64_t delta);

/// Appends one `///` comment to a declaration's doc text: without the slashes, one leading space
/// and trailing line ends and spaces; lines are joined by "\n". Both lowering paths use it.
void append_doc_line(std::string& doc, std::string_view comment);

/// Unescapes a string literal's text (with its quotes).
std::string unquote(std::string_view literal);
/// unquote into `out` (replacing its text), without a temporary string.
void unquote_to(std::string& out, std::string_view literal);

}  // namespace zen::analysis
