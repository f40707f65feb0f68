// Rule: the checks that read each declaration's attributes and fields, run together one
// declaration at a time: attribute arguments (attribute_arguments.cpp), unique criteria
// (unique_criteria.cpp), field types (field_types.cpp), native types (native_types.cpp) and
// defaults (defaults.cpp). On a big schema a declaration's fields and attributes have left the
// cache by the time a separate pass over every declaration comes back to them, so one pass
// reads them once instead of five times.
//
// Report order: the checks run in the order they had as separate rules, so the diagnostics of
// one declaration come in the same order as before. Diagnostics of different declarations are
// never at the same position (each lies in its declaration's text), so the sort by position
// puts everything else in the same order too; the loop numbers keep the keys in that order.
#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

void check_per_declaration(ValidationContext& ctx) {
  AttributeArguments attribute_arguments(ctx);
  for (const Decl& d : ctx.model().decls) {
    if (d.is_stdlib() || !ctx.visit(d, /*loop=*/0)) continue;  // the same answer for every loop
    attribute_arguments.check(d);
    if (!(d.is_data_model() || d.kind == DeclKind::TypeDef)) continue;
    ctx.visit(d, /*loop=*/1);
    if (d.is_data_model()) check_unique_criteria_of(ctx, d);
    ctx.visit(d, /*loop=*/2);
    check_field_types_of(ctx, d);
    ctx.visit(d, /*loop=*/3);
    check_native_types_of(ctx, d);
    check_defaults_of(ctx, d);
  }
}

}  // namespace zen::analysis::validate
