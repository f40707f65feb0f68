// Rule: `@default` values fit their field: literals of the field's type, enum values of the
// field's own enum, `autoincrement()` only on Int/BigInt, `now()` only on DateTime, id generators
// only on String (with valid `version`/`length`/`format` arguments), valid JSON text for Json.
#include <cctype>

#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

using namespace std::string_view_literals;
namespace {

// A small JSON syntax check (RFC 8259), enough to reject malformed default values.
struct JsonCheck {
  std::string_view s;
  size_t i = 0;
  int depth = 0;
  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  bool lit(std::string_view w) {
    if (s.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  }
  bool str() {
    if (i >= s.size() || s[i] != '"') return false;
    for (++i; i < s.size(); ++i) {
      if (s[i] == '\\') { ++i; continue; }
      if (s[i] == '"') { ++i; return true; }
      if (static_cast<unsigned char>(s[i]) < 0x20) return false;
    }
    return false;
  }
  bool num() {
    size_t start = i;
    if (i < s.size() && s[i] == '-') ++i;
    size_t digits = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == digits) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      size_t f = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (i == f) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      ++i;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
      size_t e = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (i == e) return false;
    }
    return i > start;
  }
  bool value() {
    if (++depth > 200) return false;
    ws();
    bool ok = false;
    if (i >= s.size()) return false;
    char c = s[i];
    if (c == '{') {
      ++i;
      ws();
      if (i < s.size() && s[i] == '}') { ++i; ok = true; }
      else {
        while (true) {
          ws();
          if (!str()) return false;
          ws();
          if (i >= s.size() || s[i] != ':') return false;
          ++i;
          if (!value()) return false;
          ws();
          if (i < s.size() && s[i] == ',') { ++i; continue; }
          if (i < s.size() && s[i] == '}') { ++i; ok = true; }
          break;
        }
      }
    } else if (c == '[') {
      ++i;
      ws();
      if (i < s.size() && s[i] == ']') { ++i; ok = true; }
      else {
        while (true) {
          if (!value()) return false;
          ws();
          if (i < s.size() && s[i] == ',') { ++i; continue; }
          if (i < s.size() && s[i] == ']') { ++i; ok = true; }
          break;
        }
      }
    } else if (c == '"') ok = str();
    else if (c == 't') ok = lit("true");
    else if (c == 'f') ok = lit("false");
    else if (c == 'n') ok = lit("null");
    else ok = num();
    --depth;
    return ok;
  }
};

bool is_valid_json(std::string_view s) {
  JsonCheck j{s};
  if (!j.value()) return false;
  j.ws();
  return j.i == s.size();
}

const char* kind_name(const FieldType& t) {
  return t.builtin ? builtin_type_name(*t.builtin) : "";
}

struct DefaultCheck {
  ValidationContext& ctx;
  const Field& f;

  void error(const Expr& e, std::string message) {
    ctx.error("invalid-default", f.file, e.range, std::move(message)).data.push_back({"field", f.name});
  }

  void check_call(const Expr& e) {
    const std::string& fn = e.text;
    const FieldType& t = f.type;
    auto need = [&](std::initializer_list<BuiltinType> ok, const char* what) {
      if (t.kind != TypeKind::Builtin || !t.builtin) {
        error(e, "`" + fn + "()` cannot be the default of `" + type_text(t) + "` field `" + f.name + "`; it " + what);
        return false;
      }
      for (BuiltinType b : ok)
        if (*t.builtin == b) return true;
      error(e, "`" + fn + "()` cannot be the default of " + a_type(kind_name(t)) + " field; it " + what);
      return false;
    };
    if (fn == "autoincrement"sv) {
      need({BuiltinType::Int, BuiltinType::BigInt}, "only works on Int and BigInt fields");
    } else if (fn == "now"sv) {
      need({BuiltinType::DateTime}, "only works on DateTime fields");
    } else if (fn == "uuid"sv || fn == "cuid"sv || fn == "nanoid"sv || fn == "ulid"sv) {
      if (!need({BuiltinType::String}, "generates a string id, so the field must be a String")) return;
      const auto& args = e.args;
      for (size_t k = 0; k < args.size(); ++k) {
        const Argument& a = args[k];
        std::string pname = a.name;
        if (pname.empty()) pname = fn == "ulid"sv ? "format" : (k == 0 ? (fn == "nanoid"sv ? "length" : "version") : "format");
        if (pname == "version"sv) {
          auto n = a.value.as_number();
          if (!n) continue;
          bool ok = fn == "uuid"sv ? (*n == "4" || *n == "7") : (*n == "1" || *n == "2");
          if (!ok)
            error(a.value, "`" + fn + "()` version must be " + (fn == "uuid"sv ? "4 or 7" : "1 or 2"));
        } else if (pname == "length"sv) {
          auto n = a.value.as_number();
          if (n && (n->starts_with("-") || *n == "0"))
            error(a.value, "`nanoid()` length must be greater than 0");
        } else if (pname == "format"sv) {
          auto s = a.value.as_string();
          if (!s) continue;
          bool found = false;
          for (size_t p = 0; p + 1 < s->size(); ++p) {
            if ((*s)[p] == '\\') { ++p; continue; }
            if ((*s)[p] == '%' && (*s)[p + 1] == 's') found = true;
          }
          if (!found) error(a.value, "the id `format` must contain `%s` where the generated id goes");
        }
      }
    }
  }

  void check_value(const Expr& e, bool element) {
    const FieldType& t = f.type;
    if (e.kind == ExprKind::Error) return;
    if (e.kind == ExprKind::Array) {
      if (!t.list) {
        error(e, "a list default needs a list field; `" + f.name + "` is `" + type_text(t) + "`");
        return;
      }
      for (const Expr& item : e.children) check_value(item, true);
      return;
    }
    if (e.kind == ExprKind::Call) {
      check_call(e);
      return;
    }
    if (e.kind == ExprKind::Member || e.kind == ExprKind::Binary || e.kind == ExprKind::Unary ||
        e.kind == ExprKind::Predicate || e.kind == ExprKind::Object || e.kind == ExprKind::This) {
      // auth().id and the like are ZenStack runtime defaults; other expressions are not values.
      if (e.kind == ExprKind::Member) return;
      error(e, "a default must be a literal, an enum value or a function call");
      return;
    }
    if (t.list && !element && e.kind != ExprKind::Null) {
      error(e, "field `" + f.name + "` is a list; write the default as a list, like `[" +
                   std::string(ctx.text(f.file).substr(e.range.start, e.range.end - e.range.start)) + "]`");
      return;
    }
    if (t.kind == TypeKind::Enum) {
      if (e.kind == ExprKind::Reference && e.target.kind == SymbolKind::EnumValue) {
        if (e.target.decl != t.decl)
          error(e, "`" + e.text + "` is not a value of enum `" + t.name + "`");
        return;
      }
      if (e.kind == ExprKind::Reference && e.target.kind == SymbolKind::None) return;  // unresolved: reported already
      error(e, "the default of enum field `" + f.name + "` must be one of the values of `" + t.name + "`");
      return;
    }
    if (t.kind != TypeKind::Builtin || !t.builtin) return;
    BuiltinType b = *t.builtin;
    auto mismatch = [&](const char* what) {
      error(e, std::string("a ") + what + " cannot be the default of " + a_type(kind_name(t)) + " field");
    };
    switch (e.kind) {
      case ExprKind::String: {
        auto s = *e.as_string();
        if (b == BuiltinType::String || b == BuiltinType::Bytes || b == BuiltinType::Decimal) return;
        if (b == BuiltinType::Json) {
          if (!is_valid_json(s)) error(e, "the default of a Json field must be a string holding valid JSON");
          return;
        }
        if (b == BuiltinType::DateTime) {
          if (!is_iso_datetime(s)) error(e, "a DateTime default must be an ISO-8601 date-time like \"2024-01-01T00:00:00Z\", or `now()`");
          return;
        }
        if (b == BuiltinType::BigInt) {
          bool digits = !s.empty();
          for (char c : s) digits &= std::isdigit(static_cast<unsigned char>(c)) || c == '-';
          if (digits) return;
        }
        mismatch("string");
        return;
      }
      case ExprKind::Number: {
        auto n = *e.as_number();
        bool fraction = n.find('.') != std::string_view::npos;
        if (b == BuiltinType::Float || b == BuiltinType::Decimal) return;
        if (b == BuiltinType::Int || b == BuiltinType::BigInt) {
          if (fraction) error(e, "`" + std::string(n) + "` is not an integer; `" + f.name + "` is `" + kind_name(t) + "`");
          return;
        }
        if (b == BuiltinType::Json) {
          error(e, "the default of a Json field must be a string holding JSON, like \"" + std::string(n) + "\"");
          return;
        }
        mismatch("number");
        return;
      }
      case ExprKind::Boolean:
        if (b == BuiltinType::Boolean) return;
        if (b == BuiltinType::Json) {
          error(e, "the default of a Json field must be a string holding JSON, like \"" + e.text + "\"");
          return;
        }
        mismatch("boolean");
        return;
      case ExprKind::Null:
        error(e, "`null` cannot be a default; make the field optional and leave the default out");
        return;
      case ExprKind::Reference:
        if (e.target.kind == SymbolKind::EnumValue)
          error(e, "an enum value cannot be the default of " + a_type(kind_name(t)) + " field");
        return;
      default:
        return;
    }
  }
};

}  // namespace

void check_defaults_of(ValidationContext& ctx, const Decl& d) {
  for (const Field& f : d.fields) {
    const AttributeApp* app = find_attr(f.attributes, "@default");
    if (!app) continue;
    if (is_relation(f)) {
      ctx.error("invalid-default", f.file, app->name_range,
                "relation field `" + f.name + "` cannot have a default; put it on the foreign key field");
      continue;
    }
    const Argument* value = app->first();
    if (!value || !value->name.empty()) {
      value = nullptr;
      for (const Argument& a : app->args)
        if (a.name.empty() || a.name == "value"sv) { value = &a; break; }
    }
    if (!value) continue;
    DefaultCheck{ctx, f}.check_value(value->value, false);
  }
}

}  // namespace zen::analysis::validate
