// Pair<T>: the previous and next version of something being compared (prisma's MigrationPair).
#pragma once

#include <compare>

namespace zen::diff {

template <class T>
struct Pair {
  T previous;
  T next;

  template <class F>
  auto map(F&& f) const -> Pair<decltype(f(previous))> {
    return {f(previous), f(next)};
  }
  auto operator<=>(const Pair&) const = default;
};

template <class T>
Pair(T, T) -> Pair<T>;

}  // namespace zen::diff
