// SQLite introspection.
#include "dialect/sqlite/introspect.h"

#include "base/strings.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "dialect/dialect.h"

namespace zen::dialect::sqlite {

using schema::ColumnFamily;

namespace {

bool is_number(std::string_view s) {
  if (s.empty()) return false;
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) digits = true;
    else if (s[i] == '.' && !dot) dot = true;
    else return false;
  }
  return digits;
}

schema::ReferentialAction parse_action(std::string_view s) {
  std::string a = ascii_lower(s);
  if (a == "cascade") return schema::ReferentialAction::Cascade;
  if (a == "restrict") return schema::ReferentialAction::Restrict;
  if (a == "set null") return schema::ReferentialAction::SetNull;
  if (a == "set default") return schema::ReferentialAction::SetDefault;
  return schema::ReferentialAction::NoAction;
}

int64_t to_int(const db::Value& v) { return v ? std::stoll(*v) : 0; }

}  // namespace

ColumnFamily family_for_type(std::string_view declared) {
  std::string t = ascii_lower(trim_copy(declared));
  auto base = t.substr(0, t.find('('));
  base = trim_copy(base);
  if (base == "integer" || base == "int") return ColumnFamily::Int;
  if (base == "bigint") return ColumnFamily::BigInt;
  if (base == "real" || base == "float" || base == "double" || base == "double precision") return ColumnFamily::Float;
  if (base == "decimal" || base == "numeric") return ColumnFamily::Decimal;
  if (base == "boolean") return ColumnFamily::Boolean;
  if (base == "text" || base == "varchar" || base == "char" || base == "string" || base.empty())
    return ColumnFamily::String;
  if (base == "datetime" || base == "date" || base == "timestamp") return ColumnFamily::DateTime;
  if (base == "blob") return ColumnFamily::Binary;
  if (base == "jsonb" || base == "json") return ColumnFamily::Json;
  return ColumnFamily::Unsupported;
}

std::optional<schema::DefaultValue> parse_default(std::string_view raw, ColumnFamily family) {
  std::string text = trim_copy(raw);
  if (text.empty() || ascii_lower(text) == "null") return std::nullopt;
  schema::DefaultValue d;
  if (ascii_lower(text) == "current_timestamp") {
    d.kind = schema::DefaultKind::Now;
    return d;
  }
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
    std::string v;
    for (size_t i = 1; i + 1 < text.size(); ++i) {
      v += text[i];
      if (text[i] == '\'' && i + 2 < text.size() && text[i + 1] == '\'') ++i;
    }
    d.value.text = v;
    switch (family) {
      case ColumnFamily::Binary: d.value.kind = schema::LiteralKind::Bytes; break;
      case ColumnFamily::DateTime: d.value.kind = schema::LiteralKind::DateTime; break;
      case ColumnFamily::Json: d.value.kind = schema::LiteralKind::Json; break;
      default: d.value.kind = schema::LiteralKind::String; break;
    }
    return d;
  }
  if (family == ColumnFamily::Boolean && (ascii_lower(text) == "true" || ascii_lower(text) == "false")) {
    d.value = {schema::LiteralKind::Boolean, ascii_lower(text), {}};
    return d;
  }
  if (is_number(text)) {
    switch (family) {
      case ColumnFamily::Int:
      case ColumnFamily::BigInt: d.value = {schema::LiteralKind::Int, text, {}}; return d;
      case ColumnFamily::Float: d.value = {schema::LiteralKind::Float, text, {}}; return d;
      case ColumnFamily::Decimal: d.value = {schema::LiteralKind::Decimal, text, {}}; return d;
      case ColumnFamily::Boolean:
        d.value = {schema::LiteralKind::Boolean, text == "0" ? "false" : "true", {}};
        return d;
      default: break;
    }
  }
  if (family == ColumnFamily::Json) {
    d.value = {schema::LiteralKind::Json, text, {}};
    return d;
  }
  d.kind = schema::DefaultKind::DbGenerated;
  d.expression = text;
  return d;
}

Result<schema::Schema> introspect(db::Connection& conn) {
  schema::Schema s;
  s.provider = Provider::Sqlite;
  auto ns = s.add_namespace("");
  ZEN_ASSIGN_OR_RETURN(auto tables, conn.query("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                               "AND name <> '_prisma_migrations' ORDER BY name"));
  std::vector<std::string> sqls;
  for (const auto& row : tables.rows) {
    s.add_table(ns, row[0].value_or(""));
    sqls.push_back(row[1].value_or(""));
  }
  for (uint32_t ti = 0; ti < s.tables.size(); ++ti) {
    schema::TableId tid(ti);
    std::string tname = s.at(tid).name;
    ZEN_ASSIGN_OR_RETURN(auto cols, conn.query("SELECT cid, name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid",
                                               {tname}));
    std::vector<std::pair<int64_t, schema::ColumnId>> pk_cols;
    for (const auto& r : cols.rows) {
      schema::Column c;
      c.table = tid;
      c.name = r[1].value_or("");
      std::string declared = r[2].value_or("");
      c.type.family = family_for_type(declared);
      c.type.full_type = declared;
      c.type.arity = to_int(r[3]) ? schema::Arity::Required : schema::Arity::Nullable;
      if (r[4]) c.default_value = parse_default(*r[4], c.type.family);
      auto id = s.add_column(std::move(c));
      if (int64_t pk = to_int(r[5])) pk_cols.push_back({pk, id});
    }
    if (!pk_cols.empty()) {
      std::sort(pk_cols.begin(), pk_cols.end());
      schema::Index pk;
      pk.table = tid;
      pk.kind = schema::IndexKind::PrimaryKey;
      for (auto& [_, id] : pk_cols) pk.columns.push_back({id, std::nullopt, std::nullopt, ""});
      if (pk_cols.size() == 1) {
        auto& c = s.at(pk_cols[0].second);
        std::string sql = ascii_lower(sqls[ti]);
        if (c.type.family == ColumnFamily::Int && sql.find("autoincrement") != std::string::npos) c.auto_increment = true;
      }
      s.add_index(std::move(pk));
    }

    ZEN_ASSIGN_OR_RETURN(auto idx, conn.query("SELECT name, \"unique\", origin FROM pragma_index_list(?) ORDER BY name", {tname}));
    for (const auto& r : idx.rows) {
      std::string origin = r[2].value_or("");
      if (origin == "pk") continue;
      schema::Index ix;
      ix.table = tid;
      ix.name = r[0].value_or("");
      ix.kind = to_int(r[1]) ? schema::IndexKind::Unique : schema::IndexKind::Normal;
      ZEN_ASSIGN_OR_RETURN(auto xs, conn.query("SELECT seqno, cid, name, \"desc\", key FROM pragma_index_xinfo(?) ORDER BY seqno", {ix.name}));
      bool ok = true;
      for (const auto& x : xs.rows) {
        if (!to_int(x[4])) continue;
        if (!x[2]) { ok = false; break; }  // an expression index: not something Prisma creates
        auto col = s.find_column(tid, *x[2]);
        if (!col) { ok = false; break; }
        schema::IndexColumn ic;
        ic.column = *col;
        if (to_int(x[3])) ic.sort = schema::SortOrder::Desc;
        ix.columns.push_back(ic);
      }
      if (ok && !ix.columns.empty()) s.add_index(std::move(ix));
    }
  }
  // Foreign keys need every table's columns, so they come last.
  for (uint32_t ti = 0; ti < s.tables.size(); ++ti) {
    schema::TableId tid(ti);
    ZEN_ASSIGN_OR_RETURN(auto fks, conn.query("SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id DESC, seq",
                                              {s.at(tid).name}));
    std::map<int64_t, size_t> by_id;
    std::vector<schema::ForeignKey> list;
    std::vector<std::vector<std::optional<std::string>>> targets;
    for (const auto& r : fks.rows) {
      int64_t id = to_int(r[0]);
      auto it = by_id.find(id);
      if (it == by_id.end()) {
        schema::ForeignKey fk;
        fk.table = tid;
        auto ref = s.find_table(r[2].value_or(""));
        if (!ref) continue;  // a key to a missing table; SQLite allows it, we cannot model it
        fk.referenced_table = *ref;
        fk.on_update = parse_action(r[5].value_or(""));
        fk.on_delete = parse_action(r[6].value_or(""));
        it = by_id.emplace(id, list.size()).first;
        list.push_back(std::move(fk));
        targets.emplace_back();
      }
      auto& fk = list[it->second];
      auto col = s.find_column(tid, r[3].value_or(""));
      if (!col) continue;
      fk.columns.push_back(*col);
      targets[it->second].push_back(r[4]);
    }
    for (size_t i = 0; i < list.size(); ++i) {
      auto& fk = list[i];
      bool ok = !fk.columns.empty();
      for (size_t k = 0; k < targets[i].size() && ok; ++k) {
        std::optional<schema::ColumnId> rc;
        if (targets[i][k]) {
          rc = s.find_column(fk.referenced_table, *targets[i][k]);
        } else if (auto pk = s.primary_key(fk.referenced_table); pk && k < s.at(*pk).columns.size()) {
          rc = s.at(*pk).columns[k].column;  // REFERENCES "T" without columns means its primary key
        }
        if (!rc) ok = false;
        else fk.referenced_columns.push_back(*rc);
      }
      if (ok) s.add_foreign_key(std::move(fk));
    }
  }
  return s;
}

}  // namespace zen::dialect::sqlite
