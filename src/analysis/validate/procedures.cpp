// Rule: procedure names cannot be JavaScript's reserved object keys (`__proto__`, `prototype`,
// `constructor`), since ZenStack exposes procedures as properties of the client.
#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

void check_procedures(ValidationContext& ctx) {
  const Model& model = ctx.model();
  for (DeclId id : model.procedures) {
    const Decl& d = model.decl(id);
    if (d.name == "__proto__" || d.name == "prototype" || d.name == "constructor")
      ctx.error("reserved-name", d.file, d.name_range,
                "`" + d.name + "` is reserved and cannot name a procedure; rename it");
  }
}

}  // namespace zen::analysis::validate
