// Listing, reading and creating migration folders.
#include "migrate/migrations_dir.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>

namespace zen::migrate {

namespace fs = std::filesystem;

Result<std::vector<MigrationDirectory>> list_migrations(const fs::path& migrations_dir) {
  std::vector<MigrationDirectory> out;
  std::error_code ec;
  if (!fs::exists(migrations_dir, ec)) return out;
  if (!fs::is_directory(migrations_dir, ec))
    return fail(ErrorCode::Io, fmt::format("`{}` is not a folder; pass the migrations folder with --migrations",
                                           migrations_dir.string()));
  fs::directory_iterator it(migrations_dir, ec);
  if (ec) return fail(ErrorCode::Io, fmt::format("cannot list `{}`: {}", migrations_dir.string(), ec.message()));
  for (const auto& entry : it) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (!entry.is_directory(ec)) continue;
    out.push_back({name, entry.path()});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& m : out) {
    if (!fs::is_regular_file(m.script_path(), ec))
      return fail(ErrorCode::NotFound,
                  fmt::format("the migration folder `{}` has no migration.sql; restore the file or delete the folder",
                              m.path.string()));
  }
  return out;
}

Result<std::string> read_script(const MigrationDirectory& migration) {
  std::ifstream in(migration.script_path(), std::ios::binary);
  if (!in) return fail(ErrorCode::Io, fmt::format("cannot read `{}`", migration.script_path().string()));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string migration_timestamp(std::chrono::system_clock::time_point time) {
  std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}{:02}{:02}{:02}{:02}{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

std::string slug_migration_name(std::string_view name) {
  std::string out;
  bool pending_sep = false;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      if (pending_sep && !out.empty()) out += '_';
      pending_sep = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      pending_sep = true;
    }
  }
  return out;
}

namespace {

/// Parses the leading 14-digit timestamp of a folder name.
std::optional<std::tm> parse_timestamp(std::string_view name) {
  if (name.size() < 14) return std::nullopt;
  for (int i = 0; i < 14; ++i)
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return std::nullopt;
  auto num = [&](int pos, int len) { return std::stoi(std::string(name.substr(pos, len))); };
  std::tm tm{};
  tm.tm_year = num(0, 4) - 1900;
  tm.tm_mon = num(4, 2) - 1;
  tm.tm_mday = num(6, 2);
  tm.tm_hour = num(8, 2);
  tm.tm_min = num(10, 2);
  tm.tm_sec = num(12, 2);
  return tm;
}

}  // namespace

Result<MigrationDirectory> create_migration(const fs::path& migrations_dir, std::string_view name,
                                            std::string_view script, std::chrono::system_clock::time_point now) {
  std::string slug = slug_migration_name(name);
  if (slug.size() > 200)
    return fail(ErrorCode::InvalidArgument, "the migration name is too long; it must not be longer than 200 characters");
  ZEN_ASSIGN_OR_RETURN(auto existing, list_migrations(migrations_dir));
  std::string stamp = migration_timestamp(now);
  if (!existing.empty()) {
    const std::string& last = existing.back().name;
    if (last.substr(0, 14) >= stamp) {
      if (auto tm = parse_timestamp(last)) {
        std::time_t t = timegm(&*tm) + 1;
        stamp = migration_timestamp(std::chrono::system_clock::from_time_t(t));
      }
    }
  }
  MigrationDirectory dir{stamp + "_" + slug, migrations_dir / (stamp + "_" + slug)};
  std::error_code ec;
  fs::create_directories(dir.path, ec);
  if (ec) return fail(ErrorCode::Io, fmt::format("cannot create the folder `{}`: {}", dir.path.string(), ec.message()));
  std::ofstream out(dir.script_path(), std::ios::binary | std::ios::trunc);
  out << script;
  out.close();
  if (!out) return fail(ErrorCode::Io, fmt::format("cannot write `{}`", dir.script_path().string()));
  return dir;
}

}  // namespace zen::migrate
