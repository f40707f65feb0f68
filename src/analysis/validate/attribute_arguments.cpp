// Rule: every attribute application matches its declaration: positional and named arguments
// fill existing parameters, none twice, required ones present, values of the parameter's type;
// `@@@once`, `@@@onceInModel`, `@@@targetField` and `@@@deprecated` are honoured.
#include <map>
#include <optional>

#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

using namespace std::string_view_literals;
namespace {

// What the rule needs from an attribute declaration's own `@@@...` attributes, computed once per
// declaration and run instead of once per application.
struct AttrDeclInfo {
  bool ready = false;
  bool once = false;
  bool once_in_model = false;
  std::optional<std::string> deprecation;
  std::vector<std::string> targets;
  /// Per parameter: the type a value must be assignable to, if the parameter's type is a
  /// builtin or a declaration.
  std::vector<ExprType> param_types;
  std::vector<bool> param_typed;
};

class AttrDeclInfos {
 public:
  explicit AttrDeclInfos(const Model& model) : model_(model), infos_(model.decls.size()) {}
  const AttrDeclInfo& get(DeclId id) {
    AttrDeclInfo& i = infos_[id];
    if (!i.ready) {
      const Decl& d = model_.decl(id);
      i.ready = true;
      i.once = d.has_attribute("@@@once");
      i.once_in_model = d.has_attribute("@@@onceInModel");
      i.deprecation = model_.deprecation(d);
      i.targets = model_.target_fields(d);
      i.param_types.resize(d.params.size());
      i.param_typed.assign(d.params.size(), true);
      for (size_t k = 0; k < d.params.size(); ++k) {
        const Param& p = d.params[k];
        ExprType& dest = i.param_types[k];
        dest.list = p.list;
        if (auto b = parse_builtin_type(p.type)) {
          dest.name = expr_type_name(*b);
        } else if (const Decl* pd = model_.find(p.type)) {
          dest.decl = pd;
          dest.name = pd->name;
        } else {
          i.param_typed[k] = false;
        }
      }
    }
    return i;
  }

  std::vector<MatchedArg> matched;  // check_site's buffer, reused

 private:
  const Model& model_;
  std::vector<AttrDeclInfo> infos_;
};

bool is_field_ref(const Expr& e) {
  if (e.kind == ExprKind::Reference || e.kind == ExprKind::Call || e.kind == ExprKind::Member)
    return e.target.kind == SymbolKind::Field || e.target.kind == SymbolKind::None;
  return false;
}

std::string field_kind_of(const Field& f) {
  switch (f.type.kind) {
    case TypeKind::Builtin:
      return f.type.builtin ? std::string(builtin_type_name(*f.type.builtin)) + "Field" : std::string();
    case TypeKind::Model: return "ModelField";
    case TypeKind::TypeDef: return "TypeDefField";
    default: return "";
  }
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

void check_types(ValidationContext& ctx, const AttrSite& s, const Decl& decl, const MatchedArg& m,
                 const AttrDeclInfo& info) {
  const Model& model = ctx.model();
  const Param& p = *m.param;
  const Expr& v = m.arg->value;
  if (p.type == "Any"sv || p.type == "ContextType"sv) return;
  if (p.type == "FieldReference"sv || p.type == "TransitiveFieldReference"sv) {
    bool ok = p.list ? (v.kind == ExprKind::Array || is_field_ref(v)) : is_field_ref(v);
    if (ok && v.kind == ExprKind::Array)
      for (const Expr& item : v.children) ok &= is_field_ref(item);
    if (!ok)
      ctx.error("type-mismatch", s.file, v.range,
                fmt_arg(p.name, decl.name) + " expects " +
                    (p.list ? "a list of field names, like `[id]`" : "a field name"));
    return;
  }
  if (!info.param_typed[m.index]) return;
  const ExprType& dest = info.param_types[m.index];
  ExprType src = type_of(model, v, s.holder);
  if (assignable(dest, src, &v)) return;
  ctx.error("type-mismatch", s.file, v.range,
            fmt_arg(p.name, decl.name) + " expects a value of type `" + display(dest) + "`, found `" +
                display(src) + "`");
}

void check_site(ValidationContext& ctx, const AttrSite& s, AttrDeclInfos& infos) {
  const Model& model = ctx.model();
  const AttributeApp& app = *s.app;
  if (app.decl == kNone) return;
  const Decl& decl = model.decl(app.decl);
  if (decl.kind != DeclKind::Attribute) return;
  const AttrDeclInfo& info = infos.get(app.decl);

  // Arguments.
  std::vector<MatchedArg>& matched = infos.matched;
  match_args(app.args, decl.params, /*all_positional=*/false, matched);
  IndexSet filled(decl.params.size());
  for (const MatchedArg& m : matched) {
    if (!m.param) {
      if (m.arg->name.empty())
        ctx.error("invalid-argument", s.file, m.arg->range,
                  "unexpected unnamed argument: `" + app.name + "` takes no more positional arguments; name it or remove it");
      else
        ctx.error("invalid-argument", s.file, m.arg->name_range.end > m.arg->name_range.start ? m.arg->name_range : m.arg->range,
                  "`" + app.name + "` has no parameter named `" + m.arg->name + "`")
            .data.push_back({"attribute", app.name});
      continue;
    }
    if (filled[m.index]) {
      ctx.error("duplicate-argument", s.file, m.arg->range,
                "parameter `" + m.param->name + "` of `" + app.name + "` is given more than once");
      continue;
    }
    filled.set(m.index);
    check_types(ctx, s, decl, m, info);
  }
  for (size_t i = 0; i < decl.params.size(); ++i) {
    const Param& p = decl.params[i];
    if (p.optional || filled[i]) continue;
    ctx.error("missing-argument", s.file, app.range,
              "`" + app.name + "` needs the argument `" + p.name + "`" +
                  (p.type.empty() ? std::string() : " of type `" + p.type + (p.list ? "[]" : "") + "`"))
        .data.push_back({"parameter", p.name});
  }

  // Meta-attributes of the declaration.
  if (const auto& why = info.deprecation) {
    auto& d = ctx.warning("deprecated-attribute", s.file, app.name_range,
                          "`" + app.name + "` is deprecated" + (why->empty() ? std::string() : ": " + *why));
    d.deprecated = true;
  }
  if (app.name == "@@@targetField"sv && s.holder->kind != DeclKind::Attribute)
    ctx.error("attribute-not-allowed", s.file, app.name_range,
              "`@@@targetField` can only be used on attribute declarations");
  // `@db.*` fit is checked per provider by native_types.cpp.
  if (s.field && !(app.name.starts_with("@db.") && provider_of(model))) {
    const auto& targets = info.targets;
    if (!targets.empty()) {
      const Field& f = *s.field;
      std::string kind = field_kind_of(f);
      bool ok = false;
      for (const auto& t : targets) {
        if (t == kind) ok = true;
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
}

// `@@@once`: at most once per field or model (inherited model attributes count).
void check_once(ValidationContext& ctx, AttrDeclInfos& infos) {
  const Model& model = ctx.model();
  auto is_once = [&](const AttributeApp& a) {
    if (a.decl == kNone) return false;
    return infos.get(a.decl).once;
  };
  for (const Decl& d : model.decls) {
    if (d.is_stdlib() || !ctx.visit(d, /*loop=*/1)) continue;
    for (const Field& f : d.fields) {
      std::map<DeclId, int> seen;
      for (const AttributeApp& a : f.attributes)
        if (is_once(a) && ++seen[a.decl] == 2)
          ctx.error("duplicate-attribute", f.file, a.range,
                    "`" + a.name + "` can only be used once per field; remove the repeated one");
    }
    const auto& all = d.all_attributes.empty() ? d.attributes : d.all_attributes;
    std::map<DeclId, int> seen;
    for (const AttributeApp& a : all) {
      if (!is_once(a) || ++seen[a.decl] < 2) continue;
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
}

// `@@@onceInModel`: at most one field per model carries it, inherited fields included.
void check_once_in_model(ValidationContext& ctx, AttrDeclInfos& infos) {
  const Model& model = ctx.model();
  for (const Decl* d : data_decls(model)) {
    if (!ctx.visit(*d, /*loop=*/2)) continue;
    std::map<DeclId, int> seen;
    for (const FieldSlot& slot : d->all_fields) {
      for (const AttributeApp& a : slot.field->attributes) {
        if (a.decl == kNone || !infos.get(a.decl).once_in_model) continue;
        if (++seen[a.decl] >= 2 && !slot.inherited)
          ctx.error("duplicate-attribute", slot.field->file, a.range,
                    "only one field of `" + d->name + "` can have `" + a.name + "`");
      }
    }
  }
}

}  // namespace

void check_attribute_arguments(ValidationContext& ctx) {
  AttrDeclInfos infos(ctx.model());
  for_each_attribute(ctx, [&](const AttrSite& s) { check_site(ctx, s, infos); });
  check_once(ctx, infos);
  check_once_in_model(ctx, infos);
}

}  // namespace zen::analysis::validate
