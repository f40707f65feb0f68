// The real process environment and working directory, for commands that take a
// commands::Environment (the CLI is the only layer allowed to read them).
#pragma once

#include "commands/datasource_url.h"

namespace zen::cli {

class SystemEnvironment final : public commands::Environment {
 public:
  std::optional<std::string> get(std::string_view name) const override;
  std::filesystem::path current_dir() const override;
};

}  // namespace zen::cli
