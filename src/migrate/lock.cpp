// Advisory (PostgreSQL) and exclusive (SQLite) migration locks.
#include "migrate/lock.h"

#include <fmt/format.h>

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
  // In exclusive locking mode SQLite keeps every lock it takes until the mode is switched
  // back; an empty exclusive transaction takes the exclusive lock, waiting through the busy
  // handler for other connections to let go.
  ZEN_TRY(conn.execute_script(fmt::format("PRAGMA busy_timeout = {}; PRAGMA locking_mode = EXCLUSIVE;",
                                          options.timeout.count())));
  auto locked = conn.execute_script("BEGIN EXCLUSIVE; COMMIT;");
  if (!locked.ok()) {
    (void)conn.execute_script("PRAGMA locking_mode = NORMAL");
    if (locked.error().message.find("locked") != std::string::npos ||
        locked.error().message.find("busy") != std::string::npos)
      return fail(ErrorCode::LockTimeout,
                  fmt::format("timed out after {} ms waiting for the SQLite database `{}`; another process holds it. "
                              "Wait for it or raise the wait with --lock-timeout",
                              options.timeout.count(), conn.display_url()));
    return Unexpected{std::move(locked).error()};
  }
  return std::unique_ptr<MigrationLock>(std::make_unique<SqliteLock>(conn));
}

}  // namespace

Result<std::unique_ptr<MigrationLock>> acquire_migration_lock(db::Connection& conn, const LockOptions& options) {
  if (conn.provider() == Provider::Sqlite) return lock_sqlite(conn, options);
  if (!options.advisory_lock) return std::unique_ptr<MigrationLock>(std::make_unique<NoLock>());
  return lock_postgres(conn, options);
}

}  // namespace zen::migrate
