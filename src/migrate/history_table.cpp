// Reading and writing `_prisma_migrations` on SQLite and PostgreSQL.
#include "migrate/history_table.h"

#include <sys/random.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>

#include "dialect/postgres/connector.h"

namespace zen::migrate {

namespace {

bool is_pg(const db::Connection& conn) { return conn.provider() == Provider::Postgresql; }

/// The n-th (1-based) parameter placeholder.
std::string p(const db::Connection& conn, int n) { return is_pg(conn) ? fmt::format("${}", n) : "?"; }

/// The current time as the column stores it. SQLite gets the RFC 3339 text Prisma's engine
/// writes there (`2024-01-02T03:04:05.678+00:00`); PostgreSQL its own `now()`.
const char* now_sql(const db::Connection& conn) {
  return is_pg(conn) ? "now()" : "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')";
}

std::string pg_schema(const db::Connection& conn) {
  if (auto* pg = dynamic_cast<const db::postgres::PostgresConnection*>(&conn)) return pg->schema();
  return "public";
}

}  // namespace

std::string history_table_ddl(Provider provider) {
  if (provider == Provider::Postgresql) {
    return "CREATE TABLE _prisma_migrations (\n"
           "    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
           "    checksum                VARCHAR(64) NOT NULL,\n"
           "    finished_at             TIMESTAMPTZ,\n"
           "    migration_name          VARCHAR(255) NOT NULL,\n"
           "    logs                    TEXT,\n"
           "    rolled_back_at          TIMESTAMPTZ,\n"
           "    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
           "    applied_steps_count     INTEGER NOT NULL DEFAULT 0\n"
           ");\n";
  }
  return "CREATE TABLE \"_prisma_migrations\" (\n"
         "    \"id\"                    TEXT PRIMARY KEY NOT NULL,\n"
         "    \"checksum\"              TEXT NOT NULL,\n"
         "    \"finished_at\"           DATETIME,\n"
         "    \"migration_name\"        TEXT NOT NULL,\n"
         "    \"logs\"                  TEXT,\n"
         "    \"rolled_back_at\"        DATETIME,\n"
         "    \"started_at\"            DATETIME NOT NULL DEFAULT current_timestamp,\n"
         "    \"applied_steps_count\"   INTEGER UNSIGNED NOT NULL DEFAULT 0\n"
         ");\n";
}

std::string new_migration_id() {
  // A version 4 UUID, as Prisma writes, from the kernel's random bytes (getrandom never returns
  // fewer than 256 bytes once the pool is ready); std::random_device if the call is refused.
  unsigned char b[16];
  if (getrandom(b, sizeof b, 0) != static_cast<ssize_t>(sizeof b)) {
    std::random_device rd;
    for (size_t i = 0; i < sizeof b; i += 4) {
      uint32_t r = rd();
      std::memcpy(b + i, &r, 4);
    }
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  return fmt::format("{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
                     b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
                     b[15]);
}

Result<bool> history_table_exists(db::Connection& conn) {
  if (is_pg(conn)) {
    ZEN_ASSIGN_OR_RETURN(auto r, conn.query("SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND "
                                            "table_name = '_prisma_migrations'",
                                            {pg_schema(conn)}));
    return !r.rows.empty();
  }
  ZEN_ASSIGN_OR_RETURN(auto r, conn.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'"));
  return !r.rows.empty();
}

Result<std::vector<std::string>> list_user_tables(db::Connection& conn) {
  std::vector<std::string> out;
  db::QueryResult r;
  if (is_pg(conn)) {
    ZEN_ASSIGN_OR_RETURN(r, conn.query("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND "
                                       "table_type = 'BASE TABLE'",
                                       {pg_schema(conn)}));
  } else {
    ZEN_ASSIGN_OR_RETURN(r, conn.query("SELECT name FROM sqlite_master WHERE type = 'table'"));
  }
  for (const auto& row : r.rows) {
    if (!row[0]) continue;
    const std::string& name = *row[0];
    if (name == kHistoryTable || name.starts_with("sqlite_") || name == "spatial_ref_sys") continue;
    out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<void> create_history_table(db::Connection& conn) {
  ZEN_ASSIGN_OR_RETURN(bool exists, history_table_exists(conn));
  if (exists) return ok();
  if (is_pg(conn)) {
    std::string schema = pg_schema(conn);
    if (schema != "public") ZEN_TRY(conn.execute_script("CREATE SCHEMA IF NOT EXISTS " + db::postgres::quote_ident(schema)));
  }
  return conn.execute_script(history_table_ddl(conn.provider()));
}

Result<std::vector<MigrationRecord>> list_records(db::Connection& conn) {
  std::vector<MigrationRecord> out;
  ZEN_ASSIGN_OR_RETURN(bool exists, history_table_exists(conn));
  if (!exists) return out;
  ZEN_ASSIGN_OR_RETURN(auto r, conn.query(is_pg(conn) ? "SELECT id, checksum, finished_at::text, migration_name, logs, "
                                                        "rolled_back_at::text, started_at::text, applied_steps_count "
                                                        "FROM _prisma_migrations ORDER BY started_at ASC, migration_name ASC"
                                                      : "SELECT id, checksum, finished_at, migration_name, logs, "
                                                        "rolled_back_at, started_at, applied_steps_count "
                                                        "FROM \"_prisma_migrations\" ORDER BY started_at ASC, migration_name ASC"));
  for (const auto& row : r.rows) {
    MigrationRecord m;
    m.id = row[0].value_or("");
    m.checksum = row[1].value_or("");
    m.finished_at = row[2];
    m.migration_name = row[3].value_or("");
    m.logs = row[4];
    m.rolled_back_at = row[5];
    m.started_at = row[6].value_or("");
    m.applied_steps_count = row[7] ? std::atoll(row[7]->c_str()) : 0;
    out.push_back(std::move(m));
  }
  return out;
}

Result<void> record_started(db::Connection& conn, std::string_view id, std::string_view name, std::string_view checksum) {
  ZEN_TRY(conn.execute(fmt::format("INSERT INTO \"_prisma_migrations\" (id, checksum, started_at, migration_name, "
                                   "applied_steps_count) VALUES ({}, {}, {}, {}, 0)",
                                   p(conn, 1), p(conn, 2), now_sql(conn), p(conn, 3)),
                       {std::string(id), std::string(checksum), std::string(name)}));
  return ok();
}

Result<void> record_finished(db::Connection& conn, std::string_view id) {
  ZEN_TRY(conn.execute(fmt::format("UPDATE \"_prisma_migrations\" SET finished_at = {}, applied_steps_count = "
                                   "applied_steps_count + 1 WHERE id = {}",
                                   now_sql(conn), p(conn, 1)),
                       {std::string(id)}));
  return ok();
}

Result<void> record_logs(db::Connection& conn, std::string_view id, std::string_view logs) {
  ZEN_TRY(conn.execute(fmt::format("UPDATE \"_prisma_migrations\" SET logs = {} WHERE id = {}", p(conn, 1), p(conn, 2)),
                       {std::string(logs), std::string(id)}));
  return ok();
}

Result<void> record_failed(db::Connection& conn, std::string_view id, std::string_view name, std::string_view checksum,
                           std::string_view logs) {
  ZEN_TRY(conn.execute(fmt::format("INSERT INTO \"_prisma_migrations\" (id, checksum, started_at, migration_name, logs, "
                                   "applied_steps_count) VALUES ({}, {}, {}, {}, {}, 0)",
                                   p(conn, 1), p(conn, 2), now_sql(conn), p(conn, 3), p(conn, 4)),
                       {std::string(id), std::string(checksum), std::string(name), std::string(logs)}));
  return ok();
}

Result<void> record_rolled_back(db::Connection& conn, std::string_view id) {
  ZEN_TRY(conn.execute(fmt::format("UPDATE \"_prisma_migrations\" SET rolled_back_at = {} WHERE id = {}", now_sql(conn),
                                   p(conn, 1)),
                       {std::string(id)}));
  return ok();
}

Result<void> record_applied_without_running(db::Connection& conn, std::string_view name, std::string_view checksum) {
  ZEN_TRY(conn.execute(fmt::format("INSERT INTO \"_prisma_migrations\" (id, checksum, logs, started_at, finished_at, "
                                   "migration_name) VALUES ({}, {}, '', {}, {}, {})",
                                   p(conn, 1), p(conn, 2), now_sql(conn), now_sql(conn), p(conn, 3)),
                       {new_migration_id(), std::string(checksum), std::string(name)}));
  return ok();
}

Result<void> drop_history_table(db::Connection& conn) {
  return conn.execute_script("DROP TABLE IF EXISTS \"_prisma_migrations\"");
}

}  // namespace zen::migrate
