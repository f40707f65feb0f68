// Rule: ZenStack does not use `generator` blocks and warns about them in ZModel files (a hint
// here, since they are harmless and real schemas keep them for `previewFeatures`); in a
// Prisma schema (`*.prisma`) they are what Prisma runs, so nothing is said there.
#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

void check_generators(ValidationContext& ctx) {
  const Model& model = ctx.model();
  for (DeclId id : model.generators) {
    const Decl& d = model.decl(id);
    const std::string& path = model.path(d.file);
    if (path.ends_with(".prisma")) continue;
    ctx.report(Severity::Hint, "unused-generator", d.file, d.name_range,
                "generator `" + d.name + "` is not used by ZenStack and can be removed")
        .unnecessary = true;
  }
}

}  // namespace zen::analysis::validate
