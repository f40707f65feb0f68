// Rule: polymorphism is well formed: `extends` names a `@@delegate` model (or a v2 abstract
// one), the discriminator is a String or enum field, and `@@delegateMap` sits on a sub-model
// with a value of the discriminator's type.
#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

void check_delegates(ValidationContext& ctx) {
  const Model& model = ctx.model();
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
    const Decl* base = nullptr;
    for (size_t i = 0; i < d.bases.size(); ++i) {
      if (d.bases[i] == kNone) continue;
      const Decl& b = model.decl(d.bases[i]);
      if (b.has_attribute("@@delegate")) {
        base = &b;
        continue;
      }
      if (b.is_abstract) continue;
      ctx.error("invalid-extends", d.file, d.name_range,
                "`" + d.name + "` extends `" + b.name + "`, which is not a delegate model; add `@@delegate(<discriminator field>)` to `" +
                    b.name + "`")
          .data.push_back({"model", b.name});
    }
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
