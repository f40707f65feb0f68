// libpq loaded at run time: the error when it is missing or is not libpq, the name fallback,
// and one table for the whole process however many threads ask for it first.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "dialect/postgres/libpq_loader.h"

using namespace zen;
using db::postgres::Libpq;

TEST_CASE("a missing libpq is a one-line error that says what to install") {
  std::string_view names[] = {"libzen-test-missing-libpq.so.5", "libzen-test-missing-libpq.so"};
  auto pq = db::postgres::load_libpq(names);
  REQUIRE_FALSE(pq.ok());
  CHECK(pq.error().code == ErrorCode::DatabaseUnreachable);
  const std::string& msg = pq.error().message;
  CHECK(msg.find('\n') == std::string::npos);
  // Both names tried, the loader's reason for the first one, and the package to install.
  CHECK(msg.find("tried libzen-test-missing-libpq.so.5, libzen-test-missing-libpq.so:") != std::string::npos);
  CHECK(msg.find("libzen-test-missing-libpq.so.5: cannot open shared object file") != std::string::npos);
  CHECK(msg.find("apt install libpq5") != std::string::npos);
}

TEST_CASE("a library that is not libpq is rejected, naming the missing function") {
  // The C library is always there and has none of libpq's functions.
  std::string_view names[] = {"libc.so.6"};
  auto pq = db::postgres::load_libpq(names);
  REQUIRE_FALSE(pq.ok());
  CHECK(pq.error().code == ErrorCode::DatabaseUnreachable);
  CHECK(pq.error().message.find("`libc.so.6` is not a usable PostgreSQL client library: it has no `PQconnectdbParams`") !=
        std::string::npos);
}

TEST_CASE("the next name is tried when one cannot be loaded, and every function is resolved") {
  std::string_view names[] = {"libzen-test-missing-libpq.so.5", "libpq.so.5"};
  auto pq = db::postgres::load_libpq(names);
  REQUIRE_MESSAGE(pq.ok(), pq.error().message);
#define ZEN_CHECK_RESOLVED(name) CHECK_MESSAGE(static_cast<bool>(pq->name), #name);
  ZEN_LIBPQ_FUNCTIONS(ZEN_CHECK_RESOLVED)
#undef ZEN_CHECK_RESOLVED
  // A call that needs no server: libpq reports a null connection as bad.
  CHECK(pq->PQstatus(nullptr) == CONNECTION_BAD);
}

TEST_CASE("libpq() loads once: every thread gets the same table") {
  constexpr int kThreads = 4;
  std::vector<const Libpq*> seen(kThreads, nullptr);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&seen, i] {
      auto pq = db::postgres::libpq();
      if (pq.ok()) seen[i] = *pq;
    });
  }
  for (auto& t : threads) t.join();
  auto again = db::postgres::libpq();
  REQUIRE_MESSAGE(again.ok(), again.error().message);
  for (const Libpq* p : seen) CHECK(p == *again);
}
