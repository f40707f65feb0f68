// `zen migrate dev [--name N] [--create-only] [--accept-data-loss] [--force]`.
#include <fmt/format.h>

#include <ostream>

#include "cli/migrate_common.h"
#include "commands/migrate_dev.h"

namespace zen::cli {

int run_migrate_dev(const std::vector<std::string>& args, Console& console) {
  auto flags = migrate_flags({
      {"name", true, {"n"}, "the name of the new migration"},
      {"create-only", false, {}, "write the new migration without applying it (also when it would be empty)"},
      {"accept-data-loss", false, {}, "create and apply a migration with data-loss warnings without asking"},
      {"force", false, {"f"}, "reset the database without asking when the history cannot be continued"},
  });
  auto parsed = parse_args(args, flags);
  if (!parsed) return report_error(console, parsed.error());
  if (parsed->has("help")) {
    console.out << "Usage: zen migrate dev [options]\n\n"
                   "Checks the migration history against the database (on a shadow database), applies pending\n"
                   "migrations, then writes a migration from the history to the schema and applies it.\n"
                   "Without a terminal it never asks: pass --accept-data-loss or --force to say yes up front.\n\n"
                   "Options:\n"
                << render_flags_help(flags);
    return 0;
  }
  auto project = load_project(*parsed, console, /*need_valid_schema=*/true);
  if (!project) return report_error(console, project.error());
  if (!project->analysis)
    return report_error(console, Error(ErrorCode::NotFound, "`zen migrate dev` needs a schema; pass `--schema FILE`"));
  commands::DevInput input;
  input.model = &project->analysis->model;
  input.target = project->target;
  input.shadow_url = project->shadow_url;
  input.name = parsed->get("name");
  input.create_only = parsed->has("create-only");
  input.accept_data_loss = parsed->has("accept-data-loss");
  input.force_reset = parsed->has("force");
  commands::DevPrompts prompts;
  if (console.interactive) {
    prompts.confirm_reset = [&](const std::string& reason) {
      console.out << "\n" << reason << "\n\n";
      return confirm(console, "The database must be reset to continue; all data will be lost. Reset it?");
    };
    prompts.confirm_data_loss = [&](const std::vector<std::string>& warnings) {
      console.out << "\nWarnings for the new migration:\n";
      for (const auto& w : warnings) console.out << "  - " << w << "\n";
      return confirm(console, "\nCreate and apply this migration?");
    };
    prompts.ask_name = [&] { return ask_line(console, "Name of the new migration: "); };
  }
  const auto& t = input.target;
  console.out << fmt::format("Datasource: {} ({})\n", db::redact_url(t.url), provider_name(t.provider));
  auto observer = [&](const migrate::ApplyEvent& e) {
    if (e.kind == migrate::ApplyEvent::Kind::Starting)
      console.out << fmt::format("Applying migration `{}`\n", e.name) << std::flush;
    if (e.kind == migrate::ApplyEvent::Kind::NoTransaction)
      console.out << fmt::format("  note: running it statement by statement, outside a transaction: {}\n", e.detail);
  };
  auto out = commands::migrate_dev(input, prompts, observer);
  if (!out) return report_error(console, out.error());
  if (out->created_database) console.out << "Created the database.\n";
  if (out->reset_reason) console.out << "The database was reset.\n";
  if (!out->warnings.empty()) {
    console.out << "\nWarnings:\n";
    for (const auto& w : out->warnings) console.out << "  - " << w << "\n";
  }
  if (!out->created) {
    if (!out->applied.empty())
      console.out << fmt::format("\nApplied {} pending migration(s).\n", out->applied.size());
    console.out << "Already in sync, no schema change or pending migration was found.\n";
    return 0;
  }
  std::string where = (t.migrations_dir / *out->created / "migration.sql").string();
  if (!out->created_applied) {
    console.out << fmt::format("\nCreated the migration `{}` without applying it:\n  {}\n"
                               "Review or edit it, then run `zen migrate dev` to apply it.\n",
                               *out->created, where);
    return 0;
  }
  console.out << fmt::format("\nCreated and applied the migration `{}`:\n  {}\n\nYour database is now in sync with your "
                             "schema.\n",
                             *out->created, where);
  return 0;
}

}  // namespace zen::cli
