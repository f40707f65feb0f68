// The PostgreSQL connector over libpq: URL parsing (Prisma's parameters), connecting with a
// timeout, statements with parameters, scripts, transactions and one-line error messages.
// Every libpq call goes through the table of libpq_loader.h.
#include "dialect/postgres/connector.h"

#include "dialect/postgres/libpq_loader.h"
#include "dialect/script.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <utility>

namespace zen::db::postgres {

namespace {

// Connection parameters libpq understands; everything else in the query string is Prisma's
// (schema, connection_limit, pool_timeout, pgbouncer, ...) and must not reach libpq, which
// rejects unknown URI parameters.
constexpr std::array kLibpqParams = {
    "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "connect_timeout",
    "client_encoding", "options", "application_name", "fallback_application_name", "keepalives",
    "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", "sslmode",
    "sslcompression", "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl", "sslcrldir",
    "sslsni", "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode",
    "krbsrvname", "gsslib", "service", "target_session_attrs", "channel_binding", "load_balance_hosts"};

bool is_libpq_param(std::string_view name) {
  for (const char* p : kLibpqParams)
    if (name == p) return true;
  return false;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// The pieces of `scheme://userinfo@hostport/path?query`.
struct UrlParts {
  std::string_view scheme;    // "postgresql://"
  std::string_view userinfo;  // "user:pass" (may be empty)
  bool has_userinfo = false;
  std::string_view hostport;
  std::string_view path;      // without the leading '/'
  std::string_view query;     // without the '?'
};

bool split_url(std::string_view url, UrlParts& out) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return false;
  out.scheme = url.substr(0, scheme_end + 3);
  std::string_view rest = url.substr(scheme_end + 3);
  size_t q = rest.find('?');
  if (q != std::string_view::npos) {
    out.query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) out.path = rest.substr(slash + 1);
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    out.userinfo = authority.substr(0, at);
    out.has_userinfo = true;
    out.hostport = authority.substr(at + 1);
  } else {
    out.hostport = authority;
  }
  return true;
}

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string scrub(std::string text, const std::string& password) {
  if (password.empty()) return text;
  for (size_t pos; (pos = text.find(password)) != std::string::npos;) text.replace(pos, password.size(), "***");
  return text;
}

/// Line (1-based) of the `position`-th character (1-based, as PostgreSQL counts) of `sql`.
size_t line_of_position(std::string_view sql, long position) {
  size_t line = 1;
  long chars = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(sql[i]);
    if ((c & 0xC0) != 0x80) ++chars;  // count UTF-8 lead bytes only
    if (chars >= position) break;
    if (c == '\n') ++line;
  }
  return line;
}

std::string excerpt(std::string_view statement) {
  size_t start = 0;
  while (start < statement.size() && (statement[start] == ' ' || statement[start] == '\n')) ++start;
  std::string_view first = statement.substr(start);
  first = first.substr(0, first.find('\n'));
  if (first.size() > 80) return std::string(first.substr(0, 77)) + "...";
  return std::string(first);
}

struct ResultDeleter {
  decltype(&PQclear) clear;
  void operator()(PGresult* r) const { clear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

}  // namespace

std::string quote_ident(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

Result<PostgresUrl> parse_url(std::string_view url) {
  if (!url.starts_with("postgresql://") && !url.starts_with("postgres://"))
    return fail(ErrorCode::InvalidArgument,
                fmt::format("`{}` is not a PostgreSQL URL; write it as `postgresql://USER:PASSWORD@HOST:PORT/DATABASE`",
                            redact_url(url)));
  UrlParts parts;
  if (!split_url(url, parts))
    return fail(ErrorCode::InvalidArgument, fmt::format("cannot parse the database URL `{}`", redact_url(url)));
  PostgresUrl out;
  out.display = redact_url(url);
  if (parts.has_userinfo) {
    size_t colon = parts.userinfo.find(':');
    if (colon != std::string_view::npos) out.password = percent_decode(parts.userinfo.substr(colon + 1));
  }
  out.database = percent_decode(parts.path);
  std::string kept;
  std::string_view query = parts.query;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (param.empty()) continue;
    size_t eq = param.find('=');
    std::string_view key = param.substr(0, eq);
    std::string value = eq == std::string_view::npos ? "" : percent_decode(param.substr(eq + 1));
    if (key == "schema") {
      if (!value.empty()) out.schema = value;
      continue;
    }
    if (key == "password") out.password = value;
    if (!is_libpq_param(key)) continue;
    kept += kept.empty() ? "" : "&";
    kept += param;
  }
  // libpq wants `postgresql://`; both schemes mean the same to it, but keep what was written.
  out.conninfo = std::string(parts.scheme);
  if (parts.has_userinfo) out.conninfo += std::string(parts.userinfo) + "@";
  out.conninfo += std::string(parts.hostport);
  if (!parts.path.empty()) out.conninfo += "/" + std::string(parts.path);
  if (!kept.empty()) out.conninfo += "?" + kept;
  return out;
}

std::string with_database(std::string_view url, std::string_view database) {
  UrlParts parts;
  if (!split_url(url, parts)) return std::string(url);
  std::string out = std::string(parts.scheme);
  if (parts.has_userinfo) out += std::string(parts.userinfo) + "@";
  out += std::string(parts.hostport);
  out += "/";
  for (char c : database) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  if (!parts.query.empty()) out += "?" + std::string(parts.query);
  return out;
}

PostgresConnection::PostgresConnection(const Libpq& pq, pg_conn* conn, PostgresUrl url)
    : pq_(pq), conn_(conn), url_(std::move(url)) {
  pq_.PQsetNoticeReceiver(conn_, collect_notice, this);
}

PostgresConnection::~PostgresConnection() { pq_.PQfinish(conn_); }

void PostgresConnection::collect_notice(void* self, const PGresult* res) {
  auto* conn = static_cast<PostgresConnection*>(self);
  const char* msg = conn->pq_.PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
  if (msg && conn->notices_.size() < 1000) conn->notices_.emplace_back(msg);
}

std::string PostgresConnection::database() const {
  const char* db = pq_.PQdb(conn_);
  return db ? db : url_.database;
}

std::vector<std::string> PostgresConnection::take_notices() { return std::exchange(notices_, {}); }

namespace {

/// Turns a failed PGresult (or a lost connection) into an Error; `sql` locates the line.
/// `statement_line` is set when `sql` is one statement of a script starting at that line.
Error make_error(const Libpq& pq, pg_conn* conn, const PGresult* res, std::string_view sql, const std::string& password,
                 const std::string& display, std::optional<size_t> statement_line = std::nullopt) {
  if (pq.PQstatus(conn) == CONNECTION_BAD) {
    return Error(ErrorCode::DatabaseUnreachable,
                 scrub(fmt::format("lost the connection to `{}`: {}", display, one_line(pq.PQerrorMessage(conn))),
                       password));
  }
  const char* primary = res ? pq.PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const char* sqlstate = res ? pq.PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* position = res ? pq.PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION) : nullptr;
  const char* detail = res ? pq.PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : nullptr;
  std::string message = primary ? primary : one_line(pq.PQerrorMessage(conn));
  if (sqlstate) message += fmt::format(" (sqlstate {})", sqlstate);
  bool multiline = sql.find('\n') != std::string_view::npos;
  if (statement_line) {
    size_t line = *statement_line + (position ? line_of_position(sql, std::atol(position)) - 1 : 0);
    message = fmt::format("line {}: {}", line, message);
  } else if (position && multiline) {
    message = fmt::format("line {}: {}", line_of_position(sql, std::atol(position)), message);
  }
  Error err(ErrorCode::DatabaseError, scrub(message, password));
  if (detail) err.with_context(scrub(one_line(detail), password));
  if (!multiline || !position || statement_line) err.with_context(fmt::format("in the statement `{}`", excerpt(sql)));
  return err;
}

}  // namespace

Result<void> PostgresConnection::execute_script(std::string_view sql) {
  std::string text(sql);
  bool in_transaction = pq_.PQtransactionStatus(conn_) == PQTRANS_INTRANS;
  // Inside a transaction a savepoint lets a failed script be undone without losing the
  // transaction; outside one, the simple query protocol runs the script as one implicit
  // transaction, so either way a failed script leaves nothing behind.
  if (in_transaction) ZEN_TRY(execute_simple("SAVEPOINT zen_script"));
  ResultPtr res(pq_.PQexec(conn_, text.c_str()), {pq_.PQclear});
  ExecStatusType st = res ? pq_.PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
    if (in_transaction) ZEN_TRY(execute_simple("RELEASE SAVEPOINT zen_script"));
    return ok();
  }
  Error err = make_error(pq_, conn_, res.get(), sql, url_.password, url_.display);
  res.reset();
  if (err.code == ErrorCode::DatabaseUnreachable) return err;
  if (in_transaction) (void)execute_simple("ROLLBACK TO SAVEPOINT zen_script");
  if (err.message.starts_with("line ")) return err;
  auto statements = split_script(sql);
  if (statements.size() < 2) return err;
  // PostgreSQL did not say where the error is (for example a missing table in REFERENCES):
  // replay the statements one by one in a transaction that is rolled back, to find the line.
  if (!(in_transaction ? execute_simple("SAVEPOINT zen_locate") : execute_simple("BEGIN")).ok()) return err;
  for (const auto& statement : statements) {
    std::string one(statement.text);
    ResultPtr r(pq_.PQexec(conn_, one.c_str()), {pq_.PQclear});
    ExecStatusType s = r ? pq_.PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY) continue;
    Error located = make_error(pq_, conn_, r.get(), one, url_.password, url_.display, statement.line);
    if (located.code == ErrorCode::DatabaseUnreachable) return located;
    err = std::move(located);
    break;
  }
  (void)(in_transaction ? execute_simple("ROLLBACK TO SAVEPOINT zen_locate") : execute_simple("ROLLBACK"));
  return err;
}

Result<void> PostgresConnection::execute_simple(const char* sql) {
  ResultPtr res(pq_.PQexec(conn_, sql), {pq_.PQclear});
  ExecStatusType st = res ? pq_.PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) return ok();
  return make_error(pq_, conn_, res.get(), sql, url_.password, url_.display);
}

Result<QueryResult> PostgresConnection::query(std::string_view sql, const std::vector<Value>& params) {
  std::string text(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  ResultPtr res(pq_.PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                                 values.empty() ? nullptr : values.data(), nullptr, nullptr, 0),
                {pq_.PQclear});
  ExecStatusType st = res ? pq_.PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
    return make_error(pq_, conn_, res.get(), sql, url_.password, url_.display);
  QueryResult out;
  int cols = pq_.PQnfields(res.get());
  int rows = pq_.PQntuples(res.get());
  for (int c = 0; c < cols; ++c) out.columns.emplace_back(pq_.PQfname(res.get(), c));
  out.rows.reserve(rows);
  for (int r = 0; r < rows; ++r) {
    Row row;
    row.values.reserve(cols);
    for (int c = 0; c < cols; ++c) {
      if (pq_.PQgetisnull(res.get(), r, c)) {
        row.values.emplace_back(std::nullopt);
      } else {
        row.values.emplace_back(std::string(pq_.PQgetvalue(res.get(), r, c), pq_.PQgetlength(res.get(), r, c)));
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

Result<int64_t> PostgresConnection::execute(std::string_view sql, const std::vector<Value>& params) {
  std::string text(sql);
  std::vector<const char*> values;
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  ResultPtr res(pq_.PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                                 values.empty() ? nullptr : values.data(), nullptr, nullptr, 0),
                {pq_.PQclear});
  ExecStatusType st = res ? pq_.PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
    return make_error(pq_, conn_, res.get(), sql, url_.password, url_.display);
  const char* n = pq_.PQcmdTuples(res.get());
  return static_cast<int64_t>(n && *n ? std::atoll(n) : 0);
}

Result<void> PostgresConnection::begin() { return execute_simple("BEGIN"); }

Result<void> PostgresConnection::commit() {
  // COMMIT of a failed transaction "succeeds" as a rollback; report it as the failure it is.
  if (pq_.PQtransactionStatus(conn_) == PQTRANS_INERROR) {
    ZEN_TRY(execute_simple("ROLLBACK"));
    return fail(ErrorCode::DatabaseError, "the transaction was rolled back because one of its statements failed");
  }
  return execute_simple("COMMIT");
}

Result<void> PostgresConnection::rollback() {
  if (pq_.PQtransactionStatus(conn_) == PQTRANS_IDLE) return ok();
  return execute_simple("ROLLBACK");
}

Result<std::unique_ptr<PostgresConnection>> open(std::string_view url, const ConnectOptions& options) {
  ZEN_ASSIGN_OR_RETURN(PostgresUrl parsed, parse_url(url));
  long ms = static_cast<long>(options.connect_timeout.count());
  // libpq counts whole seconds and treats 1 as 2; round up so short timeouts still apply.
  std::string timeout = ms <= 0 ? "0" : std::to_string(std::max<long>(2, (ms + 999) / 1000));
  const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
  const char* values[] = {timeout.c_str(), "zen", parsed.conninfo.c_str(), nullptr};
  auto loaded = libpq();
  if (!loaded.ok()) {
    return fail(ErrorCode::DatabaseUnreachable,
                fmt::format("cannot connect to `{}`: {}", parsed.display, loaded.error().message));
  }
  const Libpq& pq = **loaded;
  pg_conn* conn = pq.PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!conn)
    return fail(ErrorCode::DatabaseUnreachable, fmt::format("cannot reach the database at `{}`: out of memory", parsed.display));
  if (pq.PQstatus(conn) != CONNECTION_OK) {
    std::string why = scrub(one_line(pq.PQerrorMessage(conn)), parsed.password);
    pq.PQfinish(conn);
    bool missing_db = why.find("database \"") != std::string::npos && why.find("does not exist") != std::string::npos;
    return fail(missing_db ? ErrorCode::NotFound : ErrorCode::DatabaseUnreachable,
                fmt::format("cannot reach the database at `{}`: {}", parsed.display, why));
  }
  auto out = std::make_unique<PostgresConnection>(pq, conn, std::move(parsed));
  auto set = out->execute_script(fmt::format("SET search_path TO {}", quote_ident(out->schema())));
  if (!set.ok()) {
    return fail(ErrorCode::DatabaseUnreachable,
                fmt::format("cannot use the schema `{}` on `{}`: {}", out->schema(), out->display_url(), set.error().message));
  }
  return out;
}

}  // namespace zen::db::postgres
