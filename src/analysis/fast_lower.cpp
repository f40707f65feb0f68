// Fast lowering (see internal/fast_lower.h): a single-pass lexer and recursive-descent parser
// that builds FileDecls straight from the text, reproducing lower_file on the tree-sitter tree.
//
// How it mirrors tree-sitter-zmodel (grammar/grammar.js, tree-sitter 0.20):
// - Tokens are lexed by longest match, as the generated lexer does for every valid text.
//   Whitespace is exactly space, tab, CR and LF; anything else outside strings and comments is
//   rejected. Comments and `///` doc comments are extras.
// - Node ranges run from a node's first token to its last: tree-sitter moves extras that
//   trail a node out of it. So an extra belongs to the innermost node that contains the tokens
//   on both sides of it, which is the innermost node already open when the next token is read.
//   Only the nodes whose doc comments lower_file reads (the schema, config blocks, model and
//   enum bodies, function/procedure/attribute declarations) collect them: each such
//   "container" takes the doc comments pending before every token it reads itself or that
//   starts one of its children, and hands them to its next named child, as
//   lower_file's for_each_documented does.
// - Keywords: tree-sitter lexes a word as a keyword when that keyword is valid in the parse
//   state, and as an identifier otherwise. Most name positions accept every identifier either
//   way (a keyword there is aliased to `identifier`, or not valid, hence lexed as one), and
//   lowering only uses the text. The few positions where a keyword could take another meaning
//   (an argument name or predicate binding spelled like a type name or a literal, a mixin
//   named `with`, a positional marker `_` used as a name) reject the text and let tree-sitter
//   decide.
// - Expression precedence follows the grammar's PREC table: `.` binds tightest, then unary
//   `!`, then the postfix predicates `?[ ]`, `![ ]`, `^[ ]`, then the left-associative binary
//   levels `in`, comparison, equality, and `&&`/`||` (one shared level).
// Anything unexpected throws Reject (internal to this file), which becomes nullopt.
#include "analysis/internal/fast_lower.h"

#include <thread>

#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace zen::analysis {

namespace {

// Thrown on any text the fast path does not reproduce with certainty; caught in
// fast_lower_file. An exception keeps the many "expect this token" checks one-liners, and a
// rejected text is the rare case (syntax errors while typing go through tree-sitter anyway).
struct Reject {};

[[noreturn]] void reject() { throw Reject{}; }

enum class Tok : uint8_t {
  End,
  Ident,
  String,
  Number,
  FieldAttr,     // @name, @db.VarChar
  ModelAttr,     // @@name
  InternalAttr,  // @@@name
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBrack,
  RBrack,
  Comma,
  Colon,
  Semi,
  Eq,
  EqEq,
  NotEq,
  Bang,
  Lt,
  Le,
  Gt,
  Ge,
  AndAnd,
  OrOr,
  Dot,
  Question,
  Caret,
};

// Character classes, by table: the lexer's inner loops run once per byte of the schema.
enum : uint8_t { kIdentStart = 1, kDigit = 2, kSpace = 4 };
constexpr auto kCharClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kIdentStart;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kIdentStart;
  t['_'] = kIdentStart;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t[' '] = t['\t'] = t['\n'] = t['\r'] = kSpace;
  return t;
}();
inline uint8_t char_class(char c) { return kCharClass[static_cast<unsigned char>(c)]; }
inline bool is_ident_start(char c) { return char_class(c) & kIdentStart; }
inline bool is_ident_char(char c) { return char_class(c) & (kIdentStart | kDigit); }
inline bool is_digit(char c) { return char_class(c) & kDigit; }

// The lexer's runs -- identifiers, the spaces that align a schema's columns, strings, the text
// of a bracketed list or of a field's line -- are scanned 16 bytes at a time where SSE2 is
// available (every x86-64): these loops are most of the per-byte cost. Each has a byte-wise
// loop that finishes the last bytes (and does all the work without SSE2); the two agree byte
// for byte.
#if defined(__SSE2__)
// Bit i set when byte i of the 16 at `p` is an identifier character ([A-Za-z0-9_]).
inline unsigned ident_mask16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Letters: (v | 0x20) in 'a'..'z'. SSE2 compares signed bytes, so each range is shifted to
  // start at -128 and compared with "less than -128 + its length".
  const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const __m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(lower, _mm_set1_epi8(static_cast<char>(128 - 'a'))),
                                       _mm_set1_epi8(static_cast<char>(-128 + 26)));
  const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(128 - '0'))),
                                       _mm_set1_epi8(static_cast<char>(-128 + 10)));
  const __m128i under = _mm_cmpeq_epi8(v, _mm_set1_epi8('_'));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(alpha, digit), under)));
}
// Bit i set when byte i of the 16 at `p` is whitespace (space, tab, CR, LF).
inline unsigned space_mask16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i sp = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
  // Tab (0x09) and CR (0x0D) are the only bytes that are 0x0D with bit 2 set.
  const __m128i tr = _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x04)), _mm_set1_epi8('\r'));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(sp, tr)));
}
// Bit i set when byte i of the 16 at `p` is one count_items looks at: ( ) [ ] { } , " '.
inline unsigned list_mask16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // `(` `)` are 0x28 0x29; `[` `]` are 0x5B 0x5D and `{` `}` 0x7B 0x7D (the same without bit 5).
  const __m128i no_bit5 = _mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xDF)));
  const __m128i paren = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xFE))), _mm_set1_epi8('('));
  const __m128i open = _mm_cmpeq_epi8(no_bit5, _mm_set1_epi8('['));
  const __m128i close = _mm_cmpeq_epi8(no_bit5, _mm_set1_epi8(']'));
  const __m128i comma = _mm_cmpeq_epi8(v, _mm_set1_epi8(','));
  const __m128i quote = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
  const __m128i any = _mm_or_si128(_mm_or_si128(paren, open), _mm_or_si128(_mm_or_si128(close, comma), quote));
  return static_cast<unsigned>(_mm_movemask_epi8(any));
}
#endif

// The end of the run of identifier characters at p (p itself when there is none), at most `end`.
inline uint32_t skip_ident_chars(const char* s, uint32_t p, uint32_t end) {
#if defined(__SSE2__)
  while (p <= end && end - p >= 16) {
    unsigned other = ~ident_mask16(s + p) & 0xFFFFu;
    if (other) return p + static_cast<uint32_t>(__builtin_ctz(other));
    p += 16;
  }
#endif
  while (p < end && is_ident_char(s[p])) ++p;
  return p;
}

// The end of the run of whitespace at p, at most `end`.
inline uint32_t skip_spaces(const char* s, uint32_t p, uint32_t end) {
  // Most runs between tokens are empty or one space: answered before loading 16 bytes.
  if (p >= end || !(char_class(s[p]) & kSpace)) return p;
  if (++p >= end || !(char_class(s[p]) & kSpace)) return p;
#if defined(__SSE2__)
  while (p <= end && end - p >= 16) {
    unsigned other = ~space_mask16(s + p) & 0xFFFFu;
    if (other) return p + static_cast<uint32_t>(__builtin_ctz(other));
    p += 16;
  }
#endif
  while (p < end && (char_class(s[p]) & kSpace)) ++p;
  return p;
}

// The first of ( ) [ ] { } , " ' at or after p; `end` if there is none (or p is past it).
inline uint32_t find_list_char(const char* s, uint32_t p, uint32_t end) {
  if (p >= end) return end;
#if defined(__SSE2__)
  while (end - p >= 16) {
    if (unsigned hit = list_mask16(s + p)) return p + static_cast<uint32_t>(__builtin_ctz(hit));
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    switch (s[p]) {
      case '(': case ')': case '[': case ']': case '{': case '}': case ',': case '"': case '\'':
        return p;
      default: break;
    }
  }
  return p;
}

// The first byte at or after p that ends or interrupts a string quoted by `quote`: the quote,
// a line break or a backslash; `end` if there is none (or p is past it).
inline uint32_t find_in_string(const char* s, uint32_t p, uint32_t end, char quote) {
  if (p >= end) return end;
#if defined(__SSE2__)
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + p));
    const __m128i stop = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(quote)),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    if (unsigned hit = static_cast<unsigned>(_mm_movemask_epi8(stop))) return p + static_cast<uint32_t>(__builtin_ctz(hit));
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    char c = s[p];
    if (c == quote || c == '\n' || c == '\\') return p;
  }
  return p;
}

// Set bits of a mask that has few (no popcount instruction is assumed: the library call for
// std::popcount cost more than this loop).
inline size_t count_bits(unsigned m) {
  size_t n = 0;
  for (; m; m &= m - 1) ++n;
  return n;
}

// How many `@` there are from p to the end of its line (or `end`).
inline size_t count_ats_in_line(const char* s, uint32_t p, uint32_t end) {
  size_t ats = 0;
#if defined(__SSE2__)
  for (; p <= end && end - p >= 16; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + p));
    unsigned at = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('@'))));
    unsigned nl = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
    if (nl) return ats + count_bits(at & ((nl & -nl) - 1));
    ats += count_bits(at);
  }
#endif
  for (; p < end && s[p] != '\n'; ++p) ats += s[p] == '@';
  return ats;
}

// Sets `s`, a fresh (empty) string of the tree being built, to [p, p + n). Appending to an empty
// string is its assignment without _M_replace's generality (overlap, replacing in the middle),
// which cost more than the copy for the short names that are most of a schema.
inline void set_text(std::string& s, const char* p, size_t n) {
  s.clear();
  s.append(p, n);
}
inline void set_text(std::string& s, std::string_view v) { set_text(s, v.data(), v.size()); }

// `true`, `false`, `null`, `this`: literals wherever an expression may start.
bool is_literal_word(std::string_view w) {
  switch (w.size()) {
    case 4: return w == "true" || w == "null" || w == "this";
    case 5: return w == "false";
    default: return false;
  }
}

// Keywords a reference may be spelled with but a plain `_regular_id` name may not (the
// grammar's TYPE_NAME_KEYWORDS minus REGULAR_ID_KEYWORDS). Where a name and an expression
// compete (argument names, predicate bindings), tree-sitter lexes these as keywords and the
// name reading fails.
bool is_type_name_keyword(std::string_view w) {
  if (w.empty() || w[0] < 'A' || w[0] > 'Z') return false;  // all are capitalized
  switch (w.size()) {
    case 3: return w == "Int" || w == "Any";
    case 4: return w == "Json" || w == "Null" || w == "Void";
    case 5: return w == "Float" || w == "Bytes";
    case 6: return w == "String" || w == "BigInt" || w == "Object";
    case 7: return w == "Boolean" || w == "Decimal";
    case 8: return w == "DateTime";
    case 11: return w == "Unsupported";
    default: return false;
  }
}

// Binary operators and their precedence (grammar.js PREC); 0 for other tokens.
int binary_precedence(Tok t) {
  switch (t) {
    case Tok::AndAnd:
    case Tok::OrOr: return 1;
    case Tok::EqEq:
    case Tok::NotEq: return 2;
    case Tok::Lt:
    case Tok::Le:
    case Tok::Gt:
    case Tok::Ge: return 3;
    default: return 0;
  }
}
constexpr int kPrecIn = 4;
constexpr int kPrecCollection = 5;
constexpr int kPrecUnary = 6;
constexpr int kMaxExprDepth = 256;

// Rejects NUL bytes and malformed UTF-8 in [p, end): tree-sitter's lexer stops at NUL and
// decodes bad bytes in ways not worth reproducing.
void check_text(const char* p, const char* end) {
  while (p < end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x01 && c < 0x80) {
      ++p;
      continue;
    }
    if (c == 0) reject();
    int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? (c <= 0xEF ? 3 : 0) : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (len == 0 || end - p < len) reject();
    unsigned char c1 = static_cast<unsigned char>(p[1]);
    if ((c1 & 0xC0) != 0x80) reject();
    // Overlong forms, surrogates and code points above U+10FFFF.
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 > 0x8F))
      reject();
    for (int i = 2; i < len; ++i)
      if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80) reject();
    p += len;
  }
}

// Fast scan for bytes check_text has to look at.
inline bool needs_check(const char* p, const char* end) {
#if defined(__SSE2__)
  for (; end - p >= 16; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // The high bits are the bytes >= 0x80.
    if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128())))) return true;
  }
#endif
  for (; p < end; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == 0 || c >= 0x80) return true;
  }
  return false;
}

// Moves stack[from..] to the end of `into` (sized once) and pops them off the stack.
template <class T>
void move_tail(std::vector<T>& stack, size_t from, std::vector<T>& into) {
  if (from == stack.size()) return;
  into.reserve(into.size() + (stack.size() - from));
  for (size_t i = from; i < stack.size(); ++i) into.push_back(std::move(stack[i]));
  stack.erase(stack.begin() + static_cast<std::ptrdiff_t>(from), stack.end());
}

class FastLowerer {
 public:
  /// Lowers [begin, end) of `src`; ranges stay offsets into the whole of `src`.
  FastLowerer(std::string_view src, uint32_t begin, uint32_t end) : src_(src), s_(src.data()), n_(end), te_(begin) {}

  /// `room_for` bytes: how much text the declaration lists are sized for, the range's own
  /// length unless the caller appends more declarations to them (fast_lower_file's first half).
  FileDecls run(size_t room_for) {
    // About one declaration per 512 bytes of text (generated and real schemas have more text
    // per declaration): spares most of the moves of growing the vectors. Capacity that is
    // never written costs no memory touched: a big block's untouched pages stay unmapped.
    const size_t estimate = room_for / 512 + 8;
    out_.decls.reserve(estimate);
    out_.extents.reserve(estimate);
    next();
    while (tok_ != Tok::End) {
      take_docs(root_docs_);
      if (tok_ != Tok::Ident) reject();
      std::string_view kw = word();
      if (kw == "import") {
        parse_import();
        root_docs_.clear();
        continue;
      }
      uint32_t extent_start = root_docs_.empty() ? ts_ : root_docs_.front().start;
      // Built in place: nothing else is added to out_.decls while it is parsed.
      Decl& d = out_.decls.emplace_back();
      d.range.start = ts_;
      d.doc = doc_text(root_docs_);
      root_docs_.clear();
      if (kw == "datasource" || kw == "generator" || kw == "plugin") {
        d.kind = kw == "datasource" ? DeclKind::Datasource : kw == "generator" ? DeclKind::Generator : DeclKind::Plugin;
        next();
        parse_decl_name(d);
        parse_config_block(d);
      } else if (kw == "abstract" || kw == "model" || kw == "view") {
        parse_data_model(d);
      } else if (kw == "type") {
        d.kind = DeclKind::TypeDef;
        next();
        parse_decl_name(d);
        if (is_word("with")) parse_mixins(d, /*in_type_def=*/true);
        parse_model_body(d);
      } else if (kw == "enum") {
        d.kind = DeclKind::Enum;
        next();
        parse_decl_name(d);
        parse_enum_body(d);
      } else if (kw == "function") {
        parse_function(d);
      } else if (kw == "mutation" || kw == "procedure") {
        parse_procedure(d);
      } else if (kw == "attribute") {
        parse_attribute_decl(d);
      } else {
        reject();
      }
      d.range.end = prev_end_;
      d.stamp = next_decl_stamp();
      out_.extents.push_back(TextRange{extent_start, d.range.end});
    }
    return std::move(out_);
  }

 private:
  // ----- Lexer

  std::string_view word() const { return src_.substr(ts_, te_ - ts_); }
  std::string token_text() const { return std::string(s_ + ts_, te_ - ts_); }
  TextRange token_range() const { return TextRange{ts_, te_}; }
  bool is_word(std::string_view w) const { return tok_ == Tok::Ident && word() == w; }
  // The value of the current String token into `out` (fresh): its text between the quotes
  // unless the lexer saw an escape.
  void string_text(std::string& out) const {
    if (tok_escaped_) unquote_to(out, word());
    else set_text(out, s_ + ts_ + 1, te_ - ts_ - 2);
  }

  void expect(Tok t) {
    if (tok_ != t) reject();
    next();
  }

  // Skips whitespace and comments from `p`; with `record`, doc comments go to pending_docs_.
  uint32_t skip_extras(uint32_t p, bool record) {
    p = skip_spaces(s_, p, n_);
    // Most tokens follow plain whitespace: comments are handled out of line.
    return p < n_ && s_[p] == '/' ? skip_comments(p, record) : p;
  }

  // skip_extras from a `/` at p.
  [[gnu::noinline]] uint32_t skip_comments(uint32_t p, bool record) {
    for (;;) {
      p = skip_spaces(s_, p, n_);
      if (p >= n_) return p;
      char c = s_[p];
      if (c != '/' || p + 1 >= n_) return p;
      if (s_[p + 1] == '/') {
        const void* nl = std::memchr(s_ + p, '\n', n_ - p);
        uint32_t end = nl ? static_cast<uint32_t>(static_cast<const char*>(nl) - s_) : n_;
        if (needs_check(s_ + p, s_ + end)) check_text(s_ + p, s_ + end);
        // `///` is a doc comment, `////` an ordinary one.
        bool doc = p + 2 < end && s_[p + 2] == '/' && (p + 3 >= end || s_[p + 3] != '/');
        if (doc && record) pending_docs_.push_back(TextRange{p, end});
        p = end;
        continue;
      }
      if (s_[p + 1] == '*') {
        uint32_t q = p + 2;
        for (;;) {
          const void* star = q < n_ ? std::memchr(s_ + q, '*', n_ - q) : nullptr;
          if (!star) reject();  // unterminated
          q = static_cast<uint32_t>(static_cast<const char*>(star) - s_) + 1;
          if (q < n_ && s_[q] == '/') break;
        }
        if (needs_check(s_ + p, s_ + q)) check_text(s_ + p, s_ + q);
        p = q + 1;
        continue;
      }
      return p;
    }
  }

  // Reads the next token into tok_/ts_/te_; the doc comments before it go to pending_docs_.
  void next() {
    prev_end_ = te_;
    pending_docs_.clear();
    uint32_t p = skip_extras(te_, /*record=*/true);
    ts_ = p;
    if (p >= n_) {
      tok_ = Tok::End;
      te_ = p;
      return;
    }
    char c = s_[p];
    uint32_t q = p + 1;
    if (is_ident_start(c)) {  // most tokens: before the switch's indirect jump
      te_ = skip_ident_chars(s_, q, n_);
      tok_ = Tok::Ident;
      return;
    }
    auto two = [&](char second, Tok both, Tok one) {
      if (q < n_ && s_[q] == second) {
        ++q;
        tok_ = both;
      } else {
        tok_ = one;
      }
    };
    switch (c) {
      case '{': tok_ = Tok::LBrace; break;
      case '}': tok_ = Tok::RBrace; break;
      case '(': tok_ = Tok::LParen; break;
      case ')': tok_ = Tok::RParen; break;
      case '[': tok_ = Tok::LBrack; break;
      case ']': tok_ = Tok::RBrack; break;
      case ',': tok_ = Tok::Comma; break;
      case ':': tok_ = Tok::Colon; break;
      case ';': tok_ = Tok::Semi; break;
      case '.': tok_ = Tok::Dot; break;
      case '?': tok_ = Tok::Question; break;
      case '^': tok_ = Tok::Caret; break;
      case '=': two('=', Tok::EqEq, Tok::Eq); break;
      case '!': two('=', Tok::NotEq, Tok::Bang); break;
      case '<': two('=', Tok::Le, Tok::Lt); break;
      case '>': two('=', Tok::Ge, Tok::Gt); break;
      case '&':
        if (q >= n_ || s_[q] != '&') reject();
        ++q;
        tok_ = Tok::AndAnd;
        break;
      case '|':
        if (q >= n_ || s_[q] != '|') reject();
        ++q;
        tok_ = Tok::OrOr;
        break;
      case '"':
      case '\'': {
        // No line breaks inside; `\` escapes any character but a line break.
        tok_escaped_ = false;
        for (;;) {
          q = find_in_string(s_, q, n_, c);
          if (q >= n_) reject();  // unterminated
          char d = s_[q];
          if (d == c) break;
          if (d == '\n') reject();
          // `\`
          if (q + 1 >= n_ || s_[q + 1] == '\n') reject();
          tok_escaped_ = true;
          q += 2;
        }
        ++q;
        if (needs_check(s_ + p, s_ + q)) check_text(s_ + p, s_ + q);
        tok_ = Tok::String;
        break;
      }
      case '@': {
        while (q < n_ && s_[q] == '@') ++q;
        uint32_t ats = q - p;
        if (ats > 3) reject();
        // `@a.b.c`: a dot belongs to the name only when a name follows it.
        if (q >= n_ || !is_ident_start(s_[q])) reject();
        for (;;) {
          q = skip_ident_chars(s_, q, n_);
          if (q + 1 < n_ && s_[q] == '.' && is_ident_start(s_[q + 1])) {
            ++q;
            continue;
          }
          break;
        }
        tok_ = ats == 1 ? Tok::FieldAttr : ats == 2 ? Tok::ModelAttr : Tok::InternalAttr;
        break;
      }
      default:
        // (Identifiers are lexed before the switch.)
        if (is_digit(c) || ((c == '+' || c == '-') && q < n_ && is_digit(s_[q]))) {
          while (q < n_ && is_digit(s_[q])) ++q;
          if (q + 1 < n_ && s_[q] == '.' && is_digit(s_[q + 1])) {
            q += 2;
            while (q < n_ && is_digit(s_[q])) ++q;
          }
          tok_ = Tok::Number;
        } else {
          reject();
        }
    }
    te_ = q;
  }

  // The first character of the token after the current one (0 at the end of the text).
  char peek_char() {
    uint32_t p = skip_extras(te_, /*record=*/false);
    return p < n_ ? s_[p] : '\0';
  }

  // ----- Doc comments

  // Hands the doc comments pending before the current token to a container.
  void take_docs(std::vector<TextRange>& docs) {
    if (pending_docs_.empty()) return;
    docs.insert(docs.end(), pending_docs_.begin(), pending_docs_.end());
    pending_docs_.clear();
  }

  std::string doc_text(const std::vector<TextRange>& docs) const {
    std::string doc;
    for (const TextRange& r : docs) append_doc_line(doc, src_.substr(r.start, r.end - r.start));
    return doc;
  }

  // The doc of a container's next named child; clears the container's pending docs.
  std::string child_doc(std::vector<TextRange>& docs) {
    take_docs(docs);
    std::string doc = docs.empty() ? std::string() : doc_text(docs);
    docs.clear();
    return doc;
  }

  // ----- Names

  // A `_regular_id` name: any identifier (keywords there are either aliased to identifier or
  // not valid in the state, hence lexed as identifiers).
  void read_name(std::string& name, TextRange& range) {
    if (tok_ != Tok::Ident) reject();
    set_text(name, s_ + ts_, te_ - ts_);
    range = token_range();
    next();
  }

  void parse_decl_name(Decl& d) { read_name(d.name, d.name_range); }

  // ----- Top level

  void parse_import() {
    next();
    if (tok_ != Tok::String) reject();
    out_.imports.push_back(ImportDecl{unquote(word()), token_range()});
    next();
    if (tok_ == Tok::Semi) next();
  }

  void parse_config_block(Decl& d) {
    if (tok_ != Tok::LBrace) reject();
    next();
    auto& docs = inner_docs_;
    docs.clear();
    for (;;) {
      if (tok_ == Tok::RBrace) break;
      // Config blocks do not nest, so the reference stays valid.
      ConfigField& c = d.config.emplace_back();
      c.doc = child_doc(docs);
      c.range.start = ts_;
      read_name(c.name, c.name_range);
      expect(Tok::Eq);
      parse_config_value(c.value);
      c.range.end = prev_end_;
      // A config value takes no operators: the next token starts a setting or closes the block.
      if (tok_ != Tok::Ident && tok_ != Tok::RBrace) reject();
    }
    next();
  }

  // `_config_value`: a literal, call, array, object or reference, without operators.
  void parse_config_value(Expr& e) {
    switch (tok_) {
      case Tok::String:
      case Tok::Number:
      case Tok::LBrack:
      case Tok::LBrace: return parse_primary(e);
      case Tok::Ident:
        // A config value cannot be `this`, so tree-sitter lexes the word as a name there.
        if (word() == "this") {
          e.kind = ExprKind::Reference;
          e.text = token_text();
          e.range = e.name_range = token_range();
          next();
          if (tok_ == Tok::LParen) reject();  // `this(...)` as a call: not worth a rule
          return;
        }
        return parse_primary(e);
      default: reject();
    }
  }

  void parse_data_model(Decl& d) {
    if (is_word("abstract")) {
      d.is_abstract = true;
      next();
    }
    if (is_word("model")) d.kind = DeclKind::Model;
    else if (is_word("view")) d.kind = DeclKind::View;
    else reject();
    next();
    parse_decl_name(d);
    for (;;) {
      if (is_word("extends")) {
        next();
        for (;;) {
          read_type_reference(d.base_names, d.base_ranges);
          if (tok_ != Tok::Comma) break;
          next();
        }
      } else if (is_word("with")) {
        parse_mixins(d, /*in_type_def=*/false);
      } else {
        break;
      }
    }
    parse_model_body(d);
  }

  // `with A, B C`: commas are optional. In a data model `extends`/`with` start the next clause;
  // in a type (one clause only) tree-sitter would read them as names, so those are left to it.
  void parse_mixins(Decl& d, bool in_type_def) {
    next();
    read_type_reference(d.mixin_names, d.mixin_ranges);
    for (;;) {
      if (tok_ == Tok::Comma) {
        next();
        read_type_reference(d.mixin_names, d.mixin_ranges);
        continue;
      }
      if (tok_ != Tok::Ident) return;
      std::string_view w = word();
      if (w == "with" || w == "extends") {
        if (in_type_def) reject();
        return;
      }
      read_type_reference(d.mixin_names, d.mixin_ranges);
    }
  }

  void read_type_reference(std::vector<std::string>& names, std::vector<TextRange>& ranges) {
    if (tok_ != Tok::Ident || word() == "with" || word() == "extends") reject();
    names.emplace_back(s_ + ts_, te_ - ts_);
    ranges.push_back(token_range());
    next();
  }

  // `{ member* @@attribute* }` of a model, type or enum: members go to `into` (sized first by
  // count_members, then built in place), model-level attributes to d.attributes through the
  // scratch stack. `member(item)` parses one member after its name, into the item already
  // holding its doc, start and name.
  template <class T, class ParseMember>
  void parse_member_block(Decl& d, std::vector<T>& into, ParseMember member) {
    if (tok_ != Tok::LBrace) reject();
    into.reserve(count_members(te_));
    next();
    auto& docs = inner_docs_;
    docs.clear();
    size_t attrs0 = attrs_.size();
    for (;;) {
      if (tok_ == Tok::RBrace) break;
      if (tok_ == Tok::ModelAttr) {
        take_docs(docs);
        docs.clear();
        // Attribute applications hold no attributes: the reference stays valid.
        parse_attribute_app(attrs_.emplace_back());
        continue;
      }
      if (tok_ != Tok::Ident) reject();
      // Members do not nest, so the reference stays valid while the member is parsed.
      T& item = into.emplace_back();
      item.doc = child_doc(docs);
      item.range.start = ts_;
      read_name(item.name, item.name_range);
      member(item);
      item.range.end = prev_end_;
    }
    move_tail(attrs_, attrs0, d.attributes);
    next();
  }

  void parse_model_body(Decl& d) {
    parse_member_block(d, d.fields, [this](Field& f) {
      if (tok_ == Tok::LParen) skip_data_field_parameters();
      parse_field_type(f.type);
      parse_field_attributes(f.attributes);
    });
  }

  // A member's `@attr(...)`s, built in place: the vector is sized first by the `@`s left on the
  // line, which are its attributes when they are written on one line (a hint: an `@` in a
  // string adds one slot, attributes on further lines grow the vector).
  void parse_field_attributes(std::vector<AttributeApp>& attrs) {
    if (tok_ != Tok::FieldAttr) return;
    attrs.reserve(count_ats_in_line(s_, ts_, n_));
    while (tok_ == Tok::FieldAttr) parse_attribute_app(attrs.emplace_back());
  }

  // Parameters of a computed field: checked like function parameters, then dropped, as
  // lower_file does.
  void skip_data_field_parameters() {
    next();
    if (tok_ != Tok::RParen) {
      for (;;) {
        (void)parse_function_parameter();
        if (tok_ != Tok::Comma) break;
        next();
      }
    }
    expect(Tok::RParen);
  }

  void parse_field_type(FieldType& t) {
    if (tok_ != Tok::Ident) reject();
    t.range.start = ts_;
    t.name_range = token_range();
    if (word() == "Unsupported") {
      t.kind = TypeKind::Unsupported;
      next();
      expect(Tok::LParen);
      if (tok_ != Tok::String) reject();
      string_text(t.name);
      next();
      if (tok_ != Tok::RParen) reject();
      t.name_range.end = te_;
      next();
    } else {
      set_text(t.name, s_ + ts_, te_ - ts_);
      t.builtin = parse_builtin_type(t.name);
      t.kind = t.builtin ? TypeKind::Builtin : TypeKind::Unresolved;
      next();
    }
    if (tok_ == Tok::LBrack) {
      next();
      expect(Tok::RBrack);
      t.list = true;
    }
    if (tok_ == Tok::Question) {
      next();
      t.optional = true;
    }
    t.range.end = prev_end_;
  }

  void parse_enum_body(Decl& d) {
    parse_member_block(d, d.values, [this](EnumValue& v) { parse_field_attributes(v.attributes); });
  }

  // `function name(params): Type { body } @@@attrs`. Doc comments anywhere directly in the
  // declaration go to its next named child (the name, a parameter, the return type, the body,
  // an attribute); only parameters keep them.
  void parse_function(Decl& d) {
    d.kind = DeclKind::Function;
    auto& docs = inner_docs_;
    docs.clear();
    next();
    take_docs(docs);
    docs.clear();  // consumed by the name
    parse_decl_name(d);
    parse_parameter_list(d, docs, /*attribute=*/false);
    take_docs(docs);
    expect(Tok::Colon);
    take_docs(docs);
    docs.clear();  // consumed by the return type
    parse_return_type(d);
    take_docs(docs);
    expect(Tok::LBrace);
    take_docs(docs);
    if (tok_ != Tok::RBrace) {
      docs.clear();  // consumed by the body
      Expr body;  // checked, then dropped (lower_file keeps no function body)
      parse_expr(body, 0);
      take_docs(docs);
    }
    expect(Tok::RBrace);
    parse_internal_attributes(d.attributes, &docs);
  }

  void parse_procedure(Decl& d) {
    d.kind = DeclKind::Procedure;
    auto& docs = inner_docs_;
    docs.clear();
    if (is_word("mutation")) {
      d.is_mutation = true;
      next();
      take_docs(docs);
    }
    if (!is_word("procedure")) reject();
    next();
    take_docs(docs);
    docs.clear();
    parse_decl_name(d);
    parse_parameter_list(d, docs, /*attribute=*/false);
    take_docs(docs);
    expect(Tok::Colon);
    take_docs(docs);
    docs.clear();
    parse_return_type(d);
    parse_internal_attributes(d.attributes, &docs);
  }

  void parse_attribute_decl(Decl& d) {
    d.kind = DeclKind::Attribute;
    auto& docs = inner_docs_;
    docs.clear();
    next();
    take_docs(docs);
    docs.clear();
    if (tok_ != Tok::FieldAttr && tok_ != Tok::ModelAttr && tok_ != Tok::InternalAttr) reject();
    d.name = token_text();
    d.name_range = token_range();
    next();
    parse_parameter_list(d, docs, /*attribute=*/true);
    parse_internal_attributes(d.attributes, &docs);
  }

  // `( p, p )` of a function, procedure or attribute declaration (no trailing comma), with
  // each parameter's doc taken from the declaration's pending docs.
  void parse_parameter_list(Decl& d, std::vector<TextRange>& docs, bool attribute) {
    take_docs(docs);
    expect(Tok::LParen);
    if (tok_ != Tok::RParen) {
      for (;;) {
        std::string doc = child_doc(docs);
        Param p = attribute ? parse_attribute_parameter() : parse_function_parameter();
        p.doc = std::move(doc);
        d.params.push_back(std::move(p));
        take_docs(docs);
        if (tok_ != Tok::Comma) break;
        next();
      }
    }
    take_docs(docs);
    expect(Tok::RParen);
  }

  // `name: Type[]?`
  Param parse_function_parameter() {
    Param p;
    p.range.start = ts_;
    read_name(p.name, p.name_range);
    expect(Tok::Colon);
    parse_parameter_type(p.type, p.type_range, p.list);
    if (tok_ == Tok::Question) {
      p.optional = true;
      next();
    }
    p.range.end = prev_end_;
    return p;
  }

  // `_? name: Type[]? @@@attrs`
  Param parse_attribute_parameter() {
    Param p;
    p.range.start = ts_;
    if (is_word("_")) {
      p.positional = true;
      next();
    }
    // `_` as the name itself is the positional marker to tree-sitter: not a name.
    if (is_word("_")) reject();
    read_name(p.name, p.name_range);
    expect(Tok::Colon);
    parse_parameter_type(p.type, p.type_range, p.list);
    if (tok_ == Tok::Question) {
      p.optional = true;
      next();
    }
    parse_internal_attributes(p.attributes, nullptr);
    p.range.end = prev_end_;
    return p;
  }

  // parameter_type: any name (builtin, expression type or declaration) and `[]`.
  void parse_parameter_type(std::string& type, TextRange& type_range, bool& list) {
    if (tok_ != Tok::Ident) reject();
    type = token_text();
    type_range = token_range();
    next();
    if (tok_ == Tok::LBrack) {
      next();
      expect(Tok::RBrack);
      list = true;
    }
  }

  void parse_return_type(Decl& d) { parse_parameter_type(d.return_type, d.return_type_range, d.return_list); }

  // `@@@name(args)*`; with `docs`, each attribute consumes the declaration's pending docs.
  void parse_internal_attributes(std::vector<AttributeApp>& attrs, std::vector<TextRange>* docs) {
    size_t attrs0 = attrs_.size();
    while (tok_ == Tok::InternalAttr) {
      if (docs) docs->clear();
      parse_attribute_app(attrs_.emplace_back());
    }
    move_tail(attrs_, attrs0, attrs);
  }

  // ----- Attribute applications and arguments

  // Into `a`, fresh, where it is kept.
  void parse_attribute_app(AttributeApp& a) {
    set_text(a.name, s_ + ts_, te_ - ts_);
    a.name_range = token_range();
    a.range.start = ts_;
    next();
    if (tok_ == Tok::LParen) parse_argument_list(a.args);
    a.range.end = prev_end_;
  }

  // `( [name:] value, ... [,] )`
  // Into an attribute application's std::vector or an expression's Sparse (which an empty
  // list, as in `now()`, leaves unallocated).
  template <class Args>
  void parse_argument_list(Args& args) {
    size_t hint = count_items(te_);
    next();
    if (tok_ != Tok::RParen) args.reserve(hint);
    while (tok_ != Tok::RParen) {
      // Nested lists fill their own vectors, so the reference stays valid.
      Argument& a = args.emplace_back();
      a.range.start = ts_;
      if (tok_ == Tok::Ident && peek_char() == ':') {
        std::string_view w = word();
        if (is_type_name_keyword(w) || is_literal_word(w)) reject();
        set_text(a.name, w);
        a.name_range = token_range();
        next();
        next();  // `:`
      }
      parse_expr(a.value, 0);
      a.range.end = prev_end_;
      if (tok_ == Tok::Comma) {
        next();
        continue;
      }
      if (tok_ != Tok::RParen) reject();
    }
    next();
  }

  // A size hint for the members of the block whose `{` ends at p: the lines that start with an
  // identifier (a member's name), up to the first line that starts with `}`. Exact for the
  // usual layout, one member a line; only a hint otherwise (a member written over several
  // lines may count twice, a block on one line counts the lines after it), so the scan is
  // capped: it never costs more than a few hundred lines per block.
  size_t count_members(uint32_t p) const {
    constexpr int kMaxLines = 256;
    size_t members = 0;
    for (int line = 0; line < kMaxLines; ++line) {
      p = skip_spaces(s_, p, n_);
      if (p >= n_ || s_[p] == '}') break;
      if (is_ident_start(s_[p])) ++members;
      const void* nl = std::memchr(s_ + p, '\n', n_ - p);
      if (!nl) break;
      p = static_cast<uint32_t>(static_cast<const char*>(nl) - s_) + 1;
    }
    return members;
  }

  // A size hint for the list whose opening bracket ends at `p`: its top-level commas + 1. Only
  // a hint (a comma in a comment counts too), so the list's vector is allocated once.
  size_t count_items(uint32_t p) const {
    size_t commas = 0;
    int depth = 0;
    for (; (p = find_list_char(s_, p, n_)) < n_; ++p) {
      char c = s_[p];
      switch (c) {
        case '(':
        case '[':
        case '{': ++depth; break;
        case ')':
        case ']':
        case '}':
          if (depth-- == 0) return commas + 1;
          break;
        case ',':
          if (depth == 0) ++commas;
          break;
        case '"':
        case '\'':
          // To the closing quote or the line's end; `\` escapes the byte after it.
          for (++p;; p += 2) {
            p = find_in_string(s_, p, n_, c);
            if (p >= n_ || s_[p] != '\\') break;
          }
          break;
        default: break;
      }
    }
    return commas + 1;
  }

  // ----- Expressions
  //
  // Each parse_* fills a fresh (default) Expr where it is kept -- an argument's value, an
  // array's item -- instead of returning one to be moved there: an Expr is 120 bytes with two
  // strings and three containers, and a big schema has hundreds of thousands. Only operators,
  // whose left operand is parsed before them, move it down into their children (wrap).

  void parse_expr(Expr& out, int min_prec) {
    // Every nesting (brackets, calls, operands) recurses through here; deeper than any real
    // schema goes is left to tree-sitter rather than risking this thread's stack.
    struct DepthGuard {
      int& depth;
      explicit DepthGuard(int& d) : depth(d) {
        if (++depth > kMaxExprDepth) reject();
      }
      ~DepthGuard() { --depth; }
    } guard(expr_depth_);
    parse_unary(out);
    for (;;) {
      if (tok_ == Tok::Dot) {
        parse_member(out);
        continue;
      }
      if (tok_ == Tok::Question || tok_ == Tok::Bang || tok_ == Tok::Caret) {
        // After an expression these only start a collection predicate.
        if (kPrecCollection <= min_prec) return;
        parse_predicate(out);
        continue;
      }
      int prec = tok_ == Tok::Ident ? (word() == "in" ? kPrecIn : 0) : binary_precedence(tok_);
      if (prec == 0 || prec <= min_prec) return;
      wrap(out, 2);
      out.kind = ExprKind::Binary;
      set_text(out.text, s_ + ts_, te_ - ts_);
      next();
      Expr& rhs = out.children.emplace_back();  // within the capacity: `out.children[0]` stays
      parse_expr(rhs, prec);
      out.range = TextRange{out.children[0].range.start, rhs.range.end};
    }
  }

  // Moves `e` into the first child of a fresh expression that takes its place, with room for
  // `children` children.
  static void wrap(Expr& e, size_t children) {
    Expr operand = std::move(e);
    e = Expr{};
    e.children.reserve(children);
    e.children.push_back(std::move(operand));
  }

  void parse_unary(Expr& u) {
    if (tok_ != Tok::Bang) return parse_primary(u);
    u.kind = ExprKind::Unary;
    set_text(u.text, "!", 1);
    u.range.start = ts_;
    next();
    Expr& operand = u.children.emplace_back();
    parse_expr(operand, kPrecUnary);
    u.range.end = operand.range.end;
  }

  // `.name` after `object`, which becomes the member expression's child.
  void parse_member(Expr& object) {
    next();  // `.`
    if (tok_ != Tok::Ident) reject();
    wrap(object, 1);
    Expr& m = object;
    m.kind = ExprKind::Member;
    set_text(m.text, s_ + ts_, te_ - ts_);
    m.name_range = token_range();
    m.range = TextRange{m.children[0].range.start, te_};
    next();
  }

  // `?[binding, condition]`, `![...]`, `^[...]` after `collection`, which becomes the
  // predicate's first child.
  void parse_predicate(Expr& collection) {
    // As lower_file: the operator is the first of `?`, `!`, `^` after the collection in the
    // text (comments in between included).
    char op = 0;
    for (uint32_t i = collection.range.end; i < ts_ + 1; ++i) {
      char c = s_[i];
      if (c == '?' || c == '!' || c == '^') {
        op = c;
        break;
      }
    }
    wrap(collection, 2);
    Expr& p = collection;
    p.kind = ExprKind::Predicate;
    if (op) p.text.assign(1, op);
    next();
    expect(Tok::LBrack);
    if (tok_ == Tok::Ident && peek_char() == ',') {
      std::string_view w = word();
      if (is_type_name_keyword(w) || is_literal_word(w)) reject();
      p.binding = token_text();
      p.binding_range = token_range();
      next();
      next();  // `,`
    }
    p.range.start = p.children[0].range.start;
    parse_expr(p.children.emplace_back(), 0);
    if (tok_ != Tok::RBrack) reject();
    p.range.end = te_;
    next();
  }

  void parse_primary(Expr& e) {
    e.range = token_range();
    switch (tok_) {
      case Tok::String:
        e.kind = ExprKind::String;
        string_text(e.text);
        next();
        return;
      case Tok::Number:
        e.kind = ExprKind::Number;
        set_text(e.text, s_ + ts_, te_ - ts_);
        next();
        return;
      case Tok::Ident: {
        std::string_view w = word();
        if (!is_literal_word(w)) {
          set_text(e.text, w);
          e.name_range = e.range;
          next();
          if (tok_ != Tok::LParen) {
            e.kind = ExprKind::Reference;
            return;
          }
          e.kind = ExprKind::Call;
          parse_argument_list(e.args);
          e.range.end = prev_end_;
          return;
        }
        if (w == "true" || w == "false") {
          e.kind = ExprKind::Boolean;
          set_text(e.text, w);
          next();
          return;
        }
        if (w == "null") {
          e.kind = ExprKind::Null;
          next();
          return;
        }
        e.kind = ExprKind::This;  // the last literal word
        next();
        return;
      }
      case Tok::LBrack: {
        e.kind = ExprKind::Array;
        e.children.reserve(count_items(te_));
        next();
        if (tok_ != Tok::RBrack) {
          for (;;) {
            // Nested items fill their own vectors, so the reference stays valid.
            parse_expr(e.children.emplace_back(), 0);
            if (tok_ != Tok::Comma) break;
            next();
          }
        }
        if (tok_ != Tok::RBrack) reject();
        e.range.end = te_;
        next();
        return;
      }
      case Tok::LBrace: {
        e.kind = ExprKind::Object;
        size_t hint = count_items(te_);
        next();
        if (tok_ != Tok::RBrace) e.args.reserve(hint);
        while (tok_ != Tok::RBrace) {
          Argument& a = e.args.emplace_back();
          a.range.start = ts_;
          a.name_range = token_range();
          if (tok_ == Tok::String) string_text(a.name);
          else if (tok_ == Tok::Ident) set_text(a.name, s_ + ts_, te_ - ts_);
          else reject();
          next();
          expect(Tok::Colon);
          parse_expr(a.value, 0);
          a.range.end = prev_end_;
          if (tok_ == Tok::Comma) {
            next();
            continue;
          }
          if (tok_ != Tok::RBrace) reject();
        }
        e.range.end = te_;
        next();
        return;
      }
      case Tok::LParen: {
        // lower_file lowers the inner expression and gives it the parentheses' range.
        const uint32_t start = ts_;
        next();
        parse_expr(e, 0);
        if (tok_ != Tok::RParen) reject();
        e.range = TextRange{start, te_};
        next();
        return;
      }
      default: reject();
    }
  }

  std::string_view src_;
  const char* s_;
  uint32_t n_;

  uint32_t te_ = 0;        // current token [ts_, te_)
  Tok tok_ = Tok::End;
  uint32_t ts_ = 0;
  uint32_t prev_end_ = 0;  // end of the token before the current one
  bool tok_escaped_ = false;  // a String token: whether it has a `\` escape
  int expr_depth_ = 0;
  std::vector<TextRange> pending_docs_;  // doc comments between the previous and current token

  // Doc comments collected by the schema and by the declaration-level container being parsed
  // (containers never nest deeper than that).
  std::vector<TextRange> root_docs_;
  std::vector<TextRange> inner_docs_;

  // Scratch stack for the attributes of declarations (model-level, internal): they are pushed
  // as they are parsed and moved into an exactly sized vector when the list ends, instead of
  // growing the output vector step by step. Members (count_members), field attributes
  // (count_ats_in_line) and bracketed lists (count_items) are sized first and built in place.
  std::vector<AttributeApp> attrs_;

  FileDecls out_;
};

}  // namespace

namespace {

std::optional<FileDecls> lower_range(std::string_view text, uint32_t begin, uint32_t end, size_t room_for) {
  if (text.size() >= std::numeric_limits<uint32_t>::max() || begin > end || end > text.size()) return std::nullopt;
  try {
    return FastLowerer(text, begin, end).run(room_for);
  } catch (const Reject&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<FileDecls> fast_lower_range(std::string_view text, uint32_t begin, uint32_t end) {
  return lower_range(text, begin, end, end >= begin ? end - begin : 0);
}

size_t fast_lower_split_point(std::string_view text) {
  // The first line consisting of `}` alone at or after the middle; the split is the start of
  // the line after it.
  size_t p = text.size() / 2;
  while (p < text.size()) {
    size_t nl = text.find('\n', p);
    if (nl == std::string_view::npos) return std::string_view::npos;
    size_t line = nl + 1;  // a line starts here
    size_t close = line;
    if (close < text.size() && text[close] == '}') {
      size_t q = close + 1;
      if (q < text.size() && text[q] == '\r') ++q;
      if (q < text.size() && text[q] == '\n') return q + 1;
    }
    p = line;
  }
  return std::string_view::npos;
}

std::optional<FileDecls> fast_lower_file(std::string_view text) {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) return std::nullopt;
  const auto n = static_cast<uint32_t>(text.size());
  // A large file is lowered as two halves on two threads when there is a safe place to cut it
  // (see fast_lower_split_point). If either half declines -- the cut may fall inside a block
  // comment or an object written over several lines -- the whole file is lowered in one go.
  constexpr size_t kParallelFrom = 256 * 1024;
  if (text.size() >= kParallelFrom && std::thread::hardware_concurrency() > 1) {
    size_t cut = fast_lower_split_point(text);
    if (cut != std::string_view::npos && cut < text.size()) {
      const auto c = static_cast<uint32_t>(cut);
      std::optional<FileDecls> second;
      std::thread worker([&] { second = fast_lower_range(text, c, n); });
      // The first half's lists are sized for the whole text, so that appending the second's
      // declarations moves only those (not the first half's too, into a bigger block).
      std::optional<FileDecls> first = lower_range(text, 0, c, text.size());
      worker.join();
      if (first && second) {
        auto append = [](auto& into, auto& from) {
          into.reserve(into.size() + from.size());  // no-op when the estimate held
          for (auto& x : from) into.push_back(std::move(x));
        };
        append(first->decls, second->decls);
        append(first->extents, second->extents);
        append(first->imports, second->imports);
        return first;
      }
    }
  }
  return fast_lower_range(text, 0, n);
}

}  // namespace zen::analysis
