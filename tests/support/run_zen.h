// Running the built `zen` binary from end-to-end tests: one shell command, stdout and stderr
// captured together, and the exit code.
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace zen::testing {

struct Run {
  std::string out;  // stdout and stderr together
  int exit_code = -1;
  bool has(std::string_view s) const { return out.find(s) != std::string::npos; }
};

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

inline std::string zen_binary() { return std::string(ZEN_BINARY_DIR) + "/zen"; }

/// Runs a shell command and captures its output and exit code.
inline Run run_shell(const std::string& command) {
  Run run;
  std::string cmd = command + " 2>&1; echo \"exit=$?\"";
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  pclose(pipe);
  auto pos = run.out.rfind("exit=");
  REQUIRE(pos != std::string::npos);
  run.exit_code = std::stoi(run.out.substr(pos + 5));
  run.out.erase(pos);
  return run;
}

/// Runs `zen <args>` in `cwd`.
inline Run run_zen(const std::filesystem::path& cwd, const std::string& args) {
  return run_shell("cd " + shell_quote(cwd.string()) + " && " + shell_quote(zen_binary()) + " " + args);
}

}  // namespace zen::testing
