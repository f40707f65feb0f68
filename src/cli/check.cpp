// `zen check [--schema FILE]`: loads a schema with its imports, prints every diagnostic as
// `FILE:LINE:COL: error[CODE]: message` (then warnings and notes alike), a summary on stderr,
// and exits 1 when there is any error.
#include <ostream>

#include "cli/args.h"
#include "cli/cli.h"
#include "commands/load_schema.h"

namespace zen::cli {
namespace {

const std::vector<FlagSpec> kCheckFlags = {
    {"schema", true, {}, "the schema file (default: ./schema.zmodel, ./zenstack/schema.zmodel, ./prisma/schema.prisma or ./schema.prisma)"},
    {"help", false, {"h"}, "show this help"},
};

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

int run_check(const std::vector<std::string>& args, Console& console) {
  auto parsed = parse_args(args, kCheckFlags);
  if (!parsed) {
    console.err << "error: " << parsed.error().message << "\n";
    return 2;
  }
  if (parsed->has("help")) {
    console.out << "Usage: zen check [--schema FILE]\n\n"
                   "Checks a schema and the files it imports, printing every problem as\n"
                   "FILE:LINE:COL: error[CODE]: message. Exits 1 if there is any error.\n\nOptions:\n"
                << render_flags_help(kCheckFlags);
    return 0;
  }
  commands::DiskFileSystem fs;
  std::string schema;
  if (auto s = parsed->get("schema")) {
    schema = *s;
  } else if (parsed->positional.size() == 1) {
    schema = parsed->positional[0];
  } else if (!parsed->positional.empty()) {
    console.err << "error: `zen check` takes one schema; pass it with `--schema FILE`\n";
    return 2;
  } else if (auto found = commands::find_default_schema(fs)) {
    schema = *found;
  } else {
    console.err << "error: no schema found in the current directory (looked for schema.zmodel, "
                   "zenstack/schema.zmodel, prisma/schema.prisma, schema.prisma); pass one with `--schema FILE`\n";
    return 1;
  }
  auto loaded = commands::load_schema(schema, fs);
  if (!loaded) {
    console.err << "error: " << loaded.error().to_string() << "\n";
    return 1;
  }
  size_t errors = 0, warnings = 0, others = 0;
  for (const Diagnostic& d : loaded->analysis->diagnostics) {
    const std::string* text = loaded->text(d.path);
    console.out << commands::format_diagnostic(d, text ? std::string_view(*text) : std::string_view()) << "\n";
    for (const auto& r : d.related) {
      Diagnostic note;
      note.path = r.path;
      note.range = r.range;
      const std::string* rt = loaded->text(r.path);
      std::string line = commands::format_diagnostic(note, rt ? std::string_view(*rt) : std::string_view());
      // format_diagnostic renders "FILE:L:C: error[]: "; keep the location, say "note".
      line = line.substr(0, line.find(": error[")) + ": note: " + r.message;
      console.out << line << "\n";
    }
    if (d.severity == Severity::Error) ++errors;
    else if (d.severity == Severity::Warning) ++warnings;
    else ++others;
  }
  size_t files = loaded->files.size();
  if (errors == 0 && warnings == 0 && others == 0) {
    console.err << schema << ": no problems found (" << plural(files, "file") << " checked)\n";
  } else {
    console.err << schema << ": " << plural(errors, "error") << ", " << plural(warnings, "warning")
                << (others ? ", " + plural(others, "note") : std::string()) << " (" << plural(files, "file")
                << " checked)\n";
  }
  return errors > 0 ? 1 : 0;
}

}  // namespace zen::cli
