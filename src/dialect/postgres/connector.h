// The PostgreSQL connector: a zen::db::Connection over libpq, for `postgresql://` and
// `postgres://` URLs with Prisma's `?schema=` parameter. libpq is loaded by the first `open`
// (libpq_loader.h), never by commands that do not connect to PostgreSQL.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dialect/connection.h"

struct pg_conn;
struct pg_result;

namespace zen::db::postgres {

struct Libpq;

/// A parsed PostgreSQL URL. Prisma's own parameters (`schema`, `connection_limit`,
/// `pool_timeout`, `pgbouncer`, ...) are taken out; libpq's (`sslmode`, ...) are kept.
struct PostgresUrl {
  std::string conninfo;   // a URI libpq accepts
  std::string schema = "public";
  std::string database;   // empty when the URL names none
  std::string display;    // the URL with the password replaced by ***
  std::string password;   // for scrubbing messages; never printed
};

/// Fails with InvalidArgument when `url` is not a PostgreSQL URL.
Result<PostgresUrl> parse_url(std::string_view url);

/// The same URL pointing at database `database` (for shadow and maintenance databases);
/// every parameter is kept.
std::string with_database(std::string_view url, std::string_view database);

class PostgresConnection final : public Connection {
 public:
  /// Takes ownership of `conn`, a connection made through `pq`.
  PostgresConnection(const Libpq& pq, pg_conn* conn, PostgresUrl url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Provider provider() const override { return Provider::Postgresql; }
  std::string display_url() const override { return url_.display; }

  /// Sends the script in one round trip (simple query protocol). A failure names the line
  /// of the script where the error is, and leaves nothing of the script behind: outside a
  /// transaction the script runs as one implicit transaction; inside one, it is rolled back
  /// to a savepoint and the transaction stays usable.
  Result<void> execute_script(std::string_view sql) override;
  Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params = {}) override;
  Result<int64_t> execute(std::string_view sql, const std::vector<Value>& params = {}) override;

  Result<void> begin() override;
  Result<void> commit() override;
  Result<void> rollback() override;

  /// The schema from `?schema=` (default `public`); the connection's search_path.
  const std::string& schema() const { return url_.schema; }
  /// The database the connection is on (as named in the URL, or the server's default).
  std::string database() const;
  /// NOTICE messages the server sent since the last call (they are never printed).
  std::vector<std::string> take_notices();

  pg_conn* handle() const { return conn_; }

 private:
  Result<void> execute_simple(const char* sql);
  /// libpq's notice receiver: keeps the server's NOTICE messages in `notices_`.
  static void collect_notice(void* self, const pg_result* res);

  const Libpq& pq_;
  pg_conn* conn_;
  PostgresUrl url_;
  std::vector<std::string> notices_;
};

/// Connects with `options.connect_timeout` (unless the URL sets `connect_timeout`) and sets the
/// search_path to the URL's schema. Fails with DatabaseUnreachable with a one-line message
/// that never contains the password.
Result<std::unique_ptr<PostgresConnection>> open(std::string_view url, const ConnectOptions& options = {});

/// Quotes an identifier for PostgreSQL: `"a""b"`.
std::string quote_ident(std::string_view name);

}  // namespace zen::db::postgres
