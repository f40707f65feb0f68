// Reads a live SQLite database into a schema::Schema through sqlite_master and the
// table_info / index_list / index_xinfo / foreign_key_list pragmas.
#pragma once

#include "base/result.h"
#include "dialect/connection.h"
#include "schema/schema.h"

namespace zen::dialect::sqlite {

/// Tables sorted by name (as Prisma's describer), skipping sqlite_* and _prisma_migrations.
/// Fails with DatabaseError when a catalog query fails.
Result<schema::Schema> introspect(db::Connection& conn);

/// Maps a declared SQLite type ("INTEGER", "varchar(20)", "JSONB") to its family.
schema::ColumnFamily family_for_type(std::string_view declared);

/// Parses a `dflt_value` of pragma table_info for a column of the given family.
std::optional<schema::DefaultValue> parse_default(std::string_view text, schema::ColumnFamily family);

}  // namespace zen::dialect::sqlite
