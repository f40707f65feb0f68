// `zen migrate deploy`: applies the pending migrations of the folder in order, each in its own
// transaction, under the migration lock; refuses while a failed migration is recorded.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "migrate/apply.h"
#include "migrate/history_table.h"
#include "migrate/target.h"

namespace zen::commands {

struct DeployInput {
  migrate::MigrateTarget target;
};

struct DeployOutput {
  size_t migrations_found = 0;
  std::vector<migrate::AppliedMigration> applied;
  /// Applied migrations whose file changed since (a warning: deploy does not re-run them).
  std::vector<std::string> edited;
  bool created_database = false;
};

/// Fails with ProviderMismatch (migration_lock.toml), DatabaseUnreachable, LockTimeout,
/// DatabaseNotEmpty (tables but no `_prisma_migrations`: baseline with `migrate resolve
/// --applied`), FailedMigrationFound (a recorded failure: resolve it first) or MigrationFailed
/// (the migration that failed now, recorded with its error). `observer` sees each migration
/// start and finish, for progress output.
Result<DeployOutput> migrate_deploy(const DeployInput& input, const migrate::ApplyObserver& observer = {});

/// The FailedMigrationFound error for `failed` rows (shared with `migrate dev`).
Error failed_migrations_error(const std::vector<migrate::MigrationRecord>& failed);

}  // namespace zen::commands
