// PostgreSQL renderer. Layout rules (Prisma's): four-space indentation inside CREATE TABLE,
// columns, then a blank line and `CONSTRAINT "T_pkey" PRIMARY KEY (...)`; identifiers always
// double-quoted, qualified with their schema only when the schema uses several namespaces
// (and never for `public`);
// foreign keys are separate `ALTER TABLE ... ADD CONSTRAINT` statements; statements have no
// semicolons (the assembler adds them).
#include "dialect/postgres/render.h"

#include "dialect/script_layout.h"

#include <algorithm>
#include <type_traits>

#include "dialect/dialect.h"
#include "dialect/postgres/normalize.h"
#include "schema/views.h"

namespace zen::dialect::postgres {

using schema::ColumnView;
using schema::Schema;
using schema::TableView;

namespace {

// Appenders: each writes its SQL at the end of a SqlWriter, so a whole script is built in one
// string without a temporary per fragment. The string-returning helpers below wrap them.

/// `"ns"."name"` when the schema uses several namespaces, else `"name"`.
void append_qualified(SqlWriter& out, const Schema& s, schema::NamespaceId ns, std::string_view name) {
  // A schema of one namespace (the usual case, asked for every table name) is never qualified.
  if (s.namespaces.size() > 1 && is_qualified_namespace(s, ns)) {
    out.ident(s.at(ns).name);
    out.ch('.');
  }
  out.ident(name);
}

void append_table_name(SqlWriter& out, const Schema& s, schema::TableId t) {
  append_qualified(out, s, s.at(t).namespace_id, s.at(t).name);
}

std::string q(std::string_view name) { return quote_ident(name); }

std::string qualified(const Schema& s, schema::NamespaceId ns, std::string_view name) {
  return written([&](SqlWriter& w) { append_qualified(w, s, ns, name); });
}

std::string table_name(const Schema& s, schema::TableId t) { return qualified(s, s.at(t).namespace_id, s.at(t).name); }

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

std::string_view algorithm_sql(schema::IndexAlgorithm a) {
  switch (a) {
    case schema::IndexAlgorithm::BTree: return "BTREE";
    case schema::IndexAlgorithm::Hash: return "HASH";
    case schema::IndexAlgorithm::Gist: return "GIST";
    case schema::IndexAlgorithm::Gin: return "GIN";
    case schema::IndexAlgorithm::SpGist: return "SPGIST";
    case schema::IndexAlgorithm::Brin: return "BRIN";
  }
  return "BTREE";
}

void append_literal(SqlWriter& out, const schema::Literal& v, std::string_view full_type) {
  switch (v.kind) {
    case schema::LiteralKind::String:
    case schema::LiteralKind::Enum:
    case schema::LiteralKind::Json:
    case schema::LiteralKind::DateTime: out.string_literal(v.text); return;
    case schema::LiteralKind::Bytes: {
      std::string_view hex = v.text;
      if (hex.substr(0, 2) == "\\x") hex.remove_prefix(2);
      out.lit("'\\x");
      out.str(hex);
      out.ch('\'');
      return;
    }
    case schema::LiteralKind::Null: out.lit("NULL"); return;
    case schema::LiteralKind::List: {
      out.lit("ARRAY[");
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out.lit(", ");
        append_literal(out, v.items[i], full_type);
      }
      out.lit("]::");
      out.str(full_type);
      return;
    }
    default: out.str(v.text); return;  // numbers and booleans
  }
}

/// Appends the DEFAULT expression; false (and nothing appended) when nothing is rendered
/// (sequences, empty dbgenerated, an empty literal).
bool append_default(SqlWriter& out, const schema::DefaultValue& d, std::string_view full_type) {
  switch (d.kind) {
    case schema::DefaultKind::Now: out.lit("CURRENT_TIMESTAMP"); return true;
    case schema::DefaultKind::DbGenerated:
      if (d.expression.empty()) return false;
      out.str(d.expression);
      return true;
    case schema::DefaultKind::Sequence: return false;
    case schema::DefaultKind::Value: {
      size_t mark = out.size();
      append_literal(out, d.value, full_type);
      return out.size() != mark;
    }
  }
  return false;
}

/// The DEFAULT expression, or nullopt when nothing is rendered (sequences, empty dbgenerated).
std::optional<std::string> render_default(const schema::DefaultValue& d, const std::string& full_type) {
  bool rendered = false;
  std::string out = written([&](SqlWriter& w) { rendered = append_default(w, d, full_type); });
  if (!rendered) return std::nullopt;
  return out;
}

void append_enum_name(SqlWriter& out, const Schema& s, schema::EnumId id) {
  append_qualified(out, s, s.at(id).namespace_id, s.at(id).name);
}

std::string enum_name(const Schema& s, schema::EnumId id) {
  return written([&](SqlWriter& w) { append_enum_name(w, s, id); });
}

void append_column_type(SqlWriter& out, const Schema& s, schema::ColumnId id) {
  const auto& c = s.at(id);
  bool list = c.type.arity == schema::Arity::List;
  if (c.type.family == schema::ColumnFamily::Enum && c.type.enum_id) {
    append_enum_name(out, s, *c.type.enum_id);
    if (list) out.lit("[]");
    return;
  }
  const std::string& t = c.type.full_type;
  std::string_view type = t;
  if (c.auto_increment) {
    if (t == "INTEGER") type = "SERIAL";
    else if (t == "BIGINT") type = "BIGSERIAL";
    else if (t == "SMALLINT") type = "SMALLSERIAL";
  }
  out.str(type);
  if (list) out.lit("[]");
}

void append_column(SqlWriter& out, const Schema& s, schema::ColumnId id) {
  const auto& c = s.at(id);
  out.lit("    ");
  out.ident(c.name);
  out.ch(' ');
  append_column_type(out, s, id);
  if (c.type.arity == schema::Arity::Required) out.lit(" NOT NULL");
  if (c.default_value) {
    size_t mark = out.size();
    out.lit(" DEFAULT ");
    // A list literal ends in `::type`.
    bool list = c.default_value->kind == schema::DefaultKind::Value &&
                c.default_value->value.kind == schema::LiteralKind::List;
    std::string type = list ? render_column_type(s, id) : std::string();
    if (!append_default(out, *c.default_value, type)) out.truncate(mark);
  }
}

std::string render_column(const Schema& s, schema::ColumnId id) {
  return written([&](SqlWriter& w) { append_column(w, s, id); });
}

/// `"a", "b"` for columns of `s`.
void append_column_list(SqlWriter& out, const Schema& s, const std::vector<schema::ColumnId>& columns) {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out.lit(", ");
    out.ident(s.at(columns[i]).name);
  }
}

void append_create_table(SqlWriter& out, const Schema& s, schema::TableId id) {
  const auto& t = s.at(id);
  out.lit("CREATE TABLE ");
  append_table_name(out, s, id);
  out.lit(" (\n");
  bool first = true;
  for (auto c : t.columns) {
    if (!first) out.lit(",\n");
    first = false;
    append_column(out, s, c);
  }
  if (auto pk = s.primary_key(id)) {
    const auto& ix = s.at(*pk);
    out.lit(",\n\n    CONSTRAINT ");
    out.ident(ix.name);
    out.lit(" PRIMARY KEY (");
    for (size_t i = 0; i < ix.columns.size(); ++i) {
      if (i) out.ch(',');
      out.ident(s.at(ix.columns[i].column).name);
    }
    out.ch(')');
  }
  out.lit("\n)");
}

void append_create_index(SqlWriter& out, const Schema& s, schema::IndexId id) {
  const auto& ix = s.at(id);
  if (ix.kind == schema::IndexKind::Unique) out.lit("CREATE UNIQUE INDEX ");
  else out.lit("CREATE INDEX ");
  out.ident(ix.name);
  out.lit(" ON ");
  append_table_name(out, s, ix.table);
  auto algo = ix.algorithm.value_or(schema::IndexAlgorithm::BTree);
  if (algo != schema::IndexAlgorithm::BTree) {
    out.lit(" USING ");
    out.str(algorithm_sql(algo));
    out.ch(' ');
  }
  out.ch('(');
  for (size_t i = 0; i < ix.columns.size(); ++i) {
    if (i) out.lit(", ");
    const auto& ic = ix.columns[i];
    out.ident(s.at(ic.column).name);
    if (!ic.operator_class.empty()) {
      out.ch(' ');
      out.str(ic.operator_class);
    }
    if (ic.sort) {
      if (*ic.sort == schema::SortOrder::Asc) out.lit(" ASC");
      else out.lit(" DESC");
    }
  }
  out.ch(')');
}

std::string render_create_index(const Schema& s, schema::IndexId id) {
  return written([&](SqlWriter& w) { append_create_index(w, s, id); });
}

void append_add_foreign_key(SqlWriter& out, const Schema& s, schema::ForeignKeyId id) {
  const auto& fk = s.at(id);
  out.lit("ALTER TABLE ");
  append_table_name(out, s, fk.table);
  out.lit(" ADD CONSTRAINT ");
  out.ident(fk.name);
  out.lit(" FOREIGN KEY (");
  append_column_list(out, s, fk.columns);
  out.lit(") REFERENCES ");
  append_table_name(out, s, fk.referenced_table);
  out.ch('(');
  append_column_list(out, s, fk.referenced_columns);
  out.lit(") ON DELETE ");
  out.str(action_sql(fk.on_delete));
  out.lit(" ON UPDATE ");
  out.str(action_sql(fk.on_update));
}

void append_values_list(SqlWriter& out, const std::vector<std::string>& values) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out.lit(", ");
    out.string_literal(values[i]);
  }
}

std::string values_list(const std::vector<std::string>& values) {
  return written([&](SqlWriter& w) { append_values_list(w, values); });
}

void append_create_enum(SqlWriter& out, const Schema& s, schema::EnumId id) {
  out.lit("CREATE TYPE ");
  append_enum_name(out, s, id);
  out.lit(" AS ENUM (");
  append_values_list(out, s.at(id).values);
  out.ch(')');
}

std::string render_drop_index(const Schema& s, schema::IndexId id) {
  const auto& ix = s.at(id);
  return "DROP INDEX " + qualified(s, s.at(ix.table).namespace_id, ix.name);
}

std::string join_quoted(const std::vector<std::string>& names, const char* sep) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? sep : "") + q(names[i]);
  return out;
}

std::vector<std::string> render_alter_enum(const diff::AlterEnum& step, diff::Pair<const Schema&> s) {
  std::vector<std::string> out;
  const auto& prev = s.previous.at(step.ids.previous);
  const auto& next = s.next.at(step.ids.next);
  if (step.dropped_values.empty()) {
    for (const auto& v : step.created_values)
      out.push_back("ALTER TYPE " + enum_name(s.previous, step.ids.previous) + " ADD VALUE " + quote_string(v));
    if (out.size() > 1) {
      out[0] =
          "-- This migration adds more than one value to an enum.\n"
          "-- With PostgreSQL versions 11 and earlier, this is not possible\n"
          "-- in a single migration. This can be worked around by creating\n"
          "-- multiple migrations, each migration adding only one value to\n"
          "-- the enum.\n\n\n" +
          out[0];
    }
    return out;
  }
  std::string tmp = qualified(s.next, next.namespace_id, next.name + "_new");
  std::string old_name = prev.name + "_old";
  out.push_back("BEGIN");
  out.push_back("CREATE TYPE " + tmp + " AS ENUM (" + values_list(next.values) + ")");
  for (const auto& [col, _] : step.previous_usages_as_default) {
    ColumnView c(&s.previous, col);
    out.push_back("ALTER TABLE " + table_name(s.previous, c.get().table) + " ALTER COLUMN " + q(c.name()) +
                  " DROP DEFAULT");
  }
  for (uint32_t i = 0; i < s.next.columns.size(); ++i) {
    const auto& c = s.next.columns[i];
    if (c.type.family != schema::ColumnFamily::Enum || c.type.enum_id != step.ids.next) continue;
    std::string arr = c.type.arity == schema::Arity::List ? "[]" : "";
    out.push_back("ALTER TABLE " + table_name(s.next, c.table) + " ALTER COLUMN " + q(c.name) + " TYPE " + tmp + arr +
                  " USING (" + q(c.name) + "::text::" + tmp + arr + ")");
  }
  out.push_back("ALTER TYPE " + enum_name(s.previous, step.ids.previous) + " RENAME TO " + q(old_name));
  out.push_back("ALTER TYPE " + tmp + " RENAME TO " + q(next.name));
  out.push_back("DROP TYPE " + qualified(s.previous, prev.namespace_id, old_name));
  for (const auto& [prev_col, next_col] : step.previous_usages_as_default) {
    if (!next_col) continue;
    const auto& nc = s.next.at(*next_col);
    if (!nc.default_value) continue;
    auto d = render_default(*nc.default_value, render_column_type(s.next, *next_col));
    if (!d) continue;
    const auto& pc = s.previous.at(prev_col);
    out.push_back("ALTER TABLE " + table_name(s.previous, pc.table) + " ALTER COLUMN " + q(pc.name) +
                  " SET DEFAULT " + *d);
  }
  out.push_back("COMMIT");
  return out;
}

void render_alter_column(const diff::AlterColumn& ac, diff::Pair<const Schema&> s, std::vector<std::string>& before,
                         std::vector<std::string>& clauses, std::vector<std::string>& after) {
  ColumnView prev(&s.previous, ac.columns.previous);
  ColumnView next(&s.next, ac.columns.next);
  std::string prefix = "ALTER COLUMN " + q(prev.name());
  bool set_type = false;
  const auto& ch = ac.changes;
  // Prisma walks the changes in bit order: arity, default, type, autoincrement.
  if (ch.has(diff::ColumnChange::Arity)) {
    auto pa = prev.arity(), na = next.arity();
    using schema::Arity;
    if (pa == Arity::Required && na == Arity::Nullable) clauses.push_back(prefix + " DROP NOT NULL");
    else if (pa == Arity::Nullable && na == Arity::Required) clauses.push_back(prefix + " SET NOT NULL");
    else if (pa == Arity::List && na == Arity::Nullable) set_type = true, clauses.push_back(prefix + " DROP NOT NULL");
    else if (pa == Arity::List && na == Arity::Required) set_type = true, clauses.push_back(prefix + " SET NOT NULL");
    else if (na == Arity::List) set_type = true;
  }
  auto drop_default = [&]() {
    clauses.push_back(prefix + " DROP DEFAULT");
    const auto& pd = prev.default_value();
    if (pd && pd->kind == schema::DefaultKind::Sequence && !pd->expression.empty()) {
      bool still_used = false;
      for (uint32_t i = 0; i < s.next.columns.size(); ++i) {
        if (schema::ColumnId(i) == ac.columns.next) continue;
        const auto& d = s.next.columns[i].default_value;
        if (d && d->kind == schema::DefaultKind::Sequence && d->expression == pd->expression) still_used = true;
      }
      if (!still_used) after.push_back("DROP SEQUENCE " + q(pd->expression));
    }
  };
  if (ch.has(diff::ColumnChange::Default)) {
    const auto& nd = next.default_value();
    std::optional<std::string> rendered;
    if (nd) rendered = render_default(*nd, render_column_type(s.next, ac.columns.next));
    if (nd && rendered)
      clauses.push_back(prefix + " SET DEFAULT " + *rendered);
    else if (!nd)
      drop_default();
  }
  if (ch.has(diff::ColumnChange::TypeChanged)) set_type = true;
  if (ch.has(diff::ColumnChange::Autoincrement)) {
    if (prev.is_autoincrement()) {
      drop_default();
    } else {
      std::string ns;
      const auto& t = s.next.at(next.get().table);
      if (is_qualified_namespace(s.next, t.namespace_id)) ns = q(s.next.at(t.namespace_id).name) + ".";
      std::string seq = ns + t.name + "_" + next.name() + "_seq";
      for (char& c : seq) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      before.push_back("CREATE SEQUENCE " + seq);
      clauses.push_back(prefix + " SET DEFAULT nextval(" + quote_string(seq) + ")");
      after.push_back("ALTER SEQUENCE " + seq + " OWNED BY " + table_name(s.previous, prev.get().table) + "." +
                      q(prev.name()));
    }
  }
  if (set_type) clauses.push_back(prefix + " SET DATA TYPE " + render_column_type(s.next, ac.columns.next));
}

std::vector<std::string> render_alter_table(const diff::AlterTable& at, diff::Pair<const Schema&> s) {
  std::vector<std::string> before, lines, separate, after;
  TableView prev(&s.previous, at.tables.previous);
  TableView next(&s.next, at.tables.next);
  for (const auto& change : at.changes) {
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, diff::DropPrimaryKey>) {
            if (auto pk = prev.primary_key()) lines.push_back("DROP CONSTRAINT " + q(pk->name()));
          } else if constexpr (std::is_same_v<T, diff::RenamePrimaryKey>) {
            auto ppk = prev.primary_key();
            auto npk = next.primary_key();
            if (ppk && npk) separate.push_back("RENAME CONSTRAINT " + q(ppk->name()) + " TO " + q(npk->name()));
          } else if constexpr (std::is_same_v<T, diff::AddPrimaryKey>) {
            if (auto pk = next.primary_key()) {
              std::vector<std::string> cols;
              for (auto n : pk->column_names()) cols.emplace_back(n);
              std::string named = pk->name().empty() ? "" : "CONSTRAINT " + q(pk->name()) + " ";
              lines.push_back("ADD " + named + "PRIMARY KEY (" + join_quoted(cols, ", ") + ")");
            }
          } else if constexpr (std::is_same_v<T, diff::AddColumn>) {
            lines.push_back("ADD COLUMN " + render_column(s.next, c.column));
          } else if constexpr (std::is_same_v<T, diff::DropColumn>) {
            lines.push_back("DROP COLUMN " + q(s.previous.at(c.column).name));
          } else if constexpr (std::is_same_v<T, diff::AlterColumn>) {
            render_alter_column(c, s, before, lines, after);
          } else if constexpr (std::is_same_v<T, diff::DropAndRecreateColumn>) {
            lines.push_back("DROP COLUMN " + q(s.previous.at(c.columns.previous).name));
            lines.push_back("ADD COLUMN " + render_column(s.next, c.columns.next));
          }
        },
        change);
  }
  if (lines.empty()) return {};
  std::string tname = table_name(s.previous, at.tables.previous);
  for (const auto& l : separate) after.push_back("ALTER TABLE " + tname + " " + l);
  std::string joined;
  for (size_t i = 0; i < lines.size(); ++i) joined += (i ? ",\n" : "") + lines[i];
  std::vector<std::string> out = std::move(before);
  out.push_back("ALTER TABLE " + tname + " " + joined);
  for (auto& a : after) out.push_back(std::move(a));
  return out;
}

}  // namespace

std::string render_column_type(const Schema& s, schema::ColumnId id) {
  return written([&](SqlWriter& w) { append_column_type(w, s, id); });
}

std::string render_create_table(const Schema& s, schema::TableId id) {
  return written([&](SqlWriter& w) { append_create_table(w, s, id); });
}

std::vector<std::string> render_step(const diff::Step& step, diff::Pair<const Schema&> s,
                                     const RenderScriptOptions& options) {
  return std::visit(
      [&](const auto& st) -> std::vector<std::string> {
        using T = std::decay_t<decltype(st)>;
        if constexpr (std::is_same_v<T, diff::CreateSchema>) {
          if (!options.create_namespaces) return {};
          return {"CREATE SCHEMA IF NOT EXISTS " + q(s.next.at(st.ns).name)};
        } else if constexpr (std::is_same_v<T, diff::CreateExtension>) {
          const auto& e = s.next.postgres.extensions[st.id.value];
          std::string out = "CREATE EXTENSION IF NOT EXISTS " + q(e.name);
          if (!e.schema.empty() || !e.version.empty()) out += " WITH";
          if (!e.schema.empty()) out += " SCHEMA " + q(e.schema);
          if (!e.version.empty()) out += " VERSION " + q(e.version);
          return {out};
        } else if constexpr (std::is_same_v<T, diff::DropExtension>) {
          return {"DROP EXTENSION " + q(s.previous.postgres.extensions[st.id.value].name)};
        } else if constexpr (std::is_same_v<T, diff::AlterExtension>) {
          std::vector<std::string> out;
          const auto& pe = s.previous.postgres.extensions[st.ids.previous.value];
          const auto& ne = s.next.postgres.extensions[st.ids.next.value];
          if (st.version_changed) out.push_back("ALTER EXTENSION " + q(pe.name) + " UPDATE TO " + q(ne.version));
          if (st.schema_changed) out.push_back("ALTER EXTENSION " + q(pe.name) + " SET SCHEMA " + q(ne.schema));
          return out;
        } else if constexpr (std::is_same_v<T, diff::AlterSequence>) {
          return {};  // Only CockroachDB alters sequences.
        } else if constexpr (std::is_same_v<T, diff::CreateEnum>) {
          return {written([&](SqlWriter& w) { append_create_enum(w, s.next, st.id); })};
        } else if constexpr (std::is_same_v<T, diff::AlterEnum>) {
          return render_alter_enum(st, s);
        } else if constexpr (std::is_same_v<T, diff::DropForeignKey>) {
          const auto& fk = s.previous.at(st.id);
          return {"ALTER TABLE " + table_name(s.previous, fk.table) + " DROP CONSTRAINT " + q(fk.name)};
        } else if constexpr (std::is_same_v<T, diff::DropIndex>) {
          return {render_drop_index(s.previous, st.id)};
        } else if constexpr (std::is_same_v<T, diff::AlterTable>) {
          return render_alter_table(st, s);
        } else if constexpr (std::is_same_v<T, diff::AlterPrimaryKey>) {
          return {};  // PostgreSQL drops and re-adds the key inside AlterTable instead.
        } else if constexpr (std::is_same_v<T, diff::DropTable>) {
          return {"DROP TABLE " + table_name(s.previous, st.id)};
        } else if constexpr (std::is_same_v<T, diff::DropEnum>) {
          return {"DROP TYPE " + enum_name(s.previous, st.id)};
        } else if constexpr (std::is_same_v<T, diff::CreateTable>) {
          return {render_create_table(s.next, st.id)};
        } else if constexpr (std::is_same_v<T, diff::RedefineTables>) {
          return {};  // SQLite only.
        } else if constexpr (std::is_same_v<T, diff::CreateIndex>) {
          return {render_create_index(s.next, st.id)};
        } else if constexpr (std::is_same_v<T, diff::RenameForeignKey>) {
          const auto& pf = s.previous.at(st.ids.previous);
          const auto& nf = s.next.at(st.ids.next);
          return {"ALTER TABLE " + table_name(s.previous, pf.table) + " RENAME CONSTRAINT " + q(pf.name) + " TO " +
                  q(nf.name)};
        } else if constexpr (std::is_same_v<T, diff::AddForeignKey>) {
          return {written([&](SqlWriter& w) { append_add_foreign_key(w, s.next, st.id); })};
        } else if constexpr (std::is_same_v<T, diff::RenameIndex>) {
          const auto& pi = s.previous.at(st.ids.previous);
          return {"ALTER INDEX " + qualified(s.previous, s.previous.at(pi.table).namespace_id, pi.name) +
                  " RENAME TO " + q(s.next.at(st.ids.next).name)};
        } else {
          static_assert(std::is_same_v<T, diff::RedefineIndex>);
          return {render_drop_index(s.previous, st.ids.previous), render_create_index(s.next, st.ids.next)};
        }
      },
      step);
}

namespace {

/// Rendering an index or a foreign key reads the records of its table and columns, which
/// rendering the tables left long out of cache (a schema of 5,000 models has ~10 MB of
/// columns): they are fetched some steps ahead, in two stages since the column list itself
/// is a separate block. Stage 0 fetches a step's column list, stage 1 what the list names.
/// Always inlined: GCC takes a function that only prefetches for one without effects, and
/// drops the calls.
[[gnu::always_inline]] inline void prefetch_step(const Schema& s, const diff::Step& step, int stage) {
  auto fetch_columns = [&](const std::vector<schema::ColumnId>& ids) {
    for (auto c : ids) __builtin_prefetch(&s.columns[c.value]);
  };
  if (const auto* ci = std::get_if<diff::CreateIndex>(&step)) {
    const auto& ix = s.at(ci->id);
    if (stage == 0) {
      __builtin_prefetch(ix.columns.data());
      __builtin_prefetch(&s.tables[ix.table.value]);
    } else {
      for (const auto& c : ix.columns) __builtin_prefetch(&s.columns[c.column.value]);
    }
  } else if (const auto* af = std::get_if<diff::AddForeignKey>(&step)) {
    const auto& fk = s.at(af->id);
    if (stage == 0) {
      __builtin_prefetch(fk.columns.data());
      __builtin_prefetch(fk.referenced_columns.data());
      __builtin_prefetch(&s.tables[fk.table.value]);
      __builtin_prefetch(&s.tables[fk.referenced_table.value]);
    } else {
      fetch_columns(fk.columns);
      fetch_columns(fk.referenced_columns);
    }
  }
}

}  // namespace

std::string render_script(const diff::Migration& migration, diff::Pair<const Schema&> s,
                          const RenderScriptOptions& options) {
  // A generous estimate of the script's size, so that it is built without regrowing.
  size_t estimate = 0;
  for (const auto& step : migration.steps) {
    if (const auto* ct = std::get_if<diff::CreateTable>(&step)) estimate += 96 + 64 * s.next.at(ct->id).columns.size();
    else estimate += 160;
  }
  ScriptWriter w(estimate);
  // How many steps ahead prefetch_step's two stages run; only for schemas whose columns do
  // not stay in cache (below that it is instructions for nothing).
  constexpr size_t kListAhead = 16, kColumnsAhead = 8;
  const bool prefetch = s.next.columns.size() * sizeof(schema::Column) > (2u << 20);
  const auto& steps = migration.steps;
  // The statements of a fresh schema are appended in place; the others go through render_step.
  for (size_t i = 0; i < steps.size(); ++i) {
    const auto& step = steps[i];
    if (prefetch) {
      if (i + kListAhead < steps.size()) prefetch_step(s.next, steps[i + kListAhead], 0);
      if (i + kColumnsAhead < steps.size()) prefetch_step(s.next, steps[i + kColumnsAhead], 1);
    }
    if (const auto* ct = std::get_if<diff::CreateTable>(&step)) {
      w.begin_statement("CreateTable");
      append_create_table(w.out(), s.next, ct->id);
    } else if (const auto* ci = std::get_if<diff::CreateIndex>(&step)) {
      w.begin_statement("CreateIndex");
      append_create_index(w.out(), s.next, ci->id);
    } else if (const auto* fk = std::get_if<diff::AddForeignKey>(&step)) {
      w.begin_statement("AddForeignKey");
      append_add_foreign_key(w.out(), s.next, fk->id);
    } else if (const auto* ce = std::get_if<diff::CreateEnum>(&step)) {
      w.begin_statement("CreateEnum");
      append_create_enum(w.out(), s.next, ce->id);
    } else {
      w.add_statements(diff::step_name(step), render_step(step, s, options));
      continue;
    }
    w.end_statement();
  }
  return std::move(w).finish();
}

}  // namespace zen::dialect::postgres
