// Rule: at most one declaration carries `@@auth`, counted after imports are merged.
#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

void check_auth(ValidationContext& ctx) {
  const Model& model = ctx.model();
  const Decl* first = nullptr;
  for (const Decl& d : model.decls) {
    if (d.is_stdlib()) continue;
    const AttributeApp* app = d.find_attribute("@@auth");
    if (!app) continue;
    if (!first) {
      first = &d;
      continue;
    }
    ctx.error("multiple-auth", d.file, app->range,
              "`@@auth` is already declared on `" + first->name + "`; only one declaration can be the auth type")
        .related.push_back({model.path(first->file), first->name_range, "`@@auth` declared here"});
  }
}

}  // namespace zen::analysis::validate
