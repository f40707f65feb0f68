// Syntax check of a JavaScript regular expression as ZenStack compiles it: `new RegExp(pattern)`
// without flags, i.e. the non-Unicode grammar with the web-compatibility extensions of ECMAScript
// Annex B (lone `]`, `{` and `}` are literals, unknown escapes like `\a` match the letter, `\1`
// without a group is an octal escape, lookaheads may be repeated) plus what current engines
// accept (named groups, lookbehind, `(?i:...)` modifiers). std::regex is not used: its ECMAScript
// grammar is the strict one, so it rejects much of that valid syntax (and accepts `a**`).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zen::analysis::validate {

struct JsRegexError {
  size_t offset = 0;  // byte offset of the offending text in the pattern
  size_t length = 1;  // its length in bytes (at least 1, within the pattern when possible)
  std::string message;
};

/// The first syntax error of `pattern`, or nullopt when JavaScript accepts it.
std::optional<JsRegexError> check_js_regex(std::string_view pattern);

}  // namespace zen::analysis::validate
