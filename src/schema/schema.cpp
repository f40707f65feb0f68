// Schema builders, lookups and the text dump used by snapshot tests.
#include "schema/schema.h"

#include <fmt/format.h>

#include "base/result.h"

namespace zen::schema {

NamespaceId Schema::add_namespace(std::string name) {
  namespaces.push_back(Namespace{std::move(name)});
  return NamespaceId(static_cast<uint32_t>(namespaces.size() - 1));
}

TableId Schema::add_table(NamespaceId ns, std::string name) {
  Table t;
  t.namespace_id = ns;
  t.name = std::move(name);
  tables.push_back(std::move(t));
  return TableId(static_cast<uint32_t>(tables.size() - 1));
}

ColumnId Schema::add_column(Column column) {
  ColumnId id(static_cast<uint32_t>(columns.size()));
  tables[column.table.value].columns.push_back(id);
  columns.push_back(std::move(column));
  return id;
}

IndexId Schema::add_index(Index index) {
  IndexId id(static_cast<uint32_t>(indexes.size()));
  tables[index.table.value].indexes.push_back(id);
  indexes.push_back(std::move(index));
  return id;
}

ForeignKeyId Schema::add_foreign_key(ForeignKey fk) {
  ForeignKeyId id(static_cast<uint32_t>(foreign_keys.size()));
  tables[fk.table.value].foreign_keys.push_back(id);
  foreign_keys.push_back(std::move(fk));
  return id;
}

EnumId Schema::add_enum(Enum e) {
  enums.push_back(std::move(e));
  return EnumId(static_cast<uint32_t>(enums.size() - 1));
}

std::optional<NamespaceId> Schema::find_namespace(std::string_view name) const {
  for (size_t i = 0; i < namespaces.size(); ++i)
    if (namespaces[i].name == name) return NamespaceId(static_cast<uint32_t>(i));
  return std::nullopt;
}

std::optional<TableId> Schema::find_table(std::string_view name, std::optional<NamespaceId> ns) const {
  for (size_t i = 0; i < tables.size(); ++i) {
    if (tables[i].name != name) continue;
    if (ns && tables[i].namespace_id != *ns) continue;
    return TableId(static_cast<uint32_t>(i));
  }
  return std::nullopt;
}

std::optional<ColumnId> Schema::find_column(TableId table, std::string_view name) const {
  for (ColumnId c : tables[table.value].columns)
    if (columns[c.value].name == name) return c;
  return std::nullopt;
}

std::optional<EnumId> Schema::find_enum(std::string_view name, std::optional<NamespaceId> ns) const {
  for (size_t i = 0; i < enums.size(); ++i) {
    if (enums[i].name != name) continue;
    if (ns && enums[i].namespace_id != *ns) continue;
    return EnumId(static_cast<uint32_t>(i));
  }
  return std::nullopt;
}

std::optional<IndexId> Schema::primary_key(TableId table) const {
  for (IndexId i : tables[table.value].indexes)
    if (indexes[i.value].kind == IndexKind::PrimaryKey) return i;
  return std::nullopt;
}

const char* column_family_name(ColumnFamily f) {
  switch (f) {
    case ColumnFamily::Int: return "Int";
    case ColumnFamily::BigInt: return "BigInt";
    case ColumnFamily::Float: return "Float";
    case ColumnFamily::Decimal: return "Decimal";
    case ColumnFamily::Boolean: return "Boolean";
    case ColumnFamily::String: return "String";
    case ColumnFamily::DateTime: return "DateTime";
    case ColumnFamily::Json: return "Json";
    case ColumnFamily::Binary: return "Binary";
    case ColumnFamily::Uuid: return "Uuid";
    case ColumnFamily::Enum: return "Enum";
    case ColumnFamily::Unsupported: return "Unsupported";
  }
  ZEN_UNREACHABLE("bad ColumnFamily");
}

const char* referential_action_name(ReferentialAction a) {
  switch (a) {
    case ReferentialAction::NoAction: return "NoAction";
    case ReferentialAction::Restrict: return "Restrict";
    case ReferentialAction::Cascade: return "Cascade";
    case ReferentialAction::SetNull: return "SetNull";
    case ReferentialAction::SetDefault: return "SetDefault";
  }
  ZEN_UNREACHABLE("bad ReferentialAction");
}

const char* index_algorithm_name(IndexAlgorithm a) {
  switch (a) {
    case IndexAlgorithm::BTree: return "BTree";
    case IndexAlgorithm::Hash: return "Hash";
    case IndexAlgorithm::Gist: return "Gist";
    case IndexAlgorithm::Gin: return "Gin";
    case IndexAlgorithm::SpGist: return "SpGist";
    case IndexAlgorithm::Brin: return "Brin";
  }
  ZEN_UNREACHABLE("bad IndexAlgorithm");
}

namespace {

std::string dump_literal(const Literal& l) {
  switch (l.kind) {
    case LiteralKind::String: return fmt::format("'{}'", l.text);
    case LiteralKind::Bytes: return fmt::format("bytes({})", l.text);
    case LiteralKind::Json: return fmt::format("json({})", l.text);
    case LiteralKind::Null: return "null";
    case LiteralKind::List: {
      std::string out = "[";
      for (size_t i = 0; i < l.items.size(); ++i) out += (i ? ", " : "") + dump_literal(l.items[i]);
      return out + "]";
    }
    default: return l.text;
  }
}

std::string dump_default(const DefaultValue& d) {
  switch (d.kind) {
    case DefaultKind::Value: return dump_literal(d.value);
    case DefaultKind::Now: return "now()";
    case DefaultKind::Sequence: return fmt::format("sequence({})", d.expression);
    case DefaultKind::DbGenerated: return fmt::format("dbgenerated({})", d.expression);
  }
  ZEN_UNREACHABLE("bad DefaultKind");
}

std::string qualified(const Schema& s, NamespaceId ns, const std::string& name) {
  if (!ns.valid() || s.at(ns).name.empty()) return name;
  return s.at(ns).name + "." + name;
}

}  // namespace

std::string dump(const Schema& s) {
  std::string out;
  for (const auto& ns : s.namespaces)
    if (!ns.name.empty()) out += fmt::format("namespace {}\n", ns.name);
  for (const auto& e : s.enums) {
    out += fmt::format("enum {} {{", qualified(s, e.namespace_id, e.name));
    for (size_t i = 0; i < e.values.size(); ++i) out += (i ? ", " : " ") + e.values[i];
    out += " }\n";
  }
  for (const auto& t : s.tables) {
    out += fmt::format("table {}\n", qualified(s, t.namespace_id, t.name));
    for (ColumnId cid : t.columns) {
      const Column& c = s.at(cid);
      const char* arity = c.type.arity == Arity::Required ? "" : c.type.arity == Arity::Nullable ? "?" : "[]";
      out += fmt::format("  column {} {}{} ({})", c.name, c.type.full_type, arity, column_family_name(c.type.family));
      if (c.auto_increment) out += " autoincrement";
      if (c.default_value) out += " default " + dump_default(*c.default_value);
      out += "\n";
    }
    for (IndexId iid : t.indexes) {
      const Index& ix = s.at(iid);
      const char* kind = ix.kind == IndexKind::PrimaryKey ? "primary key"
                         : ix.kind == IndexKind::Unique   ? "unique"
                         : ix.kind == IndexKind::Fulltext ? "fulltext"
                                                          : "index";
      out += fmt::format("  {} {} (", kind, ix.name);
      for (size_t i = 0; i < ix.columns.size(); ++i) {
        const IndexColumn& ic = ix.columns[i];
        out += (i ? ", " : "") + s.at(ic.column).name;
        if (ic.sort) out += *ic.sort == SortOrder::Asc ? " asc" : " desc";
        if (ic.length) out += fmt::format("({})", *ic.length);
        if (!ic.operator_class.empty()) out += " " + ic.operator_class;
      }
      out += ")";
      if (ix.algorithm) out += fmt::format(" using {}", index_algorithm_name(*ix.algorithm));
      out += "\n";
    }
    for (ForeignKeyId fid : t.foreign_keys) {
      const ForeignKey& fk = s.at(fid);
      out += fmt::format("  foreign key {}(", fk.name.empty() ? "" : fk.name + " ");
      for (size_t i = 0; i < fk.columns.size(); ++i) out += (i ? ", " : "") + s.at(fk.columns[i]).name;
      const Table& rt = s.at(fk.referenced_table);
      out += fmt::format(") -> {} (", qualified(s, rt.namespace_id, rt.name));
      for (size_t i = 0; i < fk.referenced_columns.size(); ++i)
        out += (i ? ", " : "") + s.at(fk.referenced_columns[i]).name;
      out += fmt::format(") on delete {} on update {}\n", referential_action_name(fk.on_delete),
                         referential_action_name(fk.on_update));
    }
  }
  for (const auto& seq : s.postgres.sequences)
    out += fmt::format("sequence {} start {} increment {} min {} max {} cache {}{}\n",
                       qualified(s, seq.namespace_id, seq.name), seq.start, seq.increment, seq.min_value,
                       seq.max_value, seq.cache, seq.cycle ? " cycle" : "");
  for (const auto& ext : s.postgres.extensions)
    out += fmt::format("extension {}{}{}\n", ext.name, ext.schema.empty() ? "" : " schema " + ext.schema,
                       ext.version.empty() ? "" : " version " + ext.version);
  return out;
}

}  // namespace zen::schema
