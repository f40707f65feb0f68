// Helpers shared by the validation rules.
#include "analysis/validate/internal/util.h"

#include <cctype>

namespace zen::analysis::validate {

using namespace std::string_view_literals;

std::vector<const Decl*> data_decls(const Model& model) {
  std::vector<const Decl*> out;
  for (const Decl& d : model.decls)
    if (!d.is_stdlib() && (d.is_data_model() || d.kind == DeclKind::TypeDef)) out.push_back(&d);
  return out;
}

std::optional<Provider> provider_of(const Model& model) {
  if (!model.datasource) return std::nullopt;
  return model.datasource->provider;
}

bool is_relation(const Field& f) { return f.type.kind == TypeKind::Model; }

std::string type_text(const FieldType& t) {
  std::string s = t.kind == TypeKind::Unsupported ? "Unsupported(\"" + t.name + "\")" : t.name;
  if (t.list) s += "[]";
  if (t.optional) s += "?";
  return s;
}

std::vector<MatchedArg> match_args(const std::vector<Argument>& args, const std::vector<Param>& params,
                                   bool all_positional) {
  std::vector<MatchedArg> out;
  match_args(args, params, all_positional, out);
  return out;
}

void match_args(const std::vector<Argument>& args, const std::vector<Param>& params, bool all_positional,
                std::vector<MatchedArg>& out) {
  out.clear();
  IndexSet used(params.size());
  size_t next_positional = 0;
  for (const Argument& a : args) {
    MatchedArg m;
    m.arg = &a;
    if (!a.name.empty()) {
      for (size_t i = 0; i < params.size(); ++i) {
        if (params[i].name == a.name) {
          m.param = &params[i];
          m.index = static_cast<uint32_t>(i);
          break;
        }
      }
    } else {
      while (next_positional < params.size() &&
             (used[next_positional] || !(all_positional || params[next_positional].positional)))
        ++next_positional;
      if (next_positional < params.size()) {
        m.param = &params[next_positional];
        m.index = static_cast<uint32_t>(next_positional);
        ++next_positional;
      }
    }
    if (m.param) used.set(m.index);
    out.push_back(m);
  }
}

std::string_view expr_type_name(BuiltinType t) {
  switch (t) {
    case BuiltinType::BigInt: return "Int";
    case BuiltinType::Decimal: return "Float";
    case BuiltinType::Json:
    case BuiltinType::Bytes: return "Any";
    default: return builtin_type_name(t);
  }
}

ExprType field_expr_type(const Model& model, const Field& f) {
  ExprType t;
  t.list = f.type.list;
  t.nullable = f.type.optional;
  t.is_field = true;
  switch (f.type.kind) {
    case TypeKind::Builtin:
      if (f.type.builtin) t.name = expr_type_name(*f.type.builtin);
      break;
    case TypeKind::Enum:
    case TypeKind::Model:
    case TypeKind::TypeDef:
      if (f.type.decl != kNone) {
        t.decl = &model.decl(f.type.decl);
        t.name = t.decl->name;
      }
      break;
    case TypeKind::Unsupported: t.name = "Unsupported"; break;
    case TypeKind::Unresolved: break;
  }
  return t;
}

namespace {

ExprType decl_type(const Decl* d, bool nullable) {
  ExprType t;
  if (!d) return t;
  t.decl = d;
  t.name = d->name;
  t.nullable = nullable;
  return t;
}

ExprType named_type(const Model& model, std::string_view name, bool list) {
  ExprType t;
  t.list = list;
  if (auto b = parse_builtin_type(name)) {
    t.name = expr_type_name(*b);
  } else if (name == "Any"sv || name == "Null"sv || name == "Object"sv || name == "Void"sv ||
             name == "Unsupported"sv || name == "Undefined"sv) {
    t.name = name;  // a view of the declaration's return type
  } else if (const Decl* d = model.find(name)) {
    t.decl = d;
    t.name = d->name;
  }
  return t;
}

}  // namespace

ExprType type_of(const Model& model, const Expr& e, const Decl* self) {
  ExprType t;
  switch (e.kind) {
    case ExprKind::Error: return t;
    case ExprKind::String: t.name = "String"; return t;
    case ExprKind::Number: t.name = "Int"; return t;
    case ExprKind::Boolean: t.name = "Boolean"; return t;
    case ExprKind::Null: t.name = "Null"; t.nullable = true; return t;
    case ExprKind::This: return decl_type(self, false);
    case ExprKind::Object: t.name = "Object"; return t;
    case ExprKind::Binary:
    case ExprKind::Unary:
    case ExprKind::Predicate: t.name = "Boolean"; return t;
    case ExprKind::Array: {
      if (e.children.empty()) {
        t.name = "Any";
      } else {
        t = type_of(model, e.children[0], self);
        t.is_field = false;
      }
      t.list = true;
      return t;
    }
    case ExprKind::Reference:
    case ExprKind::Member: {
      if (const Field* f = model.field(e.target)) {
        t = field_expr_type(model, *f);
        if (e.kind == ExprKind::Member && !e.children.empty() && e.children[0].is_call("auth"))
          t.nullable = true;
        return t;
      }
      if (e.target.kind == SymbolKind::EnumValue && e.target.decl != kNone)
        return decl_type(&model.decl(e.target.decl), false);
      if (e.target.kind == SymbolKind::Binding) t.name = "Any";
      return t;
    }
    case ExprKind::Call: {
      if (e.text == "auth"sv) return decl_type(model.auth_decl(), true);
      if (e.text == "before"sv) return decl_type(self, false);
      if (e.target.kind == SymbolKind::Field) {
        if (const Field* f = model.field(e.target)) return field_expr_type(model, *f);
        return t;
      }
      if (e.target.kind != SymbolKind::Decl || e.target.decl == kNone) return t;
      const Decl& fn = model.decl(e.target.decl);
      if (fn.kind != DeclKind::Function) return t;
      return named_type(model, fn.return_type, fn.return_list);
    }
  }
  return t;
}

bool is_iso_datetime(std::string_view s) {
  // YYYY-MM-DD, optionally followed by THH:MM[:SS[.fff]][Z|±HH:MM].
  auto digits = [&](size_t pos, size_t n) {
    if (pos + n > s.size()) return false;
    for (size_t i = pos; i < pos + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
  };
  if (!(digits(0, 4) && s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2)))
    return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' && s[10] != ' ') return false;
  return digits(11, 2) && s.size() >= 16 && s[13] == ':' && digits(14, 2);
}

bool assignable(const ExprType& dest, const ExprType& src, const Expr* src_expr) {
  if (!dest.known() || !src.known()) return true;
  if (dest.name == "Any"sv && !dest.list) return true;
  if (src.name == "Null"sv) return true;
  if (dest.list != src.list) return false;
  if (dest.name == "Any"sv || src.name == "Any"sv) return true;
  if (dest.name == src.name) return true;
  if (dest.name == "Float"sv && src.name == "Int"sv) return true;
  if (dest.name == "DateTime"sv && src.name == "String"sv && src_expr) {
    if (auto s = src_expr->as_string()) return is_iso_datetime(*s);
  }
  return false;
}

std::string display(const ExprType& t) {
  if (!t.known()) return "unknown";
  std::string s(t.name);
  if (t.list) s += "[]";
  return s;
}

}  // namespace zen::analysis::validate
