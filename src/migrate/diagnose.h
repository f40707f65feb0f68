// Comparing the migrations folder with `_prisma_migrations`, as Prisma's
// diagnoseMigrationHistory does: what is applied, pending, failed, edited, or only in the database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "migrate/history_table.h"
#include "migrate/migrations_dir.h"

namespace zen::migrate {

struct HistoryDiagnosis {
  /// Folder migrations with a finished, not rolled back row.
  std::vector<std::string> applied;
  /// Folder migrations without a live row (never applied, or rolled back): deploy applies these.
  std::vector<std::string> pending;
  /// Rows started but neither finished nor rolled back.
  std::vector<MigrationRecord> failed;
  /// Applied migrations whose file no longer matches the recorded checksum.
  std::vector<std::string> edited;
  /// Rows (not rolled back) whose folder is missing.
  std::vector<std::string> missing_locally;
  /// When both `pending` and `missing_locally` are non-empty: the last folder migration before
  /// the first pending one (nullopt when the histories diverge from the start).
  std::optional<std::string> last_common;

  bool histories_diverge() const { return !pending.empty() && !missing_locally.empty(); }
  bool up_to_date() const {
    return pending.empty() && failed.empty() && edited.empty() && missing_locally.empty();
  }
};

/// Reads every script to compare checksums. Fails with Io when a script cannot be read.
Result<HistoryDiagnosis> diagnose_history(const std::vector<MigrationDirectory>& folder,
                                          const std::vector<MigrationRecord>& records);

}  // namespace zen::migrate
