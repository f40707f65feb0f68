// The zen CLI's commands. Each lives in its own file under src/cli/ and only builds the
// input for a core command, calls it, and prints its output; exit codes are decided here.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace zen::cli {

/// Streams and terminal facts handed to every command (the CLI's IO boundary).
struct Console {
  std::ostream& out;
  std::ostream& err;
  bool interactive = false;  // stdin and stdout are terminals: prompts are allowed
};

using CommandFn = int (*)(const std::vector<std::string>& args, Console& console);

struct CommandEntry {
  const char* name;     // "check", "migrate diff", ...
  CommandFn run;
  const char* summary;  // one line for `zen --help`
};

// Commands, one per file (src/cli/<name>.cpp).
int run_check(const std::vector<std::string>& args, Console& console);   // check.cpp
int run_format(const std::vector<std::string>& args, Console& console);  // format.cpp
int run_migrate_deploy(const std::vector<std::string>& args, Console& console);   // migrate_deploy.cpp
int run_migrate_status(const std::vector<std::string>& args, Console& console);   // migrate_status.cpp
int run_migrate_resolve(const std::vector<std::string>& args, Console& console);  // migrate_resolve.cpp
int run_migrate_dev(const std::vector<std::string>& args, Console& console);       // migrate_dev.cpp
int run_migrate_reset(const std::vector<std::string>& args, Console& console);     // migrate_reset.cpp
int run_migrate_diff(const std::vector<std::string>& args, Console& console);     // migrate_diff.cpp
int run_db_push(const std::vector<std::string>& args, Console& console);          // db_push.cpp

}  // namespace zen::cli
