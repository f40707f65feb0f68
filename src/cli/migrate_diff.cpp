// `zen migrate diff`: flags as Prisma's (plus Prisma 6's --*-schema-datamodel names); prints
// the engine's output as the Prisma CLI does; --exit-code gives 0 (same), 2 (different), 1 (error).
#include <fmt/format.h>

#include <fstream>
#include <ostream>

#include "cli/migrate_common.h"
#include "cli/system_environment.h"
#include "commands/migrate_diff.h"

namespace zen::cli {

namespace {

std::vector<FlagSpec> diff_flags() {
  return {
      {"from-empty", false, {}, "start from an empty database"},
      {"to-empty", false, {}, "end at an empty database"},
      {"from-schema", true, {"from-schema-datamodel"}, "start from the database this schema describes"},
      {"to-schema", true, {"to-schema-datamodel"}, "end at the database this schema describes"},
      {"from-url", true, {}, "start from a live database (file:./dev.db, postgresql://...)"},
      {"to-url", true, {}, "end at a live database"},
      {"from-migrations", true, {}, "start from a migrations folder replayed on a shadow database"},
      {"to-migrations", true, {}, "end at a migrations folder replayed on a shadow database"},
      {"shadow-database-url", true, {}, "the PostgreSQL database to replay migrations on (wiped)"},
      {"script", false, {}, "print SQL instead of a summary"},
      {"output", true, {"o"}, "write the output to a file instead of stdout"},
      {"exit-code", false, {}, "exit 0 when there is no difference, 2 when there is one, 1 on error"},
      {"help", false, {"h"}, "show this help"},
  };
}

Result<commands::DiffSource> pick_source(const ParsedArgs& args, const char* side) {
  std::vector<commands::DiffSource> found;
  std::string s(side);
  if (args.has(s + "-empty")) found.push_back({commands::DiffSourceKind::Empty, ""});
  if (auto v = args.get(s + "-schema")) found.push_back({commands::DiffSourceKind::Schema, *v});
  if (auto v = args.get(s + "-url")) found.push_back({commands::DiffSourceKind::Url, *v});
  if (auto v = args.get(s + "-migrations")) found.push_back({commands::DiffSourceKind::Migrations, *v});
  if (found.size() == 1) return found[0];
  std::string which = fmt::format("--{0}-empty, --{0}-schema, --{0}-url or --{0}-migrations", s);
  if (found.empty()) return fail(ErrorCode::InvalidArgument, fmt::format("missing the `{}` side: pass one of {}", s, which));
  return fail(ErrorCode::InvalidArgument, fmt::format("pass only one of {}", which));
}

}  // namespace

int run_migrate_diff(const std::vector<std::string>& args, Console& console) {
  auto flags = diff_flags();
  // Every failure exits 1 (with --exit-code, 2 means "different").
  auto failed = [&](const Error& e) {
    report_error(console, e);
    return 1;
  };
  auto parsed = parse_args(args, flags);
  if (!parsed) return failed(parsed.error());
  if (parsed->has("help")) {
    console.out << "Usage: zen migrate diff --from-... --to-... [--script] [-o FILE] [--exit-code]\n\n"
                   "Compares two database schemas and prints the SQL (--script) or a summary of the changes.\n"
                   "Each side is one of: empty, a ZModel schema, a live database URL, or a migrations folder.\n"
                   "In CI, `--from-migrations migrations --to-schema schema.zmodel --exit-code` checks that the\n"
                   "migrations match the schema.\n\nOptions:\n"
                << render_flags_help(flags);
    return 0;
  }
  if (!parsed->positional.empty())
    return failed(Error(ErrorCode::InvalidArgument,
                        fmt::format("unexpected argument `{}`; run with --help", parsed->positional[0])));
  auto from = pick_source(*parsed, "from");
  if (!from) return failed(from.error());
  auto to = pick_source(*parsed, "to");
  if (!to) return failed(to.error());
  commands::MigrateDiffInput input;
  input.from = *from;
  input.to = *to;
  input.script = parsed->has("script");
  input.shadow_database_url = parsed->get("shadow-database-url");
  SystemEnvironment env;
  commands::DiskFileSystem files;
  auto out = commands::migrate_diff(input, files, env);
  if (!out) {
    report_error(console, out.error());
    return 1;
  }
  if (auto path = parsed->get("output")) {
    std::ofstream f(*path, std::ios::binary);
    f << out->text;
    if (!f) {
      report_error(console, Error(ErrorCode::Io, fmt::format("cannot write `{}`", *path)));
      return 1;
    }
  } else {
    // The Prisma CLI prints one newline after the engine's output.
    console.out << out->text << "\n";
  }
  if (parsed->has("exit-code")) return out->has_changes ? 2 : 0;
  return 0;
}

}  // namespace zen::cli
