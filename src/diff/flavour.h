// The questions the generic differ asks a dialect (prisma's SqlSchemaDifferFlavour). Each
// dialect answers them in dialect/<db>/flavour.*; shared code never tests the provider.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/pair.h"
#include "diff/step.h"
#include "schema/schema.h"
#include "schema/views.h"

namespace zen::diff {

/// Facts about one matched table pair, computed by the differ and handed to
/// Flavour::should_redefine_table.
struct TableDiffFacts {
  bool created_primary_key = false;
  bool dropped_primary_key = false;
  bool primary_key_changed = false;
  bool dropped_columns = false;
  bool added_required_columns = false;
  bool any_column_changed = false;
  bool created_foreign_keys = false;
  bool dropped_foreign_keys = false;
};

class Flavour {
 public:
  virtual ~Flavour() = default;

  /// Whether and how a column's type must change; nullopt when the types are the same.
  virtual std::optional<ColumnTypeChange> column_type_change(Pair<schema::ColumnView> columns) const = 0;

  /// Whether two column defaults are the same once normalised. The default compares
  /// DefaultValue structurally, treating a missing default and a NULL literal alike.
  virtual bool defaults_match(Pair<schema::ColumnView> columns) const;

  /// Whether the auto-increment property counts as a change (SQLite: never).
  virtual bool column_autoincrement_changed(Pair<schema::ColumnView> columns) const {
    return columns.previous.is_autoincrement() != columns.next.is_autoincrement();
  }

  /// Whether a table pair must be rebuilt instead of altered (SQLite); false elsewhere.
  virtual bool should_redefine_table(const TableDiffFacts& facts) const { return false; }

  /// Connector-specific criteria for two same-named indexes to match (algorithm, opclass).
  virtual bool indexes_match(Pair<schema::IndexView> indexes) const { return true; }

  /// Whether foreign keys are compared without their names (SQLite does not keep them).
  virtual bool has_unnamed_foreign_keys() const { return false; }
  virtual bool can_rename_foreign_key() const { return true; }
  /// If false, a renamed index is dropped and recreated (RedefineIndex) instead.
  virtual bool can_rename_index() const { return true; }
  virtual bool can_alter_primary_keys() const { return false; }

  /// Whether CreateIndex steps are emitted for the indexes of created tables.
  virtual bool should_create_indexes_from_created_tables() const { return true; }
  /// Whether AddForeignKey steps are emitted for created tables (false: inline in CREATE TABLE).
  virtual bool should_push_foreign_keys_from_created_tables() const { return true; }
  /// Whether DropForeignKey steps are emitted for dropped tables.
  virtual bool should_drop_foreign_keys_from_dropped_tables() const { return true; }
  /// Whether DropIndex steps are emitted for dropped tables.
  virtual bool should_drop_indexes_from_dropped_tables() const { return false; }
  /// Whether the database drops the indexes of a dropped column by itself (so they must be
  /// recreated after a drop-and-recreate).
  virtual bool indexes_should_be_recreated_after_column_drop() const { return false; }

  /// Whether enums are database types that need Create/Alter/DropEnum steps (PostgreSQL).
  virtual bool has_enum_types() const { return false; }
  /// Whether namespaces need CreateSchema steps (PostgreSQL).
  virtual bool has_namespaces() const { return false; }

  /// Tables the differ must leave alone (system tables, `_prisma_migrations`).
  virtual bool table_should_be_ignored(std::string_view name) const { return name == "_prisma_migrations"; }

  /// How a column's type is named in data-loss warnings ("cast from `Float` to `Decimal`"):
  /// the family by default; PostgreSQL uses native types ("DoublePrecision", "Decimal(65,30)").
  virtual std::string type_name_for_warning(schema::ColumnView column) const {
    return schema::column_family_name(column.family());
  }

  /// Appends dialect-only steps (extensions, sequences) for the pair.
  virtual void push_extra_steps(std::vector<Step>& steps, Pair<const schema::Schema&> schemas) const {}
};

}  // namespace zen::diff
