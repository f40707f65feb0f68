// Rule: `@@id`, `@@unique` and `@@index` list at least one field, none of them a relation field
// or a field inherited from a delegate base.
#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

void check_index_fields(ValidationContext& ctx) {
  const Model& model = ctx.model();
  for (const Decl& d : model.decls) {
    if (d.is_stdlib() || !(d.is_data_model() || d.kind == DeclKind::TypeDef) || !ctx.visit(d)) continue;
    for (const AttributeApp& a : d.attributes) {
      if (a.name != "@@id" && a.name != "@@unique" && a.name != "@@index") continue;
      const Argument* first = a.first();
      if (!first || first->value.kind != ExprKind::Array) continue;  // reported as a type mismatch
      if (first->value.children.empty()) {
        ctx.error("invalid-argument", d.file, first->value.range, "`" + a.name + "` needs at least one field");
        continue;
      }
      for (const Expr& item : first->value.children) {
        const Field* f = model.field(item.target);
        if (!f) continue;
        if (is_relation(*f)) {
          ctx.error("invalid-index-field", d.file, item.range,
                    "`" + f->name + "` is a relation field and cannot be in `" + a.name + "`; use its foreign key fields");
          continue;
        }
        if (f->owner != d.id && f->owner != kNone && model.decl(f->owner).has_attribute("@@delegate"))
          ctx.error("invalid-index-field", d.file, item.range,
                    "`" + f->name + "` is inherited from the delegate model `" + model.decl(f->owner).name +
                        "` and cannot be in `" + a.name + "` here; put the index on `" + model.decl(f->owner).name + "`");
      }
    }
  }
}

}  // namespace zen::analysis::validate
