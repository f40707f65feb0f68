// zen's entry point: finds the command in the table and runs it. The only place that exits.
#include <unistd.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace {

using zen::cli::CommandEntry;

// Keep in the order `zen --help` lists them.
const CommandEntry kCommands[] = {
    {"check", zen::cli::run_check, "check a schema and the files it imports; exit 1 on errors"},
    {"format", zen::cli::run_format, "format a schema and the files it imports"},
    {"migrate dev", zen::cli::run_migrate_dev, "create a migration from the schema and apply it (development)"},
    {"migrate deploy", zen::cli::run_migrate_deploy, "apply pending migrations (production, CI)"},
    {"migrate reset", zen::cli::run_migrate_reset, "drop everything, reapply all migrations, run the seed"},
    {"migrate status", zen::cli::run_migrate_status, "show applied, pending, failed and edited migrations"},
    {"migrate resolve", zen::cli::run_migrate_resolve, "mark a migration as applied or rolled back"},
    {"migrate diff", zen::cli::run_migrate_diff, "compare schemas, databases or migrations; print SQL or a summary"},
    {"db push", zen::cli::run_db_push, "make the database match the schema without migrations"},
};

void print_help(std::ostream& out) {
  out << "zen: the ZModel toolchain (checker, formatter, migrations, language server)\n\n"
         "Usage: zen <command> [options]\n\nCommands:\n";
  for (const auto& c : kCommands) out << "  " << c.name << std::string(20 - std::strlen(c.name), ' ') << c.summary << "\n";
  out << "\nRun `zen <command> --help` for a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  zen::cli::Console console{std::cout, std::cerr, isatty(0) && isatty(1)};
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    print_help(std::cout);
    return words.empty() ? 1 : 0;
  }
  if (words[0] == "--version" || words[0] == "-v") {
    std::cout << "zen 0.1.0\n";
    return 0;
  }
  // Two-word commands ("migrate dev") first, then one-word ones ("check").
  for (int n = 2; n >= 1; --n) {
    if (words.size() < static_cast<size_t>(n)) continue;
    std::string name = words[0];
    if (n == 2) name += " " + words[1];
    for (const auto& c : kCommands) {
      if (name != c.name) continue;
      std::vector<std::string> rest(words.begin() + n, words.end());
      try {
        return c.run(rest, console);
      } catch (const std::exception& e) {
        std::cerr << "error: internal error in `zen " << c.name << "`: " << e.what()
                  << "\nthis is a bug in zen; please report it with the schema that triggers it\n";
        return 1;
      }
    }
  }
  std::cerr << "error: unknown command `" << words[0] << "`\n\n";
  print_help(std::cerr);
  return 1;
}
