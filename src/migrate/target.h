// The database and migrations folder a `zen migrate` command works on, and opening it the way
// Prisma Migrate does (creating a missing SQLite file or PostgreSQL database when asked).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "base/provider.h"
#include "base/result.h"
#include "dialect/connection.h"
#include "migrate/lock.h"

namespace zen::migrate {

struct MigrateTarget {
  std::string url;                          // resolved (datasource or --url)
  Provider provider = Provider::Sqlite;
  std::filesystem::path migrations_dir;     // default: `migrations` beside the schema
  LockOptions lock;
  db::ConnectOptions connect;
};

struct OpenedDatabase {
  std::unique_ptr<db::Connection> conn;
  /// True when the database (PostgreSQL) was created by this call.
  bool created = false;
};

/// Connects to the target. With `create_missing`, a PostgreSQL database or SQLite file that
/// does not exist is created (PostgreSQL through the server's `postgres` database); without
/// it, a missing one fails with NotFound.
/// Fails with DatabaseUnreachable (never printing the password) or NotFound.
Result<OpenedDatabase> open_target(const MigrateTarget& target, bool create_missing);

}  // namespace zen::migrate
