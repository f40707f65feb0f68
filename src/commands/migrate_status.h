// `zen migrate status`: what the database has of the migrations folder.
#pragma once

#include "base/result.h"
#include "migrate/diagnose.h"
#include "migrate/target.h"

namespace zen::commands {

struct StatusInput {
  migrate::MigrateTarget target;
};

struct StatusOutput {
  size_t migrations_found = 0;
  bool has_history_table = false;
  /// Tables other than `_prisma_migrations` exist.
  bool has_tables = false;
  migrate::HistoryDiagnosis diagnosis;

  /// The database is not managed: it has tables but no `_prisma_migrations`.
  bool unmanaged() const { return !has_history_table && has_tables; }
  bool up_to_date() const { return !unmanaged() && diagnosis.up_to_date(); }
};

/// Reads only: takes no lock and creates nothing (a missing PostgreSQL database is an error).
/// Fails with ProviderMismatch, DatabaseUnreachable, NotFound or Io.
Result<StatusOutput> migrate_status(const StatusInput& input);

}  // namespace zen::commands
