// The SQLite connector: a zen::db::Connection over libsqlite3, for `file:` URLs and `:memory:`.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "dialect/connection.h"

struct sqlite3;

namespace zen::db::sqlite {

/// A parsed SQLite URL: `file:./dev.db`, `file:/abs/dev.db`, `file:dev.db?connection_limit=1`,
/// `:memory:` or `file::memory:`. Query parameters are Prisma's and are ignored.
struct SqliteUrl {
  std::string path;     // as written (relative paths stay relative); empty for memory
  bool memory = false;
};

/// Fails with InvalidArgument when `url` is not a SQLite URL.
Result<SqliteUrl> parse_url(std::string_view url);

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::string display);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Provider provider() const override { return Provider::Sqlite; }
  std::string display_url() const override { return display_; }

  /// Runs the statements one by one; a failure names the line where the statement starts.
  Result<void> execute_script(std::string_view sql) override;
  Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params = {}) override;
  Result<int64_t> execute(std::string_view sql, const std::vector<Value>& params = {}) override;

  Result<void> begin() override;
  Result<void> commit() override;
  Result<void> rollback() override;

  /// The raw handle, for dialect code that needs libsqlite3 directly.
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_;
  std::string display_;
};

/// Opens (creating it when missing) the database file of `url`, with foreign keys on and a
/// busy timeout of `options.connect_timeout`. Fails with DatabaseUnreachable when the file
/// cannot be opened (for example when its folder does not exist).
Result<std::unique_ptr<SqliteConnection>> open(std::string_view url, const ConnectOptions& options = {});

/// A fresh private in-memory database (the SQLite shadow database).
Result<std::unique_ptr<SqliteConnection>> open_memory();

}  // namespace zen::db::sqlite
