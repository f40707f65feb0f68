// Which database a command talks to: the datasource's `url` (a literal, relative SQLite paths
// taken from the schema's folder, or `env("X")` with `.env` files loaded as ZenStack and Prisma
// do), or `--url`. The process environment comes in through the Environment interface.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/model.h"
#include "base/provider.h"
#include "base/result.h"

namespace zen::commands {

/// The process environment, injected so that nothing below the CLI reads it directly.
class Environment {
 public:
  virtual ~Environment() = default;
  /// A variable's value; nullopt when it is not set.
  virtual std::optional<std::string> get(std::string_view name) const = 0;
  /// The working directory (relative `--url` paths and the root `.env` are taken from it).
  virtual std::filesystem::path current_dir() const = 0;
};

/// An environment from a map (tests; and the real environment layered over `.env` files).
class MapEnvironment : public Environment {
 public:
  MapEnvironment() = default;
  MapEnvironment(std::map<std::string, std::string> vars, std::filesystem::path cwd)
      : vars_(vars.begin(), vars.end()), cwd_(std::move(cwd)) {}
  std::optional<std::string> get(std::string_view name) const override;
  std::filesystem::path current_dir() const override { return cwd_; }
  void set(std::string name, std::string value) { vars_[std::move(name)] = std::move(value); }

 private:
  std::map<std::string, std::string, std::less<>> vars_;
  std::filesystem::path cwd_;
};

/// Parses `.env` text as dotenv does: `KEY=value`, optional `export `, `#` comments, single,
/// double (with `\n` escapes) or backtick quotes (multi-line allowed), and `${VAR}` expansion
/// (dotenv-expand, which Prisma uses) from earlier keys and from `lookup`. Malformed lines are
/// skipped, as dotenv skips them.
std::vector<std::pair<std::string, std::string>> parse_dotenv(std::string_view text, const Environment* lookup = nullptr);

/// An environment where the real one wins, then `.env` in the current directory (ZenStack
/// loads it with dotenv), then `.env` beside the schema (Prisma loads it). Missing files are
/// fine; an unreadable one fails with Io.
Result<std::unique_ptr<Environment>> load_dotenv(const Environment& real, const std::filesystem::path& schema_dir);

struct DatabaseTarget {
  /// A URL db::connect accepts; relative SQLite paths are made absolute.
  std::string url;
  Provider provider = Provider::Sqlite;
  /// Where the URL came from, for messages: "--url", "the datasource url", "env(\"DATABASE_URL\")".
  std::string source;
  /// The datasource's `shadowDatabaseUrl`, resolved the same way, when it has one.
  std::optional<std::string> shadow_url;
};

struct DatasourceUrlInput {
  /// The schema's datasource; nullptr when it has none (then `url_override` is required).
  const analysis::Datasource* datasource = nullptr;
  /// The schema file; relative `file:` URLs in the datasource are taken from its folder.
  std::filesystem::path schema_path;
  /// `--url`: wins over the datasource; a relative `file:` path is taken from the current directory.
  std::optional<std::string> url_override;
};

/// Fails with InvalidArgument when there is no URL, `env("X")` names an unset variable, the
/// URL is not SQLite or PostgreSQL (Unsupported), or it does not match the datasource's provider.
Result<DatabaseTarget> resolve_database_url(const DatasourceUrlInput& input, const Environment& env);

/// `file:./dev.db` relative to `base` -> `file:/abs/dev.db` (query kept); other URLs unchanged.
std::string absolutize_sqlite_url(std::string_view url, const std::filesystem::path& base);

}  // namespace zen::commands
