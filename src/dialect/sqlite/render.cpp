// SQLite renderer. Layout rules (Prisma's): four-space indentation inside CREATE TABLE,
// columns then a blank line and the composite PRIMARY KEY, then CONSTRAINTs; identifiers
// always double-quoted; statements without semicolons (the assembler adds them).
#include "dialect/sqlite/render.h"

#include "dialect/script_layout.h"

#include <algorithm>

#include "dialect/dialect.h"
#include "schema/views.h"

namespace zen::dialect::sqlite {

using schema::ColumnView;
using schema::Schema;
using schema::TableView;

namespace {

std::string q(std::string_view name) { return quote_ident(name); }

const char* action_sql(schema::ReferentialAction a) {
  switch (a) {
    case schema::ReferentialAction::NoAction: return "NO ACTION";
    case schema::ReferentialAction::Restrict: return "RESTRICT";
    case schema::ReferentialAction::Cascade: return "CASCADE";
    case schema::ReferentialAction::SetNull: return "SET NULL";
    case schema::ReferentialAction::SetDefault: return "SET DEFAULT";
  }
  return "NO ACTION";
}

std::string render_literal(const schema::Literal& v) {
  switch (v.kind) {
    case schema::LiteralKind::String:
    case schema::LiteralKind::Enum:
    case schema::LiteralKind::Bytes:
    case schema::LiteralKind::DateTime: return quote_string(v.text);
    case schema::LiteralKind::Null: return "NULL";
    case schema::LiteralKind::List: {
      std::string out = "[";
      for (size_t i = 0; i < v.items.size(); ++i) out += (i ? "," : "") + render_literal(v.items[i]);
      return out + "]";
    }
    default: return v.text;  // numbers, booleans, JSON (Prisma writes JSON defaults verbatim)
  }
}

std::optional<std::string> render_default(const schema::DefaultValue& d) {
  switch (d.kind) {
    case schema::DefaultKind::Now: return std::string("CURRENT_TIMESTAMP");
    case schema::DefaultKind::DbGenerated:
      if (d.expression.empty()) return std::nullopt;
      return d.expression;
    case schema::DefaultKind::Sequence: return std::nullopt;
    case schema::DefaultKind::Value: return render_literal(d.value);
  }
  return std::nullopt;
}

bool is_single_pk(ColumnView c) {
  auto pk = c.table().primary_key();
  return pk && pk->columns().size() == 1 && pk->columns()[0].column == c.id();
}

std::string render_column(ColumnView c) {
  std::string out = "    " + q(c.name()) + " " + c.type().full_type;
  if (!c.is_nullable()) out += " NOT NULL";
  bool pk = is_single_pk(c);
  if (pk) out += " PRIMARY KEY";
  if (pk && c.family() == schema::ColumnFamily::Int) out += " AUTOINCREMENT";
  if (c.default_value())
    if (auto d = render_default(*c.default_value())) out += " DEFAULT " + *d;
  return out;
}

std::string render_create_index(const Schema& s, schema::IndexId id) {
  schema::IndexView ix(&s, id);
  std::string out = std::string("CREATE ") + (ix.is_unique() ? "UNIQUE " : "") + "INDEX " + q(ix.name()) + " ON " +
                    q(ix.table().name()) + "(";
  for (size_t i = 0; i < ix.columns().size(); ++i) {
    if (i) out += ", ";
    out += q(ix.column(i).name());
    if (auto sort = ix.columns()[i].sort) out += *sort == schema::SortOrder::Asc ? " ASC" : " DESC";
  }
  out += ")";
  if (ix.name().rfind("sqlite_", 0) == 0) return "Pragma writable_schema=1;\n" + out + ";\nPragma writable_schema=0";
  return out;
}

void render_redefine(const diff::RedefineTables& step, diff::Pair<const Schema&> s, std::vector<std::string>& out) {
  out.push_back("PRAGMA defer_foreign_keys=ON");
  out.push_back("PRAGMA foreign_keys=OFF");
  for (const auto& rt : step.tables) {
    TableView prev(&s.previous, rt.tables.previous);
    TableView next(&s.next, rt.tables.next);
    std::string tmp = "new_" + next.name();
    out.push_back(render_create_table(s.next, rt.tables.next, tmp));
    if (!rt.column_pairs.empty()) {
      // Prisma lists the copied columns ordered by name.
      std::vector<const diff::RedefineTable::ColumnPair*> pairs;
      for (const auto& cp : rt.column_pairs) pairs.push_back(&cp);
      std::stable_sort(pairs.begin(), pairs.end(), [&](auto* a, auto* b) {
        return s.next.at(a->columns.next).name < s.next.at(b->columns.next).name;
      });
      std::string dest, src;
      for (size_t i = 0; i < pairs.size(); ++i) {
        const auto& cp = *pairs[i];
        ColumnView pc(&s.previous, cp.columns.previous);
        ColumnView nc(&s.next, cp.columns.next);
        if (i) dest += ", ", src += ", ";
        dest += q(nc.name());
        bool became_required_with_default =
            cp.changes.arity_changed() && nc.is_required() && nc.default_value().has_value();
        std::optional<std::string> d = became_required_with_default ? render_default(*nc.default_value()) : std::nullopt;
        if (d)
          src += "coalesce(" + q(pc.name()) + ", " + *d + ") AS " + q(pc.name());
        else
          src += q(pc.name());
      }
      out.push_back("INSERT INTO " + q(tmp) + " (" + dest + ") SELECT " + src + " FROM " + q(prev.name()));
    }
    out.push_back("DROP TABLE " + q(prev.name()));
    out.push_back("ALTER TABLE " + q(tmp) + " RENAME TO " + q(next.name()));
    for (auto ix : next.indexes())
      if (!ix.is_primary_key()) out.push_back(render_create_index(s.next, ix.id()));
  }
  out.push_back("PRAGMA foreign_keys=ON");
  out.push_back("PRAGMA defer_foreign_keys=OFF");
}

}  // namespace

std::string render_create_table(const Schema& s, schema::TableId id, const std::string& as_name) {
  TableView t(&s, id);
  std::string out = "CREATE TABLE " + q(as_name.empty() ? t.name() : as_name) + " (\n";
  bool first = true;
  bool single_pk = false;
  for (auto c : t.columns()) {
    if (!first) out += ",\n";
    first = false;
    out += render_column(c);
    single_pk = single_pk || is_single_pk(c);
  }
  auto pk = t.primary_key();
  if (pk && !single_pk) {
    out += ",\n\n    PRIMARY KEY (";
    for (size_t i = 0; i < pk->columns().size(); ++i) {
      if (i) out += ", ";
      out += q(pk->column(i).name());
      if (auto sort = pk->columns()[i].sort) out += *sort == schema::SortOrder::Asc ? " ASC" : " DESC";
    }
    out += ")";
  }
  for (auto fk : t.foreign_keys()) {
    out += ",\n    ";
    if (!fk.name().empty()) out += "CONSTRAINT " + q(fk.name()) + " ";
    out += "FOREIGN KEY (";
    size_t i = 0;
    for (auto c : fk.columns()) out += (i++ ? ", " : "") + q(c.name());
    out += ") REFERENCES " + q(fk.referenced_table().name()) + " (";
    i = 0;
    for (auto c : fk.referenced_columns()) out += (i++ ? ", " : "") + q(c.name());
    out += std::string(") ON DELETE ") + action_sql(fk.get().on_delete) + " ON UPDATE " + action_sql(fk.get().on_update);
  }
  out += "\n)";
  return out;
}

std::vector<std::string> render_step(const diff::Step& step, diff::Pair<const Schema&> s) {
  std::vector<std::string> out;
  std::visit(
      [&](const auto& st) {
        using T = std::decay_t<decltype(st)>;
        if constexpr (std::is_same_v<T, diff::CreateTable>) {
          out.push_back(render_create_table(s.next, st.id));
        } else if constexpr (std::is_same_v<T, diff::DropTable>) {
          // Foreign keys are switched off: there is no other way to drop tables with cyclic
          // references on SQLite, and validation forbids keys to missing tables anyway.
          out.push_back("PRAGMA foreign_keys=off");
          out.push_back("DROP TABLE " + q(s.previous.at(st.id).name));
          out.push_back("PRAGMA foreign_keys=on");
        } else if constexpr (std::is_same_v<T, diff::CreateIndex>) {
          out.push_back(render_create_index(s.next, st.id));
        } else if constexpr (std::is_same_v<T, diff::DropIndex>) {
          out.push_back("DROP INDEX " + q(s.previous.at(st.id).name));
        } else if constexpr (std::is_same_v<T, diff::RedefineIndex>) {
          out.push_back("DROP INDEX " + q(s.previous.at(st.ids.previous).name));
          out.push_back(render_create_index(s.next, st.ids.next));
        } else if constexpr (std::is_same_v<T, diff::RenameIndex>) {
          out.push_back("DROP INDEX " + q(s.previous.at(st.ids.previous).name));
          out.push_back(render_create_index(s.next, st.ids.next));
        } else if constexpr (std::is_same_v<T, diff::AlterTable>) {
          // Only ADD COLUMN exists on SQLite; every other change is a RedefineTables.
          for (const auto& ch : st.changes)
            if (auto* add = std::get_if<diff::AddColumn>(&ch))
              out.push_back("ALTER TABLE " + q(s.previous.at(st.tables.previous).name) + " ADD COLUMN " +
                            render_column(ColumnView(&s.next, add->column)).substr(4));
        } else if constexpr (std::is_same_v<T, diff::RedefineTables>) {
          render_redefine(st, s, out);
        }
        // Enums, namespaces, extensions, sequences and named foreign keys do not exist on SQLite.
      },
      step);
  return out;
}

std::string render_script(const diff::Migration& migration, diff::Pair<const Schema&> s) {
  return assemble_script(migration, [&](const diff::Step& step) { return render_step(step, s); });
}

}  // namespace zen::dialect::sqlite
