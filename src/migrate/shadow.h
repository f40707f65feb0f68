// The shadow database `migrate dev` replays the migration history on: SQLite in memory,
// PostgreSQL a temporary database on the same server that is always dropped afterwards, or
// the datasource's `shadowDatabaseUrl` (wiped before use).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "dialect/connection.h"
#include "dialect/dialect.h"
#include "migrate/migrations_dir.h"
#include "migrate/target.h"

namespace zen::migrate {

class ShadowDatabase {
 public:
  /// Opens a fresh shadow database for `main`. Fails with DatabaseUnreachable, or
  /// DatabaseError when the temporary database cannot be created (the user needs the
  /// CREATEDB privilege, or a `shadowDatabaseUrl`).
  static Result<std::unique_ptr<ShadowDatabase>> open(const MigrateTarget& main, const std::optional<std::string>& shadow_url,
                                                      const dialect::Dialect& dialect);
  ~ShadowDatabase();
  ShadowDatabase(const ShadowDatabase&) = delete;
  ShadowDatabase& operator=(const ShadowDatabase&) = delete;

  db::Connection& conn() { return *conn_; }

  /// Runs the scripts in order. Fails with MigrationFailed naming the migration that does not
  /// apply cleanly.
  Result<void> replay(const std::vector<MigrationDirectory>& migrations);

 private:
  ShadowDatabase() = default;
  std::unique_ptr<db::Connection> conn_;
  std::string admin_url_;     // set when a temporary database must be dropped
  std::string temp_name_;
  db::ConnectOptions connect_;
};

}  // namespace zen::migrate
