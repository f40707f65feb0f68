// Rule: every attribute application matches its declaration: positional and named arguments
// fill existing parameters, none twice, required ones present, values of the parameter's type;
// `@@@once`, `@@@onceInModel`, `@@@targetField` and `@@@deprecated` are honoured.
#include <deque>
#include <memory>
#include <optional>

#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

using namespace std::string_view_literals;
namespace {

// How a parameter's values are checked (check_types).
enum class ParamCheck : uint8_t {
  None,            // Any, ContextType, or a type that is neither builtin nor a declaration
  FieldReference,  // FieldReference / TransitiveFieldReference: field names
  Typed,           // assignable to AttrDeclInfo::param_types
};

// What the rule needs from an attribute declaration's own `@@@...` attributes and parameters,
// computed once per declaration and run instead of once per application.
struct AttrDeclInfo {
  bool once = false;
  bool once_in_model = false;
  std::optional<std::string> deprecation;
  std::vector<std::string> targets;
  /// Per parameter: how its values are checked, and for Typed ones the type a value must be
  /// assignable to.
  std::vector<ParamCheck> param_checks;
  std::vector<ExprType> param_types;
  /// Per parameter: a literal kind whose values are of the parameter's type (a String for a
  /// `String`, a number for an `Int` or `Float`, ...), so that the common literal argument is
  /// accepted without typing it; ExprKind::Error when there is none.
  std::vector<ExprKind> literal_ok;
  /// The parameters without a default (`optional` false), as a bit mask when there are at most
  /// 64 parameters: an application that gives them all needs no look at each parameter.
  uint64_t required = 0;
  bool few_params = true;  // at most 64 parameters: `required` is exact
};

class AttrDeclInfos {
 public:
  explicit AttrDeclInfos(const Model& model) : model_(model), by_decl_(model.decls.size(), nullptr) {}
  const AttrDeclInfo& get(DeclId id) {
    if (const AttrDeclInfo* i = by_decl_[id]) return *i;
    return compute(id);
  }

 private:
  const AttrDeclInfo& compute(DeclId id) {
    AttrDeclInfo& i = infos_.emplace_back();
    by_decl_[id] = &i;
    const Decl& d = model_.decl(id);
    i.once = d.has_attribute("@@@once");
    i.once_in_model = d.has_attribute("@@@onceInModel");
    i.deprecation = model_.deprecation(d);
    i.targets = model_.target_fields(d);
    i.param_types.resize(d.params.size());
    i.param_checks.assign(d.params.size(), ParamCheck::None);
    i.literal_ok.assign(d.params.size(), ExprKind::Error);
    i.few_params = d.params.size() <= 64;
    for (size_t k = 0; k < d.params.size(); ++k) {
      const Param& p = d.params[k];
      if (!p.optional && k < 64) i.required |= uint64_t{1} << k;
      if (p.type == "Any"sv || p.type == "ContextType"sv) continue;
      if (p.type == "FieldReference"sv || p.type == "TransitiveFieldReference"sv) {
        i.param_checks[k] = ParamCheck::FieldReference;
        continue;
      }
      ExprType& dest = i.param_types[k];
      dest.list = p.list;
      if (auto b = parse_builtin_type(p.type)) {
        dest.name = expr_type_name(*b);
      } else if (const Decl* pd = model_.find(p.type)) {
        dest.decl = pd;
        dest.name = pd->name;
      } else {
        continue;
      }
      i.param_checks[k] = ParamCheck::Typed;
      // The literals type_of types as `String`, `Int` and `Boolean`, where assignable() accepts
      // them without looking further.
      if (!dest.list) {
        if (dest.name == "String"sv) i.literal_ok[k] = ExprKind::String;
        else if (dest.name == "Int"sv || dest.name == "Float"sv) i.literal_ok[k] = ExprKind::Number;
        else if (dest.name == "Boolean"sv) i.literal_ok[k] = ExprKind::Boolean;
      }
    }
    return i;
  }

  const Model& model_;
  std::vector<const AttrDeclInfo*> by_decl_;  // per DeclId; nullptr when not computed yet
  std::deque<AttrDeclInfo> infos_;  // a deque: pointers to computed infos stay valid
};

bool is_field_ref(const Expr& e) {
  if (e.kind == ExprKind::Reference || e.kind == ExprKind::Call || e.kind == ExprKind::Member)
    return e.target.kind == SymbolKind::Field || e.target.kind == SymbolKind::None;
  return false;
}

// `kind` is the name of the field's kind for `@@@targetField`: "StringField", "ModelField", ...
// (empty for other types).
bool is_field_kind(std::string_view kind, const Field& f) {
  std::string_view base;
  switch (f.type.kind) {
    case TypeKind::Builtin:
      if (!f.type.builtin) return kind.empty();
      base = builtin_type_name(*f.type.builtin);
      break;
    case TypeKind::Model: base = "Model"; break;
    case TypeKind::TypeDef: base = "TypeDef"; break;
    default: return kind.empty();
  }
  return kind.size() == base.size() + 5 && kind.starts_with(base) && kind.ends_with("Field");
}

std::string describe_kinds(const std::vector<std::string>& kinds) {
  std::string out;
  for (size_t i = 0; i < kinds.size(); ++i) {
    std::string k = kinds[i];
    if (k.size() > 5 && k.ends_with("Field")) k = k.substr(0, k.size() - 5);
    if (k == "Model"sv) k = "relation";
    if (k == "TypeDef"sv) k = "typed JSON";
    if (k == "List"sv) k = "list";
    if (i) out += i + 1 == kinds.size() ? " or " : ", ";
    out += k;
  }
  return out;
}

// Counts occurrences of attribute declarations (`@@@once` checks): a short list, as a field or
// model carries a few attributes.
class DeclCounter {
 public:
  void clear() { counts_.clear(); }
  /// Counts one more `id`; returns its count so far.
  int add(DeclId id) {
    for (auto& [d, n] : counts_)
      if (d == id) return ++n;
    counts_.emplace_back(id, 1);
    return 1;
  }

 private:
  std::vector<std::pair<DeclId, int>> counts_;
};

// The rule's state for one run: the declarations' infos and buffers reused across sites.
struct AttributeCheck {
  ValidationContext& ctx;
  const Model& model;
  AttrDeclInfos infos;
  std::optional<Provider> provider;
  DeclCounter seen;

  explicit AttributeCheck(ValidationContext& c)
      : ctx(c), model(c.model()), infos(c.model()), provider(provider_of(c.model())) {}

  // `a` is matched to parameter `k` of `decl`.
  void check_types(const AttrSite& s, const Decl& decl, const Argument& a, uint32_t k, const AttrDeclInfo& info) {
    const Param& p = decl.params[k];
    const Expr& v = a.value;
    switch (info.param_checks[k]) {
      case ParamCheck::None: return;  // (check_site does not call it then)
      case ParamCheck::FieldReference: {
        bool ok = p.list ? (v.kind == ExprKind::Array || is_field_ref(v)) : is_field_ref(v);
        if (ok && v.kind == ExprKind::Array)
          for (const Expr& item : v.children) ok &= is_field_ref(item);
        if (!ok)
          ctx.error("type-mismatch", s.file, v.range,
                    fmt_arg(p.name, decl.name) + " expects " +
                        (p.list ? "a list of field names, like `[id]`" : "a field name"));
        return;
      }
      case ParamCheck::Typed: break;
    }
    const ExprType& dest = info.param_types[k];
    ExprType src = type_of(model, v, s.holder);
    if (assignable(dest, src, &v)) return;
    ctx.error("type-mismatch", s.file, v.range,
              fmt_arg(p.name, decl.name) + " expects a value of type `" + display(dest) + "`, found `" +
                  display(src) + "`");
  }

  void check_site(const AttrSite& s) {
    const AttributeApp& app = *s.app;
    if (app.decl == kNone) return;
    const Decl& decl = model.decl(app.decl);
    if (decl.kind != DeclKind::Attribute) return;
    const AttrDeclInfo& info = infos.get(app.decl);
    const std::vector<Param>& params = decl.params;

    // Arguments, matched as match_args() does: named ones by name, positional ones to the `_`
    // parameters left to right, skipping those already given. `filled` holds the parameters
    // given so far, which are also the ones match_args() counts as used.
    IndexSet filled(params.size());
    size_t next_positional = 0;
    for (const Argument& a : app.args) {
      uint32_t k = kNone;
      if (!a.name.empty()) {
        for (size_t i = 0; i < params.size(); ++i)
          if (params[i].name == a.name) {
            k = static_cast<uint32_t>(i);
            break;
          }
      } else {
        while (next_positional < params.size() && (filled[next_positional] || !params[next_positional].positional))
          ++next_positional;
        if (next_positional < params.size()) k = static_cast<uint32_t>(next_positional++);
      }
      if (k == kNone) {
        if (a.name.empty())
          ctx.error("invalid-argument", s.file, a.range,
                    "unexpected unnamed argument: `" + app.name + "` takes no more positional arguments; name it or remove it");
        else
          ctx.error("invalid-argument", s.file, a.name_range.end > a.name_range.start ? a.name_range : a.range,
                    "`" + app.name + "` has no parameter named `" + a.name + "`")
              .data.push_back({"attribute", app.name});
        continue;
      }
      if (filled[k]) {
        ctx.error("duplicate-argument", s.file, a.range,
                  "parameter `" + params[k].name + "` of `" + app.name + "` is given more than once");
        continue;
      }
      filled.set(k);
      ParamCheck how = info.param_checks[k];
      if (how == ParamCheck::None || (how == ParamCheck::Typed && a.value.kind == info.literal_ok[k])) continue;
      check_types(s, decl, a, k, info);
    }
    bool all_given = info.few_params && (info.required & ~filled.bits()) == 0;
    for (size_t i = 0; i < params.size() && !all_given; ++i) {
      const Param& p = params[i];
      if (p.optional || filled[i]) continue;
      ctx.error("missing-argument", s.file, app.range,
                "`" + app.name + "` needs the argument `" + p.name + "`" +
                    (p.type.empty() ? std::string() : " of type `" + p.type + (p.list ? "[]" : "") + "`"))
          .data.push_back({"parameter", p.name});
    }

    meta_attributes(s, info);
  }

  // The checks of `@@@deprecated`, `@@@targetField` on an application.
  void meta_attributes(const AttrSite& s, const AttrDeclInfo& info) {
    const AttributeApp& app = *s.app;
    if (const auto& why = info.deprecation) {
      auto& d = ctx.warning("deprecated-attribute", s.file, app.name_range,
                            "`" + app.name + "` is deprecated" + (why->empty() ? std::string() : ": " + *why));
      d.deprecated = true;
    }
    if (is(app.name, "@@@targetField") && s.holder->kind != DeclKind::Attribute)
      ctx.error("attribute-not-allowed", s.file, app.name_range,
                "`@@@targetField` can only be used on attribute declarations");
    // `@db.*` fit is checked per provider by native_types.cpp.
    if (s.field && !info.targets.empty() && !(provider && app.name.starts_with("@db."))) {
      const auto& targets = info.targets;
      const Field& f = *s.field;
      bool ok = false;
      for (const auto& t : targets) {
        if (is_field_kind(t, f)) ok = true;
        if (t == "ListField"sv && f.type.list && !is_relation(f)) ok = true;
      }
      if (!ok && f.type.kind != TypeKind::Unresolved && f.type.kind != TypeKind::Unsupported) {
        ctx.error("attribute-not-allowed", s.file, app.name_range,
                  "`" + app.name + "` cannot be used on a field of type `" + type_text(f.type) +
                      "`; it applies to " + describe_kinds(targets) + " fields")
            .data.push_back({"attribute", app.name});
      }
    }
  }

  bool is_once(const AttributeApp& a) { return a.decl != kNone && infos.get(a.decl).once; }

  // `@@@once`: at most once per field or model (inherited model attributes count).
  void check_once(const Decl& d) {
    for (const Field& f : d.fields) {
      seen.clear();
      for (const AttributeApp& a : f.attributes)
        if (is_once(a) && seen.add(a.decl) == 2)
          ctx.error("duplicate-attribute", f.file, a.range,
                    "`" + a.name + "` can only be used once per field; remove the repeated one");
    }
    const auto& all = d.all_attributes.empty() ? d.attributes : d.all_attributes;
    seen.clear();
    for (const AttributeApp& a : all) {
      if (!is_once(a) || seen.add(a.decl) < 2) continue;
      // Report where it is written in this declaration; inherited duplicates point at the own one.
      const AttributeApp* own = nullptr;
      for (const AttributeApp& o : d.attributes)
        if (o.decl == a.decl) own = &o;
      if (!own) continue;
      ctx.error("duplicate-attribute", d.file, own->range,
                "`" + a.name + "` can only be used once per " + decl_kind_name(d.kind) +
                    (a.origin != kNone && a.origin != d.id ? " (it is also inherited)" : ""));
    }
  }

  // `@@@onceInModel`: at most one field per model carries it, inherited fields included.
  void check_once_in_model(const Decl& d) {
    seen.clear();
    for (const FieldSlot& slot : d.all_fields) {
      for (const AttributeApp& a : slot.field->attributes) {
        if (a.decl == kNone || !infos.get(a.decl).once_in_model) continue;
        if (seen.add(a.decl) >= 2 && !slot.inherited)
          ctx.error("duplicate-attribute", slot.field->file, a.range,
                    "only one field of `" + d.name + "` can have `" + a.name + "`");
      }
    }
  }
};

}  // namespace

struct AttributeArguments::Impl : AttributeCheck {
  using AttributeCheck::AttributeCheck;
};

AttributeArguments::AttributeArguments(ValidationContext& ctx) : impl_(std::make_unique<Impl>(ctx)) {}
AttributeArguments::~AttributeArguments() = default;

void AttributeArguments::check(const Decl& d) {
  for_each_attribute_of(d, [&](const AttrSite& s) { impl_->check_site(s); });
  impl_->check_once(d);
  if (d.is_data_model() || d.kind == DeclKind::TypeDef) impl_->check_once_in_model(d);
}

}  // namespace zen::analysis::validate
