// PostgreSQL's answers to the generic differ (prisma's postgres schema_differ flavour):
// real ALTER COLUMN, enum types, namespaces, index access methods and operator classes.
#pragma once

#include "diff/flavour.h"

namespace zen::dialect::postgres {

class PostgresFlavour final : public diff::Flavour {
 public:
  std::optional<diff::ColumnTypeChange> column_type_change(diff::Pair<schema::ColumnView> columns) const override;
  bool defaults_match(diff::Pair<schema::ColumnView> columns) const override;
  bool indexes_match(diff::Pair<schema::IndexView> indexes) const override;
  bool indexes_should_be_recreated_after_column_drop() const override { return true; }
  bool has_enum_types() const override { return true; }
  bool has_namespaces() const override { return true; }
  bool table_should_be_ignored(std::string_view name) const override;
  /// The native type as Prisma prints it in cast warnings ("DoublePrecision", "Decimal(65,30)").
  std::string type_name_for_warning(schema::ColumnView column) const override;
};

/// How risky it is to cast a column from one canonical PostgreSQL type to another
/// (Prisma's table of native type changes); nullopt when no cast is needed.
std::optional<diff::ColumnTypeChange> native_type_change(std::string_view previous, std::string_view next);

}  // namespace zen::dialect::postgres
