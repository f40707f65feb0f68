// dispose_in_background: the objects die on another thread, and wait_for_background_disposals
// returns only once every one started has died.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "base/dispose.h"

namespace {

// Counts its destruction after a pause, so that a wait that returned early would be seen; a
// gated one first waits for the test to open its gate.
struct SlowToDie {
  std::shared_ptr<std::atomic<int>> died;
  std::thread::id* where = nullptr;
  std::shared_ptr<std::atomic<bool>> gate;
  SlowToDie(std::shared_ptr<std::atomic<int>> d, std::thread::id* w, std::shared_ptr<std::atomic<bool>> g = nullptr)
      : died(std::move(d)), where(w), gate(std::move(g)) {}
  SlowToDie(SlowToDie&& o) noexcept : died(std::move(o.died)), where(o.where), gate(std::move(o.gate)) {}
  ~SlowToDie() {
    if (!died) return;  // moved from
    while (gate && !gate->load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (where) *where = std::this_thread::get_id();
    died->fetch_add(1);
  }
};

}  // namespace

TEST_CASE("disposed objects die on another thread, and the wait returns after all of them") {
  auto died = std::make_shared<std::atomic<int>>(0);
  auto gate = std::make_shared<std::atomic<bool>>(false);
  std::thread::id where{};
  std::vector<int> big(1000, 7);
  zen::dispose_in_background(SlowToDie(died, &where, gate), std::move(big));
  for (int i = 0; i < 3; ++i) zen::dispose_in_background(SlowToDie(died, nullptr));
  CHECK(died->load() < 4);  // the gated one cannot be done yet
  gate->store(true);
  zen::wait_for_background_disposals();
  CHECK(died->load() == 4);
  CHECK(where != std::thread::id{});
  CHECK(where != std::this_thread::get_id());
  zen::wait_for_background_disposals();  // nothing pending: returns at once
}
