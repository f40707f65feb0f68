// `zen migrate resolve --applied NAME | --rolled-back NAME`.
#include <fmt/format.h>

#include <ostream>

#include "cli/migrate_common.h"
#include "commands/migrate_resolve.h"

namespace zen::cli {

int run_migrate_resolve(const std::vector<std::string>& args, Console& console) {
  auto flags = migrate_flags({
      {"applied", true, {}, "record the migration as applied without running it (baselining)"},
      {"rolled-back", true, {}, "record a failed migration as rolled back"},
  });
  auto parsed = parse_args(args, flags);
  if (!parsed) return report_error(console, parsed.error());
  if (parsed->has("help")) {
    console.out << "Usage: zen migrate resolve (--applied NAME | --rolled-back NAME) [options]\n\n"
                   "Records a migration as applied or rolled back, to recover from a failed migration or to\n"
                   "baseline an existing database.\n\nOptions:\n"
                << render_flags_help(flags);
    return 0;
  }
  auto applied = parsed->get("applied");
  auto rolled_back = parsed->get("rolled-back");
  if (applied.has_value() == rolled_back.has_value()) {
    console.err << "error: pass exactly one of `--applied NAME` and `--rolled-back NAME`\n";
    return kExitUsage;
  }
  auto project = load_project(*parsed, console, /*need_valid_schema=*/false);
  if (!project) return report_error(console, project.error());
  commands::ResolveInput input{project->target, applied ? commands::ResolveKind::Applied : commands::ResolveKind::RolledBack,
                               applied ? *applied : *rolled_back};
  auto out = commands::migrate_resolve(input);
  if (!out) return report_error(console, out.error());
  if (applied) {
    if (out->rolled_back_failures)
      console.out << fmt::format("Marked {} failed attempt(s) of `{}` as rolled back.\n", out->rolled_back_failures,
                                 input.migration_name);
    console.out << fmt::format("Migration `{}` marked as applied.\n", input.migration_name);
  } else {
    console.out << fmt::format("Migration `{}` marked as rolled back.\n", input.migration_name);
  }
  return 0;
}

}  // namespace zen::cli
