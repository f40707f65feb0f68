// migrate deploy: lock file check, lock, history table, failed-migration check, apply loop.
#include "commands/migrate_deploy.h"

#include <fmt/format.h>

#include <algorithm>

#include "migrate/diagnose.h"
#include "migrate/history_table.h"
#include "migrate/lock_file.h"
#include "migrate/migrations_dir.h"

namespace zen::commands {

Error failed_migrations_error(const std::vector<migrate::MigrationRecord>& failed) {
  std::string names;
  for (const auto& f : failed) names += (names.empty() ? "`" : ", `") + f.migration_name + "`";
  Error e(ErrorCode::FailedMigrationFound,
          fmt::format("found failed migrations in the database: {}; new migrations will not be applied until they are "
                      "resolved",
                      names));
  for (const auto& f : failed) {
    std::string logs = f.logs.value_or("");
    while (!logs.empty() && (logs.back() == '\n' || logs.back() == ' ')) logs.pop_back();
    e.with_context(logs.empty() ? fmt::format("`{}` started at {} and did not finish", f.migration_name, f.started_at)
                                : fmt::format("`{}` started at {} failed: {}", f.migration_name, f.started_at, logs));
  }
  e.with_context(fmt::format(
      "if the database has nothing of it, run `zen migrate resolve --rolled-back {0}`, fix the migration and deploy "
      "again; if you completed it by hand, run `zen migrate resolve --applied {0}`",
      failed.front().migration_name));
  return e;
}

Result<DeployOutput> migrate_deploy(const DeployInput& input, const migrate::ApplyObserver& observer) {
  const auto& t = input.target;
  ZEN_TRY(migrate::check_lock_file(t.migrations_dir, t.provider));
  ZEN_ASSIGN_OR_RETURN(auto folder, migrate::list_migrations(t.migrations_dir));
  DeployOutput out;
  out.migrations_found = folder.size();
  ZEN_ASSIGN_OR_RETURN(auto opened, migrate::open_target(t, /*create_missing=*/true));
  out.created_database = opened.created;
  db::Connection& conn = *opened.conn;
  ZEN_ASSIGN_OR_RETURN(auto lock, migrate::acquire_migration_lock(conn, t.lock));
  ZEN_ASSIGN_OR_RETURN(bool has_table, migrate::history_table_exists(conn));
  if (!has_table) {
    ZEN_ASSIGN_OR_RETURN(auto tables, migrate::list_user_tables(conn));
    if (!tables.empty())
      return fail(ErrorCode::DatabaseNotEmpty,
                  fmt::format("the database `{}` has tables ({}{}) but no migration history, so zen cannot tell which "
                              "migrations it already has; baseline it: run `zen migrate resolve --applied NAME` for "
                              "each migration the database already contains, then deploy",
                              conn.display_url(), tables.front(), tables.size() > 1 ? ", ..." : ""));
    ZEN_TRY(migrate::create_history_table(conn));
  }
  ZEN_ASSIGN_OR_RETURN(auto records, migrate::list_records(conn));
  ZEN_ASSIGN_OR_RETURN(auto diagnosis, migrate::diagnose_history(folder, records));
  if (!diagnosis.failed.empty()) return failed_migrations_error(diagnosis.failed);
  out.edited = diagnosis.edited;
  std::vector<migrate::MigrationDirectory> pending;
  for (const auto& m : folder)
    if (std::find(diagnosis.pending.begin(), diagnosis.pending.end(), m.name) != diagnosis.pending.end())
      pending.push_back(m);
  ZEN_TRY(migrate::apply_migrations(conn, pending, out.applied, observer));
  return out;
}

}  // namespace zen::commands
