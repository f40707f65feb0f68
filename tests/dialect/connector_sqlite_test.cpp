// The SQLite connector: URLs, statements with parameters, scripts that fail on a given line,
// transactions, and files that cannot be opened.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "dialect/connection.h"
#include "dialect/sqlite/connector.h"

namespace fs = std::filesystem;
using namespace zen;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("zen-sqlite-test-" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("parses sqlite urls") {
  auto a = db::sqlite::parse_url("file:./dev.db");
  REQUIRE(a.ok());
  CHECK(a->path == "./dev.db");
  CHECK_FALSE(a->memory);
  auto b = db::sqlite::parse_url("file:/tmp/x.db?connection_limit=1");
  REQUIRE(b.ok());
  CHECK(b->path == "/tmp/x.db");
  CHECK(db::sqlite::parse_url(":memory:")->memory);
  CHECK(db::sqlite::parse_url("file::memory:")->memory);
  auto bad = db::sqlite::parse_url("postgresql://x");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == ErrorCode::InvalidArgument);
  CHECK_FALSE(db::sqlite::parse_url("file:").ok());
}

TEST_CASE("connect picks the sqlite connector for file urls and creates the file") {
  TempDir dir;
  std::string url = "file:" + (dir.path / "dev.db").string();
  auto conn = db::connect(url);
  REQUIRE(conn.ok());
  CHECK((*conn)->provider() == Provider::Sqlite);
  REQUIRE((*conn)->execute_script("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)").ok());
  CHECK(fs::exists(dir.path / "dev.db"));
}

TEST_CASE("queries bind text and null parameters and return rows as text") {
  auto conn = db::sqlite::open_memory();
  REQUIRE(conn.ok());
  auto& c = **conn;
  REQUIRE(c.execute_script("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE u (x INT);").ok());
  auto n = c.execute("INSERT INTO t (id, name) VALUES (?, ?), (?, ?)", {"1", "one", "2", std::nullopt});
  REQUIRE(n.ok());
  CHECK(*n == 2);
  auto rows = c.query("SELECT id, name FROM t ORDER BY id");
  REQUIRE(rows.ok());
  CHECK(rows->columns == std::vector<std::string>{"id", "name"});
  REQUIRE(rows->rows.size() == 2);
  CHECK(rows->rows[0][0] == "1");
  CHECK(rows->rows[0][1] == "one");
  CHECK_FALSE(rows->rows[1][1].has_value());
}

TEST_CASE("a failing script names the line of the failing statement and keeps earlier statements") {
  auto conn = db::sqlite::open_memory();
  REQUIRE(conn.ok());
  auto& c = **conn;
  std::string script =
      "-- CreateTable\n"
      "CREATE TABLE a (id INTEGER);\n"
      "\n"
      "-- CreateTable\n"
      "CREATE TABLE b (\n"
      "  id INTEGER\n"
      ");\n"
      "INSERT INTO missing VALUES (1);\n"
      "CREATE TABLE c (id INTEGER);\n";
  auto r = c.execute_script(script);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == ErrorCode::DatabaseError);
  CHECK(r.error().message.find("line 8") != std::string::npos);
  CHECK(r.error().message.find("no such table: missing") != std::string::npos);
  CHECK(r.error().to_string().find("INSERT INTO missing") != std::string::npos);
  auto tables = c.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  REQUIRE(tables.ok());
  REQUIRE(tables->rows.size() == 2);
  CHECK(tables->rows[0][0] == "a");
  CHECK(tables->rows[1][0] == "b");
}

TEST_CASE("a syntax error names its line") {
  auto conn = db::sqlite::open_memory();
  REQUIRE(conn.ok());
  auto r = (*conn)->execute_script("CREATE TABLE a (id INTEGER);\nCREAT TABLE b (id INTEGER);");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("line 2") != std::string::npos);
}

TEST_CASE("empty and comment-only scripts succeed") {
  auto conn = db::sqlite::open_memory();
  REQUIRE(conn.ok());
  CHECK((*conn)->execute_script("").ok());
  CHECK((*conn)->execute_script("-- This is an empty migration.\n").ok());
  CHECK((*conn)->execute_script("/* nothing */ ;\n").ok());
}

TEST_CASE("rollback undoes the transaction and commit keeps it") {
  auto conn = db::sqlite::open_memory();
  REQUIRE(conn.ok());
  auto& c = **conn;
  REQUIRE(c.execute_script("CREATE TABLE t (x INT)").ok());
  REQUIRE(c.begin().ok());
  REQUIRE(c.execute("INSERT INTO t VALUES (1)").ok());
  REQUIRE(c.rollback().ok());
  CHECK(c.query("SELECT count(*) FROM t")->rows[0][0] == "0");
  REQUIRE(c.begin().ok());
  REQUIRE(c.execute("INSERT INTO t VALUES (1)").ok());
  REQUIRE(c.commit().ok());
  CHECK(c.query("SELECT count(*) FROM t")->rows[0][0] == "1");
  // Rolling back with no transaction open is harmless.
  CHECK(c.rollback().ok());
}

TEST_CASE("foreign keys are enforced") {
  auto conn = db::sqlite::open_memory();
  REQUIRE(conn.ok());
  auto& c = **conn;
  REQUIRE(c.execute_script("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE ch (p INTEGER REFERENCES p(id));").ok());
  CHECK_FALSE(c.execute("INSERT INTO ch VALUES (42)").ok());
}

TEST_CASE("a database in a missing folder is unreachable with a clear message") {
  TempDir dir;
  std::string url = "file:" + (dir.path / "no-such-folder" / "dev.db").string();
  auto conn = db::connect(url);
  REQUIRE_FALSE(conn.ok());
  CHECK(conn.error().code == ErrorCode::DatabaseUnreachable);
  CHECK(conn.error().message.find("no-such-folder") != std::string::npos);
}

TEST_CASE("a file that is not a database is reported") {
  TempDir dir;
  std::ofstream(dir.path / "junk.db") << "this is not a database, just some text that is long enough to have a header";
  auto conn = db::connect("file:" + (dir.path / "junk.db").string());
  REQUIRE_FALSE(conn.ok());
  CHECK(conn.error().code == ErrorCode::DatabaseUnreachable);
}

TEST_CASE("a database another process holds locked still connects; its queries wait for the lock") {
  TempDir dir;
  std::string url = "file:" + (dir.path / "dev.db").string();
  auto holder = db::connect(url);
  REQUIRE(holder.ok());
  REQUIRE((*holder)->execute_script("CREATE TABLE t (n INTEGER); PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;").ok());
  // A busy file is a database in use, not an unreachable one: connecting does not wait for it
  // (that is the migration lock's job, with its own timeout and message).
  db::ConnectOptions opts;
  opts.connect_timeout = std::chrono::milliseconds(50);
  auto waiter = db::connect(url, opts);
  REQUIRE_MESSAGE(waiter.ok(), (waiter.ok() ? "" : waiter.error().message));
  auto blocked = (*waiter)->query("SELECT count(*) FROM t");
  CHECK_FALSE(blocked.ok());
  holder->reset();  // the holder goes away: its lock with it
  auto r = (*waiter)->query("SELECT count(*) FROM t");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  // Foreign keys are on even though the first attempt to switch them on met the lock.
  REQUIRE((*waiter)->execute_script("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE ch (p INTEGER REFERENCES p(id));").ok());
  CHECK_FALSE((*waiter)->execute("INSERT INTO ch VALUES (42)").ok());
}

TEST_CASE("unknown and unsupported urls are rejected") {
  auto mysql = db::connect("mysql://root:secret@localhost/db");
  REQUIRE_FALSE(mysql.ok());
  CHECK(mysql.error().code == ErrorCode::Unsupported);
  auto junk = db::connect("http://user:secret@example.com");
  REQUIRE_FALSE(junk.ok());
  CHECK(junk.error().code == ErrorCode::InvalidArgument);
  CHECK(junk.error().message.find("secret") == std::string::npos);
  CHECK_FALSE(db::connect("").ok());
}

TEST_CASE("redact_url hides passwords") {
  CHECK(db::redact_url("postgresql://user:s3cret@host:5432/db?schema=x") ==
        "postgresql://user:***@host:5432/db?schema=x");
  CHECK(db::redact_url("postgresql://user@host/db") == "postgresql://user@host/db");
  CHECK(db::redact_url("postgresql://host/db?user=u&password=s3cret&sslmode=require") ==
        "postgresql://host/db?user=u&password=***&sslmode=require");
  CHECK(db::redact_url("postgres://u:p%40ss@h/db") == "postgres://u:***@h/db");
  CHECK(db::redact_url("file:./dev.db") == "file:./dev.db");
}
