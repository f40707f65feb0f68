// The PostgreSQL connector: URL parsing (always), and against a live server when
// ZEN_TEST_POSTGRES_URL is set: parameters, scripts, transactions, `?schema=`, errors.
#include <doctest/doctest.h>

#include "dialect/connection.h"
#include "dialect/postgres/connector.h"
#include "support/temp_database.h"

using namespace zen;
using zen::testing::TempPostgresDatabase;

TEST_CASE("parses postgres urls and strips prisma's parameters") {
  auto u = db::postgres::parse_url(
      "postgresql://alice:s%40cret@db.example.com:5433/app?schema=tenant&connection_limit=5&sslmode=require&pgbouncer=true");
  REQUIRE(u.ok());
  CHECK(u->schema == "tenant");
  CHECK(u->database == "app");
  CHECK(u->password == "s@cret");
  CHECK(u->conninfo == "postgresql://alice:s%40cret@db.example.com:5433/app?sslmode=require");
  CHECK(u->display == "postgresql://alice:***@db.example.com:5433/app?schema=tenant&connection_limit=5&sslmode=require&pgbouncer=true");
  auto d = db::postgres::parse_url("postgres://localhost/x");
  REQUIRE(d.ok());
  CHECK(d->schema == "public");
  CHECK_FALSE(db::postgres::parse_url("file:./dev.db").ok());
}

TEST_CASE("with_database swaps the database and keeps the parameters") {
  CHECK(db::postgres::with_database("postgresql://u:p@h:1/app?schema=s", "shadow_1") ==
        "postgresql://u:p@h:1/shadow_1?schema=s");
  CHECK(db::postgres::with_database("postgresql://h", "x") == "postgresql://h/x");
}

TEST_CASE("a server that is down is unreachable, in one line, without the password") {
  db::ConnectOptions opts;
  opts.connect_timeout = std::chrono::milliseconds(2000);
  auto conn = db::connect("postgresql://zen:topsecret@127.0.0.1:1/nodb?schema=x", opts);
  REQUIRE_FALSE(conn.ok());
  CHECK(conn.error().code == ErrorCode::DatabaseUnreachable);
  std::string all = conn.error().to_string();
  CHECK(all.find("topsecret") == std::string::npos);
  CHECK(all.find('\n') == std::string::npos);
  CHECK(all.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("live postgres: parameters, rows, scripts, transactions") {
  TempPostgresDatabase tmp;
  if (tmp.url().empty()) {
    MESSAGE("skipped: ZEN_TEST_POSTGRES_URL is not set or unreachable " << tmp.error());
    return;
  }
  auto conn = db::connect(tmp.url());
  REQUIRE(conn.ok());
  auto& c = **conn;
  CHECK(c.provider() == Provider::Postgresql);
  REQUIRE(c.execute_script("CREATE TABLE t (id INT PRIMARY KEY, name TEXT); CREATE TABLE u (x INT);").ok());
  auto n = c.execute("INSERT INTO t VALUES ($1, $2), ($3, $4)", {"1", "one", "2", std::nullopt});
  REQUIRE(n.ok());
  CHECK(*n == 2);
  auto rows = c.query("SELECT id, name FROM t ORDER BY id");
  REQUIRE(rows.ok());
  REQUIRE(rows->rows.size() == 2);
  CHECK(rows->rows[0][1] == "one");
  CHECK_FALSE(rows->rows[1][1].has_value());

  SUBCASE("a failing script names its line and, being one implicit transaction, leaves nothing") {
    auto r = c.execute_script("CREATE TABLE a (id INT);\n\nCREATE TABLE b (\n  id INT REFERENCES missing(id)\n);\n");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::DatabaseError);
    CHECK(r.error().message.find("line 3") != std::string::npos);
    CHECK(r.error().message.find("relation \"missing\" does not exist") != std::string::npos);
    CHECK(c.query("SELECT to_regclass('a') IS NULL")->rows[0][0] == "t");
  }
  SUBCASE("commit keeps, rollback undoes") {
    REQUIRE(c.begin().ok());
    REQUIRE(c.execute("INSERT INTO u VALUES (1)").ok());
    REQUIRE(c.rollback().ok());
    CHECK(c.query("SELECT count(*) FROM u")->rows[0][0] == "0");
    REQUIRE(c.begin().ok());
    REQUIRE(c.execute("INSERT INTO u VALUES (1)").ok());
    REQUIRE(c.commit().ok());
    CHECK(c.query("SELECT count(*) FROM u")->rows[0][0] == "1");
  }
  SUBCASE("commit of a failed transaction is an error") {
    REQUIRE(c.begin().ok());
    CHECK_FALSE(c.execute("INSERT INTO nope VALUES (1)").ok());
    CHECK_FALSE(c.commit().ok());
    CHECK(c.query("SELECT 1").ok());
  }
  SUBCASE("empty scripts and notices are quiet") {
    CHECK(c.execute_script("").ok());
    CHECK(c.execute_script("-- This is an empty migration.").ok());
    CHECK(c.execute_script("DROP TABLE IF EXISTS not_there").ok());
  }
}

TEST_CASE("live postgres: ?schema= sets the search path") {
  TempPostgresDatabase tmp;
  if (tmp.url().empty()) return;
  {
    auto admin = db::connect(tmp.url());
    REQUIRE(admin.ok());
    REQUIRE((*admin)->execute_script("CREATE SCHEMA tenant").ok());
  }
  auto conn = db::connect(tmp.url() + "?schema=tenant");
  REQUIRE(conn.ok());
  auto* pg = dynamic_cast<db::postgres::PostgresConnection*>(conn->get());
  REQUIRE(pg);
  CHECK(pg->schema() == "tenant");
  REQUIRE(pg->execute_script("CREATE TABLE in_tenant (id INT)").ok());
  auto where = pg->query("SELECT table_schema FROM information_schema.tables WHERE table_name = 'in_tenant'");
  REQUIRE(where.ok());
  REQUIRE(where->rows.size() == 1);
  CHECK(where->rows[0][0] == "tenant");
}

TEST_CASE("live postgres: a missing database is not found, and a wrong password is not printed") {
  auto server = zen::testing::postgres_server_url();
  if (!server) return;
  auto conn = db::connect(db::postgres::with_database(*server, "zen_no_such_db_42"));
  REQUIRE_FALSE(conn.ok());
  CHECK(conn.error().code == ErrorCode::NotFound);
  CHECK(conn.error().message.find("zen_no_such_db_42") != std::string::npos);
}

TEST_CASE("live postgres: a failed script inside a transaction is undone and the transaction goes on") {
  TempPostgresDatabase tmp;
  if (tmp.url().empty()) return;
  auto conn = db::connect(tmp.url());
  REQUIRE(conn.ok());
  auto& c = **conn;
  REQUIRE(c.begin().ok());
  REQUIRE(c.execute_script("CREATE TABLE kept (id INT)").ok());
  auto r = c.execute_script("CREATE TABLE gone (id INT);\nSELECT 1;\nSELECT * FROM nowhere;");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("line 3") != std::string::npos);
  REQUIRE(c.commit().ok());
  CHECK(c.query("SELECT to_regclass('kept') IS NOT NULL, to_regclass('gone') IS NULL")->rows[0].values ==
        std::vector<db::Value>{"t", "t"});
}
