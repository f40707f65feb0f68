// PostgreSQL introspection over pg_catalog, one query per object kind and schema.
#include "dialect/postgres/introspect.h"

#include "base/strings.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "dialect/postgres/normalize.h"

namespace zen::dialect::postgres {

using schema::ColumnFamily;
using schema::DefaultKind;
using schema::DefaultValue;
using schema::Literal;
using schema::LiteralKind;

namespace {

bool is_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else if ((c == 'e' || c == 'E') && digits) {
      ++i;
      if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
      if (i >= s.size()) return false;
      for (; i < s.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      return true;
    } else {
      return false;
    }
  }
  return digits;
}

/// Reads a quoted literal starting at `pos` ('...' or E'...'); returns the unescaped text and
/// moves `pos` past the closing quote. nullopt when `pos` is not at a literal.
std::optional<std::string> read_string(std::string_view s, size_t& pos) {
  bool escapes = false;
  size_t i = pos;
  if (i < s.size() && (s[i] == 'E' || s[i] == 'e') && i + 1 < s.size() && s[i + 1] == '\'') {
    escapes = true;
    ++i;
  }
  if (i >= s.size() || s[i] != '\'') return std::nullopt;
  ++i;
  std::string out;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\'') {
      if (i + 1 < s.size() && s[i + 1] == '\'') {
        out += '\'';
        i += 2;
        continue;
      }
      pos = i + 1;
      return out;
    }
    if (escapes && c == '\\' && i + 1 < s.size()) {
      char n = s[i + 1];
      switch (n) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        default: out += n; break;
      }
      i += 2;
      continue;
    }
    out += c;
    ++i;
  }
  return std::nullopt;
}

/// Skips a `::type` cast (with quoted names, arguments, `without time zone`, `[]`) at `pos`.
void skip_cast(std::string_view s, size_t& pos) {
  while (pos + 1 < s.size() && s[pos] == ':' && s[pos + 1] == ':') {
    pos += 2;
    int depth = 0;
    bool quoted = false;
    while (pos < s.size()) {
      char c = s[pos];
      if (quoted) {
        if (c == '"') quoted = false;
        ++pos;
        continue;
      }
      if (c == '"') {
        quoted = true;
      } else if (c == '(' || c == '[') {
        ++depth;
      } else if (c == ')' || c == ']') {
        if (depth == 0) return;
        --depth;
      } else if (depth == 0 && (c == ',' || c == ':')) {
        break;
      }
      ++pos;
    }
  }
}

LiteralKind kind_for(ColumnFamily f, std::string_view text_if_number) {
  switch (f) {
    case ColumnFamily::Enum: return LiteralKind::Enum;
    case ColumnFamily::Json: return LiteralKind::Json;
    case ColumnFamily::DateTime: return LiteralKind::DateTime;
    case ColumnFamily::Binary: return LiteralKind::Bytes;
    case ColumnFamily::Int:
    case ColumnFamily::BigInt: return LiteralKind::Int;
    case ColumnFamily::Float: return LiteralKind::Float;
    case ColumnFamily::Decimal: return LiteralKind::Decimal;
    case ColumnFamily::Boolean: return LiteralKind::Boolean;
    default: return LiteralKind::String;
  }
}

Literal string_literal(std::string text, ColumnFamily f) {
  Literal l;
  l.kind = kind_for(f, text);
  if (l.kind == LiteralKind::Bytes && text.rfind("\\x", 0) == 0) text = text.substr(2);
  l.text = std::move(text);
  return l;
}

/// One literal element (string with optional cast, number, boolean, NULL) spanning all of `s`.
std::optional<Literal> parse_scalar(std::string_view s, ColumnFamily f) {
  std::string t = trim_copy(s);
  // Strip redundant parentheses: PostgreSQL prints `(-1)` for some negative numbers.
  while (t.size() >= 2 && t.front() == '(' && t.back() == ')') t = trim_copy(std::string_view(t).substr(1, t.size() - 2));
  size_t pos = 0;
  if (auto str = read_string(t, pos)) {
    skip_cast(t, pos);
    if (pos != t.size()) return std::nullopt;
    return string_literal(*str, f);
  }
  std::string base = t;
  size_t cast = base.find("::");
  if (cast != std::string::npos) base = trim_copy(std::string_view(base).substr(0, cast));
  if (is_number(base)) {
    Literal l;
    l.kind = kind_for(f, base);
    if (l.kind != LiteralKind::Int && l.kind != LiteralKind::Float && l.kind != LiteralKind::Decimal)
      l.kind = base.find_first_of(".eE") == std::string::npos ? LiteralKind::Int : LiteralKind::Float;
    l.text = base;
    return l;
  }
  if (base == "true" || base == "false") return Literal{LiteralKind::Boolean, base, {}};
  if (base == "NULL") return Literal{LiteralKind::Null, "", {}};
  return std::nullopt;
}

/// Splits `a, b, c` at top-level commas (outside quotes and brackets).
std::vector<std::string> split_top(std::string_view s) {
  std::vector<std::string> out;
  int depth = 0;
  bool sq = false, dq = false;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (sq) {
      if (c == '\'') sq = false;
      continue;
    }
    if (dq) {
      if (c == '"') dq = false;
      continue;
    }
    if (c == '\'') sq = true;
    else if (c == '"') dq = true;
    else if (c == '(' || c == '[') ++depth;
    else if (c == ')' || c == ']') --depth;
    else if (c == ',' && depth == 0) {
      out.push_back(trim_copy(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  std::string last = trim_copy(s.substr(start));
  if (!last.empty() || !out.empty()) out.push_back(last);
  return out;
}

std::optional<Literal> parse_array(std::string_view expr, ColumnFamily f) {
  std::string t = trim_copy(expr);
  Literal list{LiteralKind::List, "", {}};
  if (t.rfind("ARRAY[", 0) == 0) {
    // The bracket that closes ARRAY[, skipping quoted text and nested brackets.
    size_t close = std::string::npos;
    int depth = 0;
    bool quoted = false;
    for (size_t i = 5; i < t.size(); ++i) {
      char c = t[i];
      if (quoted) {
        if (c == '\'') quoted = false;
        continue;
      }
      if (c == '\'') quoted = true;
      else if (c == '[') ++depth;
      else if (c == ']' && --depth == 0) {
        close = i;
        break;
      }
    }
    if (close == std::string::npos) return std::nullopt;
    size_t after = close + 1;
    skip_cast(t, after);
    if (after != t.size()) return std::nullopt;
    for (const auto& item : split_top(std::string_view(t).substr(6, close - 6))) {
      auto l = parse_scalar(item, f);
      if (!l) return std::nullopt;
      list.items.push_back(*l);
    }
    return list;
  }
  // '{a,"b c"}'::text[]
  size_t pos = 0;
  auto str = read_string(t, pos);
  if (!str) return std::nullopt;
  skip_cast(t, pos);
  if (pos != t.size()) return std::nullopt;
  std::string_view body = *str;
  if (body.size() < 2 || body.front() != '{' || body.back() != '}') return std::nullopt;
  body = body.substr(1, body.size() - 2);
  if (trim_copy(body).empty()) return list;
  for (auto item : split_top(body)) {
    if (item.size() >= 2 && item.front() == '"' && item.back() == '"') {
      std::string un;
      for (size_t i = 1; i + 1 < item.size(); ++i) {
        if (item[i] == '\\' && i + 2 < item.size()) ++i;
        un += item[i];
      }
      item = un;
    } else if (is_number(item) && f != ColumnFamily::String && f != ColumnFamily::Enum) {
      list.items.push_back(Literal{kind_for(f, item), item, {}});
      continue;
    }
    list.items.push_back(string_literal(item, f));
  }
  return list;
}

std::string unquote_ident(std::string_view s) {
  std::string t = trim_copy(s);
  if (t.size() >= 2 && t.front() == '"' && t.back() == '"') {
    std::string out;
    for (size_t i = 1; i + 1 < t.size(); ++i) {
      if (t[i] == '"' && i + 2 < t.size() && t[i + 1] == '"') ++i;
      out += t[i];
    }
    return out;
  }
  return t;
}

/// The last component of a possibly qualified, possibly quoted name.
std::string last_name_part(std::string_view s) {
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') quoted = !quoted;
    else if (s[i] == '.' && !quoted) start = i + 1;
  }
  return unquote_ident(s.substr(start));
}

schema::ReferentialAction action_of(const db::Value& v) {
  char c = v && !v->empty() ? (*v)[0] : 'a';
  switch (c) {
    case 'r': return schema::ReferentialAction::Restrict;
    case 'c': return schema::ReferentialAction::Cascade;
    case 'n': return schema::ReferentialAction::SetNull;
    case 'd': return schema::ReferentialAction::SetDefault;
    default: return schema::ReferentialAction::NoAction;
  }
}

std::optional<schema::IndexAlgorithm> algorithm_of(const std::string& am) {
  if (am == "hash") return schema::IndexAlgorithm::Hash;
  if (am == "gist") return schema::IndexAlgorithm::Gist;
  if (am == "gin") return schema::IndexAlgorithm::Gin;
  if (am == "spgist") return schema::IndexAlgorithm::SpGist;
  if (am == "brin") return schema::IndexAlgorithm::Brin;
  return std::nullopt;
}

bool truthy(const db::Value& v) { return v && (*v == "t" || *v == "true" || *v == "1"); }
std::string text(const db::Value& v) { return v.value_or(""); }

constexpr const char* kEnumsQuery = R"(SELECT t.typname, e.enumlabel
FROM pg_type t
JOIN pg_enum e ON e.enumtypid = t.oid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = $1
ORDER BY t.typname COLLATE "C", e.enumsortorder)";

constexpr const char* kTablesQuery = R"(SELECT c.relname
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname COLLATE "C")";

constexpr const char* kColumnsQuery = R"(SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid), t.typcategory, et.typtype, et.typname, en.nspname, a.attidentity
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
LEFT JOIN pg_namespace en ON en.oid = et.typnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname COLLATE "C", a.attnum)";

constexpr const char* kIndexesQuery = R"(SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary, am.amname, k.ord,
       a.attname, (ix.indoption[k.ord - 1] & 1) = 1, opc.opcname, opc.opcdefault
FROM pg_index ix
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_am am ON am.oid = i.relam
CROSS JOIN LATERAL unnest(ix.indkey::int2[], ix.indclass::oid[]) WITH ORDINALITY AS k(attnum, opclass, ord)
LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
LEFT JOIN pg_opclass opc ON opc.oid = k.opclass
WHERE n.nspname = $1 AND t.relkind IN ('r', 'p') AND NOT t.relispartition
ORDER BY t.relname COLLATE "C", ix.indisprimary DESC, i.relname COLLATE "C", k.ord)";

constexpr const char* kForeignKeysQuery = R"(SELECT t.relname, con.conname, rn.nspname, rt.relname, con.confdeltype,
       con.confupdtype, a.attname, ra.attname
FROM pg_constraint con
JOIN pg_class t ON t.oid = con.conrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_class rt ON rt.oid = con.confrelid
JOIN pg_namespace rn ON rn.oid = rt.relnamespace
CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(col, refcol, ord)
JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col
JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refcol
WHERE con.contype = 'f' AND n.nspname = $1
ORDER BY t.relname COLLATE "C", con.conname COLLATE "C", k.ord)";

Result<db::QueryResult> run(db::Connection& conn, const char* sql, const std::string& ns) {
  auto r = conn.query(sql, {db::Value(ns)});
  if (!r.ok()) return std::move(r).error().with_context("while introspecting schema `" + ns + "`");
  return r;
}

}  // namespace

std::optional<DefaultValue> parse_default(std::string_view raw, ColumnFamily family, bool is_list) {
  std::string expr = trim_copy(raw);
  if (expr.empty()) return std::nullopt;
  DefaultValue d;
  if (expr.rfind("nextval(", 0) == 0 && expr.back() == ')') {
    size_t pos = 8;
    if (auto name = read_string(expr, pos)) {
      d.kind = DefaultKind::Sequence;
      d.expression = last_name_part(*name);
      return d;
    }
  }
  std::string upper = expr;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "CURRENT_TIMESTAMP" || upper == "NOW()" || upper.rfind("CURRENT_TIMESTAMP(", 0) == 0) {
    d.kind = DefaultKind::Now;
    return d;
  }
  if (is_list) {
    if (auto l = parse_array(expr, family)) {
      d.kind = DefaultKind::Value;
      d.value = *l;
      return d;
    }
  } else if (auto l = parse_scalar(expr, family)) {
    if (l->kind == LiteralKind::Null) return std::nullopt;
    d.kind = DefaultKind::Value;
    d.value = *l;
    return d;
  }
  d.kind = DefaultKind::DbGenerated;
  d.expression = expr;
  return d;
}

Result<schema::Schema> introspect(db::Connection& conn, const IntrospectOptions& options) {
  schema::Schema s;
  s.provider = Provider::Postgresql;
  std::vector<std::string> wanted = options.namespaces;
  if (wanted.empty()) {
    ZEN_ASSIGN_OR_RETURN(auto cur, conn.query("SELECT current_schema()"));
    wanted.push_back(!cur.rows.empty() && cur.rows[0][0] ? *cur.rows[0][0] : "public");
  }
  for (const auto& ns : wanted) {
    ZEN_ASSIGN_OR_RETURN(auto r, conn.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", {db::Value(ns)}));
    if (!r.rows.empty() && !s.find_namespace(ns)) s.add_namespace(ns);
  }

  for (const auto& nsobj : std::vector<schema::Namespace>(s.namespaces)) {
    const std::string& ns = nsobj.name;
    auto ns_id = *s.find_namespace(ns);
    ZEN_ASSIGN_OR_RETURN(auto enums, run(conn, kEnumsQuery, ns));
    for (const auto& row : enums.rows) {
      std::string name = text(row[0]);
      auto id = s.find_enum(name, ns_id);
      if (!id) id = s.add_enum(schema::Enum{ns_id, name, {}});
      s.at(*id).values.push_back(text(row[1]));
    }
    ZEN_ASSIGN_OR_RETURN(auto tables, run(conn, kTablesQuery, ns));
    for (const auto& row : tables.rows) {
      std::string name = text(row[0]);
      if (name == "_prisma_migrations") continue;
      s.add_table(ns_id, name);
    }
  }

  for (const auto& nsobj : std::vector<schema::Namespace>(s.namespaces)) {
    const std::string& ns = nsobj.name;
    auto ns_id = *s.find_namespace(ns);
    ZEN_ASSIGN_OR_RETURN(auto cols, run(conn, kColumnsQuery, ns));
    for (const auto& row : cols.rows) {
      auto table = s.find_table(text(row[0]), ns_id);
      if (!table) continue;
      schema::Column c;
      c.table = *table;
      c.name = text(row[1]);
      std::string type = text(row[2]);
      bool is_array = text(row[5]) == "A";
      if (is_array && type.size() > 2 && type.compare(type.size() - 2, 2, "[]") == 0) type.resize(type.size() - 2);
      c.type.arity = is_array ? schema::Arity::List : truthy(row[3]) ? schema::Arity::Required : schema::Arity::Nullable;
      if (text(row[6]) == "e") {
        c.type.family = ColumnFamily::Enum;
        c.type.full_type = text(row[7]);
        auto enum_ns = s.find_namespace(text(row[8]));
        c.type.enum_id = s.find_enum(c.type.full_type, enum_ns ? enum_ns : std::optional(ns_id));
        if (!c.type.enum_id) {
          // An enum from a schema we do not read: keep the column as an unsupported type.
          c.type.family = ColumnFamily::Unsupported;
          c.type.full_type = type;
        }
      } else {
        c.type.full_type = canonical_type(type);
        c.type.family = family_of_type(c.type.full_type).value_or(ColumnFamily::Unsupported);
      }
      if (row[4]) c.default_value = parse_default(*row[4], c.type.family, is_array);
      std::string identity = text(row[9]);
      c.auto_increment = identity == "a" || identity == "d" ||
                         (c.default_value && c.default_value->kind == DefaultKind::Sequence);
      s.add_column(std::move(c));
    }
  }

  // Indexes and foreign keys once every column exists: a foreign key may reference a table
  // of a namespace read later.
  for (const auto& nsobj : std::vector<schema::Namespace>(s.namespaces)) {
    const std::string& ns = nsobj.name;
    auto ns_id = *s.find_namespace(ns);
    ZEN_ASSIGN_OR_RETURN(auto idx, run(conn, kIndexesQuery, ns));
    std::map<std::pair<std::string, std::string>, schema::Index> building;
    std::vector<std::pair<std::string, std::string>> order;
    std::vector<std::pair<std::string, std::string>> skipped;
    for (const auto& row : idx.rows) {
      auto key = std::make_pair(text(row[0]), text(row[1]));
      auto table = s.find_table(key.first, ns_id);
      if (!table) continue;
      auto it = building.find(key);
      if (it == building.end()) {
        schema::Index ix;
        ix.table = *table;
        ix.name = key.second;
        ix.kind = truthy(row[3]) ? schema::IndexKind::PrimaryKey
                  : truthy(row[2]) ? schema::IndexKind::Unique
                                   : schema::IndexKind::Normal;
        ix.algorithm = algorithm_of(text(row[4]));
        it = building.emplace(key, std::move(ix)).first;
        order.push_back(key);
      }
      if (!row[6]) {
        skipped.push_back(key);  // expression index: not representable
        continue;
      }
      auto col = s.find_column(*table, *row[6]);
      if (!col) {
        skipped.push_back(key);
        continue;
      }
      schema::IndexColumn ic;
      ic.column = *col;
      if (truthy(row[7])) ic.sort = schema::SortOrder::Desc;
      if (row[8] && !truthy(row[9])) ic.operator_class = *row[8];
      it->second.columns.push_back(ic);
    }
    for (const auto& key : order) {
      if (std::find(skipped.begin(), skipped.end(), key) != skipped.end()) continue;
      s.add_index(std::move(building[key]));
    }

    ZEN_ASSIGN_OR_RETURN(auto fks, run(conn, kForeignKeysQuery, ns));
    std::optional<schema::ForeignKey> cur;
    std::pair<std::string, std::string> cur_key;
    bool cur_ok = false;
    auto flush = [&]() {
      if (cur && cur_ok) s.add_foreign_key(std::move(*cur));
      cur.reset();
    };
    for (const auto& row : fks.rows) {
      auto key = std::make_pair(text(row[0]), text(row[1]));
      if (!cur || key != cur_key) {
        flush();
        cur_key = key;
        cur_ok = false;
        auto table = s.find_table(key.first, ns_id);
        auto ref_ns = s.find_namespace(text(row[2]));
        auto ref = ref_ns ? s.find_table(text(row[3]), ref_ns) : std::nullopt;
        cur = schema::ForeignKey{};
        if (!table || !ref) continue;
        cur_ok = true;
        cur->table = *table;
        cur->name = key.second;
        cur->referenced_table = *ref;
        cur->on_delete = action_of(row[4]);
        cur->on_update = action_of(row[5]);
      }
      if (!cur_ok) continue;
      auto c = s.find_column(cur->table, text(row[6]));
      auto rc = s.find_column(cur->referenced_table, text(row[7]));
      if (!c || !rc) {
        cur_ok = false;
        continue;
      }
      cur->columns.push_back(*c);
      cur->referenced_columns.push_back(*rc);
    }
    flush();
  }
  return s;
}

}  // namespace zen::dialect::postgres
