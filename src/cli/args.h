// Command-line flag parsing for the zen CLI: `--flag`, `--flag value`, `--flag=value`, short aliases.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"

namespace zen::cli {

struct FlagSpec {
  std::string name;               // without dashes, e.g. "schema"
  bool takes_value = false;
  std::vector<std::string> aliases;  // e.g. {"n"} for -n, or {"from-schema-datamodel"}
  std::string help;
};

struct ParsedArgs {
  std::map<std::string, std::string> values;
  std::set<std::string> flags;
  std::vector<std::string> positional;

  bool has(const std::string& name) const { return flags.count(name) || values.count(name); }
  std::optional<std::string> get(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
};

/// Parses `args` (the words after the command name). Unknown flags and missing values fail
/// with InvalidArgument and a message naming the flag.
Result<ParsedArgs> parse_args(const std::vector<std::string>& args, const std::vector<FlagSpec>& spec);

/// Renders the flag list for --help.
std::string render_flags_help(const std::vector<FlagSpec>& spec);

}  // namespace zen::cli
