// Lowers the analysed ZModel into the relational schema Prisma Migrate builds from the Prisma
// schema ZenStack generates (ZenStack's prisma-schema-generator.ts, then prisma's
// sql_schema_calculator.rs). Names, order and defaults follow those two programs.
#include "schema/lower_zmodel.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <map>
#include <set>
#include <span>

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

}  // namespace

namespace {

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

/// Prisma's constraint name from a table name and the names of its columns.
template <class Names>
std::string make_constraint_name(std::string_view table, const Names& columns, std::string_view suffix,
                                 size_t max_length) {
  // Prisma's ConstraintNames: {table}_pkey, {table}_{cols}_key / _idx / _fkey, cut so the
  // whole name fits the database's identifier limit.
  size_t size = table.size() + suffix.size();
  for (const auto& c : columns) size += 1 + std::string_view(c).size();
  std::string out;
  out.reserve(size);
  out += table;
  for (const auto& c : columns) {
    out += '_';
    out += c;
  }
  if (max_length) {
    // The primary key and foreign key rules cut at limit - 5, the index rules at
    // limit - len(suffix) (both "_key" and "_idx" are 4 bytes).
    bool key_rule = suffix.size() == 5 && (std::memcmp(suffix.data(), "_pkey", 5) == 0 ||
                                           std::memcmp(suffix.data(), "_fkey", 5) == 0);
    size_t limit = key_rule ? max_length - 5 : max_length - suffix.size();
    if (out.size() >= limit) out.resize(floor_boundary(out, limit));
  }
  out += suffix;
  return out;
}

/// The string argument of the first `attr` application that has one (`@map("x")`), else `fallback`.
std::string_view db_name_view(const std::vector<AttributeApp>& attrs, std::string_view attr,
                              std::string_view fallback) {
  for (const auto& a : attrs) {
    if (a.name != attr) continue;
    if (const auto* arg = a.first())
      if (auto s = arg->value.as_string()) return *s;
  }
  return fallback;
}

std::string db_name(const std::vector<AttributeApp>& attrs, std::string_view attr, std::string_view fallback) {
  return std::string(db_name_view(attrs, attr, fallback));
}

std::optional<std::string_view> string_arg(const AttributeApp& a, std::string_view param) {
  if (const auto* arg = a.arg(param))
    if (auto s = arg->value.as_string()) return *s;
  return std::nullopt;
}

/// The arguments of `a` matched to each of `params`, found in one pass over the arguments with
/// AttributeApp::arg's rule (an argument matched to the parameter, else the first unmatched one
/// written with that name): one walk over arguments that sit far apart in memory instead of one
/// per parameter.
template <size_t N>
std::array<const analysis::Argument*, N> find_args(const AttributeApp& a, const std::array<std::string_view, N>& params) {
  std::array<const analysis::Argument*, N> matched{}, named{};
  for (const auto& arg : a.args) {
    std::string_view param = arg.param;
    bool by_param = !param.empty();
    std::string_view key = by_param ? param : std::string_view(arg.name);
    if (key.empty()) continue;
    auto& slot = by_param ? matched : named;
    for (size_t i = 0; i < N; ++i)
      if (key == params[i]) {
        if (!slot[i]) slot[i] = &arg;
        break;
      }
  }
  for (size_t i = 0; i < N; ++i)
    if (!matched[i]) matched[i] = named[i];
  return matched;
}

/// A fingerprint of a name: field names are compared by it first, so a lookup reads the names
/// of other fields (each in its own analysis::Field, far apart in memory) only on a match.
/// Made of the length and the first and last four bytes, not of every byte: it is taken of
/// every field of every model, and names that differ share them rarely (an equal fingerprint
/// only costs a comparison of the names).
uint32_t name_hash(std::string_view s) {
  uint32_t head = 0, tail = 0;
  if (s.size() >= 4) {
    std::memcpy(&head, s.data(), 4);
    std::memcpy(&tail, s.data() + s.size() - 4, 4);
  } else {
    for (unsigned char c : s) head = (head << 8) | c;
  }
  uint32_t h = (head * 0x9E3779B1u) ^ (tail * 0x85EBCA77u) ^ static_cast<uint32_t>(s.size());
  return h ^ (h >> 15);
}

struct Lowerer {
  Lowerer(const analysis::Model& model, Provider p) : m(model), provider(p) {}

  static constexpr uint32_t kNoTable = UINT32_MAX;

  const analysis::Model& m;
  Provider provider;
  LowerResult out;
  size_t max_ident = 0;
  bool foreign_keys = true;
  std::string default_schema;

  /// A data field a table keeps, with the attributes lowering asks about found in one pass
  /// (each the first application of that name, as Field::find_attribute would return).
  /// Kept small (attributes by index): one exists per field of every model, and on a first
  /// run every page of fresh memory costs a page fault.
  struct FieldInfo {
    static constexpr uint16_t kNoAttribute = UINT16_MAX;
    const Field* field = nullptr;
    ColumnId column;  // invalid for relation fields and unmappable types
    uint32_t hash = 0;  // name_hash(field->name)
    /// The slot's Symbol{Field, origin, member}: what a resolved reference to the field names.
    DeclId origin = analysis::kNone;
    uint32_t member = analysis::kNone;
    uint16_t id_attr = kNoAttribute, unique_attr = kNoAttribute, relation_attr = kNoAttribute,
             default_attr = kNoAttribute;
    uint16_t native_type_attr = kNoAttribute;  // the last `@db.X`
    uint16_t map_attr = kNoAttribute;          // the first `@map` with a string
    bool stripped_default = false;             // an id field inherited from a delegate base
    bool optional = false;                     // field->type.optional

    const AttributeApp* attribute(uint16_t i) const { return i == kNoAttribute ? nullptr : &field->attributes[i]; }
    const AttributeApp* id() const { return attribute(id_attr); }
    const AttributeApp* unique() const { return attribute(unique_attr); }
    const AttributeApp* relation() const { return attribute(relation_attr); }
    const AttributeApp* default_value() const { return attribute(default_attr); }
    const AttributeApp* native_type() const { return attribute(native_type_attr); }
    /// The `@map("name")` name, else the field's name.
    std::string_view db_name() const {
      if (map_attr == kNoAttribute) return field->name;
      return *field->attributes[map_attr].first()->value.as_string();
    }
  };

  /// A relation field with what its `@relation` says, read while the field's attributes are
  /// at hand: foreign keys and join tables are lowered once every table has its columns.
  struct RelationInfo {
    static constexpr uint8_t kNoAction = UINT8_MAX;
    std::string_view name;                              // the relation's name; "" when none
    const analysis::Argument* fields = nullptr;         // `fields:`
    const analysis::Argument* references = nullptr;     // `references:`
    const analysis::Argument* map = nullptr;            // `map:` (the constraint's name)
    uint32_t field = 0;                                 // index in ModelTable::fields
    DeclId target = analysis::kNone;                    // the related model
    /// name_hash(name): the opposite side of a relation is matched by name among the other
    /// model's relation fields, whose names sit in the analysis' arguments.
    uint32_t hash = 0;
    uint8_t on_delete = kNoAction, on_update = kNoAction;  // a ReferentialAction when given
    bool list = false;
  };

  struct ModelTable {
    const Decl* decl = nullptr;
    TableId table;
    std::vector<FieldInfo> fields;  // emitted data fields, in order
    /// Models with at most this many fields are searched linearly (by hash, then name).
    static constexpr size_t kLinearLookup = 24;
    /// (name hash, index in `fields`) sorted, for larger models: lookups by name stay
    /// logarithmic on models with thousands of fields.
    std::vector<std::pair<uint32_t, uint32_t>> by_hash;
    /// The relation fields, in field order.
    std::vector<RelationInfo> relations;
    /// (target model, index in `relations`) sorted: finding the opposite side of a relation
    /// does not scan every field of the other model.
    std::vector<std::pair<DeclId, uint32_t>> by_target;

    const FieldInfo* find(std::string_view name) const {
      uint32_t h = name_hash(name);
      if (by_hash.empty()) {
        for (const FieldInfo& f : fields)
          if (f.hash == h && f.field->name == name) return &f;
        return nullptr;
      }
      auto it = std::lower_bound(by_hash.begin(), by_hash.end(), std::pair<uint32_t, uint32_t>(h, 0));
      for (; it != by_hash.end() && it->first == h; ++it)
        if (fields[it->second].field->name == name) return &fields[it->second];
      return nullptr;
    }
    /// The field a field reference (`fields: [a]`, `@@index([a, b(sort: Desc)])`) names: by
    /// the symbol the analysis resolved it to, which needs no name comparison (the names sit
    /// in the analysis' fields, each a likely cache miss), else by name.
    const FieldInfo* find(const Expr& e) const {
      if (e.target.kind == analysis::SymbolKind::Field && by_hash.empty())
        for (const FieldInfo& f : fields)
          if (f.member == e.target.member && f.origin == e.target.decl) return &f;
      auto name = e.name();
      return name ? find(*name) : nullptr;
    }
  };
  std::vector<ModelTable> tables;
  std::vector<uint32_t> table_of_decl;  // by DeclId; kNoTable for declarations without a table
  std::vector<EnumId> enum_of_decl;     // by DeclId; invalid when enums are not types (SQLite)
  /// By EnumId: name_hash of each value's name, in declaration order.
  std::vector<std::vector<uint32_t>> enum_value_hashes;
  std::vector<std::string_view> name_buffer;  // reused for constraint names
  std::vector<const FieldInfo*> from_buffer, to_buffer;  // reused for foreign key fields
  /// Counted by collect_fields: at most a delegate_aux key per model, one per relation with
  /// `fields:`, and two per join table, i.e. one per list relation field without `fields:`.
  size_t fk_bound = 0;

  Schema& s() { return out.schema; }

  const ModelTable* table_for(DeclId id) const {
    if (id >= table_of_decl.size() || table_of_decl[id] == kNoTable) return nullptr;
    return &tables[table_of_decl[id]];
  }

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
    std::string_view name = db_name_view(attrs, "@@schema", default_schema);
    if (auto ns = s().find_namespace(name)) return *ns;
    return s().add_namespace(std::string(name));
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

  std::vector<const FieldInfo*> id_fields(const ModelTable& mt) const {
    std::vector<const FieldInfo*> ids;
    for (const FieldInfo& f : mt.fields)
      if (f.id_attr != FieldInfo::kNoAttribute) ids.push_back(&f);
    if (!ids.empty()) return ids;
    if (const auto* id = mt.decl->find_any_attribute("@@id"))
      if (const auto* a = id->first())
        for (const auto& item : a->value.items())
          if (auto n = item.name())
            if (const FieldInfo* f = mt.find(*n)) ids.push_back(f);
    return ids;
  }

  static bool is_relation(const Field& f) { return f.type.kind == analysis::TypeKind::Model; }

  /// Whether a slot would be emitted, duplicates aside.
  bool keeps(const Decl& d, const analysis::FieldSlot& slot, bool computed, bool& stripped) const {
    const Field* f = slot.field;
    stripped = false;
    if (computed) return false;
    if (slot.origin != d.id && slot.origin != analysis::kNone) {
      const Decl& origin = m.decl(slot.origin);
      if (origin.kind == analysis::DeclKind::Model && is_delegate(origin)) {
        // ZenStack keeps only the id fields inherited from a delegate base, without their
        // defaults: the base row owns the value.
        if (!is_id_field(d, *f)) return false;
        stripped = true;
      }
    }
    if (is_relation(*f) && f->type.decl != analysis::kNone && m.decl(f->type.decl).kind == analysis::DeclKind::View)
      return false;
    return true;
  }

  static void remove_duplicates(std::vector<FieldInfo>& fields) {
    std::vector<FieldInfo> unique;
    std::set<std::string_view> seen;
    for (const FieldInfo& f : fields)
      if (seen.insert(f.field->name).second) unique.push_back(f);
    fields = std::move(unique);
  }

  static void index_by_hash(ModelTable& mt) {
    mt.by_hash.clear();
    mt.by_hash.reserve(mt.fields.size());
    for (uint32_t i = 0; i < mt.fields.size(); ++i) mt.by_hash.emplace_back(mt.fields[i].hash, i);
    std::sort(mt.by_hash.begin(), mt.by_hash.end());
  }

  /// What the `@relation` of a relation field says, in one pass over its arguments.
  static void read_relation(const AttributeApp& rel, RelationInfo& r) {
    static constexpr std::array<std::string_view, 6> kParams = {"name", "fields", "references", "onDelete", "onUpdate", "map"};
    auto args = find_args(rel, kParams);
    if (args[0])
      if (auto s = args[0]->value.as_string()) r.name = *s;
    r.hash = name_hash(r.name);
    r.fields = args[1];
    r.references = args[2];
    // kNoAction (absent, or not an action's name) leaves the choice to Prisma's defaults.
    auto action = [](const analysis::Argument* a) -> uint8_t {
      if (a)
        if (auto n = a->value.name())
          return static_cast<uint8_t>(parse_action(*n, static_cast<ReferentialAction>(RelationInfo::kNoAction)));
      return RelationInfo::kNoAction;
    };
    r.on_delete = action(args[3]);
    r.on_update = action(args[4]);
    r.map = args[5];
  }

  void collect_fields(ModelTable& mt) {
    const Decl& d = *mt.decl;
    mt.fields.reserve(d.all_fields.size());
    size_t relation_count = 0;
    // Fingerprints seen so far, one bit each: a field is compared with the fields before it
    // only when its bit was already set (for models of up to kLinearLookup fields).
    uint64_t seen[16] = {};
    bool duplicates = false;
    for (const auto& slot : d.all_fields) {
      if (!slot.field) continue;
      // One pass over the attributes finds all lowering asks about. Built in place, taken
      // back when the field is not kept.
      FieldInfo& info = mt.fields.emplace_back();
      info.field = slot.field;
      bool computed = false;
      const auto& attrs = slot.field->attributes;
      auto first_of = [](uint16_t& index, size_t i) {
        if (index == FieldInfo::kNoAttribute) index = static_cast<uint16_t>(i);
      };
      for (size_t i = 0; i < attrs.size() && i < FieldInfo::kNoAttribute; ++i) {
        std::string_view name = attrs[i].name;
        if (name.size() < 3 || name[0] != '@') continue;
        // By length first, then the bytes as one fixed-size comparison (which the compiler
        // inlines, unlike string_view's ==).
        auto is = [&]<size_t N>(const char(&text)[N]) { return std::memcmp(name.data(), text, N - 1) == 0; };
        switch (name.size()) {
          case 3:
            if (is("@id")) first_of(info.id_attr, i);
            break;
          case 4:
            if (is("@map") && info.map_attr == FieldInfo::kNoAttribute)
              if (const auto* arg = attrs[i].first(); arg && arg->value.as_string())
                info.map_attr = static_cast<uint16_t>(i);
            break;
          case 7:
            if (is("@unique")) first_of(info.unique_attr, i);
            break;
          case 8:
            if (is("@default")) first_of(info.default_attr, i);
            break;
          case 9:
            if (is("@relation")) first_of(info.relation_attr, i);
            else if (is("@computed")) computed = true;
            break;
          default: break;
        }
        if (name.size() >= 4 && is("@db.")) info.native_type_attr = static_cast<uint16_t>(i);
      }
      if (!keeps(d, slot, computed, info.stripped_default)) {
        mt.fields.pop_back();
        continue;
      }
      info.hash = name_hash(slot.field->name);
      info.origin = slot.origin;
      info.member = slot.member;
      info.optional = slot.field->type.optional;
      relation_count += is_relation(*slot.field);
      if (!duplicates && mt.fields.size() <= ModelTable::kLinearLookup) {
        uint64_t& word = seen[(info.hash >> 6) & 15];
        uint64_t bit = uint64_t(1) << (info.hash & 63);
        if (word & bit) {
          for (size_t j = 0; j + 1 < mt.fields.size() && !duplicates; ++j)
            duplicates = mt.fields[j].hash == info.hash && mt.fields[j].field->name == info.field->name;
        }
        word |= bit;
      }
    }
    // A name seen before is skipped, as ZenStack keeps the first field of a name (the
    // analysis reports the duplicate). Rare, so it is only handled once detected.
    if (mt.fields.size() <= ModelTable::kLinearLookup) {
      if (duplicates) remove_duplicates(mt.fields);
    } else {
      index_by_hash(mt);
      duplicates = false;
      for (size_t i = 1; i < mt.by_hash.size() && !duplicates; ++i)
        for (size_t j = i; j > 0 && mt.by_hash[j - 1].first == mt.by_hash[i].first && !duplicates; --j)
          duplicates = mt.fields[mt.by_hash[j - 1].second].field->name == mt.fields[mt.by_hash[i].second].field->name;
      if (duplicates) {
        remove_duplicates(mt.fields);
        index_by_hash(mt);
      }
    }
    mt.relations.reserve(relation_count);
    for (uint32_t i = 0; i < mt.fields.size(); ++i) {
      const FieldInfo& fi = mt.fields[i];
      if (!is_relation(*fi.field)) continue;
      RelationInfo& r = mt.relations.emplace_back();
      r.field = i;
      r.target = fi.field->type.decl;
      r.list = fi.field->type.list;
      r.hash = name_hash("");
      if (const AttributeApp* rel = fi.relation()) read_relation(*rel, r);
      fk_bound += (r.fields && r.references) || (r.list && !r.fields);
    }
    fk_bound += 1;
    mt.by_target.reserve(mt.relations.size());
    for (uint32_t i = 0; i < mt.relations.size(); ++i) mt.by_target.emplace_back(mt.relations[i].target, i);
    std::sort(mt.by_target.begin(), mt.by_target.end());
  }

  /// Whether the field is a relation (or unresolved) rather than a column.
  static bool has_column(const Field& f) {
    return f.type.kind != analysis::TypeKind::Model && f.type.kind != analysis::TypeKind::Unresolved;
  }

  /// Column type of a scalar field (family, native type, arity) into `t`; false for relations.
  bool column_type(const FieldInfo& fi, ColumnType& t) {
    const Field& f = *fi.field;
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
        if (f.type.decl < enum_of_decl.size() && enum_of_decl[f.type.decl].valid()) {
          t.enum_id = enum_of_decl[f.type.decl];
          t.full_type = s().at(*t.enum_id).name;
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
      case analysis::TypeKind::Unresolved: return false;
    }
    // The last `@db.X(args)` wins, written as is into full_type for normalize to spell in the
    // dialect's way; enums and Unsupported keep their own name.
    const AttributeApp* db = fi.native_type();
    if (db && t.family != ColumnFamily::Enum && t.family != ColumnFamily::Unsupported) {
      t.full_type.assign(db->name, 4);
      if (!db->args.empty()) {
        t.full_type += '(';
        for (size_t i = 0; i < db->args.size(); ++i) {
          if (i) t.full_type += ',';
          t.full_type += db->args[i].value.text;
        }
        t.full_type += ')';
      }
    }
    return true;
  }

  /// The literal `e` into `l` (a fresh Literal); false when `e` is not one.
  bool literal(const Expr& e, const Field& f, ColumnFamily family, Literal& l) {
    if (e.kind == ExprKind::Array) {
      l.kind = LiteralKind::List;
      l.items.reserve(e.items().size());
      for (const auto& item : e.items())
        if (!literal(item, f, family, l.items.emplace_back())) return false;
      return true;
    }
    if (e.kind == ExprKind::Null) {
      l.kind = LiteralKind::Null;
      return true;
    }
    if (auto b = e.as_bool()) {
      l.kind = LiteralKind::Boolean;
      l.text = *b ? "true" : "false";
      return true;
    }
    if (auto n = e.as_number()) {
      l.text = *n;
      switch (family) {
        case ColumnFamily::Float: l.kind = LiteralKind::Float; break;
        case ColumnFamily::Decimal: l.kind = LiteralKind::Decimal; break;
        default: l.kind = LiteralKind::Int; break;
      }
      return true;
    }
    if (auto str = e.as_string()) {
      switch (family) {
        case ColumnFamily::Json: l.kind = LiteralKind::Json; break;
        case ColumnFamily::Binary: l.kind = LiteralKind::Bytes; break;
        case ColumnFamily::DateTime: l.kind = LiteralKind::DateTime; break;
        case ColumnFamily::Decimal: l.kind = LiteralKind::Decimal; break;
        case ColumnFamily::Float: l.kind = LiteralKind::Float; break;
        case ColumnFamily::Int:
        case ColumnFamily::BigInt: l.kind = LiteralKind::Int; break;
        default: l.kind = LiteralKind::String; break;
      }
      if (l.kind == LiteralKind::Bytes) l.text = base64_to_hex(*str);
      else if (l.kind == LiteralKind::DateTime) l.text = datetime_literal(*str);
      else l.text = *str;
      return true;
    }
    if (e.kind == ExprKind::Reference && f.type.kind == analysis::TypeKind::Enum && f.type.decl != analysis::kNone) {
      const Decl& en = m.decl(f.type.decl);
      l.kind = LiteralKind::Enum;
      // The value's database name, as lower_enums wrote it (the first value of that name, as
      // Decl::find_value finds it); by hash first, since each value's name is a cache miss.
      if (EnumId id = enum_of_decl[f.type.decl]; id.valid()) {
        const auto& hashes = enum_value_hashes[id.value];
        uint32_t h = name_hash(e.text);
        for (size_t i = 0; i < hashes.size(); ++i)
          if (hashes[i] == h && en.values[i].name == e.text) {
            l.text = s().at(id).values[i];
            return true;
          }
        l.text = e.text;
        return true;
      }
      const auto* v = en.find_value(e.text);
      l.text = v ? db_name_view(v->attributes, "@map", v->name) : std::string_view(e.text);
      return true;
    }
    return false;
  }

  /// The column's default from the field's `@default`, built in place in `c.default_value`
  /// (a DefaultValue is a hundred bytes: moving one costs as much as filling it). Sets the
  /// column's auto_increment and prisma_level_default flags.
  void set_default_value(const FieldInfo& fi, Column& c) {
    const Field& f = *fi.field;
    const AttributeApp* a = fi.default_value();
    if (!a) return;
    const auto* arg = a->first();
    if (!arg) return;
    const Expr& e = arg->value;
    if (e.kind == ExprKind::Call) {
      if (e.text == "autoincrement") {
        c.auto_increment = true;
        c.default_value.emplace().kind = DefaultKind::Sequence;
        return;
      }
      if (e.text == "now") {
        c.default_value.emplace().kind = DefaultKind::Now;
        return;
      }
      if (e.text == "dbgenerated") {
        DefaultValue& d = c.default_value.emplace();
        d.kind = DefaultKind::DbGenerated;
        if (const auto* x = e.arg("expr", 0))
          if (auto s = x->value.as_string()) d.expression = *s;
        return;
      }
      // uuid(), cuid(), nanoid(), ulid(): filled in by the client, not the database.
      if (e.text == "uuid" || e.text == "cuid" || e.text == "nanoid" || e.text == "ulid") c.prisma_level_default = true;
      return;
    }
    if (e.kind == ExprKind::Member || e.kind == ExprKind::This) return;
    DefaultValue& d = c.default_value.emplace();
    d.kind = DefaultKind::Value;
    if (!literal(e, f, c.type.family, d.value)) c.default_value.reset();
  }

  void lower_enums() {
    s().enums.reserve(m.enums.size());
    enum_value_hashes.reserve(m.enums.size());
    for (DeclId id : m.enums) {
      const Decl& d = m.decl(id);
      Enum e;
      e.namespace_id = namespace_for(d.attributes);
      e.name = db_name(d.attributes, "@@map", d.name);
      e.values.reserve(d.values.size());
      auto& hashes = enum_value_hashes.emplace_back();
      hashes.reserve(d.values.size());
      for (const auto& v : d.values) {
        e.values.push_back(db_name(v.attributes, "@map", v.name));
        hashes.push_back(name_hash(v.name));
      }
      enum_of_decl[id] = s().add_enum(std::move(e));
    }
  }

  /// Each model's table, its columns, keys and indexes, one model after the other: a model's
  /// fields and attributes are read while they are in cache, not in one sweep over every
  /// model per kind of object. Foreign keys and join tables need every table's columns and
  /// come after (lower_foreign_keys, lower_implicit_many_to_many).
  void lower_models() {
    // Upper bounds from the declarations alone, so that the lists are allocated once (and
    // touched only as far as they fill). A relation field has no column, and a join table
    // takes two list relation fields for its two columns; each field adds at most one index
    // (its @unique, or its join table's) and at most half a join table. (Foreign keys are
    // counted once the relations are known: run().)
    size_t model_count = 0, field_bound = 0, index_bound = 0;
    for (DeclId id : m.models) {
      const Decl& d = m.decl(id);
      if (d.is_abstract || d.kind != analysis::DeclKind::Model) continue;
      ++model_count;
      field_bound += d.all_fields.size();
      index_bound += 1 + d.all_attributes.size() + d.all_fields.size();
    }
    tables.reserve(model_count);
    s().tables.reserve(model_count + field_bound / 2);
    s().columns.reserve(field_bound);
    s().indexes.reserve(index_bound);
    for (DeclId id : m.models) {
      const Decl& d = m.decl(id);
      if (d.is_abstract || d.kind != analysis::DeclKind::Model) continue;
      table_of_decl[id] = static_cast<uint32_t>(tables.size());
      ModelTable& mt = tables.emplace_back();
      mt.decl = &d;
      mt.table = s().add_table(namespace_for(d.all_attributes), db_name(d.attributes, "@@map", d.name));
      collect_fields(mt);
      add_columns(mt);
      lower_keys_and_indexes(mt);
    }
  }

  void add_columns(ModelTable& mt) {
    auto& table_columns = s().at(mt.table).columns;
    table_columns.reserve(mt.fields.size() - mt.relations.size());
    for (FieldInfo& fi : mt.fields) {
      if (!has_column(*fi.field)) continue;
      // Built in place: a column is a dozen strings and optionals, each move costs.
      fi.column = ColumnId(static_cast<uint32_t>(s().columns.size()));
      Column& c = s().columns.emplace_back();
      table_columns.push_back(fi.column);
      c.table = mt.table;
      c.name.append(fi.db_name());  // into the empty name: cheaper than assign's general case
      column_type(fi, c.type);
      if (!fi.stripped_default) set_default_value(fi, c);
    }
  }

  /// Appends the index column a field reference (`a`, `a(sort: Desc)`) names to `out`; false
  /// (nothing appended) when it names no column.
  bool index_column(const ModelTable& mt, const Expr& e, std::vector<IndexColumn>& out) {
    if (!e.name()) return false;
    const FieldInfo* field = mt.find(e);
    if (!field || !field->column.valid()) return false;
    IndexColumn& ic = out.emplace_back();
    ic.column = field->column;
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
    return true;
  }

  /// Columns of a field-list attribute (@@id/@@unique/@@index); empty when one cannot be found.
  std::vector<IndexColumn> index_columns(const ModelTable& mt, const AttributeApp& a) {
    std::vector<IndexColumn> cols;
    const auto* arg = a.first();
    if (!arg) return cols;
    // Prisma also accepts a single field without brackets: `@@index(projectId)`.
    if (arg->value.kind != ExprKind::Array) {
      cols.reserve(1);
      if (!index_column(mt, arg->value, cols)) cols.clear();
      return cols;
    }
    cols.reserve(arg->value.items().size());
    for (const auto& item : arg->value.items())
      if (!index_column(mt, item, cols)) {
        cols.clear();
        break;
      }
    return cols;
  }

  /// Prisma's generated name for a constraint on `columns` of `table`.
  std::string generated_name(std::string_view table, const std::vector<IndexColumn>& columns, std::string_view suffix) {
    name_buffer.clear();
    for (const auto& c : columns) name_buffer.push_back(s().at(c.column).name);
    return make_constraint_name(table, name_buffer, suffix, max_ident);
  }

  /// A new index of `table`, appended to the schema and to the table's list: filled in place
  /// (an Index holds a string and a vector, which would each be moved twice otherwise).
  Index& new_index(TableId table, IndexKind kind) {
    s().tables[table.value].indexes.push_back(IndexId(static_cast<uint32_t>(s().indexes.size())));
    Index& ix = s().indexes.emplace_back();
    ix.table = table;
    ix.kind = kind;
    return ix;
  }

  /// The single-column key or index of a field's `@id` or `@unique`, with its `sort:`,
  /// `length:` and `map:` arguments read in one pass. `suffix` names a generated name.
  void add_field_index(const ModelTable& mt, const FieldInfo& f, const AttributeApp& a, IndexKind kind,
                       std::string_view suffix) {
    static constexpr std::array<std::string_view, 3> kParams = {"sort", "length", "map"};
    auto args = find_args(a, kParams);
    Index& ix = new_index(mt.table, kind);
    IndexColumn& ic = ix.columns.emplace_back();
    ic.column = f.column;
    if (args[0])
      if (auto n = args[0]->value.name()) ic.sort = *n == "Desc" ? SortOrder::Desc : SortOrder::Asc;
    if (args[1])
      if (auto n = args[1]->value.as_number()) ic.length = static_cast<uint32_t>(std::stoul(std::string(*n)));
    if (args[2])
      if (auto n = args[2]->value.as_string()) {
        ix.name = *n;
        return;
      }
    // The primary key's name has no columns in it.
    std::string_view column = s().at(f.column).name;
    ix.name = make_constraint_name(s().at(mt.table).name, std::span<const std::string_view>(&column, kind == IndexKind::PrimaryKey ? 0 : 1),
                                   suffix, max_ident);
  }

  void lower_keys_and_indexes(ModelTable& mt) {
    const Decl& d = *mt.decl;
    const std::string& table = s().at(mt.table).name;
    size_t estimate = 1 + d.all_attributes.size();
    for (const FieldInfo& f : mt.fields) estimate += f.unique_attr != FieldInfo::kNoAttribute;
    s().at(mt.table).indexes.reserve(estimate);
    // Primary key: @id on a field, or @@id.
    bool has_primary_key = false;
    for (const FieldInfo& f : mt.fields) {
      const AttributeApp* id = f.id();
      if (!id || !f.column.valid()) continue;
      add_field_index(mt, f, *id, IndexKind::PrimaryKey, "_pkey");
      has_primary_key = true;
      break;
    }
    if (!has_primary_key)
      if (const auto* id = d.find_any_attribute("@@id")) {
        auto columns = index_columns(mt, *id);
        if (!columns.empty()) {
          Index& pk = new_index(mt.table, IndexKind::PrimaryKey);
          pk.columns = std::move(columns);
          if (auto n = string_arg(*id, "map")) pk.name = *n;
          else pk.name = make_constraint_name(table, std::span<const std::string_view>(), "_pkey", max_ident);
        }
      }
    // Field-level @unique, then @@index, then @@unique (the order Prisma's parser collects them).
    for (const FieldInfo& f : mt.fields) {
      const AttributeApp* unique = f.unique();
      if (!unique || !f.column.valid()) continue;
      add_field_index(mt, f, *unique, IndexKind::Unique, "_key");
    }
    for (std::string_view which : {std::string_view("@@index"), std::string_view("@@unique")}) {
      bool unique = which == "@@unique";
      for (const auto& a : d.all_attributes) {
        if (a.name != which) continue;
        auto columns = index_columns(mt, a);
        if (columns.empty()) continue;
        static constexpr std::array<std::string_view, 2> kParams = {"map", "type"};
        auto args = find_args(a, kParams);
        Index& ix = new_index(mt.table, unique ? IndexKind::Unique : IndexKind::Normal);
        ix.columns = std::move(columns);
        std::optional<std::string_view> map;
        if (args[0]) map = args[0]->value.as_string();
        ix.name = map ? std::string(*map) : generated_name(table, ix.columns, unique ? "_key" : "_idx");
        if (!unique && args[1])
          if (auto t = args[1]->value.name()) {
            if (*t == "Hash") ix.algorithm = IndexAlgorithm::Hash;
            else if (*t == "Gist") ix.algorithm = IndexAlgorithm::Gist;
            else if (*t == "Gin") ix.algorithm = IndexAlgorithm::Gin;
            else if (*t == "SpGist") ix.algorithm = IndexAlgorithm::SpGist;
            else if (*t == "Brin") ix.algorithm = IndexAlgorithm::Brin;
            else ix.algorithm = IndexAlgorithm::BTree;
          }
      }
    }
  }

  /// Adds the foreign key from the fields `from` of `mt` to the fields `to` of `target`;
  /// nothing when one was not found (null) or has no column, or the lists do not match. `map`
  /// is the `map:` argument of the `@relation`, if any.
  void add_fk(const ModelTable& mt, const ModelTable& target, const std::vector<const FieldInfo*>& from,
              const std::vector<const FieldInfo*>& to, const analysis::Argument* map, ReferentialAction del,
              ReferentialAction upd) {
    auto has_column = [](const FieldInfo* f) { return f && f->column.valid(); };
    if (from.empty() || from.size() != to.size() || !std::all_of(from.begin(), from.end(), has_column) ||
        !std::all_of(to.begin(), to.end(), has_column))
      return;
    // Checked first, then filled in place: a ForeignKey holds a string and two vectors.
    s().tables[mt.table.value].foreign_keys.push_back(ForeignKeyId(static_cast<uint32_t>(s().foreign_keys.size())));
    ForeignKey& fk = s().foreign_keys.emplace_back();
    fk.table = mt.table;
    fk.referenced_table = target.table;
    fk.columns.reserve(from.size());
    for (const FieldInfo* f : from) fk.columns.push_back(f->column);
    fk.referenced_columns.reserve(to.size());
    for (const FieldInfo* f : to) fk.referenced_columns.push_back(f->column);
    if (map)
      if (auto n = map->value.as_string()) fk.name = *n;
    if (fk.name.empty()) {
      name_buffer.clear();
      for (auto c : fk.columns) name_buffer.push_back(s().at(c).name);
      fk.name = make_constraint_name(s().at(mt.table).name, name_buffer, "_fkey", max_ident);
    }
    fk.on_delete = del;
    fk.on_update = upd;
  }

  void lower_foreign_keys(ModelTable& mt) {
    auto& from = from_buffer;
    auto& to = to_buffer;
    size_t estimate = 1;  // the delegate_aux key
    for (const RelationInfo& r : mt.relations) estimate += r.fields && r.references;
    s().at(mt.table).foreign_keys.reserve(estimate);
    for (const RelationInfo& r : mt.relations) {
      if (!r.fields || !r.references) continue;
      const ModelTable* target = table_for(r.target);
      if (!target) continue;
      from.clear();
      to.clear();
      // Each field named (null when not found: no foreign key).
      for (const auto& e : r.fields->value.items())
        if (e.name()) from.push_back(mt.find(e));
      for (const auto& e : r.references->value.items())
        if (e.name()) to.push_back(target->find(e));
      // Prisma's defaults: Restrict when any referencing field is required (its "referential
      // arity"), SetNull when all are optional; updates cascade.
      bool any_required = false;
      for (const FieldInfo* sf : from)
        if (sf && !sf->optional) any_required = true;
      auto del = r.on_delete != RelationInfo::kNoAction
                     ? static_cast<ReferentialAction>(r.on_delete)
                     : any_required ? ReferentialAction::Restrict : ReferentialAction::SetNull;
      auto upd = r.on_update != RelationInfo::kNoAction ? static_cast<ReferentialAction>(r.on_update)
                                                        : ReferentialAction::Cascade;
      add_fk(mt, *target, from, to, r.map, del, upd);
    }
    // ZenStack's delegate_aux_<base> relation: the sub model's id references the base's id.
    if (const Decl* base = delegate_base(*mt.decl)) {
      if (const ModelTable* target = table_for(base->id)) {
        from.clear();
        to.clear();
        for (const FieldInfo* f : id_fields(mt)) from.push_back(f);
        for (const FieldInfo* f : id_fields(*target)) to.push_back(f);
        if (!from.empty() && from.size() == to.size() && mt.fields.size())
          add_fk(mt, *target, from, to, nullptr, ReferentialAction::Cascade, ReferentialAction::Cascade);
      }
    }
  }

  void lower_implicit_many_to_many() {
    std::set<std::string, std::less<>> done;
    struct JoinTable {
      std::string name;
      const ModelTable* a;
      const ModelTable* b;
    };
    // Found first, so that the table list grows at most once (lower_models reserves for them).
    std::vector<JoinTable> joins;
    for (auto& mt : tables) {
      for (const RelationInfo& r : mt.relations) {
        if (!r.list || r.fields) continue;
        const ModelTable* other = table_for(r.target);
        if (!other) continue;
        const Field* f = mt.fields[r.field].field;
        const RelationInfo* opposite = nullptr;
        auto range = std::equal_range(other->by_target.begin(), other->by_target.end(),
                                      std::pair<DeclId, uint32_t>(mt.decl->id, 0),
                                      [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto it = range.first; it != range.second; ++it) {
          const RelationInfo& g = other->relations[it->second];
          if (other->fields[g.field].field == f || g.hash != r.hash || g.name != r.name) continue;
          opposite = &g;
          break;
        }
        if (!opposite || !opposite->list) continue;
        // Model "A" is the one whose name sorts first. Prisma records the relation while
        // walking model A's fields, so join tables come in model-A order, then field order.
        if (other->decl->name < mt.decl->name) continue;
        const ModelTable* a = &mt;
        const ModelTable* b = other;
        std::string name = r.name.empty() ? a->decl->name + "To" + b->decl->name : std::string(r.name);
        if (!done.insert(name).second) continue;
        joins.push_back({std::move(name), a, b});
      }
    }
    s().tables.reserve(s().tables.size() + joins.size());
    for (const JoinTable& j : joins) add_join_table(j.name, *j.a, *j.b);
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
    auto add = [&](const char* col, const FieldInfo* idf) {
      Column c;
      c.table = t;
      c.name = col;
      column_type(*idf, c.type);
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
    auto fk = [&](ColumnId col, const ModelTable& target, const FieldInfo* idf, const char* suffix) {
      ForeignKey k;
      k.table = t;
      k.name = tname + suffix;
      k.columns = {col};
      k.referenced_table = target.table;
      k.referenced_columns = {idf->column};
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
    table_of_decl.assign(m.decls.size(), kNoTable);
    enum_of_decl.assign(m.decls.size(), EnumId());
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
    // Enums are TEXT outside PostgreSQL: enum_of_decl stays invalid.
    if (provider == Provider::Postgresql) lower_enums();
    lower_models();
    if (foreign_keys) s().foreign_keys.reserve(fk_bound);
    if (foreign_keys)
      for (auto& mt : tables) lower_foreign_keys(mt);
    lower_implicit_many_to_many();
  }
};

}  // namespace

std::string constraint_name(std::string_view table, const std::vector<std::string>& columns, std::string_view suffix,
                            size_t max_length) {
  return make_constraint_name(table, columns, suffix, max_length);
}

LowerResult lower_zmodel(const analysis::Model& model, const LowerOptions& options) {
  Provider provider = Provider::Sqlite;
  if (options.provider) provider = *options.provider;
  else if (model.datasource && model.datasource->provider) provider = *model.datasource->provider;
  Lowerer l(model, provider);
  l.run();
  return std::move(l.out);
}

}  // namespace zen::schema
