// `zen migrate deploy`: applies pending migrations, printing each with its duration.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ostream>

#include "cli/migrate_common.h"
#include "cli/system_environment.h"
#include "commands/migrate_deploy.h"

namespace zen::cli {

int run_migrate_deploy(const std::vector<std::string>& args, Console& console) {
  auto flags = migrate_flags({});
  auto parsed = parse_args(args, flags);
  if (!parsed) return report_error(console, parsed.error());
  if (parsed->has("help")) {
    console.out << "Usage: zen migrate deploy [options]\n\n"
                   "Applies the pending migrations in order, each in its own transaction, and refuses to run\n"
                   "while a failed migration is recorded. For production and CI.\n\nOptions:\n"
                << render_flags_help(flags);
    return 0;
  }
  auto project = load_project(*parsed, console, /*need_valid_schema=*/false);
  if (!project) return report_error(console, project.error());
  const auto& t = project->target;
  console.out << fmt::format("Datasource: {} ({})\n", db::redact_url(t.url), provider_name(t.provider));
  // ZEN_PROGRESS_EVERY_MS shortens the interval (tests).
  long every_ms = 5000;
  if (auto v = SystemEnvironment().get("ZEN_PROGRESS_EVERY_MS")) every_ms = std::max(10L, std::atol(v->c_str()));
  ProgressTicker ticker(console, std::chrono::milliseconds(every_ms));
  auto observer = [&](const migrate::ApplyEvent& e) {
    switch (e.kind) {
      case migrate::ApplyEvent::Kind::Starting:
        console.out << fmt::format("Applying migration `{}` ({}/{})\n", e.name, e.index, e.total) << std::flush;
        ticker.start(e.name);
        break;
      case migrate::ApplyEvent::Kind::NoTransaction:
        console.out << fmt::format("  note: running it statement by statement, outside a transaction: {}\n", e.detail)
                    << std::flush;
        break;
      case migrate::ApplyEvent::Kind::Applied:
        ticker.stop();
        console.out << fmt::format("  applied in {} ms\n", e.duration.count()) << std::flush;
        break;
    }
  };
  auto out = commands::migrate_deploy({t}, observer);
  ticker.stop();
  if (!out) return report_error(console, out.error());
  if (out->created_database) console.out << "Created the database.\n";
  for (const auto& name : out->edited)
    console.err << fmt::format("warning: the migration `{}` was modified after it was applied; deploy does not run it "
                               "again\n",
                               name);
  console.out << fmt::format("{} migration{} found in {}\n", out->migrations_found,
                             out->migrations_found == 1 ? "" : "s", t.migrations_dir.string());
  if (out->applied.empty()) {
    console.out << "No pending migrations to apply.\n";
    return 0;
  }
  console.out << "\nThe following migration(s) have been applied:\n\n";
  for (const auto& m : out->applied) console.out << fmt::format("  {} ({} ms)\n", m.name, m.duration.count());
  console.out << "\nAll migrations have been successfully applied.\n";
  return 0;
}

}  // namespace zen::cli
