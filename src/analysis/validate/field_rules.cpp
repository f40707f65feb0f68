// Rule: the per-field checks of models, views and types -- unique criteria (unique_criteria.cpp),
// field types (field_types.cpp), native types (native_types.cpp) and defaults
// (defaults.cpp) -- run together, one declaration at a time. Each reads the declaration's fields
// and their attributes; on a big schema those no longer fit in the cache by the time a separate
// pass over every declaration comes back to them, so one pass reads them once instead of four
// times. Each check keeps its own loop number, so its diagnostics get the keys (and the report
// order among diagnostics at one position) they had as four rules in this order.
#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

void check_field_rules(ValidationContext& ctx) {
  for (const Decl& d : ctx.model().decls) {
    if (d.is_stdlib() || !(d.is_data_model() || d.kind == DeclKind::TypeDef)) continue;
    if (!ctx.visit(d, /*loop=*/0)) continue;  // the same answer for every loop
    if (d.is_data_model()) check_unique_criteria_of(ctx, d);
    ctx.visit(d, /*loop=*/1);
    check_field_types_of(ctx, d);
    ctx.visit(d, /*loop=*/2);
    check_native_types_of(ctx, d);
    ctx.visit(d, /*loop=*/3);
    check_defaults_of(ctx, d);
  }
}

}  // namespace zen::analysis::validate
