// Helpers shared by the validation rules: walking attribute applications, argument matching,
// field kinds and expression typing (ZenStack's rules, zmodel-language.md §4.3).
#pragma once

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/model.h"
#include "analysis/validate/rules.h"

namespace zen::analysis::validate {

/// Where an attribute application is written.
struct AttrSite {
  const Decl* holder = nullptr;       // the model/view/type/enum/attribute/function declaration
  const Field* field = nullptr;       // field attributes: the field (own fields only)
  const EnumValue* value = nullptr;   // enum value attributes
  const Param* param = nullptr;       // attribute-parameter internal attributes
  const AttributeApp* app = nullptr;
  FileId file = kNone;
};

/// Calls `fn(const AttrSite&)` for every attribute application written in `d`: its own
/// attributes, then those of its fields, enum values and parameters.
template <class Fn>
void for_each_attribute_of(const Decl& d, Fn&& fn) {
  AttrSite site;
  site.holder = &d;
  site.file = d.file;
  for (const AttributeApp& a : d.attributes) {
    site.app = &a;
    fn(static_cast<const AttrSite&>(site));
  }
  for (const Field& f : d.fields) {
    AttrSite fs = site;
    fs.field = &f;
    for (const AttributeApp& a : f.attributes) {
      fs.app = &a;
      fn(static_cast<const AttrSite&>(fs));
    }
  }
  for (const EnumValue& v : d.values) {
    AttrSite vs = site;
    vs.value = &v;
    for (const AttributeApp& a : v.attributes) {
      vs.app = &a;
      fn(static_cast<const AttrSite&>(vs));
    }
  }
  for (const Param& p : d.params) {
    AttrSite ps = site;
    ps.param = &p;
    for (const AttributeApp& a : p.attributes) {
      ps.app = &a;
      fn(static_cast<const AttrSite&>(ps));
    }
  }
}

/// Calls `fn` for every attribute application written in a user file, once each (inherited
/// model attributes are visited where they are written).
template <class Fn>
void for_each_attribute(const Model& model, Fn&& fn) {
  for (const Decl& d : model.decls)
    if (!d.is_stdlib()) for_each_attribute_of(d, fn);
}
/// The same for a per-declaration rule: declarations `ctx.visit` declines are skipped.
template <class Fn>
void for_each_attribute(ValidationContext& ctx, Fn&& fn) {
  for (const Decl& d : ctx.model().decls)
    if (!d.is_stdlib() && ctx.visit(d)) for_each_attribute_of(d, fn);
}

/// `s == lit` for a string literal: the length test first, then a comparison of known length
/// that the compiler inlines (the rules compare attribute and argument names by the thousand,
/// where `==` with a std::string_view calls memcmp, and with a `const char*` strlen too).
template <size_t N>
bool is(std::string_view s, const char (&lit)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), lit, N - 1) == 0;
}

/// The first application named `lit` in `attrs` (like Field::find_attribute, with `is`).
template <size_t N>
const AttributeApp* find_attr(const std::vector<AttributeApp>& attrs, const char (&lit)[N]) {
  for (const AttributeApp& a : attrs)
    if (is(a.name, lit)) return &a;
  return nullptr;
}
template <size_t N>
bool has_attr(const std::vector<AttributeApp>& attrs, const char (&lit)[N]) {
  return find_attr(attrs, lit) != nullptr;
}

/// Expr::items and Expr::as_string, inline.
inline const std::vector<Expr>& items_of(const Expr& e) {
  static const std::vector<Expr> kNoItems;
  return e.kind == ExprKind::Array ? e.children : kNoItems;
}
inline std::optional<std::string_view> string_of(const Expr& e) {
  if (e.kind != ExprKind::String) return std::nullopt;
  return std::string_view(e.text);
}

/// Model::field, inline: the field a Field symbol points at; nullptr for other symbols.
inline const Field* field_of(const Model& model, const Symbol& s) {
  if (s.kind != SymbolKind::Field || s.decl >= model.decls.size()) return nullptr;
  const auto& f = model.decls[s.decl].fields;
  return s.member < f.size() ? &f[s.member] : nullptr;
}

/// The user declarations that hold fields (models, views, types), in decl order.
std::vector<const Decl*> data_decls(const Model& model);

/// The datasource provider, if there is exactly a known one.
std::optional<Provider> provider_of(const Model& model);

bool is_relation(const Field& f);
/// "String", "Int[]", "Post?", as written in the schema.
std::string type_text(const FieldType& t);

/// An argument matched to a parameter of its attribute or function declaration.
struct MatchedArg {
  const Argument* arg = nullptr;
  const Param* param = nullptr;  // nullptr: matched nothing
  uint32_t index = kNone;        // index in params
};
/// Matches arguments to parameters: named ones by name, positional ones to the `_` parameters
/// left to right (for functions, every parameter is positional).
std::vector<MatchedArg> match_args(const std::vector<Argument>& args, const std::vector<Param>& params,
                                   bool all_positional);
/// The same, into `out` (cleared first), for callers that reuse one buffer.
void match_args(const std::vector<Argument>& args, const std::vector<Param>& params, bool all_positional,
                std::vector<MatchedArg>& out);

/// A set of small indices (parameters of one declaration): a bit mask, or a vector past 64.
class IndexSet {
 public:
  explicit IndexSet(size_t n) {
    if (n > 64) big_.assign(n, false);
  }
  bool operator[](size_t i) const { return big_.empty() ? (bits_ >> i) & 1 : big_[i]; }
  void set(size_t i) {
    if (big_.empty()) bits_ |= uint64_t{1} << i;
    else big_[i] = true;
  }
  /// The members below 64 as a bit mask (all of them when there are at most 64 indices).
  uint64_t bits() const { return bits_; }

 private:
  uint64_t bits_ = 0;
  std::vector<bool> big_;
};

/// The type of an expression (§4.3).
struct ExprType {
  // "String", "Int", "Float", "Boolean", "DateTime", "Any", "Null", "Object", "Unsupported", or
  // a declaration's name (a view of a literal or of the Model's text); empty when unknown.
  std::string_view name;
  const Decl* decl = nullptr;  // model/type/enum for declaration types
  bool list = false;
  bool nullable = false;
  bool is_field = false;       // a (possibly member-accessed) field reference
  bool known() const { return !name.empty(); }
  bool is_model() const { return decl && (decl->is_data_model() || decl->kind == DeclKind::TypeDef); }
};

/// Maps a builtin field type to its expression type: BigInt -> Int, Decimal -> Float,
/// Json/Bytes -> Any.
std::string_view expr_type_name(BuiltinType t);
ExprType field_expr_type(const Model& model, const Field& f);
/// Infers an expression's type; `self` is the model the expression is written in (for `this`
/// and `before()`), nullptr outside models.
ExprType type_of(const Model& model, const Expr& e, const Decl* self);
/// Assignability `dest <- src` (§4.3), list flags included.
bool assignable(const ExprType& dest, const ExprType& src, const Expr* src_expr = nullptr);

/// "a `String` field" style display of a type.
std::string display(const ExprType& t);

/// True for an ISO-8601 date or date-time string.
bool is_iso_datetime(std::string_view s);

/// "a `String`" / "an `Int`": the type name in backquotes with its article.
inline std::string a_type(std::string_view name) {
  bool vowel = !name.empty() && std::string_view("AEIOUaeiou").find(name[0]) != std::string_view::npos;
  return std::string(vowel ? "an `" : "a `") + std::string(name) + "`";
}

/// "argument `name` of `@attr`".
inline std::string fmt_arg(std::string_view param, std::string_view attribute) {
  return "argument `" + std::string(param) + "` of `" + std::string(attribute) + "`";
}

/// True for the kinds of expression that have no sub-expressions: the lowering (lower.cpp and
/// fast_lower.cpp, held identical by fast_lower_test) gives children to members, arrays,
/// operators and predicates only, and arguments to calls and objects only. A walk stops at
/// them without reading their (empty) lists, which live in another cache line of the
/// expression than its kind: most attribute arguments are such leaves.
inline bool is_leaf(ExprKind k) {
  switch (k) {
    case ExprKind::Error:
    case ExprKind::String:
    case ExprKind::Number:
    case ExprKind::Boolean:
    case ExprKind::Null:
    case ExprKind::This:
    case ExprKind::Reference: return true;
    default: return false;
  }
}

/// Visits `e` and every sub-expression (pre-order).
template <class Fn>
void walk(const Expr& e, Fn&& fn) {
  fn(e);
  if (is_leaf(e.kind)) return;
  for (const Expr& c : e.children) walk(c, fn);
  for (const Argument& a : e.args) walk(a.value, fn);
}

}  // namespace zen::analysis::validate
