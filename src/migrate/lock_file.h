// `migration_lock.toml`: the provider a migrations folder was written for, in Prisma's exact text.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/provider.h"
#include "base/result.h"

namespace zen::migrate {

inline constexpr std::string_view kLockFileName = "migration_lock.toml";

/// The file's text as Prisma writes it.
std::string render_lock_file(Provider provider);

/// The provider named in the file's text (the first line starting with `provider`), as
/// written; "<PROVIDER NOT FOUND>" when no such line exists, as Prisma reports it.
std::string read_lock_provider(std::string_view text);

/// Fails with ProviderMismatch when `migrations_dir/migration_lock.toml` names another
/// provider; a missing file is fine. Fails with Io when the file cannot be read.
Result<void> check_lock_file(const std::filesystem::path& migrations_dir, Provider provider);

/// Writes the lock file (creating the folder). Fails with Io.
Result<void> write_lock_file(const std::filesystem::path& migrations_dir, Provider provider);

}  // namespace zen::migrate
