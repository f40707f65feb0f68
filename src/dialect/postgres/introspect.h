// Reads a live PostgreSQL database (pg_catalog) into the relational model, normalised the
// same way normalize() shapes a lowered schema, so introspecting what zen created re-diffs
// to nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "dialect/connection.h"
#include "schema/schema.h"

namespace zen::dialect::postgres {

struct IntrospectOptions {
  /// Schemas to read, in order; empty = the connection's current schema.
  std::vector<std::string> namespaces;
};

/// Reads tables, columns, indexes, foreign keys and enums of the given schemas, skipping
/// `_prisma_migrations`. Namespaces that do not exist are left out. Fails with DatabaseError
/// when a catalog query fails.
Result<schema::Schema> introspect(db::Connection& conn, const IntrospectOptions& options = {});

/// Parses a column default as `pg_get_expr` prints it (`'x'::text`, `nextval('"T_id_seq"'::regclass)`,
/// `CURRENT_TIMESTAMP`, `ARRAY[1, 2]`, ...) for a column of the given family; expressions it does
/// not recognise become dbgenerated defaults holding the text verbatim.
std::optional<schema::DefaultValue> parse_default(std::string_view expr, schema::ColumnFamily family, bool is_list);

}  // namespace zen::dialect::postgres
