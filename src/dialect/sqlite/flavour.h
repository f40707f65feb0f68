// SQLite's answers to the generic differ (prisma's sqlite differ flavour): no ALTER COLUMN,
// so most table changes become a RedefineTables rebuild; foreign keys live inside CREATE
// TABLE and have no names the database remembers.
#pragma once

#include "diff/flavour.h"

namespace zen::dialect::sqlite {

class SqliteFlavour final : public diff::Flavour {
 public:
  std::optional<diff::ColumnTypeChange> column_type_change(diff::Pair<schema::ColumnView> columns) const override;
  /// Compares defaults after reading `dbgenerated(...)` expressions the way introspection
  /// does (outer parentheses dropped, CURRENT_TIMESTAMP and literals recognised).
  bool defaults_match(diff::Pair<schema::ColumnView> columns) const override;
  bool column_autoincrement_changed(diff::Pair<schema::ColumnView>) const override { return false; }
  bool should_redefine_table(const diff::TableDiffFacts& f) const override;
  bool has_unnamed_foreign_keys() const override { return true; }
  bool can_rename_foreign_key() const override { return false; }
  bool can_rename_index() const override { return false; }
  bool should_push_foreign_keys_from_created_tables() const override { return false; }
  bool should_drop_foreign_keys_from_dropped_tables() const override { return false; }
  bool should_drop_indexes_from_dropped_tables() const override { return true; }
  bool table_should_be_ignored(std::string_view name) const override;
};

}  // namespace zen::dialect::sqlite
