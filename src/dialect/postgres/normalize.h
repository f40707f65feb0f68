// Brings a schema lowered from ZModel into the shape PostgreSQL introspection reports:
// canonical type spellings (from `@db.*` or the family's default), column families
// recomputed from them, and namespaces in name order.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/schema.h"

namespace zen::dialect::postgres {

/// The spelling Prisma renders for a PostgreSQL type, from either Prisma's spelling or
/// PostgreSQL's `format_type` output: "character varying(255)" -> "VARCHAR(255)",
/// "timestamp(3) without time zone" -> "TIMESTAMP(3)", "numeric(10, 2)" -> "DECIMAL(10,2)",
/// "int4" -> "INTEGER". Types it does not know are returned unchanged (they are
/// `Unsupported("...")` types and rendered verbatim).
std::string canonical_type(std::string_view type);

/// The native type as Prisma names it in data-loss warnings ("DoublePrecision",
/// "Decimal(65,30)", "VarChar(255)", "Timestamp(3)"), from a canonical type; unknown types are
/// returned unchanged.
std::string prisma_type_name(std::string_view canonical);

/// The type Prisma uses for a scalar family without `@db.*` ("TEXT", "TIMESTAMP(3)", ...);
/// "" for enums and unsupported types.
const char* type_for_family(schema::ColumnFamily family);

/// The family of a canonical type; nullopt for types zen does not know.
std::optional<schema::ColumnFamily> family_of_type(std::string_view canonical);

/// The native type as Prisma names it in data-loss warnings ("DoublePrecision",
/// "Decimal(65,30)", "VarChar(255)", "Timestamp(3)"), from a canonical type; unknown types are
/// returned unchanged.
std::string prisma_type_name(std::string_view canonical);

/// The type Prisma uses for a scalar family without `@db.*` ("TEXT", "TIMESTAMP(3)", ...);
/// "" for enums and unsupported types.
const char* type_for_family(schema::ColumnFamily family);

/// The family of a canonical type; nullopt for types zen does not know.
std::optional<schema::ColumnFamily> family_of_type(std::string_view canonical);

/// The name PostgreSQL gives the sequence of a SERIAL column `table.column`
/// (`{table}_{column}_seq`, shortened to 63 bytes the way PostgreSQL's makeObjectName does).
std::string serial_sequence_name(std::string_view table, std::string_view column);

/// Whether `opclass` is the default operator class PostgreSQL picks for `column` under the
/// index algorithm (so naming it or not makes no difference).
bool is_default_operator_class(std::string_view opclass, std::optional<schema::IndexAlgorithm> algorithm,
                               const schema::Column& column);

/// Normalises every column type and default of `schema` in place. Idempotent.
void normalize(schema::Schema& schema);

/// Whether the schema spans several namespaces (a multi-schema datasource), in which case
/// names outside `public` are rendered qualified with their schema, as Prisma does.
bool uses_qualified_names(const schema::Schema& schema);

/// Whether objects of namespace `ns` are rendered as `"ns"."name"`: in a multi-schema
/// schema, every namespace but `public` (Prisma leaves the default schema unqualified).
bool is_qualified_namespace(const schema::Schema& schema, schema::NamespaceId ns);

}  // namespace zen::dialect::postgres
