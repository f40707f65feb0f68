// libpq, loaded when the first PostgreSQL connection is opened rather than linked into zen.
// libpq pulls in some twenty libraries (Kerberos, LDAP, GnuTLS, ...) whose loading and
// relocation made up most of the start-up time of every `zen` command, SQLite and schema-only
// ones included. The functions are resolved by dlsym into a table typed from <libpq-fe.h>
// (decltype(&PQxxx)), so a signature cannot drift from the header zen is compiled against.
#pragma once

#include <libpq-fe.h>

#include <array>
#include <span>
#include <string_view>

#include "base/result.h"

namespace zen::db::postgres {

/// Every libpq function zen calls. Adding one to this list adds the member and its lookup.
#define ZEN_LIBPQ_FUNCTIONS(X) \
  X(PQconnectdbParams)         \
  X(PQstatus)                  \
  X(PQerrorMessage)            \
  X(PQfinish)                  \
  X(PQdb)                      \
  X(PQsetNoticeReceiver)       \
  X(PQtransactionStatus)       \
  X(PQexec)                    \
  X(PQexecParams)              \
  X(PQresultStatus)            \
  X(PQresultErrorField)        \
  X(PQnfields)                 \
  X(PQntuples)                 \
  X(PQfname)                   \
  X(PQgetisnull)               \
  X(PQgetvalue)                \
  X(PQgetlength)               \
  X(PQcmdTuples)               \
  X(PQclear)

/// The resolved functions, named as in libpq: `pq.PQexec(conn, sql)`.
struct Libpq {
#define ZEN_LIBPQ_MEMBER(name) decltype(&::name) name = nullptr;
  ZEN_LIBPQ_FUNCTIONS(ZEN_LIBPQ_MEMBER)
#undef ZEN_LIBPQ_MEMBER
};

/// The shared-object names tried in order: the runtime library (Debian's libpq5, Fedora's
/// libpq), then the unversioned development link.
inline constexpr std::array<std::string_view, 2> kLibpqNames = {"libpq.so.5", "libpq.so"};

/// Loads the first of `names` that opens and resolves every function of the table. The
/// library stays loaded for the life of the process. Fails with DatabaseUnreachable and a
/// one-line message saying what is missing and how to install it. Each call loads anew; zen
/// itself goes through `libpq()`.
Result<Libpq> load_libpq(std::span<const std::string_view> names);

/// libpq loaded from `kLibpqNames` on the first call (thread-safe); later calls return the
/// same table, or the same error.
Result<const Libpq*> libpq();

}  // namespace zen::db::postgres
