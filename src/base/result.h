// zen::Result<T>: a value or an Error, shaped like std::expected so moving to it is a rename.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "base/error.h"

namespace zen {

struct Unexpected {
  Error error;
};

/// Builds the error alternative: `return fail(ErrorCode::Io, "cannot read `x`");`
inline Unexpected fail(ErrorCode code, std::string message) {
  return Unexpected{Error(code, std::move(message))};
}
inline Unexpected fail(Error error) { return Unexpected{std::move(error)}; }

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Unexpected u) : v_(std::in_place_index<1>, std::move(u.error)) {}
  Result(Error e) : v_(std::in_place_index<1>, std::move(e)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok() && "value() on an error Result"); return std::get<0>(v_); }
  const T& value() const& { assert(ok() && "value() on an error Result"); return std::get<0>(v_); }
  T&& value() && { assert(ok() && "value() on an error Result"); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  Error& error() & { assert(!ok() && "error() on a value Result"); return std::get<1>(v_); }
  const Error& error() const& { assert(!ok() && "error() on a value Result"); return std::get<1>(v_); }
  Error&& error() && { assert(!ok()); return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Unexpected u) : err_(std::move(u.error)), failed_(true) {}
  Result(Error e) : err_(std::move(e)), failed_(true) {}

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  void value() const { assert(ok()); }
  Error& error() & { assert(failed_); return err_; }
  const Error& error() const& { assert(failed_); return err_; }
  Error&& error() && { assert(failed_); return std::move(err_); }

 private:
  Error err_;
  bool failed_ = false;
};

inline Result<void> ok() { return {}; }

}  // namespace zen

/// Propagates an error: `ZEN_TRY(conn.execute(sql));`
#define ZEN_TRY(expr)                                   \
  do {                                                  \
    auto zen_try_result_ = (expr);                      \
    if (!zen_try_result_.ok())                          \
      return ::zen::Unexpected{std::move(zen_try_result_).error()}; \
  } while (0)

#define ZEN_CONCAT_INNER_(a, b) a##b
#define ZEN_CONCAT_(a, b) ZEN_CONCAT_INNER_(a, b)
/// Binds the value or propagates the error: `ZEN_ASSIGN_OR_RETURN(auto rows, conn.query(sql));`
#define ZEN_ASSIGN_OR_RETURN(decl, expr)                                   \
  auto ZEN_CONCAT_(zen_aor_, __LINE__) = (expr);                           \
  if (!ZEN_CONCAT_(zen_aor_, __LINE__).ok())                               \
    return ::zen::Unexpected{std::move(ZEN_CONCAT_(zen_aor_, __LINE__)).error()}; \
  decl = std::move(ZEN_CONCAT_(zen_aor_, __LINE__)).value()

/// Marks code that a closed enum switch can never reach.
#define ZEN_UNREACHABLE(msg) (assert(false && msg), __builtin_unreachable())
