// migrate resolve: marking a migration applied or rolled back.
#include "commands/migrate_resolve.h"

#include <fmt/format.h>

#include "migrate/checksum.h"
#include "migrate/history_table.h"
#include "migrate/lock_file.h"
#include "migrate/migrations_dir.h"

namespace zen::commands {

namespace {

Result<ResolveOutput> resolve_applied(db::Connection& conn, const ResolveInput& input,
                                      const std::vector<migrate::MigrationDirectory>& folder) {
  ResolveOutput out;
  const migrate::MigrationDirectory* dir = nullptr;
  for (const auto& m : folder)
    if (m.name == input.migration_name) dir = &m;
  if (!dir)
    return fail(ErrorCode::NotFound,
                fmt::format("the migration `{}` is not in `{}`; give the whole folder name, for example "
                            "`20201207184859_initial_migration`",
                            input.migration_name, input.target.migrations_dir.string()));
  ZEN_ASSIGN_OR_RETURN(std::string script, migrate::read_script(*dir));
  ZEN_ASSIGN_OR_RETURN(bool has_table, migrate::history_table_exists(conn));
  if (!has_table) {
    ZEN_TRY(migrate::create_history_table(conn));
    out.created_history_table = true;
  }
  ZEN_ASSIGN_OR_RETURN(auto records, migrate::list_records(conn));
  for (const auto& r : records) {
    if (r.migration_name == input.migration_name && r.finished_at)
      return fail(ErrorCode::InvalidArgument,
                  fmt::format("the migration `{}` is already recorded as applied in the database", input.migration_name));
  }
  for (const auto& r : records) {
    if (r.migration_name != input.migration_name || !r.is_failed()) continue;
    ZEN_TRY(migrate::record_rolled_back(conn, r.id));
    ++out.rolled_back_failures;
  }
  ZEN_TRY(migrate::record_applied_without_running(conn, input.migration_name, migrate::checksum(script)));
  return out;
}

Result<ResolveOutput> resolve_rolled_back(db::Connection& conn, const ResolveInput& input) {
  ResolveOutput out;
  ZEN_ASSIGN_OR_RETURN(auto records, migrate::list_records(conn));
  bool recorded = false;
  for (const auto& r : records) recorded |= r.migration_name == input.migration_name;
  if (!recorded)
    return fail(ErrorCode::NotFound,
                fmt::format("the migration `{}` cannot be rolled back because it was never applied to the database; "
                            "there is nothing to resolve",
                            input.migration_name));
  size_t marked = 0;
  for (const auto& r : records) {
    if (r.migration_name != input.migration_name || !r.is_failed()) continue;
    ZEN_TRY(migrate::record_rolled_back(conn, r.id));
    ++marked;
  }
  if (marked == 0)
    return fail(ErrorCode::InvalidArgument,
                fmt::format("the migration `{}` cannot be rolled back because it is not in a failed state",
                            input.migration_name));
  return out;
}

}  // namespace

Result<ResolveOutput> migrate_resolve(const ResolveInput& input) {
  const auto& t = input.target;
  ZEN_TRY(migrate::check_lock_file(t.migrations_dir, t.provider));
  ZEN_ASSIGN_OR_RETURN(auto folder, migrate::list_migrations(t.migrations_dir));
  ZEN_ASSIGN_OR_RETURN(auto opened, migrate::open_target(t, /*create_missing=*/input.kind == ResolveKind::Applied));
  db::Connection& conn = *opened.conn;
  ZEN_ASSIGN_OR_RETURN(auto lock, migrate::acquire_migration_lock(conn, t.lock));
  if (input.kind == ResolveKind::Applied) return resolve_applied(conn, input, folder);
  return resolve_rolled_back(conn, input);
}

}  // namespace zen::commands
