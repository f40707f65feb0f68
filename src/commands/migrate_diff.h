// `zen migrate diff`: compares two sources (empty, a schema file, a live database, or a
// migrations folder replayed on a shadow database) and prints the SQL script or a summary,
// as `prisma migrate diff` does. Also the CI check "do my migrations match my schema?".
#pragma once

#include <optional>
#include <string>

#include "base/provider.h"
#include "base/result.h"
#include "commands/datasource_url.h"
#include "commands/file_system.h"

namespace zen::commands {

enum class DiffSourceKind { Empty, Schema, Url, Migrations };

struct DiffSource {
  DiffSourceKind kind = DiffSourceKind::Empty;
  /// The schema file, database URL or migrations folder.
  std::string value;
};

struct MigrateDiffInput {
  DiffSource from;
  DiffSource to;
  /// Render SQL instead of the human-readable summary.
  bool script = false;
  /// Where `--from-migrations`/`--to-migrations` are replayed on PostgreSQL (a database that
  /// is wiped first). SQLite always uses a private in-memory database.
  std::optional<std::string> shadow_database_url;
};

struct MigrateDiffOutput {
  /// Exactly what Prisma's engine prints: the script ("-- This is an empty migration." when
  /// there is nothing to do) or the summary ("No difference detected."), ending with "\n".
  std::string text;
  bool has_changes = false;
  Provider provider = Provider::Sqlite;
};

/// Fails with InvalidArgument when no source names a provider (both empty) or the sources
/// disagree on it, SchemaInvalid (with the diagnostics in the message) when a schema has
/// errors, NotFound for a missing file or folder, Unsupported for providers zen cannot
/// migrate, DatabaseUnreachable / DatabaseError for URL and shadow-database sources, and
/// MigrationFailed when a migration does not replay.
Result<MigrateDiffOutput> migrate_diff(const MigrateDiffInput& input, const FileSystem& fs, const Environment& env);

}  // namespace zen::commands
