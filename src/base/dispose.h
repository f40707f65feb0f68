// Freeing large structures off the critical path.
#pragma once

#include <thread>
#include <utility>

namespace zen {

/// Destroys `objects` on a short-lived detached thread (as rust-analyzer drops old snapshots):
/// freeing a big semantic model or schema takes a noticeable part of a command, and nobody
/// waits for it. The objects must own everything they point to (no references to the
/// caller's stack or to objects that may die first).
template <class... T>
void dispose_in_background(T&&... objects) {
  std::thread([... owned = std::move(objects)]() mutable {}).detach();
}

}  // namespace zen
