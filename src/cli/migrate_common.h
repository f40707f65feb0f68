// Shared plumbing of the `zen migrate ...` commands: finding and reading the schema, resolving
// the database URL and migrations folder, the lock options, and printing errors.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "base/result.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "migrate/target.h"

namespace zen::cli {

/// Exit codes of the migrate commands: 0 done (status: up to date), 1 failed (status: not up
/// to date), 2 bad usage, 3 the database cannot be reached, 4 another migration holds the lock.
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreachable = 3;
inline constexpr int kExitLocked = 4;

/// The flags every migrate command takes: --schema, --url, --migrations, --lock-timeout,
/// --no-advisory-lock, --help.
std::vector<FlagSpec> migrate_flags(std::vector<FlagSpec> extra);

struct LoadedProject {
  std::optional<std::string> schema_path;   // nullopt: no schema (then --url and --migrations)
  std::shared_ptr<const analysis::Analysis> analysis;
  migrate::MigrateTarget target;
  /// The datasource's `shadowDatabaseUrl`, resolved.
  std::optional<std::string> shadow_url;
};

/// Finds the schema (--schema, package.json's `zenstack.schema`, ./schema.zmodel,
/// ./zenstack/schema.zmodel), reads it with its imports, and resolves the database (`url`,
/// `env()` with `.env` files, or --url) and the migrations folder (beside the schema, or
/// --migrations). `need_valid_schema` makes schema errors fatal (printed as diagnostics).
Result<LoadedProject> load_project(const ParsedArgs& args, Console& console, bool need_valid_schema);

/// Prints `error: ...` with the context lines and returns the exit code for the error.
int report_error(Console& console, const Error& error);

/// Prints the schema's error diagnostics as `path:line:col: error[code]: message`.
void print_diagnostics(Console& console, const analysis::Analysis& analysis);

/// Prints "still applying `name` (N s)" every `every` while a long migration runs, from a
/// background thread, so a long deploy shows it is alive.
class ProgressTicker {
 public:
  ProgressTicker(Console& console, std::chrono::milliseconds every);
  ~ProgressTicker();
  void start(const std::string& name);
  void stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Asks a yes/no question on the terminal; false when the answer is not yes.
bool confirm(Console& console, const std::string& question);

/// Reads one line of input after printing `prompt` (interactive only).
std::string ask_line(Console& console, const std::string& prompt);

}  // namespace zen::cli
