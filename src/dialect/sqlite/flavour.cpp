// SQLite differ flavour.
#include "dialect/sqlite/flavour.h"

namespace zen::dialect::sqlite {

std::optional<diff::ColumnTypeChange> SqliteFlavour::column_type_change(
    diff::Pair<schema::ColumnView> columns) const {
  auto a = columns.previous.family();
  auto b = columns.next.family();
  if (a == b) {
    if (a != schema::ColumnFamily::Unsupported || columns.previous.type().full_type == columns.next.type().full_type)
      return std::nullopt;
  }
  if (b == schema::ColumnFamily::String) return diff::ColumnTypeChange::SafeCast;
  return diff::ColumnTypeChange::RiskyCast;
}

bool SqliteFlavour::should_redefine_table(const diff::TableDiffFacts& f) const {
  return f.created_primary_key || f.dropped_primary_key || f.primary_key_changed || f.dropped_columns ||
         f.added_required_columns || f.any_column_changed || f.created_foreign_keys || f.dropped_foreign_keys;
}

bool SqliteFlavour::table_should_be_ignored(std::string_view name) const {
  return name == "_prisma_migrations" || name.substr(0, 7) == "sqlite_";
}

}  // namespace zen::dialect::sqlite
