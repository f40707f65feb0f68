// The migrations folder in Prisma Migrate's layout: `<yyyyMMddHHmmss>_<name>/migration.sql`
// folders, sorted by name, beside `migration_lock.toml`.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zen::migrate {

inline constexpr std::string_view kScriptFileName = "migration.sql";

struct MigrationDirectory {
  std::string name;             // the folder name, e.g. "20240101120000_init"
  std::filesystem::path path;   // the folder
  std::filesystem::path script_path() const { return path / kScriptFileName; }
};

/// The migration folders in name order. A missing folder is an empty history. Files and
/// hidden entries are skipped. Fails with NotFound when a folder has no migration.sql, and
/// with Io when the folder cannot be listed.
Result<std::vector<MigrationDirectory>> list_migrations(const std::filesystem::path& migrations_dir);

/// The script's bytes, unchanged. Fails with Io.
Result<std::string> read_script(const MigrationDirectory& migration);

/// `2024-01-02 03:04:05 UTC` -> "20240102030405".
std::string migration_timestamp(std::chrono::system_clock::time_point time);

/// What `--name` becomes in the folder name, as Prisma slugs it: lower case, runs of other
/// characters than letters and digits turned into one `_`, trimmed. "Add users!" -> "add_users".
std::string slug_migration_name(std::string_view name);

/// Creates `<timestamp>_<slug>/migration.sql` with `script`. The timestamp is `now`, moved
/// one second past the newest existing migration when needed so the new one sorts last.
/// Fails with InvalidArgument when the name is longer than 200 characters, Io otherwise.
Result<MigrationDirectory> create_migration(const std::filesystem::path& migrations_dir, std::string_view name,
                                            std::string_view script, std::chrono::system_clock::time_point now);

}  // namespace zen::migrate
