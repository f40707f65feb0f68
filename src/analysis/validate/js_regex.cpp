// A recursive-descent recognizer of the JavaScript pattern grammar (ECMAScript 2024 §22.2.1 with
// Annex B.1.2, non-Unicode mode); it builds nothing and stops at the first error. The errors are
// those V8 reports for `new RegExp(pattern)`, with the offending text located.
#include "analysis/validate/js_regex.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace zen::analysis::validate {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int hex_value(char c) { return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }

// Bytes of the UTF-8 sequence starting with `c` (1 for stray continuation bytes).
size_t utf8_len(char c) {
  auto b = static_cast<unsigned char>(c);
  if (b >= 0xF0) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC0) return 2;
  return 1;
}

// A character class bound: a UTF-16 code unit, or one of these when it is not a single unit.
constexpr int32_t kClassEscape = -1;  // \d \s \w and their negations: a set, never out of order
constexpr int32_t kUnknown = -2;      // astral or malformed UTF-8: not compared (no false errors)

class Recognizer {
 public:
  explicit Recognizer(std::string_view p) : p_(p), n_(p.size()) {}

  std::optional<JsRegexError> run() {
    disjunction(/*open=*/std::string_view::npos);
    if (!error_) check_names();
    return std::move(error_);
  }

 private:
  struct NamedGroup {
    std::string name;
    size_t offset, length;
    // The (disjunction, alternative) chain the group is in: groups of the same name may only
    // sit in different alternatives of one disjunction (ES2025 duplicate named groups).
    std::vector<std::pair<uint32_t, uint32_t>> path;
  };
  struct NamedRef {  // a `\k`, which names a group only if the pattern has named groups
    size_t offset, length;
    std::optional<std::string> name;
  };

  bool fail(size_t offset, size_t length, std::string message) {
    if (!error_) {
      if (offset >= n_ && n_ > 0) offset = n_ - 1;
      if (offset + length > n_) length = n_ > offset ? n_ - offset : 1;
      error_ = JsRegexError{offset, length == 0 ? 1 : length, std::move(message)};
    }
    return false;
  }

  // Disjunction: alternatives separated by `|`, up to the `)` closing the group opened at
  // `open` (npos: the whole pattern).
  bool disjunction(size_t open) {
    path_.push_back({next_disjunction_++, 0});
    for (;;) {
      while (i_ < n_ && p_[i_] != '|' && p_[i_] != ')')
        if (!term()) return false;
      if (i_ < n_ && p_[i_] == '|') {
        ++i_;
        ++path_.back().second;
        continue;
      }
      break;
    }
    path_.pop_back();
    if (open != std::string_view::npos) {
      if (i_ >= n_) return fail(open, 1, "unterminated group: this `(` has no matching `)`");
      ++i_;  // ')'
    } else if (i_ < n_) {
      return fail(i_, 1, "unmatched `)`: no `(` opens it; escape it with a backslash to match a parenthesis");
    }
    return true;
  }

  // `{n}`, `{n,}` or `{n,m}` at `pos`: its length, 0 if the brace is a literal (Annex B).
  size_t braced_length(size_t pos) const {
    size_t j = pos + 1;
    size_t digits = j;
    while (j < n_ && is_digit(p_[j])) ++j;
    if (j == digits) return 0;
    if (j < n_ && p_[j] == ',') {
      ++j;
      while (j < n_ && is_digit(p_[j])) ++j;
    }
    return j < n_ && p_[j] == '}' ? j + 1 - pos : 0;
  }
  size_t quantifier_length(size_t pos) const {
    if (pos >= n_) return 0;
    char c = p_[pos];
    if (c == '*' || c == '+' || c == '?') return 1;
    return c == '{' ? braced_length(pos) : 0;
  }

  bool nothing_to_repeat(size_t pos, size_t len) {
    return fail(pos, len,
                "nothing to repeat: `" + std::string(p_.substr(pos, len)) +
                    "` must follow a character, class or group; escape it with a backslash to match it literally");
  }

  // `{min,max}` with min > max.
  bool braces_in_order(size_t pos, size_t len) {
    std::string_view q = p_.substr(pos + 1, len - 2);
    size_t comma = q.find(',');
    if (comma == std::string_view::npos || comma + 1 == q.size()) return true;
    // Compare as numbers of any size: longer (without leading zeros) is larger.
    auto trim = [](std::string_view s) {
      while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
      return s;
    };
    std::string_view lo = trim(q.substr(0, comma)), hi = trim(q.substr(comma + 1));
    if (lo.size() < hi.size() || (lo.size() == hi.size() && lo <= hi)) return true;
    return fail(pos, len,
                "numbers out of order in the quantifier `" + std::string(p_.substr(pos, len)) +
                    "`: the minimum must not exceed the maximum");
  }

  bool term() {
    bool quantifiable = true;
    size_t start = i_;
    switch (p_[i_]) {
      case '^':
      case '$': ++i_; quantifiable = false; break;
      case '\\':
        if (i_ + 1 >= n_) return fail(i_, 1, "the pattern ends with a lone `\\`; escape it to match a backslash");
        if (p_[i_ + 1] == 'b' || p_[i_ + 1] == 'B') {
          i_ += 2;
          quantifiable = false;
        } else {
          atom_escape();
        }
        break;
      case '(':
        if (!group(quantifiable)) return false;
        break;
      case '[':
        if (!char_class()) return false;
        break;
      case '*':
      case '+':
      case '?': return nothing_to_repeat(i_, 1);
      case '{':
        if (size_t len = braced_length(i_)) return nothing_to_repeat(i_, len);
        ++i_;
        break;
      default: i_ += utf8_len(p_[i_]); break;  // `.`, literals, and the Annex B literals `]`, `}`
    }
    size_t q = quantifier_length(i_);
    if (q == 0) return true;
    if (!quantifiable)
      return fail(i_, q,
                  "nothing to repeat: `" + std::string(p_.substr(i_, q)) + "` cannot repeat " +
                      (p_[start] == '(' ? std::string("a lookbehind")
                                        : "the assertion `" + std::string(p_.substr(start, i_ - start)) + "`"));
    if (p_[i_] == '{' && !braces_in_order(i_, q)) return false;
    i_ += q;
    if (i_ < n_ && p_[i_] == '?') ++i_;  // lazy
    if (size_t again = quantifier_length(i_)) return nothing_to_repeat(i_, again);
    return true;
  }

  void atom_escape() {
    char c = p_[i_ + 1];
    if (c == 'k') {
      NamedRef r{i_, 2, std::nullopt};
      if (i_ + 2 < n_ && p_[i_ + 2] == '<') {
        size_t close = p_.find('>', i_ + 3);
        if (close != std::string_view::npos) {
          r.name = std::string(p_.substr(i_ + 3, close - i_ - 3));
          r.length = close + 1 - i_;
        }
      }
      refs_.push_back(std::move(r));
      // Only `\k` is consumed: the rest is literal text without named groups, and a valid name
      // otherwise, which reads the same as literals.
      i_ += 2;
      return;
    }
    // `\c` without a letter is a literal backslash (Annex B); the `c` is read next.
    i_ += (c == 'c' && !(i_ + 2 < n_ && is_letter(p_[i_ + 2]))) ? 1 : 1 + utf8_len(c);
  }

  bool group(bool& quantifiable) {
    size_t open = i_++;
    if (i_ < n_ && p_[i_] == '?') {
      ++i_;
      char c = i_ < n_ ? p_[i_] : '\0';
      if (c == ':' || c == '=' || c == '!') {
        ++i_;
      } else if (c == '<' && i_ + 1 < n_ && (p_[i_ + 1] == '=' || p_[i_ + 1] == '!')) {
        i_ += 2;
        quantifiable = false;  // lookbehinds cannot be repeated, unlike lookaheads (Annex B)
      } else if (c == '<') {
        if (!group_name(open)) return false;
      } else if (!modifiers()) {
        return fail(open, 2,
                    "invalid group: `(?` must be followed by `:`, `=`, `!`, `<=`, `<!` or `<name>`; escape the `?` with a "
                    "backslash to match it literally");
      }
    }
    return disjunction(open);
  }

  // `(?ims-ims:`: flags to set and clear, at least one, none twice.
  bool modifiers() {
    size_t j = i_;
    bool seen[3] = {false, false, false};
    bool any = false;
    auto flags = [&] {
      for (; j < n_; ++j) {
        size_t k = p_[j] == 'i' ? 0 : p_[j] == 'm' ? 1 : p_[j] == 's' ? 2 : 3;
        if (k == 3) return true;
        if (seen[k]) return false;
        seen[k] = any = true;
      }
      return true;
    };
    if (!flags()) return false;
    if (j < n_ && p_[j] == '-') {
      ++j;
      if (!flags()) return false;
    }
    if (!any || j >= n_ || p_[j] != ':') return false;
    i_ = j + 1;
    return true;
  }

  bool group_name(size_t open) {
    size_t start = ++i_;  // after '<'
    auto bad = [&] {
      size_t close = p_.find('>', start);
      size_t end = close == std::string_view::npos ? n_ : close + 1;
      return fail(open, end - open,
                  "invalid capture group name: a name starts with a letter, `$` or `_` and continues with letters, digits, `$` "
                  "or `_`, then `>`");
    };
    while (i_ < n_ && p_[i_] != '>') {
      char c = p_[i_];
      bool first = i_ == start;
      if (is_letter(c) || c == '$' || c == '_' || (!first && is_digit(c))) {
        ++i_;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        i_ += utf8_len(c);  // non-ASCII identifier characters: not classified, accepted
      } else if (c == '\\' && i_ + 1 < n_ && p_[i_ + 1] == 'u') {
        i_ += 2;  // \uXXXX or \u{X...}
        while (i_ < n_ && (is_hex(p_[i_]) || p_[i_] == '{' || p_[i_] == '}')) ++i_;
      } else {
        return bad();
      }
    }
    if (i_ >= n_ || i_ == start) return bad();
    named_.push_back({std::string(p_.substr(start, i_ - start)), open, i_ + 1 - open, path_});
    ++i_;  // '>'
    return true;
  }

  bool char_class() {
    size_t open = i_++;
    if (i_ < n_ && p_[i_] == '^') ++i_;
    for (;;) {
      if (i_ >= n_) return fail(open, 1, "unterminated character class: this `[` has no matching `]`");
      if (p_[i_] == ']') {
        ++i_;
        return true;
      }
      size_t a_start = i_;
      int32_t a = class_atom();
      if (error_) return false;
      if (i_ + 1 < n_ && p_[i_] == '-' && p_[i_ + 1] != ']') {
        ++i_;
        int32_t b = class_atom();
        if (error_) return false;
        if (a >= 0 && b >= 0 && a > b)
          return fail(a_start, i_ - a_start,
                      "range out of order in character class: `" + std::string(p_.substr(a_start, i_ - a_start)) +
                          "`; put the lower character first");
      }
    }
  }

  // A UTF-8 character as a UTF-16 code unit (kUnknown for astral or malformed ones).
  int32_t decode(size_t len) const {
    auto b = [&](size_t k) { return static_cast<unsigned char>(p_[i_ + k]); };
    if (i_ + len > n_) return kUnknown;
    if (len == 1) return b(0) < 0x80 ? b(0) : kUnknown;
    if (len == 2) return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    if (len == 3) return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    return kUnknown;
  }

  int32_t class_atom() {
    if (p_[i_] != '\\') {
      size_t len = utf8_len(p_[i_]);
      int32_t v = decode(len);
      i_ += len;
      return v;
    }
    if (i_ + 1 >= n_) {
      fail(i_, 1, "the pattern ends with a lone `\\`; escape it to match a backslash");
      return kUnknown;
    }
    char c = p_[i_ + 1];
    i_ += 2;
    switch (c) {
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W': return kClassEscape;
      case 'b': return 8;
      case 't': return 9;
      case 'n': return 10;
      case 'v': return 11;
      case 'f': return 12;
      case 'r': return 13;
      case 'c':
        if (i_ < n_ && (is_letter(p_[i_]) || is_digit(p_[i_]) || p_[i_] == '_')) return p_[i_++] % 32;
        --i_;  // a literal backslash; the `c` is the next atom
        return '\\';
      case 'x':
        if (i_ + 1 < n_ && is_hex(p_[i_]) && is_hex(p_[i_ + 1])) {
          int32_t v = hex_value(p_[i_]) * 16 + hex_value(p_[i_ + 1]);
          i_ += 2;
          return v;
        }
        return 'x';
      case 'u':
        if (i_ + 3 < n_ && is_hex(p_[i_]) && is_hex(p_[i_ + 1]) && is_hex(p_[i_ + 2]) && is_hex(p_[i_ + 3])) {
          int32_t v = 0;
          for (int k = 0; k < 4; ++k) v = v * 16 + hex_value(p_[i_ + k]);
          i_ += 4;
          return v;
        }
        return 'u';
      default:
        if (c >= '0' && c <= '7') {  // legacy octal escape: up to three digits, at most 0377
          int32_t v = c - '0';
          size_t max_digits = c <= '3' ? 3 : 2;
          for (size_t k = 1; k < max_digits && i_ < n_ && p_[i_] >= '0' && p_[i_] <= '7'; ++k) v = v * 8 + (p_[i_++] - '0');
          return v;
        }
        // Identity escape: the character itself.
        --i_;
        size_t len = utf8_len(c);
        int32_t v = decode(len);
        i_ += len;
        return v;
    }
  }

  // Once the pattern has named groups, names must be unique (outside of alternatives) and every
  // `\k` must be a `\k<name>` of one of them.
  void check_names() {
    if (named_.empty()) return;
    auto coexist = [](const NamedGroup& a, const NamedGroup& b) {
      size_t k = 0, m = std::min(a.path.size(), b.path.size());
      while (k < m && a.path[k] == b.path[k]) ++k;
      return k < m && a.path[k].first == b.path[k].first;
    };
    for (size_t x = 0; x < named_.size(); ++x)
      for (size_t y = 0; y < x; ++y)
        if (named_[x].name == named_[y].name && !coexist(named_[x], named_[y])) {
          fail(named_[x].offset, named_[x].length,
               "duplicate capture group name `" + named_[x].name + "`; rename one of the groups");
          return;
        }
    for (const NamedRef& r : refs_) {
      bool found = false;
      if (r.name)
        for (const NamedGroup& g : named_) found |= g.name == *r.name;
      if (!found) {
        fail(r.offset, r.length,
             r.name ? "invalid named reference: no capture group is named `" + *r.name + "`"
                    : std::string("invalid named reference: `\\k` must be followed by `<name>` of a capture group"));
        return;
      }
    }
  }

  std::string_view p_;
  size_t n_;
  size_t i_ = 0;
  std::optional<JsRegexError> error_;
  std::vector<std::pair<uint32_t, uint32_t>> path_;
  uint32_t next_disjunction_ = 0;
  std::vector<NamedGroup> named_;
  std::vector<NamedRef> refs_;
};

}  // namespace

std::optional<JsRegexError> check_js_regex(std::string_view pattern) { return Recognizer(pattern).run(); }

}  // namespace zen::analysis::validate
