// The datasource providers Prisma accepts. zen checks all of them and migrates SQLite and PostgreSQL.
#pragma once

#include <optional>
#include <string_view>

namespace zen {

enum class Provider { Sqlite, Postgresql, Mysql, Sqlserver, Cockroachdb, Mongodb };

/// Parses a datasource `provider` string; nullopt for an unknown one.
std::optional<Provider> parse_provider(std::string_view name);
/// The provider string as written in a schema and in migration_lock.toml.
std::string_view provider_name(Provider p);

}  // namespace zen
