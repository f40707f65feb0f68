// `zen migrate resolve --applied NAME | --rolled-back NAME`: edits the migration history by
// hand, with Prisma's rules (this is also how an existing database is baselined).
#pragma once

#include <string>

#include "base/result.h"
#include "migrate/target.h"

namespace zen::commands {

enum class ResolveKind { Applied, RolledBack };

struct ResolveInput {
  migrate::MigrateTarget target;
  ResolveKind kind = ResolveKind::Applied;
  std::string migration_name;
};

struct ResolveOutput {
  /// --applied: failed rows of that migration that were marked rolled back first.
  size_t rolled_back_failures = 0;
  /// The history table was created (baselining a database that had none).
  bool created_history_table = false;
};

/// --applied: the migration must exist in the folder (NotFound) and not be recorded as applied
/// (InvalidArgument); failed rows of it are marked rolled back, and a finished row is added
/// without running the script. --rolled-back: the migration must be recorded (NotFound) and
/// failed (InvalidArgument); its failed rows get `rolled_back_at`.
Result<ResolveOutput> migrate_resolve(const ResolveInput& input);

}  // namespace zen::commands
