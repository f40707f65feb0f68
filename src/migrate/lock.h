// The migration lock that keeps concurrent `zen migrate` runs apart: PostgreSQL's advisory
// lock 72707369 (the one Prisma Migrate takes, so zen and Prisma exclude each other too) and
// SQLite's exclusive file lock.
#pragma once

#include <chrono>
#include <memory>

#include "base/result.h"
#include "dialect/connection.h"

namespace zen::migrate {

inline constexpr int64_t kAdvisoryLockId = 72707369;

struct LockOptions {
  /// How long to wait for another migration run to finish.
  std::chrono::milliseconds timeout{10000};
  /// Skip PostgreSQL's advisory lock, for connection poolers (PgBouncer in transaction mode)
  /// that cannot keep session-level locks. SQLite always locks.
  bool advisory_lock = true;
};

/// Holds the lock until destroyed (or until the connection closes).
class MigrationLock {
 public:
  virtual ~MigrationLock() = default;
};

/// Waits up to `options.timeout` for the lock. Fails with LockTimeout naming the lock and how
/// to turn it off, or with DatabaseError.
Result<std::unique_ptr<MigrationLock>> acquire_migration_lock(db::Connection& conn, const LockOptions& options = {});

}  // namespace zen::migrate
