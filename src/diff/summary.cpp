// Prisma's human-readable migration summary (`migrate diff` without --script), following
// SqlMigration::drift_summary: items grouped by kind, then by table, in step order.
#include <set>
#include <string>
#include <tuple>

#include "diff/differ.h"
#include "schema/views.h"

namespace zen::diff {

namespace {

// The order of the kinds is the order of the sections.
enum class DriftKind { AlteredExtension, DroppedExtension, CreatedExtension, AddedEnum, AddedTable, RemovedEnum,
                       RemovedTable, RedefinedTable, ChangedEnum, ChangedTable };

std::string join_names(const std::vector<std::string_view>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  return out;
}

const char* arity_name(schema::Arity a) {
  switch (a) {
    case schema::Arity::Required: return "Required";
    case schema::Arity::Nullable: return "Nullable";
    case schema::Arity::List: return "List";
  }
  return "";
}

std::string default_debug(const schema::HeapOptional<schema::DefaultValue>& d) {
  if (!d) return "None";
  switch (d->kind) {
    case schema::DefaultKind::Now: return "Some(Now)";
    case schema::DefaultKind::Sequence: return "Some(Sequence(\"" + d->expression + "\"))";
    case schema::DefaultKind::DbGenerated: return "Some(DbGenerated(Some(\"" + d->expression + "\")))";
    case schema::DefaultKind::Value: {
      const auto& v = d->value;
      switch (v.kind) {
        case schema::LiteralKind::String: return "Some(Value(String(\"" + v.text + "\")))";
        case schema::LiteralKind::Enum: return "Some(Value(Enum(\"" + v.text + "\")))";
        case schema::LiteralKind::Int: return "Some(Value(Int(" + v.text + ")))";
        case schema::LiteralKind::Boolean: return "Some(Value(Boolean(" + v.text + ")))";
        default: return "Some(Value(" + v.text + "))";
      }
    }
  }
  return "None";
}

std::string column_changes(Pair<schema::ColumnView> cols, const ColumnChanges& changes) {
  std::vector<std::string> parts;
  if (changes.has(ColumnChange::Arity))
    parts.push_back(std::string("changed from ") + arity_name(cols.previous.arity()) + " to " +
                    arity_name(cols.next.arity()));
  if (changes.has(ColumnChange::Default))
    parts.push_back("default changed from `" + default_debug(cols.previous.default_value()) + "` to `" +
                    default_debug(cols.next.default_value()) + "`");
  if (changes.has(ColumnChange::TypeChanged)) parts.push_back("type changed");
  if (changes.has(ColumnChange::Autoincrement))
    parts.push_back(cols.previous.is_autoincrement() ? "column is no longer autoincrementing"
                                                     : "column became autoincrementing");
  std::string out = "(";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + ")";
}

}  // namespace

std::string render_summary(const Migration& migration, Pair<const schema::Schema&> s) {
  if (migration.empty()) return "No difference detected.";
  const auto& P = s.previous;
  const auto& N = s.next;
  std::set<std::tuple<DriftKind, std::string, size_t>> items;
  for (size_t i = 0; i < migration.steps.size(); ++i) {
    const Step& step = migration.steps[i];
    std::visit(
        [&](const auto& st) {
          using T = std::decay_t<decltype(st)>;
          if constexpr (std::is_same_v<T, CreateEnum>) items.insert({DriftKind::AddedEnum, "", i});
          else if constexpr (std::is_same_v<T, AlterEnum>) items.insert({DriftKind::ChangedEnum, P.at(st.ids.previous).name, i});
          else if constexpr (std::is_same_v<T, DropForeignKey>) items.insert({DriftKind::ChangedTable, P.at(P.at(st.id).table).name, i});
          else if constexpr (std::is_same_v<T, AlterPrimaryKey>) items.insert({DriftKind::ChangedTable, P.at(st.tables.previous).name, i});
          else if constexpr (std::is_same_v<T, DropIndex>) items.insert({DriftKind::ChangedTable, P.at(P.at(st.id).table).name, i});
          else if constexpr (std::is_same_v<T, AlterTable>) items.insert({DriftKind::ChangedTable, P.at(st.tables.previous).name, i});
          else if constexpr (std::is_same_v<T, DropTable>) items.insert({DriftKind::RemovedTable, "", i});
          else if constexpr (std::is_same_v<T, DropEnum>) items.insert({DriftKind::RemovedEnum, "", i});
          else if constexpr (std::is_same_v<T, CreateTable>) items.insert({DriftKind::AddedTable, "", i});
          else if constexpr (std::is_same_v<T, RedefineTables>) {
            for (const auto& rt : st.tables) items.insert({DriftKind::RedefinedTable, P.at(rt.tables.previous).name, i});
          } else if constexpr (std::is_same_v<T, RenameForeignKey>) items.insert({DriftKind::ChangedTable, N.at(N.at(st.ids.next).table).name, i});
          else if constexpr (std::is_same_v<T, CreateIndex>) items.insert({DriftKind::ChangedTable, N.at(st.table).name, i});
          else if constexpr (std::is_same_v<T, AddForeignKey>) items.insert({DriftKind::ChangedTable, N.at(N.at(st.id).table).name, i});
          else if constexpr (std::is_same_v<T, RenameIndex> || std::is_same_v<T, RedefineIndex>)
            items.insert({DriftKind::ChangedTable, P.at(P.at(st.ids.previous).table).name, i});
          else if constexpr (std::is_same_v<T, CreateExtension>) items.insert({DriftKind::CreatedExtension, N.postgres.extensions[st.id.value].name, i});
          else if constexpr (std::is_same_v<T, AlterExtension>) items.insert({DriftKind::AlteredExtension, P.postgres.extensions[st.ids.previous.value].name, i});
          else if constexpr (std::is_same_v<T, DropExtension>) items.insert({DriftKind::DroppedExtension, P.postgres.extensions[st.id.value].name, i});
        },
        step);
  }

  std::string out;
  bool first = true;
  DriftKind cur_kind{};
  std::string cur_name;
  for (const auto& [kind, name, idx] : items) {
    if (first || kind != cur_kind || name != cur_name) {
      switch (kind) {
        case DriftKind::AddedEnum: out += "\n[+] Added enums\n"; break;
        case DriftKind::AddedTable: out += "\n[+] Added tables\n"; break;
        case DriftKind::RemovedEnum: out += "\n[-] Removed enums\n"; break;
        case DriftKind::RemovedTable: out += "\n[-] Removed tables\n"; break;
        case DriftKind::RedefinedTable: out += "\n[*] Redefined table `" + name + "`\n"; break;
        case DriftKind::ChangedEnum: out += "\n[*] Changed the `" + name + "` enum\n"; break;
        case DriftKind::ChangedTable: out += "\n[*] Changed the `" + name + "` table\n"; break;
        case DriftKind::CreatedExtension: out += "\n[+] Added extensions\n"; break;
        case DriftKind::AlteredExtension: out += "\n[*] Changed the `" + name + "` extension\n"; break;
        case DriftKind::DroppedExtension: out += "\n[-] Removed extensions\n"; break;
      }
    }
    first = false;
    cur_kind = kind;
    cur_name = name;
    std::visit(
        [&](const auto& st) {
          using T = std::decay_t<decltype(st)>;
          if constexpr (std::is_same_v<T, CreateEnum>) out += "  - " + N.at(st.id).name + "\n";
          else if constexpr (std::is_same_v<T, AlterEnum>) {
            for (const auto& v : st.created_values) out += "  [+] Added variant `" + v + "`\n";
            for (const auto& v : st.dropped_values) out += "  [-] Removed variant `" + v + "`\n";
          } else if constexpr (std::is_same_v<T, AlterPrimaryKey>) {
            out += "   [*] Changed the primary key for `" + P.at(st.tables.previous).name + "`\n";
          } else if constexpr (std::is_same_v<T, DropForeignKey>) {
            std::vector<std::string_view> names;
            for (auto c : P.at(st.id).columns) names.push_back(P.at(c).name);
            out += "  [-] Removed foreign key on columns (" + join_names(names) + ")\n";
          } else if constexpr (std::is_same_v<T, DropIndex>) {
            schema::IndexView ix(&P, st.id);
            out += std::string("  [-] Removed ") + (ix.is_unique() ? "unique " : "") + "index on columns (" +
                   join_names(ix.column_names()) + ")\n";
          } else if constexpr (std::is_same_v<T, AlterTable>) {
            for (const auto& ch : st.changes) {
              if (auto* a = std::get_if<AddColumn>(&ch)) out += "  [+] Added column `" + N.at(a->column).name + "`\n";
              else if (auto* a = std::get_if<AlterColumn>(&ch))
                out += "  [*] Altered column `" + N.at(a->columns.next).name + "` " +
                       column_changes({schema::ColumnView(&P, a->columns.previous), schema::ColumnView(&N, a->columns.next)}, a->changes) + "\n";
              else if (auto* a = std::get_if<DropColumn>(&ch)) out += "  [-] Removed column `" + P.at(a->column).name + "`\n";
              else if (auto* a = std::get_if<DropAndRecreateColumn>(&ch))
                out += "  [*] Column `" + N.at(a->columns.next).name + "` would be dropped and recreated " +
                       column_changes({schema::ColumnView(&P, a->columns.previous), schema::ColumnView(&N, a->columns.next)}, a->changes) + "\n";
              else if (std::holds_alternative<DropPrimaryKey>(ch)) {
                auto pk = schema::TableView(&P, st.tables.previous).primary_key();
                out += "  [-] Dropped the primary key on columns (" + (pk ? join_names(pk->column_names()) : "") + ")\n";
              } else if (std::holds_alternative<RenamePrimaryKey>(ch)) {
                auto pk = schema::TableView(&P, st.tables.previous).primary_key();
                out += "  [*] Renamed the primary key on columns (" + (pk ? join_names(pk->column_names()) : "") + ")\n";
              } else if (std::holds_alternative<AddPrimaryKey>(ch)) {
                auto pk = schema::TableView(&N, st.tables.next).primary_key();
                out += "  [+] Added primary key on columns (" + (pk ? join_names(pk->column_names()) : "") + ")\n)\n";
              }
            }
          } else if constexpr (std::is_same_v<T, DropTable>) out += "  - " + P.at(st.id).name + "\n";
          else if constexpr (std::is_same_v<T, DropEnum>) out += "  - " + P.at(st.id).name + "\n";
          else if constexpr (std::is_same_v<T, CreateTable>) out += "  - " + N.at(st.id).name + "\n";
          else if constexpr (std::is_same_v<T, RenameForeignKey>)
            out += "  [*] Renamed the foreign key \"" + P.at(st.ids.previous).name + "\" to \"" + N.at(st.ids.next).name + "\"\n";
          else if constexpr (std::is_same_v<T, CreateIndex>) {
            schema::IndexView ix(&N, st.id);
            out += std::string("  [+] Added ") + (ix.is_unique() ? "unique " : "") + "index on columns (" +
                   join_names(ix.column_names()) + ")\n";
          } else if constexpr (std::is_same_v<T, AddForeignKey>) {
            std::vector<std::string_view> names;
            for (auto c : N.at(st.id).columns) names.push_back(N.at(c).name);
            out += "  [+] Added foreign key on columns (" + join_names(names) + ")\n";
          } else if constexpr (std::is_same_v<T, RenameIndex>)
            out += "  [*] Renamed index `" + P.at(st.ids.previous).name + "` to `" + N.at(st.ids.next).name + "`\n";
          else if constexpr (std::is_same_v<T, RedefineIndex>)
            out += "  [*] Redefined index `" + P.at(st.ids.previous).name + "`\n";
          else if constexpr (std::is_same_v<T, CreateExtension>)
            out += "  - " + N.postgres.extensions[st.id.value].name + "\n";
        },
        migration.steps[idx]);
  }
  return out;
}

}  // namespace zen::diff
