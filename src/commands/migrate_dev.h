// `zen migrate dev`: replays the history on a shadow database, detects drift, edited, failed
// and diverged migrations (and offers a reset), applies pending migrations, then writes the
// migration from the history to the schema (with data-loss warnings as a header) and applies it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "base/result.h"
#include "migrate/apply.h"
#include "migrate/target.h"

namespace zen::commands {

struct DevInput {
  /// The analysed schema; it must be free of errors.
  const analysis::Model* model = nullptr;
  migrate::MigrateTarget target;
  /// The datasource's `shadowDatabaseUrl`; otherwise a temporary database (PostgreSQL) or
  /// memory (SQLite).
  std::optional<std::string> shadow_url;
  std::optional<std::string> name;
  bool create_only = false;
  /// Say yes up front (non-interactive use): to data-loss warnings, and to a reset.
  bool accept_data_loss = false;
  bool force_reset = false;
};

/// The questions dev may ask. An empty function means non-interactive: dev stops with an
/// error that names the flag saying yes up front.
struct DevPrompts {
  /// The database must be reset (all data lost) for `reason`; true to go on.
  std::function<bool(const std::string& reason)> confirm_reset;
  /// The new migration has data-loss warnings; true to create and apply it.
  std::function<bool(const std::vector<std::string>& warnings)> confirm_data_loss;
  /// No --name: the name of the new migration ("" is fine).
  std::function<std::string()> ask_name;
};

struct DevOutput {
  bool created_database = false;
  /// Why the database was reset, when it was.
  std::optional<std::string> reset_reason;
  /// Pending migrations applied before creating the new one (after a reset: all of them).
  std::vector<migrate::AppliedMigration> applied;
  /// The folder name of the new migration; nullopt when the schema already matched.
  std::optional<std::string> created;
  bool created_applied = false;
  std::vector<std::string> warnings;
  std::string script;
};

/// Fails with SchemaInvalid (lowering errors), ProviderMismatch, DatabaseUnreachable,
/// LockTimeout, Drift (a reset is needed and was not accepted: the message says why),
/// MigrationFailed (a migration does not apply on the shadow database, or the new one fails),
/// DataLoss (warnings not accepted), Unexecutable or Cancelled.
Result<DevOutput> migrate_dev(const DevInput& input, const DevPrompts& prompts = {},
                              const migrate::ApplyObserver& observer = {});

/// The `/* Warnings: ... */` header Prisma puts on top of a migration with data-loss warnings.
std::string render_warnings_header(const std::vector<std::string>& warnings);

}  // namespace zen::commands
