// SQLite normalisation of lowered schemas.
#include "dialect/sqlite/normalize.h"

#include <iterator>
#include <string_view>

namespace zen::dialect::sqlite {

using schema::ColumnFamily;

const char* type_for_family(ColumnFamily family) {
  switch (family) {
    case ColumnFamily::Boolean: return "BOOLEAN";
    case ColumnFamily::DateTime: return "DATETIME";
    case ColumnFamily::Float: return "REAL";
    case ColumnFamily::Decimal: return "DECIMAL";
    case ColumnFamily::Int: return "INTEGER";
    case ColumnFamily::BigInt: return "BIGINT";
    case ColumnFamily::String: return "TEXT";
    case ColumnFamily::Binary: return "BLOB";
    case ColumnFamily::Json: return "JSONB";
    case ColumnFamily::Enum: return "TEXT";
    case ColumnFamily::Uuid: return "TEXT";
    case ColumnFamily::Unsupported: return "";
  }
  return "";
}

void normalize(schema::Schema& s) {
  s.provider = Provider::Sqlite;
  // Each family's type with its length: assigned to every column.
  std::string_view by_family[static_cast<size_t>(ColumnFamily::Unsupported) + 1];
  for (size_t f = 0; f < std::size(by_family); ++f) by_family[f] = type_for_family(static_cast<ColumnFamily>(f));
  for (auto& c : s.columns) {
    if (c.type.family == ColumnFamily::Enum || c.type.family == ColumnFamily::Uuid) {
      c.type.family = ColumnFamily::String;
      c.type.enum_id.reset();
      if (c.default_value && c.default_value->kind == schema::DefaultKind::Value &&
          c.default_value->value.kind == schema::LiteralKind::Enum)
        c.default_value->value.kind = schema::LiteralKind::String;
    }
    if (c.type.family != ColumnFamily::Unsupported) c.type.full_type = by_family[static_cast<size_t>(c.type.family)];
    // Sequences do not exist on SQLite; autoincrement is a column property.
    if (c.default_value && c.default_value->kind == schema::DefaultKind::Sequence) {
      c.default_value.reset();
      c.auto_increment = true;
    }
  }
  // One pass over the indexes.
  for (auto& ix : s.indexes) {
    ix.algorithm.reset();
    for (auto& ic : ix.columns) ic.operator_class.clear();
    if (ix.kind != schema::IndexKind::PrimaryKey) continue;
    // Prisma renders every single-column integer primary key as INTEGER PRIMARY KEY AUTOINCREMENT.
    ix.name.clear();
    for (auto& ic : ix.columns) ic.sort.reset(), ic.length.reset();
    if (ix.columns.size() == 1) {
      auto& c = s.at(ix.columns[0].column);
      if (c.type.family == ColumnFamily::Int) {
        c.auto_increment = true;
        if (c.default_value && c.default_value->kind == schema::DefaultKind::Sequence) c.default_value.reset();
      }
    }
  }
  s.enums.clear();
  s.postgres = {};
  for (auto& ns : s.namespaces) ns.name.clear();
}

}  // namespace zen::dialect::sqlite
