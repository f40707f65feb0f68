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

std::string_view action_sql(schema::ReferentialAction a) {
  switch (a) {
    case schema::ReferentialAction::NoAction: return "NO ACTION";
    case schema::ReferentialAction::Restrict: return "RESTRICT";
    case schema::ReferentialAction::Cascade: return "CASCADE";
    case schema::ReferentialAction::SetNull: return "SET NULL";
    case schema::ReferentialAction::SetDefault: return "SET DEFAULT";
  }
  return "NO ACTION";
}

// Appenders write at the end of a SqlWriter, so a whole script is built in one string; the
// string-returning helpers wrap them.

void append_literal(SqlWriter& out, const schema::Literal& v) {
  switch (v.kind) {
    case schema::LiteralKind::String:
    case schema::LiteralKind::Enum:
    case schema::LiteralKind::Bytes:
    case schema::LiteralKind::DateTime: out.string_literal(v.text); return;
    case schema::LiteralKind::Null: out.lit("NULL"); return;
    case schema::LiteralKind::List: {
      out.ch('[');
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out.ch(',');
        append_literal(out, v.items[i]);
      }
      out.ch(']');
      return;
    }
    default: out.str(v.text); return;  // numbers, booleans, JSON (Prisma writes JSON defaults verbatim)
  }
}

/// Appends the DEFAULT expression; false (nothing appended) when there is none to render.
bool append_default(SqlWriter& out, const schema::DefaultValue& d) {
  switch (d.kind) {
    case schema::DefaultKind::Now: out.lit("CURRENT_TIMESTAMP"); return true;
    case schema::DefaultKind::DbGenerated:
      if (d.expression.empty()) return false;
      out.str(d.expression);
      return true;
    case schema::DefaultKind::Sequence: return false;
    case schema::DefaultKind::Value: append_literal(out, d.value); return true;
  }
  return false;
}

std::optional<std::string> render_default(const schema::DefaultValue& d) {
  bool rendered = false;
  std::string out = written([&](SqlWriter& w) { rendered = append_default(w, d); });
  if (!rendered) return std::nullopt;
  return out;
}

/// Whether `column` is the only column of its table's primary key `pk`.
bool is_single_pk(const Schema& s, std::optional<schema::IndexId> pk, schema::ColumnId column) {
  if (!pk) return false;
  const auto& cols = s.at(*pk).columns;
  return cols.size() == 1 && cols[0].column == column;
}

/// The column definition without its indentation.
void append_column(SqlWriter& out, const Schema& s, schema::ColumnId id, bool single_pk) {
  const auto& c = s.at(id);
  out.ident(c.name);
  out.ch(' ');
  out.str(c.type.full_type);
  if (c.type.arity != schema::Arity::Nullable) out.lit(" NOT NULL");
  if (single_pk) out.lit(" PRIMARY KEY");
  if (single_pk && c.type.family == schema::ColumnFamily::Int) out.lit(" AUTOINCREMENT");
  if (c.default_value) {
    size_t mark = out.size();
    out.lit(" DEFAULT ");
    if (!append_default(out, *c.default_value)) out.truncate(mark);
  }
}

void append_create_index(SqlWriter& out, const Schema& s, schema::IndexId id) {
  const auto& ix = s.at(id);
  // Indexes named sqlite_* can only be created with the schema made writable.
  bool reserved = ix.name.rfind("sqlite_", 0) == 0;
  if (reserved) out.lit("Pragma writable_schema=1;\n");
  if (ix.kind == schema::IndexKind::Unique) out.lit("CREATE UNIQUE INDEX ");
  else out.lit("CREATE INDEX ");
  out.ident(ix.name);
  out.lit(" ON ");
  out.ident(s.at(ix.table).name);
  out.ch('(');
  for (size_t i = 0; i < ix.columns.size(); ++i) {
    if (i) out.lit(", ");
    out.ident(s.at(ix.columns[i].column).name);
    if (auto sort = ix.columns[i].sort) {
      if (*sort == schema::SortOrder::Asc) out.lit(" ASC");
      else out.lit(" DESC");
    }
  }
  out.ch(')');
  if (reserved) out.lit(";\nPragma writable_schema=0");
}

std::string render_create_index(const Schema& s, schema::IndexId id) {
  return written([&](SqlWriter& w) { append_create_index(w, s, id); });
}

void append_column_list(SqlWriter& out, const Schema& s, const std::vector<schema::ColumnId>& columns) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out.lit(", ");
    out.ident(s.at(columns[i]).name);
  }
}

void append_create_table(SqlWriter& out, const Schema& s, schema::TableId id, std::string_view as_name) {
  const auto& t = s.at(id);
  out.lit("CREATE TABLE ");
  out.ident(as_name.empty() ? std::string_view(t.name) : as_name);
  out.lit(" (\n");
  auto pk = s.primary_key(id);
  bool first = true;
  bool single_pk = false;
  for (auto c : t.columns) {
    if (!first) out.lit(",\n");
    first = false;
    bool single = is_single_pk(s, pk, c);
    out.lit("    ");
    append_column(out, s, c, single);
    single_pk = single_pk || single;
  }
  if (pk && !single_pk) {
    out.lit(",\n\n    PRIMARY KEY (");
    const auto& cols = s.at(*pk).columns;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (i) out.lit(", ");
      out.ident(s.at(cols[i].column).name);
      if (auto sort = cols[i].sort) {
        if (*sort == schema::SortOrder::Asc) out.lit(" ASC");
        else out.lit(" DESC");
      }
    }
    out.ch(')');
  }
  for (auto fk_id : t.foreign_keys) {
    const auto& fk = s.at(fk_id);
    out.lit(",\n    ");
    if (!fk.name.empty()) {
      out.lit("CONSTRAINT ");
      out.ident(fk.name);
      out.ch(' ');
    }
    out.lit("FOREIGN KEY (");
    append_column_list(out, s, fk.columns);
    out.lit(") REFERENCES ");
    out.ident(s.at(fk.referenced_table).name);
    out.lit(" (");
    append_column_list(out, s, fk.referenced_columns);
    out.lit(") ON DELETE ");
    out.str(action_sql(fk.on_delete));
    out.lit(" ON UPDATE ");
    out.str(action_sql(fk.on_update));
  }
  out.lit("\n)");
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
  return written([&](SqlWriter& w) { append_create_table(w, s, id, as_name); });
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
            if (auto* add = std::get_if<diff::AddColumn>(&ch)) {
              const auto& column = s.next.at(add->column);
              out.push_back(written([&](SqlWriter& w) {
                w.lit("ALTER TABLE ");
                w.ident(s.previous.at(st.tables.previous).name);
                w.lit(" ADD COLUMN ");
                append_column(w, s.next, add->column, is_single_pk(s.next, s.next.primary_key(column.table), add->column));
              }));
            }
        } else if constexpr (std::is_same_v<T, diff::RedefineTables>) {
          render_redefine(st, s, out);
        }
        // Enums, namespaces, extensions, sequences and named foreign keys do not exist on SQLite.
      },
      step);
  return out;
}

std::string render_script(const diff::Migration& migration, diff::Pair<const Schema&> s) {
  // A generous estimate of the script's size, so that it is built without regrowing.
  size_t estimate = 0;
  for (const auto& step : migration.steps) {
    if (const auto* ct = std::get_if<diff::CreateTable>(&step))
      estimate += 96 + 64 * s.next.at(ct->id).columns.size() + 160 * s.next.at(ct->id).foreign_keys.size();
    else
      estimate += 160;
  }
  ScriptWriter w(estimate);
  // The statements of a fresh schema are appended in place; the others go through render_step.
  for (const auto& step : migration.steps) {
    if (const auto* ct = std::get_if<diff::CreateTable>(&step)) {
      w.begin_statement("CreateTable");
      append_create_table(w.out(), s.next, ct->id, {});
    } else if (const auto* ci = std::get_if<diff::CreateIndex>(&step)) {
      w.begin_statement("CreateIndex");
      append_create_index(w.out(), s.next, ci->id);
    } else {
      w.add_statements(diff::step_name(step), render_step(step, s));
      continue;
    }
    w.end_statement();
  }
  return std::move(w).finish();
}

}  // namespace zen::dialect::sqlite
