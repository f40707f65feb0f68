// Opening a connection by URL scheme, and hiding passwords in URLs.
#include "dialect/connection.h"

#include <fmt/format.h>

#include "dialect/postgres/connector.h"
#include "dialect/sqlite/connector.h"

namespace zen::db {

Result<std::unique_ptr<Connection>> connect(std::string_view url, const ConnectOptions& options) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    ZEN_ASSIGN_OR_RETURN(auto conn, postgres::open(url, options));
    return std::unique_ptr<Connection>(std::move(conn));
  }
  if (url.starts_with("file:") || url == ":memory:" || url.starts_with("sqlite:")) {
    ZEN_ASSIGN_OR_RETURN(auto conn, sqlite::open(url, options));
    return std::unique_ptr<Connection>(std::move(conn));
  }
  if (url.empty())
    return fail(ErrorCode::InvalidArgument,
                "the database URL is empty; set it in the datasource's `url` or pass `--url`");
  std::string_view scheme = url.substr(0, url.find(':'));
  if (scheme == "mysql" || scheme == "sqlserver" || scheme == "mongodb" || scheme == "mongodb+srv" ||
      scheme == "prisma" || scheme == "prisma+postgres")
    return fail(ErrorCode::Unsupported,
                fmt::format("zen migrates SQLite and PostgreSQL databases only, not `{}` URLs", scheme));
  return fail(ErrorCode::InvalidArgument,
              fmt::format("`{}` is not a database URL zen understands; use `file:./dev.db` for SQLite or "
                          "`postgresql://USER:PASSWORD@HOST:PORT/DATABASE` for PostgreSQL",
                          redact_url(url)));
}

std::string redact_url(std::string_view url) {
  std::string out(url);
  // `scheme://user:password@host`: the password sits between the first ':' after "//" and
  // the last '@' of the authority.
  if (size_t scheme_end = out.find("://"); scheme_end != std::string::npos) {
    size_t auth_start = scheme_end + 3;
    size_t auth_end = out.find_first_of("/?#", auth_start);
    if (auth_end == std::string::npos) auth_end = out.size();
    size_t at = out.rfind('@', auth_end);
    if (at != std::string::npos && at >= auth_start) {
      size_t colon = out.find(':', auth_start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // `?password=...` (and `sslpassword=...`) in the query string.
  for (const char* key : {"password=", "sslpassword="}) {
    size_t q = out.find('?');
    while (q != std::string::npos) {
      size_t pos = out.find(key, q);
      if (pos == std::string::npos) break;
      char before = out[pos - 1];
      size_t value_start = pos + std::char_traits<char>::length(key);
      if (before != '?' && before != '&') {
        q = value_start;
        continue;
      }
      size_t value_end = out.find('&', value_start);
      if (value_end == std::string::npos) value_end = out.size();
      out.replace(value_start, value_end - value_start, "***");
      q = value_start + 3;
    }
  }
  return out;
}

}  // namespace zen::db
