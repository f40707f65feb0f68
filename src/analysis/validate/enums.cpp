// Rule: an enum declares at least one value.
#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

void check_enums(ValidationContext& ctx) {
  const Model& model = ctx.model();
  for (DeclId id : model.enums) {
    const Decl& d = model.decl(id);
    if (d.values.empty())
      ctx.error("empty-enum", d.file, d.name_range, "enum `" + d.name + "` must declare at least one value");
  }
}

}  // namespace zen::analysis::validate
