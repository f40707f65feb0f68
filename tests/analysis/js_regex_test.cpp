// The JavaScript pattern check behind `regex()` and `@regex`: the expected verdicts are those of
// Node.js (`new RegExp(p)`), except where noted.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "analysis/validate/js_regex.h"

using zen::analysis::validate::check_js_regex;

TEST_CASE("valid JavaScript patterns pass, including web-compatibility syntax") {
  const char* valid[] = {
      "^[a-z]+$", "^\\d{3}-\\d{4}$", "(?<year>\\d{4})-(?<m>\\d\\d)", "(?<=\\$)\\d+", "(?<!a)b", "\\u{1F600}",
      "\\p{L}+", "\\k<x>", "a{", "a{,5}", "a{1", "}", "]", "a]", "\\a\\e\\z", "\\c", "\\c1", "\\1", "(a)\\2",
      "(?=a)*", "(?!a)+", "[\\d-z]", "[a-\\d]", "[]", "[^]", "(?:a|b)+?", "a{2}?", "\\x4", "\\u12", "\\0", "\\08",
      "[\\b]", "\\/", "/", "\\-", "[\\-]", ".", "\\cA", "\\s\\S\\w\\W", "[\\w-a]",
      "^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+)$", "[[:alpha:]]", "\\Qa\\E", "a{99999999999}", "\\8", "\\400",
      "\\k<a>(?<a>x)", "[\\c]", "(?<$\xc3\xa9" "1>a)", "[a-\xc3\xa9]", "",
      // Accepted by newer engines than Node 20 (ES2025): modifiers, duplicate names in alternatives.
      "(?i:a)", "(?i-m:a)", "(?<a>x)|(?<a>y)",
  };
  for (const char* p : valid) {
    auto err = check_js_regex(p);
    CHECK_MESSAGE(!err, "pattern " << p << ": " << (err ? err->message : std::string()));
  }
}

TEST_CASE("invalid JavaScript patterns are located") {
  struct Case {
    const char* pattern;
    size_t offset, length;
    std::string_view message_start;
  };
  const Case invalid[] = {
      {"{1}", 0, 3, "nothing to repeat"},
      {"x|{2}", 2, 3, "nothing to repeat"},
      {"^*", 1, 1, "nothing to repeat: `*` cannot repeat the assertion `^`"},
      {"$*", 1, 1, "nothing to repeat"},
      {"\\b*", 2, 1, "nothing to repeat"},
      {"(?<=a)+", 6, 1, "nothing to repeat: `+` cannot repeat a lookbehind"},
      {"[z-a]", 1, 3, "range out of order in character class: `z-a`"},
      {"[\\c1-\\c0]", 1, 7, "range out of order"},
      {"[\xc3\xa9-a]", 1, 4, "range out of order"},
      {"a{2,1}", 1, 5, "numbers out of order"},
      {"a**", 2, 1, "nothing to repeat"},
      {"a+*", 2, 1, "nothing to repeat"},
      {"a{1,2}{3}", 6, 3, "nothing to repeat"},
      {"*a", 0, 1, "nothing to repeat"},
      {"?", 0, 1, "nothing to repeat"},
      {"(", 0, 1, "unterminated group"},
      {"a(b(c)", 1, 1, "unterminated group"},
      {"(?<n>a", 0, 1, "unterminated group"},
      {"a)", 1, 1, "unmatched `)`"},
      {"[a", 0, 1, "unterminated character class"},
      {"a\\", 1, 1, "the pattern ends with a lone `\\`"},
      {"(?i)a", 0, 2, "invalid group"},
      {"(?ii:a)", 0, 2, "invalid group"},
      {"(?", 0, 2, "invalid group"},
      {"(?<1n>a)", 0, 6, "invalid capture group name"},
      {"(?<>a)", 0, 4, "invalid capture group name"},
      {"(?<n>a)(?<n>b)", 7, 5, "duplicate capture group name `n`"},
      {"(?<n>a)\\k<m>", 7, 5, "invalid named reference: no capture group is named `m`"},
      {"(?<n>a)\\k", 7, 2, "invalid named reference"},
  };
  for (const Case& c : invalid) {
    auto err = check_js_regex(c.pattern);
    REQUIRE_MESSAGE(err, "pattern " << c.pattern << " was accepted");
    CHECK_MESSAGE(err->offset == c.offset, c.pattern);
    CHECK_MESSAGE(err->length == c.length, c.pattern);
    CHECK_MESSAGE(std::string_view(err->message).starts_with(c.message_start), c.pattern << ": " << err->message);
  }
}
