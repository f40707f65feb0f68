// migrate status: folder and history compared, read-only.
#include "commands/migrate_status.h"

#include "migrate/history_table.h"
#include "migrate/lock_file.h"
#include "migrate/migrations_dir.h"

namespace zen::commands {

Result<StatusOutput> migrate_status(const StatusInput& input) {
  const auto& t = input.target;
  ZEN_TRY(migrate::check_lock_file(t.migrations_dir, t.provider));
  ZEN_ASSIGN_OR_RETURN(auto folder, migrate::list_migrations(t.migrations_dir));
  StatusOutput out;
  out.migrations_found = folder.size();
  ZEN_ASSIGN_OR_RETURN(auto opened, migrate::open_target(t, /*create_missing=*/false));
  db::Connection& conn = *opened.conn;
  ZEN_ASSIGN_OR_RETURN(out.has_history_table, migrate::history_table_exists(conn));
  ZEN_ASSIGN_OR_RETURN(auto tables, migrate::list_user_tables(conn));
  out.has_tables = !tables.empty();
  ZEN_ASSIGN_OR_RETURN(auto records, migrate::list_records(conn));
  ZEN_ASSIGN_OR_RETURN(out.diagnosis, migrate::diagnose_history(folder, records));
  return out;
}

}  // namespace zen::commands
