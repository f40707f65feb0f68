// Lowers the analysed ZModel into the relational schema Prisma Migrate builds from the Prisma
// schema ZenStack generates (ZenStack's prisma-schema-generator.ts, then prisma's
// sql_schema_calculator.rs). Names, order and defaults follow those two programs.
#include "schema/lower_zmodel.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "analysis/model.h"

namespace zen::schema {

using analysis::AttributeApp;
using analysis::Decl;
using analysis::DeclId;
using analysis::Expr;
using analysis::ExprKind;
using analysis::Field;

namespace {

size_t floor_boundary(const std::string& s, size_t index) {
  if (index >= s.size()) return s.size();
  // Never cut a UTF-8 sequence in half.
  while (index > 0 && (static_cast<unsigned char>(s[index]) & 0xC0) == 0x80) --index;
  return index;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

}  // namespace

std::string constraint_name(std::string_view table, const std::vector<std::string>& columns, std::string_view suffix,
                            size_t max_length) {
  // Prisma's ConstraintNames: {table}_pkey, {table}_{cols}_key / _idx / _fkey, cut so the
  // whole name fits the database's identifier limit.
  std::string out(table);
  if (!columns.empty()) out += "_" + join(columns, "_");
  if (max_length) {
    // The primary key and foreign key rules cut at limit - 5, the index rules at
    // limit - len(suffix) (both "_key" and "_idx" are 4 bytes).
    size_t limit = (suffix == "_pkey" || suffix == "_fkey") ? max_length - 5 : max_length - suffix.size();
    if (out.size() >= limit) out.resize(floor_boundary(out, limit));
  }
  return out + std::string(suffix);
}

namespace {

std::string db_name(const std::vector<AttributeApp>& attrs, std::string_view attr, const std::string& fallback) {
  for (const auto& a : attrs) {
    if (a.name != attr) continue;
    if (const auto* arg = a.first())
      if (auto s = arg->value.as_string()) return std::string(*s);
  }
  return fallback;
}

std::optional<std::string> string_arg(const AttributeApp& a, std::string_view param) {
  if (const auto* arg = a.arg(param))
    if (auto s = arg->value.as_string()) return std::string(*s);
  return std::nullopt;
}

std::optional<std::string> ident_arg(const AttributeApp& a, std::string_view param) {
  if (const auto* arg = a.arg(param))
    if (auto n = arg->value.name()) return std::string(*n);
  return std::nullopt;
}

ReferentialAction parse_action(std::string_view s, ReferentialAction fallback) {
  if (s == "Cascade") return ReferentialAction::Cascade;
  if (s == "Restrict") return ReferentialAction::Restrict;
  if (s == "NoAction") return ReferentialAction::NoAction;
  if (s == "SetNull") return ReferentialAction::SetNull;
  if (s == "SetDefault") return ReferentialAction::SetDefault;
  return fallback;
}

/// "JsonbPathOps" -> "jsonb_path_ops", "Int4MinMaxMultiOps" -> "int4_minmax_multi_ops".
std::string operator_class_sql(std::string_view name) {
  std::string n(name);
  auto replace = [&](const std::string& from, const std::string& to) {
    auto p = n.find(from);
    if (p != std::string::npos) n.replace(p, from.size(), to);
  };
  replace("MinMax", "Minmax");
  std::string out;
  for (size_t i = 0; i < n.size(); ++i) {
    char c = n[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i) out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

std::string base64_to_hex(std::string_view in) {
  auto val = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string bytes;
  int buf = 0, bits = 0;
  for (char c : in) {
    int v = val(c);
    if (v < 0) continue;
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((buf >> bits) & 0xFF);
    }
  }
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) out += kHex[b >> 4], out += kHex[b & 15];
  return out;
}

/// ISO 8601 ("2020-01-01T00:00:00Z", "2020-01-01T10:00:00.5+02:00") in chrono's display form
/// ("2020-01-01 00:00:00 +00:00"), which is how Prisma renders datetime defaults.
std::string datetime_literal(std::string_view iso) {
  std::string s(iso);
  if (s.size() < 19 || s[10] != 'T') return s;
  std::string date = s.substr(0, 10);
  std::string time = s.substr(11, 8);
  size_t i = 19;
  std::string frac;
  if (i < s.size() && s[i] == '.') {
    size_t j = i + 1;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    frac = s.substr(i, j - i);
    while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
    if (frac == ".") frac.clear();
    i = j;
  }
  std::string offset = "+00:00";
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) offset = s.substr(i);
  return date + " " + time + frac + " " + offset;
}

struct Lowerer {
  Lowerer(const analysis::Model& model, Provider p) : m(model), provider(p) {}

  const analysis::Model& m;
  Provider provider;
  LowerResult out;
  size_t max_ident = 0;
  bool foreign_keys = true;
  std::string default_schema;

  struct ModelTable {
    const Decl* decl = nullptr;
    TableId table;
    std::vector<const Field*> fields;        // emitted data fields, in order
    std::set<const Field*> stripped_default;  // id fields inherited from a delegate base
    std::map<std::string, ColumnId, std::less<>> columns;  // by field name
    std::vector<const Field*> aux_relations;  // ZenStack's delegate_aux_* relations to the base
  };
  std::vector<ModelTable> tables;
  std::map<DeclId, size_t> table_of_decl;
  std::map<DeclId, EnumId> enum_of_decl;

  Schema& s() { return out.schema; }

  void error(const Decl& d, std::string message) {
    Diagnostic diag;
    diag.code = "cannot-lower";
    diag.severity = Severity::Error;
    diag.path = m.path(d.file);
    diag.range = d.name_range;
    diag.message = std::move(message);
    out.diagnostics.push_back(std::move(diag));
  }

  NamespaceId namespace_for(const std::vector<AttributeApp>& attrs) {
    if (provider != Provider::Postgresql) return NamespaceId(0);
    std::string name = db_name(attrs, "@@schema", default_schema);
    if (auto ns = s().find_namespace(name)) return *ns;
    return s().add_namespace(name);
  }

  bool is_delegate(const Decl& d) const { return d.has_attribute("@@delegate"); }

  /// The delegate base a model extends, if any.
  const Decl* delegate_base(const Decl& d) const {
    for (DeclId b : d.bases)
      if (b != analysis::kNone && m.decl(b).kind == analysis::DeclKind::Model && is_delegate(m.decl(b))) return &m.decl(b);
    return nullptr;
  }

  bool is_id_field(const Decl& model, const Field& f) const {
    if (f.has_attribute("@id")) return true;
    if (const auto* id = model.find_any_attribute("@@id"))
      if (const auto* a = id->first())
        for (const auto& item : a->value.items())
          if (auto n = item.name(); n && *n == f.name) return true;
    return false;
  }

  std::vector<const Field*> id_fields(const ModelTable& mt) const {
    std::vector<const Field*> ids;
    for (const Field* f : mt.fields)
      if (f->has_attribute("@id")) ids.push_back(f);
    if (!ids.empty()) return ids;
    if (const auto* id = mt.decl->find_any_attribute("@@id"))
      if (const auto* a = id->first())
        for (const auto& item : a->value.items())
          if (auto n = item.name())
            for (const Field* f : mt.fields)
              if (f->name == *n) ids.push_back(f);
    return ids;
  }

  static bool is_relation(const Field& f) { return f.type.kind == analysis::TypeKind::Model; }

  void collect_fields(ModelTable& mt) {
    const Decl& d = *mt.decl;
    std::set<std::string> seen;
    for (const auto& slot : d.all_fields) {
      const Field* f = slot.field;
      if (!f || seen.count(f->name)) continue;
      if (f->has_attribute("@computed")) continue;
      if (slot.origin != d.id && slot.origin != analysis::kNone) {
        const Decl& origin = m.decl(slot.origin);
        if (origin.kind == analysis::DeclKind::Model && is_delegate(origin)) {
          // ZenStack keeps only the id fields inherited from a delegate base, without their
          // defaults: the base row owns the value.
          if (!is_id_field(d, *f)) continue;
          mt.stripped_default.insert(f);
        }
      }
      if (is_relation(*f) && f->type.decl != analysis::kNone && m.decl(f->type.decl).kind == analysis::DeclKind::View)
        continue;
      seen.insert(f->name);
      mt.fields.push_back(f);
    }
  }

  /// Column type of a scalar field (family, native type, arity); nullopt for relations.
  std::optional<ColumnType> column_type(const Field& f) {
    ColumnType t;
    t.arity = f.type.list ? Arity::List : f.type.optional ? Arity::Nullable : Arity::Required;
    switch (f.type.kind) {
      case analysis::TypeKind::Builtin:
        switch (*f.type.builtin) {
          case analysis::BuiltinType::String: t.family = ColumnFamily::String; break;
          case analysis::BuiltinType::Boolean: t.family = ColumnFamily::Boolean; break;
          case analysis::BuiltinType::Int: t.family = ColumnFamily::Int; break;
          case analysis::BuiltinType::BigInt: t.family = ColumnFamily::BigInt; break;
          case analysis::BuiltinType::Float: t.family = ColumnFamily::Float; break;
          case analysis::BuiltinType::Decimal: t.family = ColumnFamily::Decimal; break;
          case analysis::BuiltinType::DateTime: t.family = ColumnFamily::DateTime; break;
          case analysis::BuiltinType::Json: t.family = ColumnFamily::Json; break;
          case analysis::BuiltinType::Bytes: t.family = ColumnFamily::Binary; break;
        }
        break;
      case analysis::TypeKind::Enum: {
        t.family = ColumnFamily::Enum;
        auto it = enum_of_decl.find(f.type.decl);
        if (it != enum_of_decl.end() && it->second.valid()) {
          t.enum_id = it->second;
          t.full_type = s().at(it->second).name;
        }
        break;
      }
      case analysis::TypeKind::TypeDef:
        // Typed JSON: ZenStack stores `type` fields as Json and drops the list flag.
        t.family = ColumnFamily::Json;
        if (t.arity == Arity::List) t.arity = Arity::Required;
        break;
      case analysis::TypeKind::Unsupported:
        t.family = ColumnFamily::Unsupported;
        t.full_type = f.type.name;
        break;
      case analysis::TypeKind::Model:
      case analysis::TypeKind::Unresolved: return std::nullopt;
    }
    for (const auto& a : f.attributes) {
      if (a.name.rfind("@db.", 0) != 0) continue;
      std::string native = a.name.substr(4);
      if (!a.args.empty()) {
        native += "(";
        for (size_t i = 0; i < a.args.size(); ++i) {
          if (i) native += ",";
          const Expr& v = a.args[i].value;
          native += v.kind == ExprKind::String ? v.text : v.text;
        }
        native += ")";
      }
      t.native_type = native;
    }
    return t;
  }

  std::optional<Literal> literal(const Expr& e, const Field& f, ColumnFamily family) {
    Literal l;
    if (e.kind == ExprKind::Array) {
      l.kind = LiteralKind::List;
      for (const auto& item : e.items()) {
        auto x = literal(item, f, family);
        if (!x) return std::nullopt;
        l.items.push_back(*x);
      }
      return l;
    }
    if (e.kind == ExprKind::Null) return Literal{LiteralKind::Null, "", {}};
    if (auto b = e.as_bool()) {
      l.kind = LiteralKind::Boolean;
      l.text = *b ? "true" : "false";
      return l;
    }
    if (auto n = e.as_number()) {
      l.text = std::string(*n);
      switch (family) {
        case ColumnFamily::Float: l.kind = LiteralKind::Float; break;
        case ColumnFamily::Decimal: l.kind = LiteralKind::Decimal; break;
        default: l.kind = LiteralKind::Int; break;
      }
      return l;
    }
    if (auto str = e.as_string()) {
      l.text = std::string(*str);
      switch (family) {
        case ColumnFamily::Json: l.kind = LiteralKind::Json; break;
        case ColumnFamily::Binary: l.kind = LiteralKind::Bytes, l.text = base64_to_hex(*str); break;
        case ColumnFamily::DateTime: l.kind = LiteralKind::DateTime, l.text = datetime_literal(*str); break;
        case ColumnFamily::Decimal: l.kind = LiteralKind::Decimal; break;
        case ColumnFamily::Float: l.kind = LiteralKind::Float; break;
        case ColumnFamily::Int:
        case ColumnFamily::BigInt: l.kind = LiteralKind::Int; break;
        default: l.kind = LiteralKind::String; break;
      }
      return l;
    }
    if (e.kind == ExprKind::Reference && f.type.kind == analysis::TypeKind::Enum && f.type.decl != analysis::kNone) {
      const Decl& en = m.decl(f.type.decl);
      const auto* v = en.find_value(e.text);
      l.kind = LiteralKind::Enum;
      l.text = v ? db_name(v->attributes, "@map", v->name) : e.text;
      return l;
    }
    return std::nullopt;
  }

  std::optional<DefaultValue> default_value(const Field& f, ColumnFamily family, bool& autoincrement,
                                           bool& prisma_level) {
    const AttributeApp* a = f.find_attribute("@default");
    if (!a) return std::nullopt;
    const auto* arg = a->first();
    if (!arg) return std::nullopt;
    const Expr& e = arg->value;
    DefaultValue d;
    if (e.kind == ExprKind::Call) {
      if (e.text == "autoincrement") {
        autoincrement = true;
        d.kind = DefaultKind::Sequence;
        return d;
      }
      if (e.text == "now") {
        d.kind = DefaultKind::Now;
        return d;
      }
      if (e.text == "dbgenerated") {
        d.kind = DefaultKind::DbGenerated;
        if (const auto* x = e.arg("expr", 0))
          if (auto s = x->value.as_string()) d.expression = std::string(*s);
        return d;
      }
      // uuid(), cuid(), nanoid(), ulid(): filled in by the client, not the database.
      if (e.text == "uuid" || e.text == "cuid" || e.text == "nanoid" || e.text == "ulid") prisma_level = true;
      return std::nullopt;
    }
    if (e.kind == ExprKind::Member || e.kind == ExprKind::This) return std::nullopt;
    auto lit = literal(e, f, family);
    if (!lit) return std::nullopt;
    d.kind = DefaultKind::Value;
    d.value = std::move(*lit);
    return d;
  }

  void lower_enums() {
    for (DeclId id : m.enums) {
      const Decl& d = m.decl(id);
      Enum e;
      e.namespace_id = namespace_for(d.attributes);
      e.name = db_name(d.attributes, "@@map", d.name);
      for (const auto& v : d.values) e.values.push_back(db_name(v.attributes, "@map", v.name));
      enum_of_decl[id] = s().add_enum(std::move(e));
    }
  }

  void lower_tables() {
    for (DeclId id : m.models) {
      const Decl& d = m.decl(id);
      if (d.is_abstract || d.kind != analysis::DeclKind::Model) continue;
      ModelTable mt;
      mt.decl = &d;
      mt.table = s().add_table(namespace_for(d.all_attributes), db_name(d.attributes, "@@map", d.name));
      collect_fields(mt);
      table_of_decl[id] = tables.size();
      tables.push_back(std::move(mt));
    }
    for (auto& mt : tables) {
      for (const Field* f : mt.fields) {
        auto type = column_type(*f);
        if (!type) continue;
        Column c;
        c.table = mt.table;
        c.name = db_name(f->attributes, "@map", f->name);
        c.type = std::move(*type);
        if (!mt.stripped_default.count(f)) {
          bool autoinc = false, prisma_level = false;
          c.default_value = default_value(*f, c.type.family, autoinc, prisma_level);
          c.auto_increment = autoinc;
          c.prisma_level_default = prisma_level;
        }
        mt.columns[f->name] = s().add_column(std::move(c));
      }
    }
  }

  std::optional<IndexColumn> index_column(const ModelTable& mt, const Expr& e) {
    auto name = e.name();
    if (!name) return std::nullopt;
    auto it = mt.columns.find(*name);
    if (it == mt.columns.end()) return std::nullopt;
    IndexColumn ic;
    ic.column = it->second;
    if (e.kind == ExprKind::Call) {
      if (const auto* a = e.arg("sort"))
        if (auto n = a->value.name()) ic.sort = *n == "Desc" ? SortOrder::Desc : SortOrder::Asc;
      if (const auto* a = e.arg("length"))
        if (auto n = a->value.as_number()) ic.length = static_cast<uint32_t>(std::stoul(std::string(*n)));
      if (const auto* a = e.arg("ops")) {
        const Expr& v = a->value;
        if (v.is_call("raw")) {
          if (!v.args.empty())
            if (auto s = v.args[0].value.as_string()) ic.operator_class = std::string(*s);
        } else if (auto n = v.name()) {
          ic.operator_class = operator_class_sql(*n);
        }
      }
    }
    return ic;
  }

  /// Columns of a field-list attribute (@@id/@@unique/@@index); empty when one cannot be found.
  std::vector<IndexColumn> index_columns(const ModelTable& mt, const AttributeApp& a) {
    std::vector<IndexColumn> cols;
    const auto* arg = a.first();
    if (!arg) return {};
    // Prisma also accepts a single field without brackets: `@@index(projectId)`.
    if (arg->value.kind != ExprKind::Array) {
      auto ic = index_column(mt, arg->value);
      if (!ic) return {};
      return {*ic};
    }
    for (const auto& item : arg->value.items()) {
      auto ic = index_column(mt, item);
      if (!ic) return {};
      cols.push_back(*ic);
    }
    return cols;
  }

  std::vector<std::string> column_names(const std::vector<IndexColumn>& cols) {
    std::vector<std::string> names;
    for (const auto& c : cols) names.push_back(s().at(c.column).name);
    return names;
  }

  void field_level_sort(const AttributeApp& a, IndexColumn& ic) {
    if (auto n = ident_arg(a, "sort")) ic.sort = *n == "Desc" ? SortOrder::Desc : SortOrder::Asc;
    if (const auto* l = a.arg("length"))
      if (auto n = l->value.as_number()) ic.length = static_cast<uint32_t>(std::stoul(std::string(*n)));
  }

  void lower_keys_and_indexes(ModelTable& mt) {
    const Decl& d = *mt.decl;
    const std::string& table = s().at(mt.table).name;
    // Primary key: @id on a field, or @@id.
    for (const Field* f : mt.fields) {
      const AttributeApp* id = f->find_attribute("@id");
      if (!id || !mt.columns.count(f->name)) continue;
      Index pk;
      pk.table = mt.table;
      pk.kind = IndexKind::PrimaryKey;
      IndexColumn ic;
      ic.column = mt.columns[f->name];
      field_level_sort(*id, ic);
      pk.columns.push_back(ic);
      pk.name = string_arg(*id, "map").value_or(constraint_name(table, {}, "_pkey", max_ident));
      s().add_index(std::move(pk));
      break;
    }
    if (!s().primary_key(mt.table))
      if (const auto* id = d.find_any_attribute("@@id")) {
        Index pk;
        pk.table = mt.table;
        pk.kind = IndexKind::PrimaryKey;
        pk.columns = index_columns(mt, *id);
        pk.name = string_arg(*id, "map").value_or(constraint_name(table, {}, "_pkey", max_ident));
        if (!pk.columns.empty()) s().add_index(std::move(pk));
      }
    // Field-level @unique, then @@index, then @@unique (the order Prisma's parser collects them).
    for (const Field* f : mt.fields) {
      const AttributeApp* u = f->find_attribute("@unique");
      if (!u || !mt.columns.count(f->name)) continue;
      Index ix;
      ix.table = mt.table;
      ix.kind = IndexKind::Unique;
      IndexColumn ic;
      ic.column = mt.columns[f->name];
      field_level_sort(*u, ic);
      ix.columns.push_back(ic);
      ix.name = string_arg(*u, "map").value_or(constraint_name(table, column_names(ix.columns), "_key", max_ident));
      s().add_index(std::move(ix));
    }
    for (const char* which : {"@@index", "@@unique"}) {
      bool unique = std::string_view(which) == "@@unique";
      for (const auto& a : d.all_attributes) {
        if (a.name != which) continue;
        Index ix;
        ix.table = mt.table;
        ix.kind = unique ? IndexKind::Unique : IndexKind::Normal;
        ix.columns = index_columns(mt, a);
        if (ix.columns.empty()) continue;
        ix.name = string_arg(a, "map").value_or(
            constraint_name(table, column_names(ix.columns), unique ? "_key" : "_idx", max_ident));
        if (!unique)
          if (auto t = ident_arg(a, "type")) {
            if (*t == "Hash") ix.algorithm = IndexAlgorithm::Hash;
            else if (*t == "Gist") ix.algorithm = IndexAlgorithm::Gist;
            else if (*t == "Gin") ix.algorithm = IndexAlgorithm::Gin;
            else if (*t == "SpGist") ix.algorithm = IndexAlgorithm::SpGist;
            else if (*t == "Brin") ix.algorithm = IndexAlgorithm::Brin;
            else ix.algorithm = IndexAlgorithm::BTree;
          }
        s().add_index(std::move(ix));
      }
    }
  }

  static std::string relation_name(const Field& f) {
    if (const auto* r = f.find_attribute("@relation")) {
      if (const auto* a = r->arg("name"))
        if (auto s = a->value.as_string()) return std::string(*s);
    }
    return "";
  }

  void lower_foreign_keys(ModelTable& mt) {
    const std::string& table = s().at(mt.table).name;
    auto add_fk = [&](const Field& f, const ModelTable& target, const std::vector<std::string>& from,
                      const std::vector<std::string>& to, const AttributeApp* rel, ReferentialAction del,
                      ReferentialAction upd) {
      ForeignKey fk;
      fk.table = mt.table;
      fk.referenced_table = target.table;
      for (const auto& n : from) {
        auto it = mt.columns.find(n);
        if (it == mt.columns.end()) return;
        fk.columns.push_back(it->second);
      }
      for (const auto& n : to) {
        auto it = target.columns.find(n);
        if (it == target.columns.end()) return;
        fk.referenced_columns.push_back(it->second);
      }
      if (fk.columns.empty() || fk.columns.size() != fk.referenced_columns.size()) return;
      std::vector<std::string> names;
      for (auto c : fk.columns) names.push_back(s().at(c).name);
      fk.name = rel ? string_arg(*rel, "map").value_or("") : "";
      if (fk.name.empty()) fk.name = constraint_name(table, names, "_fkey", max_ident);
      fk.on_delete = del;
      fk.on_update = upd;
      s().add_foreign_key(std::move(fk));
    };
    for (const Field* f : mt.fields) {
      if (!is_relation(*f)) continue;
      const AttributeApp* rel = f->find_attribute("@relation");
      if (!rel) continue;
      const auto* fields = rel->arg("fields");
      const auto* refs = rel->arg("references");
      if (!fields || !refs) continue;
      auto target = table_of_decl.find(f->type.decl);
      if (target == table_of_decl.end()) continue;
      std::vector<std::string> from, to;
      for (const auto& e : fields->value.items())
        if (auto n = e.name()) from.emplace_back(*n);
      for (const auto& e : refs->value.items())
        if (auto n = e.name()) to.emplace_back(*n);
      // Prisma's defaults: Restrict when any referencing field is required (its "referential
      // arity"), SetNull when all are optional; updates cascade.
      bool any_required = false;
      for (const auto& n : from)
        for (const Field* sf : mt.fields)
          if (sf->name == n && !sf->type.optional) any_required = true;
      auto del = parse_action(ident_arg(*rel, "onDelete").value_or(""),
                              any_required ? ReferentialAction::Restrict : ReferentialAction::SetNull);
      auto upd = parse_action(ident_arg(*rel, "onUpdate").value_or(""), ReferentialAction::Cascade);
      add_fk(*f, tables[target->second], from, to, rel, del, upd);
    }
    // ZenStack's delegate_aux_<base> relation: the sub model's id references the base's id.
    if (const Decl* base = delegate_base(*mt.decl)) {
      auto target = table_of_decl.find(base->id);
      if (target != table_of_decl.end()) {
        std::vector<std::string> ids;
        for (const Field* f : id_fields(mt)) ids.push_back(f->name);
        std::vector<std::string> base_ids;
        for (const Field* f : id_fields(tables[target->second])) base_ids.push_back(f->name);
        if (!ids.empty() && ids.size() == base_ids.size() && mt.fields.size())
          add_fk(*mt.fields.front(), tables[target->second], ids, base_ids, nullptr, ReferentialAction::Cascade,
                 ReferentialAction::Cascade);
      }
    }
  }

  void lower_implicit_many_to_many() {
    std::set<std::string> done;
    for (auto& mt : tables) {
      for (const Field* f : mt.fields) {
        if (!is_relation(*f) || !f->type.list) continue;
        if (const auto* rel = f->find_attribute("@relation"); rel && rel->arg("fields")) continue;
        auto tit = table_of_decl.find(f->type.decl);
        if (tit == table_of_decl.end()) continue;
        ModelTable& other = tables[tit->second];
        std::string rname = relation_name(*f);
        const Field* opposite = nullptr;
        for (const Field* g : other.fields) {
          if (g == f || !is_relation(*g) || g->type.decl != mt.decl->id) continue;
          if (relation_name(*g) != rname) continue;
          opposite = g;
          break;
        }
        if (!opposite || !opposite->type.list) continue;
        // Model "A" is the one whose name sorts first. Prisma records the relation while
        // walking model A's fields, so join tables come in model-A order, then field order.
        if (other.decl->name < mt.decl->name) continue;
        const ModelTable* a = &mt;
        const ModelTable* b = &other;
        std::string name = rname.empty() ? a->decl->name + "To" + b->decl->name : rname;
        if (!done.insert(name).second) continue;
        add_join_table(name, *a, *b);
      }
    }
  }

  void add_join_table(const std::string& rel, const ModelTable& a, const ModelTable& b) {
    auto ida = id_fields(a);
    auto idb = id_fields(b);
    if (ida.size() != 1 || idb.size() != 1) {
      error(*a.decl, "implicit many-to-many relation `" + rel + "` needs single-field ids on both models");
      return;
    }
    std::string tname = "_" + rel;
    TableId t = s().add_table(s().at(a.table).namespace_id, tname);
    auto add = [&](const char* col, const Field* idf) {
      Column c;
      c.table = t;
      c.name = col;
      c.type = *column_type(*idf);
      c.type.arity = Arity::Required;
      return s().add_column(std::move(c));
    };
    ColumnId ca = add("A", ida[0]);
    ColumnId cb = add("B", idb[0]);
    Index ab;
    ab.table = t;
    ab.columns = {{ca, std::nullopt, std::nullopt, ""}, {cb, std::nullopt, std::nullopt, ""}};
    if (provider == Provider::Postgresql) {
      ab.kind = IndexKind::PrimaryKey;
      ab.name = tname + "_AB_pkey";
    } else {
      ab.kind = IndexKind::Unique;
      ab.name = tname + "_AB_unique";
    }
    s().add_index(std::move(ab));
    Index bi;
    bi.table = t;
    bi.kind = IndexKind::Normal;
    bi.name = tname + "_B_index";
    bi.columns = {{cb, std::nullopt, std::nullopt, ""}};
    s().add_index(std::move(bi));
    if (!foreign_keys) return;
    auto fk = [&](ColumnId col, const ModelTable& target, const Field* idf, const char* suffix) {
      ForeignKey k;
      k.table = t;
      k.name = tname + suffix;
      k.columns = {col};
      k.referenced_table = target.table;
      k.referenced_columns = {target.columns.at(idf->name)};
      k.on_delete = ReferentialAction::Cascade;
      k.on_update = ReferentialAction::Cascade;
      s().add_foreign_key(std::move(k));
    };
    fk(ca, a, ida[0], "_A_fkey");
    fk(cb, b, idb[0], "_B_fkey");
  }

  void run() {
    s().provider = provider;
    max_ident = provider == Provider::Postgresql ? 63 : 0;
    if (m.datasource) {
      if (m.datasource->relation_mode == "prisma") foreign_keys = false;
      if (provider == Provider::Postgresql) {
        default_schema = m.datasource->default_schema.value_or("public");
        for (const auto& name : m.datasource->schemas)
          if (!s().find_namespace(name)) s().add_namespace(name);
      }
    } else {
      default_schema = "public";
    }
    if (provider == Provider::Postgresql) {
      if (default_schema.empty()) default_schema = "public";
      if (s().namespaces.empty()) s().add_namespace(default_schema);
    } else {
      s().add_namespace("");
    }
    if (provider == Provider::Postgresql) lower_enums();
    else
      for (DeclId id : m.enums) enum_of_decl[id] = EnumId();  // enums are TEXT elsewhere
    lower_tables();
    for (auto& mt : tables) lower_keys_and_indexes(mt);
    if (foreign_keys)
      for (auto& mt : tables) lower_foreign_keys(mt);
    lower_implicit_many_to_many();
  }
};

}  // namespace

LowerResult lower_zmodel(const analysis::Model& model, const LowerOptions& options) {
  Provider provider = Provider::Sqlite;
  if (options.provider) provider = *options.provider;
  else if (model.datasource && model.datasource->provider) provider = *model.datasource->provider;
  Lowerer l(model, provider);
  l.run();
  return std::move(l.out);
}

}  // namespace zen::schema
