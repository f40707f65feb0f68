// Temporary shadow databases and history replay.
#include "migrate/shadow.h"

#include <fmt/format.h>

#include "dialect/postgres/connector.h"
#include "dialect/sqlite/connector.h"
#include "migrate/apply.h"
#include "migrate/history_table.h"

namespace zen::migrate {

namespace {

Result<void> ensure_schema(db::Connection& conn) {
  auto* pg = dynamic_cast<db::postgres::PostgresConnection*>(&conn);
  if (!pg || pg->schema() == "public") return ok();
  return conn.execute_script("CREATE SCHEMA IF NOT EXISTS " + db::postgres::quote_ident(pg->schema()));
}

}  // namespace

Result<std::unique_ptr<ShadowDatabase>> ShadowDatabase::open(const MigrateTarget& main,
                                                             const std::optional<std::string>& shadow_url,
                                                             const dialect::Dialect& dialect) {
  std::unique_ptr<ShadowDatabase> out(new ShadowDatabase());
  out->connect_ = main.connect;
  if (main.provider == Provider::Sqlite && !shadow_url) {
    ZEN_ASSIGN_OR_RETURN(auto mem, db::sqlite::open_memory());
    out->conn_ = std::move(mem);
    return out;
  }
  if (shadow_url) {
    auto conn = db::connect(*shadow_url, main.connect);
    if (!conn.ok())
      return Unexpected{std::move(conn).error().with_context("while opening the shadow database (`shadowDatabaseUrl`)")};
    out->conn_ = std::move(conn).value();
    ZEN_TRY(dialect.reset(*out->conn_));
    ZEN_TRY(ensure_schema(*out->conn_));
    return out;
  }
  // A temporary database on the main database's server, named as Prisma names it.
  std::string id = new_migration_id();
  for (auto& c : id)
    if (c == '-') c = '_';
  std::string name = "prisma_migrate_shadow_db_" + id;
  auto admin = db::connect(main.url, main.connect);
  if (!admin.ok()) return Unexpected{std::move(admin).error()};
  auto created = (*admin)->execute_script("CREATE DATABASE " + db::postgres::quote_ident(name));
  if (!created.ok())
    return Unexpected{std::move(created).error().with_context(
        "while creating a temporary shadow database; give the user the CREATEDB privilege or set `shadowDatabaseUrl` "
        "in the datasource")};
  out->admin_url_ = main.url;
  out->temp_name_ = name;
  auto conn = db::connect(db::postgres::with_database(main.url, name), main.connect);
  if (!conn.ok()) return Unexpected{std::move(conn).error().with_context("while opening the temporary shadow database")};
  out->conn_ = std::move(conn).value();
  ZEN_TRY(ensure_schema(*out->conn_));
  return out;
}

ShadowDatabase::~ShadowDatabase() {
  conn_.reset();
  if (temp_name_.empty()) return;
  auto admin = db::connect(admin_url_, connect_);
  if (!admin.ok()) return;
  auto q = db::postgres::quote_ident(temp_name_);
  if (!(*admin)->execute_script("DROP DATABASE IF EXISTS " + q + " WITH (FORCE)").ok())
    (void)(*admin)->execute_script("DROP DATABASE IF EXISTS " + q);
}

Result<void> ShadowDatabase::replay(const std::vector<MigrationDirectory>& migrations) {
  for (const auto& m : migrations) {
    ZEN_ASSIGN_OR_RETURN(std::string script, read_script(m));
    auto r = run_script(*conn_, script);
    if (!r.ok()) {
      Error e(ErrorCode::MigrationFailed, fmt::format("migration `{}` failed to apply cleanly to the shadow database: {}",
                                                      m.name, r.error().to_string()));
      e.with_context(fmt::format("fix `{}` so that it runs on an empty database", m.script_path().string()));
      return e;
    }
  }
  return ok();
}

}  // namespace zen::migrate
