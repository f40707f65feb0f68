// The SQLite connector over libsqlite3: URL parsing, statements, scripts, transactions.
#include "dialect/sqlite/connector.h"

#include <sqlite3.h>

#include <fmt/format.h>

namespace zen::db::sqlite {

namespace {

/// Skips spaces and SQL comments; returns the offset of the next token.
size_t skip_space_and_comments(std::string_view sql, size_t i) {
  while (i < sql.size()) {
    char c = sql[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

size_t line_of(std::string_view text, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

/// The statement's first line, shortened, for messages.
std::string excerpt(std::string_view statement) {
  std::string_view first = statement.substr(0, statement.find('\n'));
  if (first.size() > 80) return std::string(first.substr(0, 77)) + "...";
  return std::string(first);
}

struct Statement {
  sqlite3_stmt* stmt = nullptr;
  ~Statement() { sqlite3_finalize(stmt); }
};

Result<void> bind_params(sqlite3* db, sqlite3_stmt* stmt, const std::vector<Value>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    int rc = params[i] ? sqlite3_bind_text(stmt, static_cast<int>(i + 1), params[i]->data(),
                                           static_cast<int>(params[i]->size()), SQLITE_TRANSIENT)
                       : sqlite3_bind_null(stmt, static_cast<int>(i + 1));
    if (rc != SQLITE_OK)
      return fail(ErrorCode::DatabaseError, fmt::format("cannot bind parameter {}: {}", i + 1, sqlite3_errmsg(db)));
  }
  return ok();
}

}  // namespace

Result<SqliteUrl> parse_url(std::string_view url) {
  SqliteUrl out;
  if (url == ":memory:" || url == "file::memory:" || url.starts_with("file::memory:?")) {
    out.memory = true;
    return out;
  }
  std::string_view rest;
  if (url.starts_with("file://")) {
    rest = url.substr(7);
  } else if (url.starts_with("file:")) {
    rest = url.substr(5);
  } else if (url.starts_with("sqlite:")) {
    rest = url.substr(7);
    if (rest.starts_with("//")) rest = rest.substr(2);
  } else {
    return fail(ErrorCode::InvalidArgument,
                fmt::format("`{}` is not a SQLite URL; use `file:./dev.db` (relative to the schema) or `file:/absolute/path.db`",
                            url));
  }
  if (auto q = rest.find('?'); q != std::string_view::npos) rest = rest.substr(0, q);
  if (rest.empty())
    return fail(ErrorCode::InvalidArgument, fmt::format("the SQLite URL `{}` names no file; write it as `file:./dev.db`", url));
  out.path = std::string(rest);
  return out;
}

SqliteConnection::SqliteConnection(sqlite3* db, std::string display) : db_(db), display_(std::move(display)) {}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

Result<void> SqliteConnection::execute_script(std::string_view sql) {
  size_t pos = 0;
  while (pos < sql.size()) {
    size_t start = skip_space_and_comments(sql, pos);
    if (start >= sql.size()) break;
    Statement st;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data() + start, static_cast<int>(sql.size() - start), &st.stmt, &tail);
    size_t next = tail ? static_cast<size_t>(tail - sql.data()) : sql.size();
    std::string_view text = sql.substr(start, next - start);
    if (rc != SQLITE_OK) {
      return Unexpected{Error(ErrorCode::DatabaseError,
                              fmt::format("line {}: {}", line_of(sql, start), sqlite3_errmsg(db_)))
                            .with_context(fmt::format("in the statement `{}`", excerpt(text)))};
    }
    if (st.stmt) {
      while ((rc = sqlite3_step(st.stmt)) == SQLITE_ROW) {
      }
      if (rc != SQLITE_DONE) {
        return Unexpected{Error(ErrorCode::DatabaseError,
                                fmt::format("line {}: {}", line_of(sql, start), sqlite3_errmsg(db_)))
                              .with_context(fmt::format("in the statement `{}`", excerpt(text)))};
      }
    }
    if (next <= pos) break;  // no progress: defensive, prepare always consumes input
    pos = next;
  }
  return ok();
}

Result<QueryResult> SqliteConnection::query(std::string_view sql, const std::vector<Value>& params) {
  Statement st;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st.stmt, nullptr) != SQLITE_OK)
    return Unexpected{Error(ErrorCode::DatabaseError, sqlite3_errmsg(db_))
                          .with_context(fmt::format("in the statement `{}`", excerpt(sql)))};
  QueryResult out;
  if (!st.stmt) return out;
  ZEN_TRY(bind_params(db_, st.stmt, params));
  int n = sqlite3_column_count(st.stmt);
  for (int i = 0; i < n; ++i) out.columns.emplace_back(sqlite3_column_name(st.stmt, i));
  int rc;
  while ((rc = sqlite3_step(st.stmt)) == SQLITE_ROW) {
    Row row;
    row.values.reserve(n);
    for (int i = 0; i < n; ++i) {
      if (sqlite3_column_type(st.stmt, i) == SQLITE_NULL) {
        row.values.emplace_back(std::nullopt);
        continue;
      }
      const unsigned char* text = sqlite3_column_text(st.stmt, i);
      int len = sqlite3_column_bytes(st.stmt, i);
      row.values.emplace_back(std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(len)));
    }
    out.rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE)
    return Unexpected{Error(ErrorCode::DatabaseError, sqlite3_errmsg(db_))
                          .with_context(fmt::format("in the statement `{}`", excerpt(sql)))};
  return out;
}

Result<int64_t> SqliteConnection::execute(std::string_view sql, const std::vector<Value>& params) {
  ZEN_TRY(query(sql, params));
  return static_cast<int64_t>(sqlite3_changes(db_));
}

Result<void> SqliteConnection::begin() { return execute_script("BEGIN"); }
Result<void> SqliteConnection::commit() { return execute_script("COMMIT"); }
Result<void> SqliteConnection::rollback() {
  // After some errors SQLite has already rolled back; a second ROLLBACK would fail.
  if (sqlite3_get_autocommit(db_)) return ok();
  return execute_script("ROLLBACK");
}

static Result<std::unique_ptr<SqliteConnection>> open_path(const std::string& path, std::string display,
                                                           const ConnectOptions& options) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return fail(ErrorCode::DatabaseUnreachable,
                fmt::format("cannot open the SQLite database `{}`: {}; check that its folder exists and is writable",
                            display, why));
  }
  auto conn = std::make_unique<SqliteConnection>(db, std::move(display));
  sqlite3_extended_result_codes(db, 1);
  // Prisma's engine and client run with foreign keys on; migrations switch them off themselves.
  // Reading the schema makes SQLite look at the file, so a file that is not a database fails here.
  // The probe does not wait: a file another process holds locked (a concurrent `migrate deploy`)
  // is a database in use, not an unreachable one; whoever needs it waits for it afterwards, with
  // its own timeout and message (migrate/lock.cpp, --lock-timeout). The pragma runs first and
  // needs no lock, so foreign keys are on either way.
  auto fk = conn->execute_script("PRAGMA foreign_keys = ON; SELECT count(*) FROM sqlite_master");
  bool busy = !fk.ok() && (sqlite3_errcode(db) & 0xff) == SQLITE_BUSY;
  if (!fk.ok() && !busy) {
    return fail(ErrorCode::DatabaseUnreachable,
                fmt::format("cannot use the SQLite database `{}`: {}", conn->display_url(), fk.error().message));
  }
  sqlite3_busy_timeout(db, static_cast<int>(options.connect_timeout.count()));
  return conn;
}

Result<std::unique_ptr<SqliteConnection>> open(std::string_view url, const ConnectOptions& options) {
  ZEN_ASSIGN_OR_RETURN(SqliteUrl parsed, parse_url(url));
  if (parsed.memory) return open_path(":memory:", ":memory:", options);
  return open_path(parsed.path, parsed.path, options);
}

Result<std::unique_ptr<SqliteConnection>> open_memory() { return open_path(":memory:", ":memory:", {}); }

}  // namespace zen::db::sqlite
