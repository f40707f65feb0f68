// Command-line flag parsing.
#include "cli/args.h"

#include <fmt/format.h>

namespace zen::cli {

static const FlagSpec* find_flag(const std::vector<FlagSpec>& spec, const std::string& name) {
  for (const auto& f : spec) {
    if (f.name == name) return &f;
    for (const auto& a : f.aliases)
      if (a == name) return &f;
  }
  return nullptr;
}

Result<ParsedArgs> parse_args(const std::vector<std::string>& args, const std::vector<FlagSpec>& spec) {
  ParsedArgs out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() < 2 || a[0] != '-') {
      out.positional.push_back(a);
      continue;
    }
    std::string name = a.substr(a[1] == '-' ? 2 : 1);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const FlagSpec* f = find_flag(spec, name);
    if (!f) return fail(ErrorCode::InvalidArgument, fmt::format("unknown option `{}`; run with --help to see the options", a));
    if (!f->takes_value) {
      if (inline_value) return fail(ErrorCode::InvalidArgument, fmt::format("option `--{}` takes no value", f->name));
      out.flags.insert(f->name);
      continue;
    }
    if (inline_value) {
      out.values[f->name] = *inline_value;
    } else if (i + 1 < args.size()) {
      out.values[f->name] = args[++i];
    } else {
      return fail(ErrorCode::InvalidArgument, fmt::format("option `--{}` needs a value", f->name));
    }
  }
  return out;
}

std::string render_flags_help(const std::vector<FlagSpec>& spec) {
  std::string out;
  for (const auto& f : spec) {
    std::string names = "--" + f.name;
    for (const auto& a : f.aliases) names += a.size() == 1 ? ", -" + a : ", --" + a;
    if (f.takes_value) names += " <value>";
    out += fmt::format("  {:<34} {}\n", names, f.help);
  }
  return out;
}

}  // namespace zen::cli
