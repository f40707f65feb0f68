// Rule: polymorphism is well formed: the discriminator is a String or enum field, and `@@delegateMap` sits on a sub-model
// with a value of the discriminator's type.
#include <map>

#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

void check_delegates(ValidationContext& ctx) {
  const Model& model = ctx.model();
  // Sub-models of one delegate base need distinct `@@delegateMap` values (default: the model name).
  std::map<std::pair<DeclId, std::string>, const Decl*> taken;
  for (const Decl& d : model.decls) {
    if (d.is_stdlib() || !d.is_data_model()) continue;
    for (DeclId b : d.bases) {
      if (b == kNone || !model.decl(b).has_attribute("@@delegate")) continue;
      const AttributeApp* map = d.find_attribute("@@delegateMap");
      std::string value = d.name;
      if (map && map->first()) {
        const Expr& v = map->first()->value;
        if (auto s = v.as_string()) value = std::string(*s);
        else if (v.kind == ExprKind::Reference) value = v.text;
      }
      auto [it, inserted] = taken.emplace(std::make_pair(b, value), &d);
      if (inserted) continue;
      ctx.error("duplicate-delegate-map", d.file, map ? map->range : d.name_range,
                "`" + d.name + "` and `" + it->second->name + "` both map to discriminator value `" + value +
                    "` of `" + model.decl(b).name + "`; give each sub-model its own `@@delegateMap`");
    }
  }
  for (const Decl& d : model.decls) {
    if (d.is_stdlib() || !d.is_data_model()) continue;
    if (const AttributeApp* del = d.find_attribute("@@delegate"); del && del->first()) {
      const Expr& v = del->first()->value;
      if (const Field* f = model.field(v.target)) {
        bool ok = f->type.kind == TypeKind::Enum ||
                  (f->type.kind == TypeKind::Builtin && f->type.builtin == BuiltinType::String);
        if (!ok || f->type.list)
          ctx.error("invalid-discriminator", d.file, v.range,
                    "the discriminator `" + f->name + "` must be a String or enum field, not `" + type_text(f->type) + "`");
      }
    }
    // `extends` of a non-delegate model is reported by name resolution (extends-non-delegate).
    const Decl* base = nullptr;
    for (DeclId b : d.bases)
      if (b != kNone && model.decl(b).has_attribute("@@delegate")) base = &model.decl(b);
    const AttributeApp* map = d.find_attribute("@@delegateMap");
    if (!map) continue;
    if (!base) {
      ctx.error("attribute-not-allowed", d.file, map->name_range,
                "`@@delegateMap` can only be used on a model that extends a delegate model");
      continue;
    }
    const AttributeApp* del = base->find_attribute("@@delegate");
    const Field* disc = del && del->first() ? model.field(del->first()->value.target) : nullptr;
    if (!disc || !map->first()) continue;
    const Expr& v = map->first()->value;
    if (disc->type.kind == TypeKind::Enum) {
      if (v.target.kind != SymbolKind::EnumValue || v.target.decl != disc->type.decl)
        ctx.error("type-mismatch", d.file, v.range,
                  "`@@delegateMap` must be a value of enum `" + disc->type.name + "` (the type of `" + disc->name + "`)");
    } else if (v.kind != ExprKind::String) {
      ctx.error("type-mismatch", d.file, v.range,
                "`@@delegateMap` must be a string, since the discriminator `" + disc->name + "` is a String");
    }
  }
}

}  // namespace zen::analysis::validate
