// Advisory (PostgreSQL) and exclusive (SQLite) migration locks.
#include "migrate/lock.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace zen::migrate {

namespace {

class PostgresLock final : public MigrationLock {
 public:
  explicit PostgresLock(db::Connection& conn) : conn_(conn) {}
  ~PostgresLock() override { (void)conn_.query(fmt::format("SELECT pg_advisory_unlock({})", kAdvisoryLockId)); }

 private:
  db::Connection& conn_;
};

class SqliteLock final : public MigrationLock {
 public:
  explicit SqliteLock(db::Connection& conn) : conn_(conn) {}
  ~SqliteLock() override {
    // Back to normal locking; the next access releases the exclusive lock.
    (void)conn_.execute_script("PRAGMA locking_mode = NORMAL; SELECT count(*) FROM sqlite_master;");
  }

 private:
  db::Connection& conn_;
};

class NoLock final : public MigrationLock {};

Result<std::unique_ptr<MigrationLock>> lock_postgres(db::Connection& conn, const LockOptions& options) {
  auto deadline = std::chrono::steady_clock::now() + options.timeout;
  auto pause = std::chrono::milliseconds(20);
  while (true) {
    ZEN_ASSIGN_OR_RETURN(auto r, conn.query(fmt::format("SELECT pg_try_advisory_lock({})", kAdvisoryLockId)));
    if (!r.rows.empty() && r.rows[0][0] == "t") return std::unique_ptr<MigrationLock>(std::make_unique<PostgresLock>(conn));
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(250));
  }
  return fail(ErrorCode::LockTimeout,
              fmt::format("timed out after {} ms waiting for the migration lock (pg_advisory_lock({})) on `{}`; another "
                          "migration is running. Wait for it, raise the wait with --lock-timeout, or, behind a "
                          "connection pooler that cannot hold session locks, turn the lock off with "
                          "ZEN_DISABLE_ADVISORY_LOCK=1",
                          options.timeout.count(), kAdvisoryLockId, conn.display_url()));
}

Result<std::unique_ptr<MigrationLock>> lock_sqlite(db::Connection& conn, const LockOptions& options) {
  // The exclusive lock is taken by an empty exclusive transaction in normal locking mode, where
  // SQLite's busy handler waits for other connections to let go (in exclusive mode a waiting
  // connection keeps its shared lock, and two such connections deadlock: SQLite then fails at
  // once instead of waiting). Switching to exclusive mode before the COMMIT keeps the lock
  // after it, until the mode is switched back (SqliteLock). Should SQLite still report busy
  // without waiting, this connection lets go of everything and tries again after a pause,
  // until the deadline.
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + options.timeout;
  auto pause = std::chrono::milliseconds(10);
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    ZEN_TRY(conn.execute_script(fmt::format("PRAGMA locking_mode = NORMAL; PRAGMA busy_timeout = {};",
                                            std::max<int64_t>(left.count(), 0))));
    auto locked = conn.execute_script("BEGIN EXCLUSIVE; PRAGMA locking_mode = EXCLUSIVE; COMMIT;");
    if (locked.ok()) return std::unique_ptr<MigrationLock>(std::make_unique<SqliteLock>(conn));
    // Normal mode again; the read releases the locks the failed attempt kept.
    (void)conn.execute_script("ROLLBACK");
    (void)conn.execute_script("PRAGMA locking_mode = NORMAL; SELECT count(*) FROM sqlite_master;");
    const std::string& message = locked.error().message;
    bool busy = message.find("locked") != std::string::npos || message.find("busy") != std::string::npos;
    if (!busy) return Unexpected{std::move(locked).error()};
    if (Clock::now() >= deadline)
      return fail(ErrorCode::LockTimeout,
                  fmt::format("timed out after {} ms waiting for the SQLite database `{}`; another process holds it. "
                              "Wait for it or raise the wait with --lock-timeout",
                              options.timeout.count(), conn.display_url()));
    std::this_thread::sleep_for(std::min(pause, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()) +
                                                    std::chrono::milliseconds(1)));
    pause = std::min(pause * 2, std::chrono::milliseconds(200));
  }
}

}  // namespace

Result<std::unique_ptr<MigrationLock>> acquire_migration_lock(db::Connection& conn, const LockOptions& options) {
  if (conn.provider() == Provider::Sqlite) return lock_sqlite(conn, options);
  if (!options.advisory_lock) return std::unique_ptr<MigrationLock>(std::make_unique<NoLock>());
  return lock_postgres(conn, options);
}

}  // namespace zen::migrate
