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

/// The same errors as `zen::Diagnostic`s (code `syntax-error`, severity error) for `path`.
std::vector<Diagnostic> syntax_diagnostics(const SyntaxTree& tree, std::string_view path);

Diagnostic to_diagnostic(const SyntaxError& error, std::string_view path);

}  // namespace zen::syntax
