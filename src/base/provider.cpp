// Provider names.
#include "base/provider.h"

namespace zen {

std::optional<Provider> parse_provider(std::string_view name) {
  if (name == "sqlite") return Provider::Sqlite;
  if (name == "postgresql" || name == "postgres") return Provider::Postgresql;
  if (name == "mysql") return Provider::Mysql;
  if (name == "sqlserver") return Provider::Sqlserver;
  if (name == "cockroachdb") return Provider::Cockroachdb;
  if (name == "mongodb") return Provider::Mongodb;
  return std::nullopt;
}

std::string_view provider_name(Provider p) {
  switch (p) {
    case Provider::Sqlite: return "sqlite";
    case Provider::Postgresql: return "postgresql";
    case Provider::Mysql: return "mysql";
    case Provider::Sqlserver: return "sqlserver";
    case Provider::Cockroachdb: return "cockroachdb";
    case Provider::Mongodb: return "mongodb";
  }
  return "sqlite";
}

}  // namespace zen
