// The dialect-neutral database connection: what introspection, the migration history and
// the commands need from a live SQLite or PostgreSQL database. One implementation per
// dialect lives in dialect/<db>/connector.*; `connect` picks one from the URL.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/provider.h"
#include "base/result.h"

namespace zen::db {

/// One value of a result row, as text; nullopt is SQL NULL.
using Value = std::optional<std::string>;

struct Row {
  std::vector<Value> values;
  const Value& operator[](size_t i) const { return values[i]; }
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<Row> rows;
};

struct ConnectOptions {
  /// How long to wait for the server before giving up (PostgreSQL).
  std::chrono::milliseconds connect_timeout{10000};
};

/// A live connection. Not thread-safe; one per thread. Errors never contain the password.
class Connection {
 public:
  virtual ~Connection() = default;

  virtual Provider provider() const = 0;
  /// The URL with any password replaced by `***`, for messages.
  virtual std::string display_url() const = 0;

  /// Runs one or more statements separated by `;` and discards results.
  /// Fails with ErrorCode::DatabaseError naming the statement that failed.
  virtual Result<void> execute_script(std::string_view sql) = 0;
  /// Runs one statement with `$1`-style (PostgreSQL) or `?` (SQLite) parameters.
  virtual Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  /// Runs one statement with parameters; returns the number of affected rows.
  virtual Result<int64_t> execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;

  virtual Result<void> begin() = 0;
  virtual Result<void> commit() = 0;
  virtual Result<void> rollback() = 0;
};

/// Parses `file:./dev.db`, `file:/abs.db`, `:memory:`, `postgresql://…` or `postgres://…`
/// and opens it. Relative SQLite paths are taken relative to the current directory (callers
/// resolve them against the schema folder first). Fails with DatabaseUnreachable.
Result<std::unique_ptr<Connection>> connect(std::string_view url, const ConnectOptions& options = {});

/// Removes the password from a database URL, for messages.
std::string redact_url(std::string_view url);

}  // namespace zen::db
