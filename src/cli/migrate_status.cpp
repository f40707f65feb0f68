// `zen migrate status`: applied, pending, failed and edited migrations; exit 0 only when up to date.
#include <fmt/format.h>

#include <ostream>

#include "cli/migrate_common.h"
#include "commands/migrate_status.h"

namespace zen::cli {

int run_migrate_status(const std::vector<std::string>& args, Console& console) {
  auto flags = migrate_flags({});
  auto parsed = parse_args(args, flags);
  if (!parsed) return report_error(console, parsed.error());
  if (parsed->has("help")) {
    console.out << "Usage: zen migrate status [options]\n\n"
                   "Compares the migrations folder with the database's migration history.\n"
                   "Exits 0 when the database is up to date, 1 otherwise.\n\nOptions:\n"
                << render_flags_help(flags);
    return 0;
  }
  auto project = load_project(*parsed, console, /*need_valid_schema=*/false);
  if (!project) return report_error(console, project.error());
  const auto& t = project->target;
  auto out = commands::migrate_status({t});
  if (!out) return report_error(console, out.error());
  const auto& d = out->diagnosis;
  std::string dir = t.migrations_dir.string();
  console.out << fmt::format("Datasource: {} ({})\n", db::redact_url(t.url), provider_name(t.provider));
  console.out << fmt::format("{} migration{} found in {}\n", out->migrations_found, out->migrations_found == 1 ? "" : "s",
                             dir);
  if (out->unmanaged()) {
    console.out << "\nThe database is not managed by zen or Prisma Migrate: it has tables but no `_prisma_migrations` "
                   "history.\nTo start migrating it, baseline it: run `zen migrate resolve --applied NAME` for each "
                   "migration it already contains.\n";
    return kExitFailure;
  }
  auto list = [&](const std::vector<std::string>& names) {
    for (const auto& n : names) console.out << "  " << n << "\n";
  };
  if (!d.applied.empty()) {
    console.out << fmt::format("\nApplied ({}):\n", d.applied.size());
    list(d.applied);
  }
  if (!d.failed.empty()) {
    console.out << "\nFailed migrations (started but not finished):\n";
    for (const auto& f : d.failed) {
      std::string logs = f.logs.value_or("");
      console.out << fmt::format("  {} (started at {})\n", f.migration_name, f.started_at);
      if (!logs.empty()) {
        std::string first = logs.substr(0, logs.find('\n'));
        console.out << "    " << first << "\n";
      }
    }
    console.out << "  Resolve each: `zen migrate resolve --rolled-back NAME` if nothing of it is in the database, or "
                   "`--applied NAME` if you completed it by hand.\n";
  }
  if (!d.edited.empty()) {
    console.out << "\nMigrations modified after they were applied (the file no longer matches the recorded checksum):\n";
    list(d.edited);
  }
  if (d.histories_diverge()) {
    console.out << "\nThe migrations folder and the database's history have diverged.\n";
    console.out << (d.last_common ? fmt::format("The last common migration is `{}`.\n", *d.last_common)
                                  : std::string("They have no migration in common.\n"));
  }
  if (!d.missing_locally.empty()) {
    console.out << fmt::format("\nMigrations in the database but not in {}:\n", dir);
    list(d.missing_locally);
  }
  if (!d.pending.empty()) {
    console.out << fmt::format("\nNot yet applied ({}):\n", d.pending.size());
    list(d.pending);
    console.out << "  Apply them with `zen migrate deploy` (production) or `zen migrate dev` (development).\n";
  }
  if (out->up_to_date()) {
    console.out << "\nDatabase schema is up to date!\n";
    return 0;
  }
  return kExitFailure;
}

}  // namespace zen::cli
