// `zen db push`: pushes the schema to the database, printing what it did as `prisma db push`
// does; asks before data loss only on a terminal, refuses otherwise.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <ostream>

#include "cli/migrate_common.h"
#include "commands/db_push.h"
#include "dialect/sqlite/connector.h"

namespace zen::cli {

namespace {

std::vector<FlagSpec> push_flags() {
  return {
      {"schema", true, {}, "the schema file (default: ./schema.zmodel or ./zenstack/schema.zmodel)"},
      {"url", true, {}, "the database URL, instead of the datasource's `url`"},
      {"accept-data-loss", false, {}, "apply changes even when they lose data"},
      {"force-reset", false, {}, "drop everything in the database first"},
      {"help", false, {"h"}, "show this help"},
  };
}

void print_bullets(Console& console, const std::vector<std::string>& items) {
  console.out << "\n";
  for (const auto& w : items) console.out << "  \xe2\x80\xa2 " << w << "\n";
  console.out << "\n";
}

/// "SQLite database dev.db at file:/abs/dev.db" / "PostgreSQL database app at postgresql://..."
std::string describe(const migrate::MigrateTarget& t) {
  if (t.provider == Provider::Sqlite) {
    auto parsed = db::sqlite::parse_url(t.url);
    std::string name = parsed.ok() ? std::filesystem::path(parsed->path).filename().string() : t.url;
    return fmt::format("SQLite database \"{}\" at \"{}\"", name, db::redact_url(t.url));
  }
  return fmt::format("PostgreSQL database at \"{}\"", db::redact_url(t.url));
}

}  // namespace

int run_db_push(const std::vector<std::string>& args, Console& console) {
  auto flags = push_flags();
  auto parsed = parse_args(args, flags);
  if (!parsed) return report_error(console, parsed.error());
  if (parsed->has("help")) {
    console.out << "Usage: zen db push [--schema FILE] [--url URL] [--accept-data-loss] [--force-reset]\n\n"
                   "Makes the database match the schema without migration files (prototyping).\n\nOptions:\n"
                << render_flags_help(flags);
    return 0;
  }
  auto start = std::chrono::steady_clock::now();
  auto project = load_project(*parsed, console, /*need_valid_schema=*/true);
  if (!project) return report_error(console, project.error());
  if (project->schema_path) console.out << fmt::format("Schema loaded from {}\n", *project->schema_path);
  const auto& t = project->target;
  console.out << fmt::format("Datasource: {}\n", describe(t));

  commands::DbPushInput input;
  input.model = &project->analysis->model;
  input.target = t;
  input.accept_data_loss = parsed->has("accept-data-loss");
  input.force_reset = parsed->has("force-reset");
  commands::ConfirmDataLoss ask;
  if (console.interactive) {
    ask = [&](const std::vector<std::string>& warnings) {
      console.out << "\n\xe2\x9a\xa0\xef\xb8\x8f  There might be data loss when applying the changes:\n";
      print_bullets(console, warnings);
      return confirm(console, "Do you want to ignore the warning(s)?");
    };
  }
  auto out = commands::db_push(input, ask);
  if (!out) return report_error(console, out.error());
  if (out->created_database) {
    if (t.provider == Provider::Sqlite) {
      auto p = db::sqlite::parse_url(t.url);
      std::string name = p.ok() ? std::filesystem::path(p->path).filename().string() : t.url;
      console.out << fmt::format("\nSQLite database {} created at {}\n", name, db::redact_url(t.url));
    } else {
      console.out << "\nThe database was created.\n";
    }
  }
  if (out->reset) console.out << "\nThe database was reset: all its tables and data were dropped.\n";
  switch (out->status) {
    case commands::DbPushStatus::Unexecutable:
      console.out << "\n\xe2\x9a\xa0\xef\xb8\x8f We found changes that cannot be executed:\n";
      print_bullets(console, out->unexecutable);
      console.err << "error: use --force-reset to drop the database before pushing: zen db push --force-reset\n"
                     "all data will be lost\n";
      return kExitFailure;
    case commands::DbPushStatus::DataLossRefused:
      console.out << "\n\xe2\x9a\xa0\xef\xb8\x8f  There might be data loss when applying the changes:\n";
      print_bullets(console, out->warnings);
      console.err << "error: use --accept-data-loss to ignore the data loss warnings: zen db push --accept-data-loss\n";
      return kExitFailure;
    case commands::DbPushStatus::AlreadyInSync:
      console.out << "\nThe database is already in sync with the schema.\n";
      return 0;
    case commands::DbPushStatus::Applied: break;
  }
  if (!out->warnings.empty() && input.accept_data_loss) {
    console.out << "\n\xe2\x9a\xa0\xef\xb8\x8f  There might be data loss when applying the changes:\n";
    print_bullets(console, out->warnings);
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  console.out << fmt::format("\n\xf0\x9f\x9a\x80  Your database is now in sync with your schema. Done in {}ms\n", ms);
  return 0;
}

}  // namespace zen::cli
