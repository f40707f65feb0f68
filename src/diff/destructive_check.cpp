// Plans and evaluates data-loss checks with Prisma's wording (sql_destructive_change_checker:
// warning_check.rs, unexecutable_step_check.rs and the per-flavour alter-column rules).
#include "diff/destructive_check.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "diff/flavour.h"
#include "schema/views.h"

namespace zen::diff {

using schema::ColumnView;
using schema::Schema;

bool is_warning(CheckKind kind) { return kind < CheckKind::AddedRequiredFieldToTable; }

std::vector<TableRef> DestructivePlan::needed_row_counts() const {
  std::set<TableRef> out;
  for (const auto& c : checks) {
    switch (c.kind) {
      case CheckKind::NonEmptyTableDrop:
      case CheckKind::PrimaryKeyChange:
      case CheckKind::DropAndRecreateColumn:
      case CheckKind::AddedRequiredFieldToTable:
      case CheckKind::AddedRequiredFieldToTableWithPrismaLevelDefault:
      case CheckKind::MadeOptionalFieldRequired:
      case CheckKind::MadeScalarFieldIntoArrayField:
      case CheckKind::DropAndRecreateRequiredColumn: out.insert({c.ns, c.table}); break;
      default: break;
    }
  }
  return {out.begin(), out.end()};
}

std::vector<ColumnRef> DestructivePlan::needed_value_counts() const {
  std::set<ColumnRef> out;
  for (const auto& c : checks) {
    switch (c.kind) {
      case CheckKind::NonEmptyColumnDrop:
      case CheckKind::RiskyCast:
      case CheckKind::NotCastable:
      case CheckKind::DropAndRecreateColumn:
      case CheckKind::MadeOptionalFieldRequired:
      case CheckKind::MadeScalarFieldIntoArrayField: out.insert({c.ns, c.table, c.column}); break;
      default: break;
    }
  }
  return {out.begin(), out.end()};
}

namespace {

struct Planner {
  Pair<const Schema&> s;
  const Flavour* flavour = nullptr;
  DestructivePlan plan;

  std::string type_name(ColumnView c) const {
    return flavour ? flavour->type_name_for_warning(c) : std::string(schema::column_family_name(c.family()));
  }

  Check column_check(CheckKind kind, ColumnView col, size_t step) {
    Check c;
    c.kind = kind;
    c.step_index = step;
    c.ns = col.table().namespace_name();
    c.table = col.table().name();
    c.column = col.name();
    return c;
  }

  void push(Check c) { plan.checks.push_back(std::move(c)); }

  void check_added_column(ColumnView col, bool has_virtual_default, size_t step) {
    bool required_without_default =
        col.is_required() && !col.default_value() && !col.is_autoincrement();
    if (!required_without_default) return;
    push(column_check(has_virtual_default ? CheckKind::AddedRequiredFieldToTableWithPrismaLevelDefault
                                          : CheckKind::AddedRequiredFieldToTable,
                      col, step));
  }

  void check_alter_column(Pair<ColumnView> cols, const ColumnChanges& changes,
                          std::optional<ColumnTypeChange> type_change, size_t step) {
    bool became_required = cols.previous.is_nullable() && cols.next.is_required();
    if (!changes.type_changed() && !became_required && !(cols.next.is_list() && !cols.previous.is_list())) return;
    if (changes.arity_changed() && cols.next.is_required() && !cols.next.default_value())
      push(column_check(CheckKind::MadeOptionalFieldRequired, cols.previous, step));
    if (changes.arity_changed() && cols.next.is_list() && !cols.previous.is_list())
      push(column_check(CheckKind::MadeScalarFieldIntoArrayField, cols.previous, step));
    if (type_change == ColumnTypeChange::RiskyCast || type_change == ColumnTypeChange::NotCastable) {
      Check c = column_check(type_change == ColumnTypeChange::RiskyCast ? CheckKind::RiskyCast : CheckKind::NotCastable,
                             cols.previous, step);
      c.previous_type = type_name(cols.previous);
      c.next_type = type_name(cols.next);
      push(std::move(c));
    }
  }

  void run(const Migration& m) {
    const Schema& P = s.previous;
    const Schema& N = s.next;
    for (size_t i = 0; i < m.steps.size(); ++i) {
      const Step& step = m.steps[i];
      if (auto* dt = std::get_if<DropTable>(&step)) {
        Check c;
        c.kind = CheckKind::NonEmptyTableDrop;
        c.step_index = i;
        c.ns = schema::walk(P, dt->id).namespace_name();
        c.table = P.at(dt->id).name;
        push(std::move(c));
      } else if (auto* at = std::get_if<AlterTable>(&step)) {
        for (const auto& ch : at->changes) {
          if (auto* dc = std::get_if<DropColumn>(&ch)) {
            push(column_check(CheckKind::NonEmptyColumnDrop, ColumnView(&P, dc->column), i));
          } else if (auto* ac = std::get_if<AddColumn>(&ch)) {
            check_added_column(ColumnView(&N, ac->column), ac->has_virtual_default, i);
          } else if (auto* al = std::get_if<AlterColumn>(&ch)) {
            check_alter_column({ColumnView(&P, al->columns.previous), ColumnView(&N, al->columns.next)}, al->changes,
                               al->type_change, i);
          } else if (auto* dr = std::get_if<DropAndRecreateColumn>(&ch)) {
            // Recreating a required column without a default cannot work on a table with rows.
            ColumnView next(&N, dr->columns.next);
            push(column_check(next.is_required() && !next.default_value() ? CheckKind::DropAndRecreateRequiredColumn
                                                                          : CheckKind::DropAndRecreateColumn,
                              ColumnView(&P, dr->columns.previous), i));
          } else if (std::holds_alternative<DropPrimaryKey>(ch)) {
            Check c;
            c.kind = CheckKind::PrimaryKeyChange;
            c.step_index = i;
            c.ns = schema::walk(P, at->tables.previous).namespace_name();
            c.table = P.at(at->tables.previous).name;
            push(std::move(c));
          }
        }
      } else if (auto* rt = std::get_if<RedefineTables>(&step)) {
        for (const auto& t : rt->tables) {
          if (t.dropped_primary_key) {
            Check c;
            c.kind = CheckKind::PrimaryKeyChange;
            c.step_index = i;
            c.table = P.at(t.tables.previous).name;
            push(std::move(c));
          }
          for (auto col : t.added_columns) {
            bool virt = std::find(t.added_columns_with_virtual_defaults.begin(),
                                  t.added_columns_with_virtual_defaults.end(), col) !=
                        t.added_columns_with_virtual_defaults.end();
            check_added_column(ColumnView(&N, col), virt, i);
          }
          for (auto col : t.dropped_columns) push(column_check(CheckKind::NonEmptyColumnDrop, ColumnView(&P, col), i));
          for (const auto& cp : t.column_pairs)
            check_alter_column({ColumnView(&P, cp.columns.previous), ColumnView(&N, cp.columns.next)}, cp.changes,
                               cp.type_change, i);
        }
      } else if (auto* ci = std::get_if<CreateIndex>(&step)) {
        if (!ci->previous_table) continue;
        schema::IndexView ix(&N, ci->id);
        if (!ix.is_unique()) continue;
        Check c;
        c.kind = CheckKind::UniqueConstraintAddition;
        c.step_index = i;
        c.table = ix.table().name();
        for (auto n : ix.column_names()) c.values.emplace_back(n);
        push(std::move(c));
      } else if (auto* ae = std::get_if<AlterEnum>(&step)) {
        if (ae->dropped_values.empty()) continue;
        Check c;
        c.kind = CheckKind::EnumValueRemoval;
        c.step_index = i;
        c.table = N.at(ae->ids.next).name;
        c.values = ae->dropped_values;
        push(std::move(c));
      }
    }
  }
};

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

/// Returns the message, or nullopt when the data shows nothing is at risk.
std::optional<std::string> evaluate(const Check& c, const InspectionResults* live) {
  std::optional<int64_t> rows, values;
  if (live) {
    if (auto it = live->row_counts.find({c.ns, c.table}); it != live->row_counts.end()) rows = it->second;
    if (auto it = live->non_null_counts.find({c.ns, c.table, c.column}); it != live->non_null_counts.end())
      values = it->second;
  }
  const std::string& table = c.table;
  const std::string& column = c.column;
  switch (c.kind) {
    case CheckKind::NonEmptyTableDrop:
      if (rows == 0) return std::nullopt;
      if (rows) return fmt::format("You are about to drop the `{}` table, which is not empty ({} rows).", table, *rows);
      return fmt::format("You are about to drop the `{}` table. If the table is not empty, all the data it contains will be lost.", table);
    case CheckKind::NonEmptyColumnDrop:
      if (rows == 0 || values == 0) return std::nullopt;
      if (values)
        return fmt::format("You are about to drop the column `{}` on the `{}` table, which still contains {} non-null values.",
                           column, table, *values);
      return fmt::format("You are about to drop the column `{}` on the `{}` table. All the data in the column will be lost.",
                         column, table);
    case CheckKind::DropAndRecreateColumn:
      if (rows == 0 || values == 0) return std::nullopt;
      if (!values)
        return fmt::format("The `{}` column on the `{}` table would be dropped and recreated. This will lead to data loss if there is data in the column.",
                           column, table);
      return fmt::format("The `{}` column on the `{}` table would be dropped and recreated. This will lead to data loss.",
                         column, table);
    case CheckKind::RiskyCast:
      if (rows == 0 || values == 0) return std::nullopt;
      if (values)
        return fmt::format("You are about to alter the column `{}` on the `{}` table, which contains {} non-null values. The data in that column will be cast from `{}` to `{}`.",
                           column, table, *values, c.previous_type, c.next_type);
      return fmt::format("You are about to alter the column `{}` on the `{}` table. The data in that column could be lost. The data in that column will be cast from `{}` to `{}`.",
                         column, table, c.previous_type, c.next_type);
    case CheckKind::NotCastable:
      if (rows == 0 || values == 0) return std::nullopt;
      if (values)
        return fmt::format("You are about to alter the column `{}` on the `{}` table, which contains {} non-null values. The data in that column will be cast from `{}` to `{}`. This cast may fail. Please make sure the data in the column can be cast.",
                           column, table, *values, c.previous_type, c.next_type);
      return fmt::format("You are about to alter the column `{}` on the `{}` table. The data in that column will be cast from `{}` to `{}`. This cast may fail. Please make sure the data in the column can be cast.",
                         column, table, c.previous_type, c.next_type);
    case CheckKind::PrimaryKeyChange:
      if (rows == 0) return std::nullopt;
      return fmt::format("The primary key for the `{}` table will be changed. If it partially fails, the table could be left without primary key constraint.",
                         table);
    case CheckKind::UniqueConstraintAddition:
      return fmt::format("A unique constraint covering the columns `[{}]` on the table `{}` will be added. If there are existing duplicate values, this will fail.",
                         join(c.values, ","), table);
    case CheckKind::EnumValueRemoval:
      return fmt::format("The values [{}] on the enum `{}` will be removed. If these variants are still used in the database, this will fail.",
                         join(c.values, ","), table);
    case CheckKind::AddedRequiredFieldToTable:
      if (rows == 0) return std::nullopt;
      if (rows)
        return fmt::format("Added the required column `{}` to the `{}` table without a default value. There are {} rows in this table, it is not possible to execute this step.",
                           column, table, *rows);
      return fmt::format("Added the required column `{}` to the `{}` table without a default value. This is not possible if the table is not empty.",
                         column, table);
    case CheckKind::AddedRequiredFieldToTableWithPrismaLevelDefault:
      if (rows == 0) return std::nullopt;
      if (rows)
        return fmt::format("The required column `{}` was added to the `{}` table with a prisma-level default value. There are {} rows in this table, it is not possible to execute this step. Please add this column as optional, then populate it before making it required.",
                           column, table, *rows);
      return fmt::format("The required column `{}` was added to the `{}` table with a prisma-level default value. This is not possible if the table is not empty. Please add this column as optional, then populate it before making it required.",
                         column, table);
    case CheckKind::MadeOptionalFieldRequired:
      if (rows == 0) return std::nullopt;
      if (rows && values) {
        int64_t nulls = *rows - *values;
        if (nulls == 0) return std::nullopt;
        return fmt::format("Made the column `{}` on table `{}` required, but there are {} existing NULL values.", column,
                           table, nulls);
      }
      return fmt::format("Made the column `{}` on table `{}` required. This step will fail if there are existing NULL values in that column.",
                         column, table);
    case CheckKind::MadeScalarFieldIntoArrayField:
      if (rows == 0 || values == 0) return std::nullopt;
      if (values)
        return fmt::format("Changed the column `{}` on the `{}` table from a scalar field to a list field. There are {} existing non-null values in that column, this step cannot be executed.",
                           column, table, *values);
      return fmt::format("Changed the column `{}` on the `{}` table from a scalar field to a list field. If there are non-null values in that column, this step will fail.",
                         column, table);
    case CheckKind::DropAndRecreateRequiredColumn:
      if (rows == 0) return std::nullopt;
      if (!rows)
        return fmt::format("Changed the type of `{}` on the `{}` table. No cast exists, the column would be dropped and recreated, which cannot be done if there is data, since the column is required.",
                           column, table);
      return fmt::format("Changed the type of `{}` on the `{}` table. No cast exists, the column would be dropped and recreated, which cannot be done since the column is required and there is data in the table.",
                         column, table);
  }
  return std::nullopt;
}

}  // namespace

DestructivePlan plan_destructive_checks(const Migration& migration, Pair<const schema::Schema&> schemas,
                                        const Flavour* flavour) {
  Planner p{schemas, flavour, {}};
  p.run(migration);
  return std::move(p.plan);
}

DestructiveResult evaluate_destructive_checks(const DestructivePlan& plan, const InspectionResults* live) {
  DestructiveResult out;
  for (const auto& c : plan.checks) {
    auto msg = evaluate(c, live);
    if (!msg) continue;
    (is_warning(c.kind) ? out.warnings : out.unexecutable).push_back({std::move(*msg), c.step_index});
  }
  return out;
}

}  // namespace zen::diff
