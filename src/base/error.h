// Environmental failures (IO, database, migration folder) as values: an error code for
// programs, a message for people, and context added on the way up.
#pragma once

#include <string>
#include <vector>

namespace zen {

/// Stable, user-facing failure kinds. Add new ones at the end.
enum class ErrorCode {
  Internal,
  InvalidArgument,    // bad CLI flags or API input
  Io,                 // file system
  NotFound,           // a file, schema, migration or database object that should exist
  SchemaInvalid,      // the ZModel schema has errors
  DatabaseUnreachable,
  DatabaseError,      // the database rejected a statement
  Unsupported,        // a provider or feature zen cannot handle
  MigrationFailed,    // a migration script failed while being applied
  FailedMigrationFound,
  ChecksumMismatch,   // an applied migration was edited
  Drift,              // the database does not match the migration history
  LockTimeout,
  DataLoss,           // the change would lose data and was not accepted
  Unexecutable,       // the change cannot be applied to the current data
  Cancelled,          // the user said no
  ProviderMismatch,   // migration_lock.toml names another provider
  DatabaseNotEmpty,   // migrations cannot start on a database that has tables but no history
};

const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::Internal;
  std::string message;
  /// Outermost context last, e.g. {"while reading `migrations/x/migration.sql`"}.
  std::vector<std::string> context;

  Error() = default;
  Error(ErrorCode c, std::string m) : code(c), message(std::move(m)) {}

  /// Adds a "while …" note; returns *this for chaining.
  Error& with_context(std::string note) & {
    context.push_back(std::move(note));
    return *this;
  }
  Error&& with_context(std::string note) && {
    context.push_back(std::move(note));
    return std::move(*this);
  }

  /// The message followed by the context notes, innermost first.
  std::string to_string() const;
};

}  // namespace zen
