// migrate reset: wipe, reapply, and the seed command lookup.
#include "commands/migrate_reset.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "dialect/dialect.h"
#include "migrate/history_table.h"
#include "migrate/lock_file.h"
#include "migrate/migrations_dir.h"

namespace zen::commands {

namespace fs = std::filesystem;

Result<ResetOutput> migrate_reset(const ResetInput& input, const migrate::ApplyObserver& observer) {
  const auto& t = input.target;
  auto dialect = dialect::make_dialect(t.provider);
  if (!dialect)
    return fail(ErrorCode::Unsupported,
                fmt::format("zen migrates SQLite and PostgreSQL databases only, not `{}`", provider_name(t.provider)));
  ZEN_TRY(migrate::check_lock_file(t.migrations_dir, t.provider));
  ZEN_ASSIGN_OR_RETURN(auto folder, migrate::list_migrations(t.migrations_dir));
  ResetOutput out;
  ZEN_ASSIGN_OR_RETURN(auto opened, migrate::open_target(t, /*create_missing=*/true));
  out.created_database = opened.created;
  db::Connection& conn = *opened.conn;
  ZEN_ASSIGN_OR_RETURN(auto lock, migrate::acquire_migration_lock(conn, t.lock));
  ZEN_TRY(dialect->reset(conn));
  ZEN_TRY(migrate::drop_history_table(conn));
  ZEN_TRY(migrate::create_history_table(conn));
  ZEN_TRY(migrate::apply_migrations(conn, folder, out.applied, observer));
  return out;
}

Result<std::optional<std::string>> find_seed_command(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  for (; !dir.empty(); dir = dir.parent_path()) {
    fs::path pkg = dir / "package.json";
    if (fs::exists(pkg, ec)) {
      std::ifstream in(pkg, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      auto json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
      if (json.is_discarded()) return fail(ErrorCode::Io, fmt::format("`{}` is not valid JSON", pkg.string()));
      if (!json.is_object() || !json.contains("zenstack") || !json["zenstack"].is_object())
        return std::optional<std::string>{};
      const auto& z = json["zenstack"];
      if (!z.contains("seed") || !z["seed"].is_string() || z["seed"].get<std::string>().empty())
        return std::optional<std::string>{};
      return std::optional<std::string>{z["seed"].get<std::string>()};
    }
    if (dir == dir.parent_path()) break;
  }
  return std::optional<std::string>{};
}

}  // namespace zen::commands
