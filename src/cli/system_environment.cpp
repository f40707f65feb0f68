// getenv and the current directory behind commands::Environment.
#include "cli/system_environment.h"

#include <cstdlib>
#include <system_error>

namespace zen::cli {

std::optional<std::string> SystemEnvironment::get(std::string_view name) const {
  const char* v = std::getenv(std::string(name).c_str());
  if (!v) return std::nullopt;
  return std::string(v);
}

std::filesystem::path SystemEnvironment::current_dir() const {
  std::error_code ec;
  auto p = std::filesystem::current_path(ec);
  return ec ? std::filesystem::path(".") : p;
}

}  // namespace zen::cli
