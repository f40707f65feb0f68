// The PostgreSQL differ flavour: type-change riskiness, default comparison, index matching.
#include "dialect/postgres/flavour.h"

#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

#include "dialect/postgres/normalize.h"

namespace zen::dialect::postgres {

using diff::ColumnTypeChange;
using schema::ColumnView;

namespace {

/// A canonical type split into its name and numeric arguments.
struct NativeType {
  std::string name;
  std::vector<long> args;
  bool operator==(const NativeType&) const = default;
};

NativeType parse_native(std::string_view t) {
  NativeType n;
  size_t open = t.find('(');
  n.name = std::string(t.substr(0, open));
  if (open == std::string_view::npos) return n;
  std::string_view rest = t.substr(open + 1);
  while (!rest.empty() && rest.front() != ')') {
    long v = 0;
    auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), v);
    if (ec != std::errc()) break;
    n.args.push_back(v);
    rest.remove_prefix(p - rest.data());
    if (!rest.empty() && rest.front() == ',') rest.remove_prefix(1);
  }
  return n;
}

std::optional<long> arg0(const NativeType& t) {
  if (t.args.empty()) return std::nullopt;
  return t.args[0];
}

bool is_stringish(const NativeType& t) { return t.name == "TEXT" || t.name == "VARCHAR" || t.name == "CHAR"; }

/// Casts to TEXT / VARCHAR / CHAR, given the longest text the previous type can produce.
ColumnTypeChange to_string_cast(const NativeType& next, long max_chars) {
  if (next.name == "TEXT") return ColumnTypeChange::SafeCast;
  auto len = arg0(next);
  if (!len) return next.name == "CHAR" ? ColumnTypeChange::RiskyCast : ColumnTypeChange::SafeCast;
  return *len < max_chars ? ColumnTypeChange::RiskyCast : ColumnTypeChange::SafeCast;
}

bool is_time_family(const std::string& n) {
  return n == "TIMESTAMP" || n == "TIMESTAMPTZ" || n == "DATE" || n == "TIME" || n == "TIMETZ";
}

std::optional<ColumnTypeChange> known_change(const NativeType& prev, const NativeType& next) {
  using C = ColumnTypeChange;
  if (prev == next) return std::nullopt;
  const std::string& p = prev.name;
  const std::string& n = next.name;
  auto int_like = [&](long digits, long text_len, std::initializer_list<const char*> risky_ints) -> C {
    for (const char* r : risky_ints)
      if (n == r) return C::RiskyCast;
    if (n == "SMALLINT" || n == "INTEGER" || n == "BIGINT") return C::SafeCast;
    if (n == "DECIMAL") {
      if (next.args.size() == 2 && next.args[0] - next.args[1] < digits) return C::RiskyCast;
      return C::SafeCast;
    }
    if (n == "REAL" || n == "DOUBLE PRECISION") return C::SafeCast;
    if (is_stringish(next)) return to_string_cast(next, text_len);
    return C::NotCastable;
  };
  if (p == "SMALLINT") return int_like(3, 4, {});
  if (p == "INTEGER") return int_like(10, 11, {"SMALLINT"});
  if (p == "BIGINT") return int_like(19, 20, {"SMALLINT", "INTEGER"});
  if (p == "DECIMAL") {
    if (n == "SMALLINT" || n == "INTEGER" || n == "BIGINT") {
      long limit = n == "SMALLINT" ? 2 : n == "INTEGER" ? 9 : 18;
      if (prev.args.size() != 2 || prev.args[1] > 0 || prev.args[0] > limit) return C::RiskyCast;
      return C::SafeCast;
    }
    if (n == "DECIMAL") {
      if (prev.args.size() == 2 && next.args.empty()) return C::SafeCast;
      if (prev.args.empty() && next.args.size() == 2) return C::RiskyCast;
      if (prev.args.size() == 2 && next.args.size() == 2 &&
          (prev.args[0] - prev.args[1] > next.args[0] - next.args[1] || prev.args[1] > next.args[1]))
        return C::RiskyCast;
      return C::SafeCast;
    }
    if (n == "REAL" || n == "DOUBLE PRECISION") return C::RiskyCast;
    if (is_stringish(next)) {
      if (n == "TEXT") return C::SafeCast;
      auto len = arg0(next);
      if (!len) return n == "CHAR" ? C::RiskyCast : C::SafeCast;
      if (prev.args.size() == 2) {
        long need = prev.args[0] + (prev.args[1] > 0 ? 2 : 1);
        return need > *len ? C::RiskyCast : C::SafeCast;
      }
      return *len < 131073 ? C::RiskyCast : C::SafeCast;
    }
    return C::NotCastable;
  }
  if (p == "REAL" || p == "DOUBLE PRECISION") {
    if (n == "SMALLINT" || n == "INTEGER" || n == "BIGINT" || n == "DECIMAL") return C::RiskyCast;
    if (n == "REAL") return p == "REAL" ? C::SafeCast : C::RiskyCast;
    if (n == "DOUBLE PRECISION") return C::SafeCast;
    if (is_stringish(next)) return to_string_cast(next, p == "REAL" ? 47 : 317);
    return C::NotCastable;
  }
  if (p == "VARCHAR" || p == "CHAR") {
    if (n == "TEXT") return C::SafeCast;
    if (n == "VARCHAR" || n == "CHAR") {
      auto ol = arg0(prev), nl = arg0(next);
      if (p == "CHAR" && !ol) return C::SafeCast;
      if (!ol && !nl) return n == "CHAR" ? C::RiskyCast : C::SafeCast;
      if (!ol && nl) return C::RiskyCast;
      if (ol && !nl) return (*ol == 1 || n != "CHAR") ? C::SafeCast : C::RiskyCast;
      return *ol > *nl ? C::RiskyCast : C::SafeCast;
    }
    return C::NotCastable;
  }
  if (p == "TEXT") {
    if ((n == "VARCHAR" && next.args.empty()) || n == "CITEXT") return C::SafeCast;
    if (n == "VARCHAR" || n == "CHAR") return C::RiskyCast;
    return C::NotCastable;
  }
  if (p == "CITEXT") return (n == "TEXT" || n == "VARCHAR") ? C::SafeCast : C::RiskyCast;
  if (p == "INET") return (n == "CITEXT" || n == "TEXT" || n == "VARCHAR") ? C::SafeCast : C::NotCastable;
  if (p == "MONEY") return (n == "CITEXT" || n == "TEXT" || n == "VARCHAR") ? C::SafeCast : C::RiskyCast;
  if (p == "OID")
    return (n == "TEXT" || n == "VARCHAR" || n == "BIGINT" || n == "INTEGER") ? C::SafeCast : C::NotCastable;
  if (p == "BYTEA") {
    if (n == "TEXT" || (n == "VARCHAR" && next.args.empty())) return C::SafeCast;
    if ((n == "VARCHAR" || n == "CHAR") && arg0(next) && *arg0(next) > 2) return C::RiskyCast;
    return C::NotCastable;
  }
  if (is_time_family(p)) {
    // Same type, one side without precision: no change (Prisma compares them as equal).
    if (p == n && p != "DATE" && (prev.args.empty() || next.args.empty() || prev.args == next.args))
      return std::nullopt;
    long min_len = p == "TIMESTAMP" ? 22 : p == "TIME" ? 13 : p == "TIMETZ" ? 18 : 27;
    if (n == "TEXT" || (n == "VARCHAR" && next.args.empty())) return C::SafeCast;
    if ((n == "VARCHAR" || n == "CHAR") && arg0(next) && *arg0(next) > min_len) return C::SafeCast;
    if (p == "DATE") return (n == "TIMESTAMP" || n == "TIMESTAMPTZ") ? C::SafeCast : C::NotCastable;
    if (p == "TIME") return n == "TIMETZ" ? C::SafeCast : C::NotCastable;
    if (p == "TIMETZ") return (n == "TIMETZ" || n == "TIME") ? C::SafeCast : C::NotCastable;
    return is_time_family(n) ? C::SafeCast : C::NotCastable;
  }
  if (p == "BOOLEAN") {
    if (n == "TEXT" || n == "VARCHAR") return C::SafeCast;
    if (n == "CHAR" && arg0(next) && *arg0(next) > 4) return C::SafeCast;
    if (n == "CHAR" && arg0(next) && *arg0(next) > 3) return C::RiskyCast;
    return C::NotCastable;
  }
  if (p == "BIT" || p == "VARBIT") {
    if (n == "TEXT" || (n == "VARCHAR" && next.args.empty())) return C::SafeCast;
    if (n == "VARBIT" || n == "VARCHAR" || n == "CHAR" || n == "BIT") {
      auto ol = arg0(prev), nl = arg0(next);
      if (!nl || !ol) return p == "BIT" ? C::SafeCast : C::RiskyCast;
      return *nl >= *ol ? C::SafeCast : C::RiskyCast;
    }
    return C::NotCastable;
  }
  if (p == "UUID") {
    if (n == "TEXT" || (n == "VARCHAR" && next.args.empty())) return C::SafeCast;
    if ((n == "VARCHAR" || n == "CHAR") && arg0(next) && *arg0(next) > 31) return C::SafeCast;
    return C::NotCastable;
  }
  if (p == "XML" || p == "JSON" || p == "JSONB") {
    if (n == "TEXT" || (n == "VARCHAR" && next.args.empty())) return C::SafeCast;
    if ((p == "JSON" && n == "JSONB") || (p == "JSONB" && n == "JSON")) return C::SafeCast;
    if (n == "VARCHAR" || n == "CHAR") return C::RiskyCast;
    return C::NotCastable;
  }
  return C::RiskyCast;
}

std::string normalize_datetime(std::string s) {
  for (char& c : s)
    if (c == 'T') c = ' ';
  auto strip_suffix = [&](std::string_view suffix) {
    if (s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      s.resize(s.size() - suffix.size());
      return true;
    }
    return false;
  };
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (!strip_suffix("Z") && !strip_suffix("z") && !strip_suffix("+00:00")) strip_suffix("+00");
  while (!s.empty() && s.back() == ' ') s.pop_back();
  auto dot = s.find('.');
  if (dot != std::string::npos) {
    while (s.size() > dot + 1 && s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string normalize_number(std::string s) {
  if (s.find('.') != std::string::npos && s.find_first_of("eE") == std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

bool json_equal(const std::string& a, const std::string& b) {
  auto ja = nlohmann::json::parse(a, nullptr, /*allow_exceptions=*/false);
  auto jb = nlohmann::json::parse(b, nullptr, /*allow_exceptions=*/false);
  if (ja.is_discarded() || jb.is_discarded()) return true;  // Prisma: unparsable JSON matches
  return ja == jb;
}

bool literals_match(const schema::Literal& a, const schema::Literal& b, schema::ColumnFamily family) {
  using schema::LiteralKind;
  if (a.kind == LiteralKind::List || b.kind == LiteralKind::List) {
    if (a.kind != b.kind || a.items.size() != b.items.size()) return false;
    for (size_t i = 0; i < a.items.size(); ++i)
      if (!literals_match(a.items[i], b.items[i], family)) return false;
    return true;
  }
  if (a.kind == LiteralKind::Null || b.kind == LiteralKind::Null) return a.kind == b.kind;
  if (family == schema::ColumnFamily::Json || a.kind == LiteralKind::Json || b.kind == LiteralKind::Json)
    return json_equal(a.text, b.text);
  if (family == schema::ColumnFamily::DateTime || a.kind == LiteralKind::DateTime || b.kind == LiteralKind::DateTime)
    return normalize_datetime(a.text) == normalize_datetime(b.text);
  auto numeric = [](LiteralKind k) {
    return k == LiteralKind::Int || k == LiteralKind::Float || k == LiteralKind::Decimal;
  };
  if (numeric(a.kind) || numeric(b.kind)) return normalize_number(a.text) == normalize_number(b.text);
  if (a.kind == LiteralKind::Bytes || b.kind == LiteralKind::Bytes) {
    auto hex = [](std::string s) {
      if (s.rfind("\\x", 0) == 0) s = s.substr(2);
      for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    return hex(a.text) == hex(b.text);
  }
  return a.text == b.text;
}

bool family_known(schema::ColumnFamily f) { return f != schema::ColumnFamily::Unsupported; }

}  // namespace

std::optional<ColumnTypeChange> native_type_change(std::string_view previous, std::string_view next) {
  return known_change(parse_native(previous), parse_native(next));
}

std::optional<ColumnTypeChange> PostgresFlavour::column_type_change(diff::Pair<ColumnView> cols) const {
  const auto& pt = cols.previous.type();
  const auto& nt = cols.next.type();
  bool pe = pt.family == schema::ColumnFamily::Enum, ne = nt.family == schema::ColumnFamily::Enum;
  if (pe || ne) {
    // The same enum is no type change (an arity change is rendered on its own); any other
    // change to or from an enum cannot be cast.
    if (pe && ne && pt.full_type == nt.full_type) return std::nullopt;
    return ColumnTypeChange::NotCastable;
  }
  bool from_list = pt.arity == schema::Arity::List && nt.arity != schema::Arity::List;
  bool to_list = pt.arity != schema::Arity::List && nt.arity == schema::Arity::List;
  NativeType next = parse_native(nt.full_type);
  if (from_list) {
    if (next.name == "TEXT" || (next.name == "VARCHAR" && next.args.empty())) return ColumnTypeChange::SafeCast;
    if (next.name == "VARCHAR" || next.name == "CHAR") return ColumnTypeChange::RiskyCast;
    return ColumnTypeChange::NotCastable;
  }
  if (to_list) return ColumnTypeChange::NotCastable;
  bool p_known = family_known(pt.family), n_known = family_known(nt.family);
  if (!p_known || !n_known) {
    if (canonical_type(pt.full_type) == canonical_type(nt.full_type)) return std::nullopt;
    return ColumnTypeChange::RiskyCast;
  }
  return known_change(parse_native(pt.full_type), next);
}

bool PostgresFlavour::defaults_match(diff::Pair<ColumnView> cols) const {
  using schema::DefaultKind;
  using schema::LiteralKind;
  // A NULL literal default is no default.
  auto effective = [](const schema::HeapOptional<schema::DefaultValue>& d) -> const schema::DefaultValue* {
    if (!d || (d->kind == DefaultKind::Value && d->value.kind == LiteralKind::Null)) return nullptr;
    return &*d;
  };
  const schema::DefaultValue* prev = effective(cols.previous.default_value());
  const schema::DefaultValue* next = effective(cols.next.default_value());
  if (!prev && !next) return true;
  // We can never migrate to dbgenerated(), and sequences are handled separately.
  if (next && (next->kind == DefaultKind::DbGenerated || next->kind == DefaultKind::Sequence)) return true;
  if (!next) return prev->kind == DefaultKind::Sequence;
  if (!prev) return false;
  if (prev->kind != next->kind) return false;
  switch (prev->kind) {
    case DefaultKind::Now: return true;
    case DefaultKind::Value: return literals_match(prev->value, next->value, cols.next.family());
    default: return true;
  }
}

bool PostgresFlavour::indexes_match(diff::Pair<schema::IndexView> idx) const {
  const auto& a = idx.previous.get();
  const auto& b = idx.next.get();
  if (a.columns.size() != b.columns.size()) return false;
  if (a.algorithm.value_or(schema::IndexAlgorithm::BTree) != b.algorithm.value_or(schema::IndexAlgorithm::BTree))
    return false;
  // An operator class left out matches the column type's default one (Prisma does the same).
  for (size_t i = 0; i < a.columns.size(); ++i) {
    const auto& oa = a.columns[i].operator_class;
    const auto& ob = b.columns[i].operator_class;
    if (oa == ob) continue;
    if (oa.empty() && is_default_operator_class(ob, b.algorithm, idx.next.column(i).get())) continue;
    if (ob.empty() && is_default_operator_class(oa, a.algorithm, idx.previous.column(i).get())) continue;
    return false;
  }
  return true;
}

std::string PostgresFlavour::type_name_for_warning(ColumnView column) const {
  const auto& t = column.type();
  if (t.family == schema::ColumnFamily::Enum || t.family == schema::ColumnFamily::Unsupported) return t.full_type;
  return prisma_type_name(t.full_type);
}

bool PostgresFlavour::table_should_be_ignored(std::string_view name) const {
  static constexpr std::string_view kPostgis[] = {"spatial_ref_sys", "geometry_columns", "geography_columns",
                                                  "raster_columns", "raster_overviews"};
  if (name == "_prisma_migrations") return true;
  // PostGIS's tables in any letter case, compared without a lower-cased copy (this is asked
  // of every table).
  auto lower_equals = [&](std::string_view p) {
    if (name.size() != p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(name[i])) != p[i]) return false;
    return true;
  };
  for (auto p : kPostgis)
    if (lower_equals(p)) return true;
  return false;
}

}  // namespace zen::dialect::postgres
