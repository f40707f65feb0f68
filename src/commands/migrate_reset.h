// `zen migrate reset`: drops everything in the database, reapplies every migration, and
// names the seed command ZenStack would run (package.json `zenstack.seed`).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "migrate/apply.h"
#include "migrate/target.h"

namespace zen::commands {

struct ResetInput {
  migrate::MigrateTarget target;
};

struct ResetOutput {
  bool created_database = false;
  std::vector<migrate::AppliedMigration> applied;
};

/// The caller has asked for confirmation (or got --force). Fails with ProviderMismatch,
/// DatabaseUnreachable, LockTimeout, DatabaseError or MigrationFailed.
Result<ResetOutput> migrate_reset(const ResetInput& input, const migrate::ApplyObserver& observer = {});

/// The seed command from the nearest package.json (searching upwards from `start`) under
/// `zenstack.seed`, as ZenStack reads it; nullopt when there is none. Fails with Io when a
/// package.json exists but is not valid JSON.
Result<std::optional<std::string>> find_seed_command(const std::filesystem::path& start);

}  // namespace zen::commands
