// The `_prisma_migrations` table: Prisma Migrate's record of applied migrations, with
// Prisma's exact DDL per provider, read and written row by row.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "dialect/connection.h"

namespace zen::migrate {

inline constexpr std::string_view kHistoryTable = "_prisma_migrations";

struct MigrationRecord {
  std::string id;
  std::string checksum;
  std::optional<std::string> finished_at;
  std::string migration_name;
  std::optional<std::string> logs;
  std::optional<std::string> rolled_back_at;
  std::string started_at;
  int64_t applied_steps_count = 0;

  /// Started and neither finished nor rolled back: Prisma's "failed migration".
  bool is_failed() const { return !finished_at && !rolled_back_at; }
  bool is_applied() const { return finished_at && !rolled_back_at; }
};

/// Prisma's CREATE TABLE statement for the provider.
std::string history_table_ddl(Provider provider);

/// A random (version 4) UUID, as Prisma uses for row ids.
std::string new_migration_id();

/// Whether the table exists in the connection's schema. Fails with DatabaseError.
Result<bool> history_table_exists(db::Connection& conn);

/// Tables of the connection's schema other than `_prisma_migrations` and the database's own
/// (`sqlite_*`), sorted. Fails with DatabaseError.
Result<std::vector<std::string>> list_user_tables(db::Connection& conn);

/// Creates the table when missing (and, on PostgreSQL, the URL's schema). Fails with DatabaseError.
Result<void> create_history_table(db::Connection& conn);

/// All rows ordered by `started_at`; an empty list when the table does not exist.
Result<std::vector<MigrationRecord>> list_records(db::Connection& conn);

/// Inserts a started, unfinished row.
Result<void> record_started(db::Connection& conn, std::string_view id, std::string_view name, std::string_view checksum);
/// Sets `finished_at` and counts the applied step.
Result<void> record_finished(db::Connection& conn, std::string_view id);
/// Sets `logs` (the error) on a row.
Result<void> record_logs(db::Connection& conn, std::string_view id, std::string_view logs);
/// Inserts a row for a migration that failed: started, not finished, with its error in `logs`.
Result<void> record_failed(db::Connection& conn, std::string_view id, std::string_view name,
                           std::string_view checksum, std::string_view logs);
/// Sets `rolled_back_at` on a row.
Result<void> record_rolled_back(db::Connection& conn, std::string_view id);
/// Inserts a row as `migrate resolve --applied` does: started and finished now, empty logs.
Result<void> record_applied_without_running(db::Connection& conn, std::string_view name, std::string_view checksum);
/// Deletes every row (used by reset paths that keep the table).
Result<void> drop_history_table(db::Connection& conn);

}  // namespace zen::migrate
