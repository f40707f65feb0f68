// Finds the steps of a migration that can lose data or cannot run on the current data
// (prisma's destructive_change_checker). Planning is pure; the row counts it needs come
// from the dialect (which owns the database connection) and are fed back for evaluation.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "diff/pair.h"
#include "diff/step.h"
#include "schema/schema.h"

namespace zen::diff {

enum class CheckKind {
  // Warnings.
  NonEmptyTableDrop,
  NonEmptyColumnDrop,
  DropAndRecreateColumn,
  RiskyCast,
  NotCastable,
  PrimaryKeyChange,
  UniqueConstraintAddition,
  EnumValueRemoval,
  // Unexecutable steps.
  AddedRequiredFieldToTable,
  AddedRequiredFieldToTableWithPrismaLevelDefault,
  MadeOptionalFieldRequired,
  MadeScalarFieldIntoArrayField,
  DropAndRecreateRequiredColumn,
};

/// Whether a check produces a warning (true) or an unexecutable step (false).
bool is_warning(CheckKind kind);

struct Check {
  CheckKind kind;
  size_t step_index = 0;
  std::string ns;      // PostgreSQL schema; "" on SQLite
  std::string table;   // or the enum name for EnumValueRemoval
  std::string column;
  std::vector<std::string> values;  // unique columns, or removed enum values
  std::string previous_type;        // casts: type family names as Prisma prints them
  std::string next_type;
};

/// What the plan needs to know about the live database.
struct TableRef {
  std::string ns, table;
  auto operator<=>(const TableRef&) const = default;
};
struct ColumnRef {
  std::string ns, table, column;
  auto operator<=>(const ColumnRef&) const = default;
};

struct InspectionResults {
  std::map<TableRef, int64_t> row_counts;
  std::map<ColumnRef, int64_t> non_null_counts;
};

struct DestructivePlan {
  std::vector<Check> checks;
  /// Tables whose row count evaluation needs, deduplicated and sorted.
  std::vector<TableRef> needed_row_counts() const;
  /// Columns whose non-null value count evaluation needs, deduplicated and sorted.
  std::vector<ColumnRef> needed_value_counts() const;
};

struct MigrationWarning {
  std::string message;  // Prisma's wording, e.g. "You are about to drop the `Post` table, ..."
  size_t step_index = 0;
};

struct DestructiveResult {
  std::vector<MigrationWarning> warnings;
  std::vector<MigrationWarning> unexecutable;
  bool empty() const { return warnings.empty() && unexecutable.empty(); }
};

class Flavour;

/// Plans the checks for a migration (no database access). `flavour` names types in cast
/// warnings; without one, type families are used.
DestructivePlan plan_destructive_checks(const Migration& migration, Pair<const schema::Schema&> schemas,
                                        const Flavour* flavour = nullptr);

/// Evaluates a plan. `live` holds the counts the plan asked for; nullptr means no database
/// is available and every check reports its "if the table is not empty" wording. Checks
/// whose counts show no data at risk produce nothing.
DestructiveResult evaluate_destructive_checks(const DestructivePlan& plan, const InspectionResults* live);

}  // namespace zen::diff
