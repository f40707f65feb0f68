// PostgreSQL normalisation: canonical type spellings and families, SERIAL sequence names.
#include "dialect/postgres/normalize.h"

#include "base/strings.h"

#include <algorithm>
#include <cctype>

namespace zen::dialect::postgres {

namespace {

/// Splits "name(args) suffix" into name, "(args)" without spaces, and the suffix.
struct TypeParts {
  std::string name;
  std::string args;  // "(10,2)" or ""
  std::string suffix;
};

TypeParts split_type(const std::string& t) {
  TypeParts p;
  size_t open = t.find('(');
  if (open == std::string::npos) {
    p.name = t;
    return p;
  }
  size_t close = t.find(')', open);
  if (close == std::string::npos) {
    p.name = t;
    return p;
  }
  p.name = trim_copy(t.substr(0, open));
  for (char c : t.substr(open, close - open + 1))
    if (!std::isspace(static_cast<unsigned char>(c))) p.args += c;
  p.suffix = trim_copy(t.substr(close + 1));
  return p;
}

}  // namespace

std::string canonical_type(std::string_view type) {
  std::string t = ascii_lower(trim_copy(type));
  if (t.empty()) return std::string(type);
  TypeParts p = split_type(t);
  std::string name = p.name;
  std::string suffix = p.suffix;
  // "timestamp without time zone" / "timestamp(3) with time zone": the zone part may come
  // before (no args) or after the arguments.
  bool with_tz = false;
  auto take_zone = [&](std::string& s) {
    if (s.size() >= 14 && s.compare(s.size() - 14, 14, "with time zone") == 0 &&
        !(s.size() >= 17 && s.compare(s.size() - 17, 17, "without time zone") == 0)) {
      with_tz = true;
      s = trim_copy(s.substr(0, s.size() - 14));
    } else if (s.size() >= 17 && s.compare(s.size() - 17, 17, "without time zone") == 0) {
      s = trim_copy(s.substr(0, s.size() - 17));
    }
  };
  take_zone(name);
  take_zone(suffix);
  if (!suffix.empty()) return std::string(type);
  const std::string& a = p.args;
  if (name == "integer" || name == "int" || name == "int4") return "INTEGER";
  if (name == "bigint" || name == "int8") return "BIGINT";
  if (name == "smallint" || name == "int2") return "SMALLINT";
  if (name == "serial" || name == "serial4") return "INTEGER";
  if (name == "bigserial" || name == "serial8") return "BIGINT";
  if (name == "smallserial" || name == "serial2") return "SMALLINT";
  if (name == "text") return "TEXT";
  if (name == "character varying" || name == "varchar") return "VARCHAR" + a;
  if (name == "character" || name == "char" || name == "bpchar") return "CHAR" + a;
  if (name == "numeric" || name == "decimal") return "DECIMAL" + a;
  if (name == "real" || name == "float4") return "REAL";
  if (name == "double precision" || name == "doubleprecision" || name == "float8") return "DOUBLE PRECISION";
  if (name == "boolean" || name == "bool") return "BOOLEAN";
  if (name == "timestamp") return (with_tz ? "TIMESTAMPTZ" : "TIMESTAMP") + a;
  if (name == "timestamptz") return "TIMESTAMPTZ" + a;
  if (name == "time") return (with_tz ? "TIMETZ" : "TIME") + a;
  if (name == "timetz") return "TIMETZ" + a;
  if (name == "date") return "DATE";
  if (name == "jsonb") return "JSONB";
  if (name == "json") return "JSON";
  if (name == "bytea") return "BYTEA";
  if (name == "uuid") return "UUID";
  if (name == "xml") return "XML";
  if (name == "inet") return "INET";
  if (name == "money") return "MONEY";
  if (name == "oid") return "OID";
  if (name == "citext") return "CITEXT";
  if (name == "bit") return "BIT" + a;
  if (name == "bit varying" || name == "varbit") return "VARBIT" + a;
  return std::string(type);
}

std::optional<schema::ColumnFamily> family_of_type(std::string_view t) {
  using F = schema::ColumnFamily;
  // The type name before any "(args)".
  std::string_view name = t.substr(0, t.find('('));
  auto base = [&](std::string_view p) { return name == p; };
  if (base("INTEGER") || base("SMALLINT") || base("OID")) return F::Int;
  if (base("BIGINT")) return F::BigInt;
  if (base("REAL") || base("DOUBLE PRECISION")) return F::Float;
  if (base("DECIMAL") || base("MONEY")) return F::Decimal;
  if (base("BOOLEAN")) return F::Boolean;
  if (base("TEXT") || base("VARCHAR") || base("CHAR") || base("XML") || base("INET") || base("CITEXT") ||
      base("BIT") || base("VARBIT"))
    return F::String;
  if (base("UUID")) return F::Uuid;
  if (base("TIMESTAMP") || base("TIMESTAMPTZ") || base("DATE") || base("TIME") || base("TIMETZ")) return F::DateTime;
  if (base("JSON") || base("JSONB")) return F::Json;
  if (base("BYTEA")) return F::Binary;
  return std::nullopt;
}

std::string prisma_type_name(std::string_view t) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"DOUBLE PRECISION", "DoublePrecision"}, {"TIMESTAMPTZ", "Timestamptz"}, {"TIMESTAMP", "Timestamp"},
      {"SMALLINT", "SmallInt"}, {"INTEGER", "Integer"}, {"BIGINT", "BigInt"}, {"DECIMAL", "Decimal"},
      {"REAL", "Real"}, {"VARCHAR", "VarChar"}, {"CHAR", "Char"}, {"TEXT", "Text"}, {"BYTEA", "ByteA"},
      {"TIMETZ", "Timetz"}, {"TIME", "Time"}, {"DATE", "Date"}, {"BOOLEAN", "Boolean"}, {"VARBIT", "VarBit"},
      {"BIT", "Bit"}, {"UUID", "Uuid"}, {"XML", "Xml"}, {"JSONB", "JsonB"}, {"JSON", "Json"}, {"INET", "Inet"},
      {"MONEY", "Money"}, {"OID", "Oid"}, {"CITEXT", "Citext"}};
  std::string_view name = t.substr(0, t.find('('));
  for (const auto& [upper, prisma] : kNames)
    if (name == upper) return std::string(prisma) + std::string(t.substr(name.size()));
  return std::string(t);
}

const char* type_for_family(schema::ColumnFamily family) {
  using F = schema::ColumnFamily;
  switch (family) {
    case F::Int: return "INTEGER";
    case F::BigInt: return "BIGINT";
    case F::Float: return "DOUBLE PRECISION";
    case F::Decimal: return "DECIMAL(65,30)";
    case F::Boolean: return "BOOLEAN";
    case F::String: return "TEXT";
    case F::DateTime: return "TIMESTAMP(3)";
    case F::Json: return "JSONB";
    case F::Binary: return "BYTEA";
    case F::Uuid: return "UUID";
    case F::Enum:
    case F::Unsupported: return "";
  }
  return "";
}

void normalize(schema::Schema& s) {
  // A schema spells few distinct types: each is canonicalised (and its family found) once.
  struct Canonical {
    std::string from, to;
    std::optional<schema::ColumnFamily> family;
  };
  std::vector<Canonical> canonical;
  auto canonical_of = [&](const std::string& type) -> const Canonical& {
    for (const auto& c : canonical)
      if (c.from == type) return c;
    std::string to = canonical_type(type);
    auto family = family_of_type(to);
    return canonical.emplace_back(Canonical{type, std::move(to), family});
  };
  // The family's default types, with their lengths (assigned to every column without @db.*).
  std::string_view by_family[static_cast<size_t>(schema::ColumnFamily::Unsupported) + 1];
  for (size_t f = 0; f < std::size(by_family); ++f) by_family[f] = type_for_family(static_cast<schema::ColumnFamily>(f));
  for (auto& col : s.columns) {
    auto family = col.type.family;
    if (family != schema::ColumnFamily::Enum && family != schema::ColumnFamily::Unsupported) {
      // Lowering leaves full_type empty for the family's default type, or `@db.X(args)` as
      // written; an already normalised (or introspected) column keeps its spelling.
      if (col.type.full_type.empty()) {
        // The family's own type maps back to the family: nothing to recompute.
        col.type.full_type = by_family[static_cast<size_t>(family)];
        continue;
      }
      const Canonical& c = canonical_of(col.type.full_type);
      col.type.full_type = c.to;
      if (c.family) col.type.family = *c.family;
    }
  }
  // Prisma creates (and lists) the schemas of a multi-schema datasource in name order.
  std::vector<uint32_t> order(s.namespaces.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return s.namespaces[a].name < s.namespaces[b].name; });
  std::vector<uint32_t> new_index(order.size());
  std::vector<schema::Namespace> sorted;
  for (uint32_t i = 0; i < order.size(); ++i) {
    new_index[order[i]] = i;
    sorted.push_back(s.namespaces[order[i]]);
  }
  s.namespaces = std::move(sorted);
  auto remap = [&](schema::NamespaceId& id) {
    if (id.valid() && id.value < new_index.size()) id = schema::NamespaceId(new_index[id.value]);
  };
  for (auto& t : s.tables) remap(t.namespace_id);
  for (auto& e : s.enums) remap(e.namespace_id);
  for (auto& q : s.postgres.sequences) remap(q.namespace_id);
}

bool is_default_operator_class(std::string_view opclass, std::optional<schema::IndexAlgorithm> algorithm,
                               const schema::Column& column) {
  using A = schema::IndexAlgorithm;
  A algo = algorithm.value_or(A::BTree);
  bool list = column.type.arity == schema::Arity::List;
  const std::string& t = column.type.full_type;
  if (algo == A::Gin) {
    if (list) return opclass == "array_ops";
    return opclass == "jsonb_ops" && t == "JSONB";
  }
  if (list) return opclass == "array_ops";
  if (column.type.family == schema::ColumnFamily::Enum) return opclass == "enum_ops";
  // The default B-tree/hash/BRIN operator class of each type Prisma renders.
  std::string base;
  auto starts = [&](std::string_view p) { return t == p || t.rfind(std::string(p) + "(", 0) == 0; };
  if (starts("TEXT") || starts("VARCHAR")) base = "text";
  else if (starts("CHAR")) base = "bpchar";
  else if (starts("INTEGER")) base = "int4";
  else if (starts("SMALLINT")) base = "int2";
  else if (starts("BIGINT")) base = "int8";
  else if (starts("DECIMAL")) base = "numeric";
  else if (starts("REAL")) base = "float4";
  else if (starts("DOUBLE PRECISION")) base = "float8";
  else if (starts("BOOLEAN")) base = "bool";
  else if (starts("TIMESTAMPTZ")) base = "timestamptz";
  else if (starts("TIMESTAMP")) base = "timestamp";
  else if (starts("DATE")) base = "date";
  else if (starts("TIMETZ")) base = "timetz";
  else if (starts("TIME")) base = "time";
  else if (starts("UUID")) base = "uuid";
  else if (starts("BYTEA")) base = "bytea";
  else if (starts("INET")) base = "inet";
  else if (starts("MONEY")) base = "money";
  else if (starts("OID")) base = "oid";
  else if (starts("BIT")) base = "bit";
  else if (starts("VARBIT")) base = "varbit";
  else if (starts("JSONB")) base = "jsonb";
  else if (starts("CITEXT")) base = "citext";
  else return false;
  if (algo == A::Brin) return opclass == base + "_minmax_ops" || (base == "inet" && opclass == "inet_inclusion_ops");
  if (algo == A::Gist || algo == A::SpGist) return false;
  return opclass == base + "_ops";
}

bool uses_qualified_names(const schema::Schema& s) {
  size_t named = 0;
  for (const auto& ns : s.namespaces)
    if (!ns.name.empty()) ++named;
  return named > 1;
}

bool is_qualified_namespace(const schema::Schema& s, schema::NamespaceId ns) {
  if (!uses_qualified_names(s) || !ns.valid() || ns.value >= s.namespaces.size()) return false;
  const std::string& name = s.at(ns).name;
  return !name.empty() && name != "public";
}

}  // namespace zen::dialect::postgres
