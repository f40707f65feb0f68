// Applying migration scripts and recording them in `_prisma_migrations`. Each migration runs
// in its own transaction with its history row, so a failure or a killed process leaves
// nothing half-applied; scripts that cannot run in a transaction run statement by statement.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "dialect/connection.h"
#include "migrate/migrations_dir.h"

namespace zen::migrate {

struct ApplyEvent {
  enum class Kind {
    Starting,          // about to run `name` (index of total)
    NoTransaction,     // `name` runs statement by statement; `detail` says why
    Applied,           // `name` finished in `duration`
  };
  Kind kind = Kind::Starting;
  std::string name;
  size_t index = 0;  // 1-based
  size_t total = 0;
  std::chrono::milliseconds duration{0};
  std::string detail;
};

using ApplyObserver = std::function<void(const ApplyEvent&)>;

struct AppliedMigration {
  std::string name;
  std::chrono::milliseconds duration{0};
  bool in_transaction = true;
};

/// Why `script` cannot run inside a transaction on `provider` (for example
/// "CREATE INDEX CONCURRENTLY"), or nullopt when it can.
std::optional<std::string> non_transactional_reason(std::string_view script, Provider provider);

/// Applies `pending` in order. The caller holds the migration lock and has created the history
/// table. Stops at the first failure: the failed migration is recorded with its error in `logs`
/// (nothing of it is applied unless it ran statement by statement) and the result is a
/// MigrationFailed error naming the migration and how to recover. Migrations applied before
/// the failure stay applied; `applied` receives them either way.
Result<void> apply_migrations(db::Connection& conn, const std::vector<MigrationDirectory>& pending,
                              std::vector<AppliedMigration>& applied, const ApplyObserver& observer = {});

/// Runs one script the way apply_migrations does but without recording it (shadow databases).
/// Fails with DatabaseError naming the line.
Result<void> run_script(db::Connection& conn, std::string_view script);

}  // namespace zen::migrate
