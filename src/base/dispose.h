// Freeing large structures off the critical path.
#pragma once

#include <atomic>
#include <thread>
#include <tuple>
#include <utility>

namespace zen {

namespace detail {
/// Disposals started and not yet finished, in this process.
inline std::atomic<unsigned> pending_disposals{0};
}  // namespace detail

/// Destroys `objects` on a short-lived detached thread (as rust-analyzer drops old snapshots):
/// freeing a big semantic model or schema takes a noticeable part of a command, and nobody
/// waits for it. The objects must own everything they point to (no references to the
/// caller's stack or to objects that may die first).
template <class... T>
void dispose_in_background(T&&... objects) {
  detail::pending_disposals.fetch_add(1, std::memory_order_relaxed);
  std::thread([... owned = std::move(objects)]() mutable {
    // Destroyed here, before the count goes down (captures die after the body returns).
    { std::tuple<std::decay_t<T>...> dying(std::move(owned)...); }
    if (detail::pending_disposals.fetch_sub(1, std::memory_order_release) == 1)
      detail::pending_disposals.notify_all();
  }).detach();
}

/// Blocks until every disposal started so far has finished: for a benchmark that times one
/// command after another (each would otherwise share the cores with the previous one's
/// freeing), or a test that counts memory.
inline void wait_for_background_disposals() {
  for (unsigned n; (n = detail::pending_disposals.load(std::memory_order_acquire)) != 0;)
    detail::pending_disposals.wait(n, std::memory_order_acquire);
}

}  // namespace zen
