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

/// The two halves fast_lower_file may lower in parallel, exposed for its tests.
/// Lowers [begin, end) of `text` as if it were a whole file (ranges are offsets into `text`).
std::optional<FileDecls> fast_lower_range(std::string_view text, uint32_t begin, uint32_t end);
/// Where a large text may be cut in two: the start of the line after the first line at or past
/// the middle that holds nothing but `}`. When both halves lower, their declarations are the
/// whole text's (a `}` line can only end a top-level declaration or sit inside a block
/// comment or a multi-line value, and those make a half decline). npos if there is no such line.
size_t fast_lower_split_point(std::string_view text);

}  // namespace zen::analysis
