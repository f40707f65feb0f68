// `zen migrate reset [--force] [--skip-seed]`: wipe, reapply, seed.
#include <fmt/format.h>

#include <cstdlib>
#include <ostream>
#include <sys/wait.h>

#include "cli/migrate_common.h"
#include "cli/system_environment.h"
#include "commands/migrate_reset.h"

namespace zen::cli {

int run_migrate_reset(const std::vector<std::string>& args, Console& console) {
  auto flags = migrate_flags({
      {"force", false, {"f"}, "do not ask for confirmation"},
      {"skip-seed", false, {}, "do not run the seed command (package.json `zenstack.seed`)"},
  });
  auto parsed = parse_args(args, flags);
  if (!parsed) return report_error(console, parsed.error());
  if (parsed->has("help")) {
    console.out << "Usage: zen migrate reset [--force] [--skip-seed] [options]\n\n"
                   "Drops everything in the database, reapplies every migration, then runs the seed command\n"
                   "from package.json `zenstack.seed`. All data is lost.\n\nOptions:\n"
                << render_flags_help(flags);
    return 0;
  }
  auto project = load_project(*parsed, console, /*need_valid_schema=*/false);
  if (!project) return report_error(console, project.error());
  const auto& t = project->target;
  if (!parsed->has("force")) {
    if (!console.interactive) {
      console.err << "error: `zen migrate reset` deletes all data; it does not ask without a terminal, so pass "
                     "`--force` to confirm\n";
      return kExitUsage;
    }
    if (!confirm(console, fmt::format("Reset the database {}? All data will be lost.", db::redact_url(t.url)))) {
      console.err << "reset cancelled; nothing was changed\n";
      return kExitFailure;
    }
  }
  auto observer = [&](const migrate::ApplyEvent& e) {
    if (e.kind == migrate::ApplyEvent::Kind::Starting)
      console.out << fmt::format("Applying migration `{}` ({}/{})\n", e.name, e.index, e.total) << std::flush;
  };
  auto out = commands::migrate_reset({t}, observer);
  if (!out) return report_error(console, out.error());
  console.out << fmt::format("Database reset; {} migration(s) applied.\n", out->applied.size());
  if (parsed->has("skip-seed")) return 0;
  SystemEnvironment env;
  auto seed = commands::find_seed_command(env.current_dir());
  if (!seed) return report_error(console, seed.error());
  if (!*seed) return 0;
  console.out << fmt::format("Running seed script \"{}\"...\n", **seed) << std::flush;
  console.err << std::flush;
  int status = std::system(seed->value().c_str());
  if (status != 0) {
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    console.err << fmt::format("error: the seed command failed (exit code {}); the database was reset and migrated, "
                               "but not seeded\n",
                               code);
    return kExitFailure;
  }
  return 0;
}

}  // namespace zen::cli
