// Opening the target database, creating a missing PostgreSQL database on request.
#include "migrate/target.h"

#include <fmt/format.h>

#include "dialect/postgres/connector.h"
#include "dialect/sqlite/connector.h"

namespace zen::migrate {

Result<OpenedDatabase> open_target(const MigrateTarget& target, bool create_missing) {
  if (!create_missing && target.provider == Provider::Sqlite) {
    auto parsed = db::sqlite::parse_url(target.url);
    std::error_code ec;
    if (parsed.ok() && !parsed->memory && !std::filesystem::exists(parsed->path, ec))
      return fail(ErrorCode::NotFound,
                  fmt::format("the SQLite database `{}` does not exist; `zen migrate deploy` or `zen migrate dev` "
                              "creates it",
                              parsed->path));
  }
  auto conn = db::connect(target.url, target.connect);
  if (conn.ok()) return OpenedDatabase{std::move(conn).value(), false};
  if (conn.error().code != ErrorCode::NotFound || !create_missing || target.provider != Provider::Postgresql)
    return Unexpected{std::move(conn).error()};
  ZEN_ASSIGN_OR_RETURN(auto parsed, db::postgres::parse_url(target.url));
  auto admin = db::connect(db::postgres::with_database(target.url, "postgres"), target.connect);
  if (!admin.ok()) return Unexpected{std::move(conn).error()};
  auto created = (*admin)->execute_script("CREATE DATABASE " + db::postgres::quote_ident(parsed.database));
  // Another process may have created it meanwhile (sqlstate 42P04): that is fine.
  if (!created.ok() && created.error().message.find("42P04") == std::string::npos)
    return Unexpected{std::move(created).error().with_context(
        fmt::format("while creating the database `{}`", parsed.database))};
  ZEN_ASSIGN_OR_RETURN(auto again, db::connect(target.url, target.connect));
  return OpenedDatabase{std::move(again), created.ok()};
}

}  // namespace zen::migrate
