// Prisma's migration script layout, shared by every dialect's renderer: a `-- StepName`
// header per step, statements ending in `;`, a blank line between steps.
#pragma once

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/step.h"

namespace zen::dialect {

/// Appends SQL to a string through a pointer into room made ahead, in chunks: a script of
/// 5,000 models is a million pieces (keywords, quoted names, punctuation), and std::string's
/// append stores the length and a terminator and makes a call for each. Fixed pieces are
/// copied with their length known at compile time.
///
/// The room is made with std::string::resize, which zeroes it: the string's size runs ahead of
/// what is written until finish() (or a destructor) cuts it back. `out` must not be touched
/// through anything else meanwhile.
class SqlWriter {
 public:
  static constexpr size_t kChunk = 64 * 1024;

  explicit SqlWriter(std::string& out) : out_(out), p_(out.data() + out.size()), end_(p_) {}
  ~SqlWriter() { finish(); }
  SqlWriter(const SqlWriter&) = delete;
  SqlWriter& operator=(const SqlWriter&) = delete;

  /// Cuts the string back to what was written; the writer is done (it must not be used after).
  void finish() {
    if (!p_) return;
    out_.resize(size());
    p_ = end_ = nullptr;
  }

  /// Makes room for `n` more bytes. Inlined into every append (GCC would otherwise call it).
  [[gnu::always_inline]] void room(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) grow(n);
  }
  template <size_t N>
  [[gnu::always_inline]] void lit(const char (&text)[N]) {
    room(N - 1);
    std::memcpy(p_, text, N - 1);
    p_ += N - 1;
  }
  [[gnu::always_inline]] void str(std::string_view v) {
    room(v.size());
    std::memcpy(p_, v.data(), v.size());
    p_ += v.size();
  }
  [[gnu::always_inline]] void ch(char c) {
    room(1);
    *p_++ = c;
  }
  /// `v` between `quote`s, embedded quotes doubled.
  [[gnu::always_inline]] void quoted(std::string_view v, char quote) {
    room(2 * v.size() + 2);
    char* p = p_;
    *p++ = quote;
    if (!std::memchr(v.data(), quote, v.size())) {
      std::memcpy(p, v.data(), v.size());
      p += v.size();
    } else {
      for (char c : v) {
        if (c == quote) *p++ = quote;
        *p++ = c;
      }
    }
    *p++ = quote;
    p_ = p;
  }
  /// A double-quoted identifier.
  void ident(std::string_view v) { quoted(v, '"'); }
  /// A single-quoted string literal.
  void string_literal(std::string_view v) { quoted(v, '\''); }

  /// Bytes written so far (the string's own size once finished), for truncate().
  size_t size() const { return static_cast<size_t>(p_ - out_.data()); }
  /// Drops what was written after `size` (a size() taken before).
  void truncate(size_t size) { p_ = out_.data() + size; }

 private:
  [[gnu::noinline]] void grow(size_t n) {
    size_t used = size();
    // Doubling while small (a single statement), then in chunks: the room is zeroed, and a
    // large script's string was reserved ahead (growing past it would copy the script).
    out_.resize(used + std::max(n, std::clamp(used, size_t(256), kChunk)));
    p_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }

  std::string& out_;
  char* p_;
  char* end_;
};

/// Runs `append(SqlWriter&)` into a new string: the string-returning form of an appender.
template <class Append>
std::string written(Append&& append) {
  std::string out;
  SqlWriter w(out);
  append(w);
  w.finish();
  return out;
}

/// Builds a script in Prisma's layout in one string. Renderers append the text of common
/// statements straight into `out()` between begin_statement() and end_statement(), and hand
/// the rest over as finished statements with add_statements().
class ScriptWriter {
 public:
  explicit ScriptWriter(size_t reserve = 0) : w_(reserved(out_, reserve)) {}

  /// Writes the header of a step with exactly one statement; the statement's text follows.
  void begin_statement(std::string_view step_name) {
    if (w_.size()) w_.ch('\n');
    w_.lit("-- ");
    w_.str(step_name);
    w_.ch('\n');
  }
  SqlWriter& out() { return w_; }
  void end_statement() { w_.lit(";\n"); }

  /// A step's statements (without semicolons); a step without statements is left out.
  void add_statements(std::string_view step_name, const std::vector<std::string>& statements);

  /// The script; "-- This is an empty migration.\n" (as Prisma prints it) when empty.
  std::string finish() &&;

 private:
  static std::string& reserved(std::string& s, size_t n) {
    s.reserve(n);
    return s;
  }

  std::string out_;
  SqlWriter w_;  // writes into out_ (declared after it: made once out_ is reserved)
};

/// Renders each step with `render_step` (statements without semicolons) and lays them out.
/// Steps that render to nothing are left out; a migration with nothing to render is
/// "-- This is an empty migration.\n", as Prisma prints it.
std::string assemble_script(const diff::Migration& migration,
                            const std::function<std::vector<std::string>(const diff::Step&)>& render_step);

}  // namespace zen::dialect
