// Syntax errors as data: every ERROR and MISSING node of a tree becomes one SyntaxError with
// a message that says what was found or what is missing ("unexpected `}`", "missing `)`",
// "expected a field type").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "syntax/parse.h"

namespace zen::syntax {

/// Diagnostic code of every syntax error.
inline constexpr const char* kSyntaxErrorCode = "syntax-error";

struct SyntaxError {
  /// The unexpected token, or an empty range where a missing token should go.
  TextRange range;
  std::string message;
};

/// The syntax errors of `tree`, ordered by position; empty when the tree has none.
std::vector<SyntaxError> syntax_errors(const SyntaxTree& tree);

/// The unterminated string literals of a text (tree-sitter ends them at the end of their line
/// without an error, so they are found in the text), in order; part of `syntax_errors`.
std::vector<SyntaxError> unterminated_strings(std::string_view text);

/// The unterminated strings of one text, kept up to date across edits: an edit rescans the
/// text from the start of its first line only until the scan is back in step with the
/// previous one (at a line start after the edit, outside block comments in both texts), so
/// its cost follows the edited lines, not the text. `errors()` always equals
/// `unterminated_strings` of the current text.
class StringScan {
 public:
  StringScan() = default;
  explicit StringScan(std::string_view text);
  /// `text` is the new text: [start, old_end) of the previous text became [start, new_end).
  void update(std::string_view text, uint32_t start, uint32_t old_end, uint32_t new_end);
  const std::vector<SyntaxError>& errors() const { return errors_; }

 private:
  std::vector<SyntaxError> errors_;
  /// Block comments as [`/*`, just after `*/`), or to the end of the text when unclosed.
  std::vector<TextRange> comments_;
};

/// `syntax_errors(tree)` with its unterminated strings given (`StringScan::errors()` of the
/// tree's text), so that an edited tree without errors costs nothing.
std::vector<SyntaxError> syntax_errors(const SyntaxTree& tree, const std::vector<SyntaxError>& strings);

/// The same errors as `zen::Diagnostic`s (code `syntax-error`, severity error) for `path`.
std::vector<Diagnostic> syntax_diagnostics(const SyntaxTree& tree, std::string_view path);

Diagnostic to_diagnostic(const SyntaxError& error, std::string_view path);

}  // namespace zen::syntax
