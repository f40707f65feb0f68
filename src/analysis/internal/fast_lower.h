// Fast lowering: one file's text straight into unresolved declarations, without building a
// syntax tree. A hand-written lexer and recursive-descent parser for well-formed ZModel, used
// where no tree is needed (one-shot analyses: `zen check`, `zen migrate ...`, `zen db push`).
//
// Contract: for a text it accepts, the result is identical (every field and range; stamps are
// fresh) to `lower_file` on the tree-sitter tree of the same text, and that text has no syntax
// errors at all (`syntax::syntax_errors` is empty: no ERROR or MISSING node and no unterminated
// string), so `syntax_errors` stays empty. Anything it is not sure about -- a syntax error, an
// unusual construct -- gives nullopt, and the caller falls back to tree-sitter, which produces
// the tree and the syntax diagnostics.
// tests/analysis/fast_lower_test.cpp holds it to that contract.
#pragma once

#include <optional>
#include <string_view>

#include "analysis/internal/lower.h"

namespace zen::analysis {

std::optional<FileDecls> fast_lower_file(std::string_view text);

}  // namespace zen::analysis
