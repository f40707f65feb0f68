// Brings a schema lowered from ZModel into the shape SQLite introspection reports.
#pragma once

#include "schema/schema.h"

namespace zen::dialect::sqlite {

/// Types become SQLite's declared types (INTEGER, TEXT, ...), enums become TEXT columns with
/// string defaults (SQLite has no enum types), single-column integer primary keys become
/// AUTOINCREMENT (Prisma renders them so), and primary keys lose their names.
void normalize(schema::Schema& schema);

/// The declared type Prisma writes for a column family ("INTEGER", "TEXT", ...).
const char* type_for_family(schema::ColumnFamily family);

}  // namespace zen::dialect::sqlite
