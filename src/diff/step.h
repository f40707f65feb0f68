// The closed vocabulary of migration steps. A Step refers to objects by ID in the previous
// schema (drops), the next schema (creations) or both (Pair<Id>, alterations).
//
// The order of the Step alternatives IS the execution order: the differ sorts steps by
// alternative first, then by their content (IDs), with one stable sort (prisma's
// sql_migration.rs). Each constraint is explained by an "Order matters:" comment.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diff/pair.h"
#include "schema/ids.h"

namespace zen::diff {

using schema::ColumnId;
using schema::EnumId;
using schema::ExtensionId;
using schema::ForeignKeyId;
using schema::IndexId;
using schema::NamespaceId;
using schema::SequenceId;
using schema::TableId;

/// What changed about a column, as bits.
enum class ColumnChange : uint8_t {
  Arity = 1 << 0,
  Default = 1 << 1,
  TypeChanged = 1 << 2,
  Autoincrement = 1 << 3,
};

struct ColumnChanges {
  uint8_t bits = 0;
  void add(ColumnChange c) { bits |= static_cast<uint8_t>(c); }
  bool has(ColumnChange c) const { return bits & static_cast<uint8_t>(c); }
  bool any() const { return bits != 0; }
  bool only_type_changed() const { return bits == static_cast<uint8_t>(ColumnChange::TypeChanged); }
  bool arity_changed() const { return has(ColumnChange::Arity); }
  bool type_changed() const { return has(ColumnChange::TypeChanged); }
  bool default_changed() const { return has(ColumnChange::Default); }
  bool autoincrement_changed() const { return has(ColumnChange::Autoincrement); }
  auto operator<=>(const ColumnChanges&) const = default;
};

/// How a column's type can be migrated in place.
enum class ColumnTypeChange { SafeCast, RiskyCast, NotCastable };

// ---- Table changes inside an AlterTable step -------------------------------------------

struct AddColumn {
  ColumnId column;  // next
  /// The column is required without a default but the table will be empty or the
  /// dialect can fill it (e.g. @updatedAt); see prisma's "virtual default".
  bool has_virtual_default = false;
  auto operator<=>(const AddColumn&) const = default;
};
struct AlterColumn {
  Pair<ColumnId> columns;
  ColumnChanges changes;
  std::optional<ColumnTypeChange> type_change;
  auto operator<=>(const AlterColumn&) const = default;
};
struct DropColumn {
  ColumnId column;  // previous
  auto operator<=>(const DropColumn&) const = default;
};
struct DropAndRecreateColumn {
  Pair<ColumnId> columns;
  ColumnChanges changes;
  auto operator<=>(const DropAndRecreateColumn&) const = default;
};
struct DropPrimaryKey {
  auto operator<=>(const DropPrimaryKey&) const = default;
};
struct AddPrimaryKey {
  auto operator<=>(const AddPrimaryKey&) const = default;
};
struct RenamePrimaryKey {
  auto operator<=>(const RenamePrimaryKey&) const = default;
};

/// Rendered in this order inside one ALTER TABLE (prisma's TableChange order of emission:
/// drop PK, rename PK, drop columns, add columns, alter columns, drop+recreate, add PK).
using TableChange = std::variant<AddColumn, AlterColumn, DropColumn, DropAndRecreateColumn, DropPrimaryKey,
                                 AddPrimaryKey, RenamePrimaryKey>;

// ---- Steps -------------------------------------------------------------------------------

struct CreateSchema {
  NamespaceId ns;  // next
  auto operator<=>(const CreateSchema&) const = default;
};
struct DropExtension {
  ExtensionId id;  // previous
  auto operator<=>(const DropExtension&) const = default;
};
struct CreateExtension {
  ExtensionId id;  // next
  auto operator<=>(const CreateExtension&) const = default;
};
struct AlterExtension {
  Pair<ExtensionId> ids;
  bool version_changed = false;
  bool schema_changed = false;
  auto operator<=>(const AlterExtension&) const = default;
};
struct AlterSequence {
  Pair<SequenceId> ids;
  uint8_t changes = 0;  // bits: 1 min, 2 max, 4 start, 8 cache, 16 increment
  auto operator<=>(const AlterSequence&) const = default;
};
struct CreateEnum {
  EnumId id;  // next
  auto operator<=>(const CreateEnum&) const = default;
};
struct AlterEnum {
  Pair<EnumId> ids;
  std::vector<std::string> created_values;
  std::vector<std::string> dropped_values;
  /// Columns (previous) that use the enum as their default; the second member is the
  /// matching next column when its default must be reinstalled after the type swap.
  std::vector<std::pair<ColumnId, std::optional<ColumnId>>> previous_usages_as_default;
  auto operator<=>(const AlterEnum&) const = default;
};
struct DropForeignKey {
  ForeignKeyId id;  // previous
  auto operator<=>(const DropForeignKey&) const = default;
};
struct DropIndex {
  IndexId id;  // previous
  auto operator<=>(const DropIndex&) const = default;
};
struct AlterTable {
  Pair<TableId> tables;
  std::vector<TableChange> changes;
  auto operator<=>(const AlterTable&) const = default;
};
struct AlterPrimaryKey {
  Pair<TableId> tables;
  auto operator<=>(const AlterPrimaryKey&) const = default;
};
struct DropTable {
  TableId id;  // previous
  auto operator<=>(const DropTable&) const = default;
};
struct DropEnum {
  EnumId id;  // previous
  auto operator<=>(const DropEnum&) const = default;
};
struct CreateTable {
  TableId id;  // next
  auto operator<=>(const CreateTable&) const = default;
};

/// One table rebuilt the SQLite way: create `new_T`, copy the surviving columns, drop `T`,
/// rename `new_T` to `T`, recreate its indexes.
struct RedefineTable {
  Pair<TableId> tables;
  std::vector<ColumnId> added_columns;                        // next
  std::vector<ColumnId> added_columns_with_virtual_defaults;  // next
  std::vector<ColumnId> dropped_columns;                      // previous
  bool dropped_primary_key = false;
  struct ColumnPair {
    Pair<ColumnId> columns;
    ColumnChanges changes;
    std::optional<ColumnTypeChange> type_change;
    auto operator<=>(const ColumnPair&) const = default;
  };
  std::vector<ColumnPair> column_pairs;
  auto operator<=>(const RedefineTable&) const = default;
};
struct RedefineTables {
  std::vector<RedefineTable> tables;
  auto operator<=>(const RedefineTables&) const = default;
};
struct CreateIndex {
  /// The previous table when the index is added to an existing table; nullopt for indexes
  /// of created tables (so those sort first).
  std::optional<TableId> previous_table;
  TableId table;  // next
  IndexId id;     // next
  bool from_drop_and_recreate = false;
  auto operator<=>(const CreateIndex&) const = default;
};
struct RenameForeignKey {
  Pair<ForeignKeyId> ids;
  auto operator<=>(const RenameForeignKey&) const = default;
};
struct AddForeignKey {
  ForeignKeyId id;  // next
  auto operator<=>(const AddForeignKey&) const = default;
};
struct RenameIndex {
  Pair<IndexId> ids;
  auto operator<=>(const RenameIndex&) const = default;
};
struct RedefineIndex {
  Pair<IndexId> ids;
  auto operator<=>(const RedefineIndex&) const = default;
};

using Step = std::variant<
    CreateSchema,
    DropExtension,
    CreateExtension,
    AlterExtension,
    AlterSequence,
    CreateEnum,
    AlterEnum,
    DropForeignKey,
    DropIndex,
    AlterTable,
    AlterPrimaryKey,
    // Order matters: we must drop tables before we create indexes, because on PostgreSQL
    // and SQLite we may create indexes whose names clash with the names of indexes on the
    // dropped tables.
    DropTable,
    // Order matters:
    // - enums are dropped before tables are created, because a new table may have the
    //   name of a dropped enum, which conflicts on PostgreSQL;
    // - enums are dropped after tables are dropped, or PostgreSQL refuses because tables
    //   still depend on them.
    DropEnum,
    CreateTable,
    RedefineTables,
    // Order matters: indexes are created after ALTER TABLEs because they can be on columns
    // that are dropped or created there.
    CreateIndex,
    RenameForeignKey,
    // Order matters: foreign keys come after indexes because they can depend on unique
    // indexes created there.
    AddForeignKey,
    RenameIndex,
    RedefineIndex>;

/// Prisma's step name, used as the `-- Header` of rendered statements ("CreateTable").
const char* step_name(const Step& step);

struct Migration {
  std::vector<Step> steps;
  bool empty() const { return steps.empty(); }
};

}  // namespace zen::diff
