// Resolving the database URL of a command, and reading `.env` files the way dotenv does.
#include "commands/datasource_url.h"

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

#include "dialect/connection.h"

namespace zen::commands {

namespace fs = std::filesystem;

std::optional<std::string> MapEnvironment::get(std::string_view name) const {
  auto it = vars_.find(name);
  if (it == vars_.end()) return std::nullopt;
  return it->second;
}

namespace {

bool is_key_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-'; }

/// `${VAR}` / `$VAR` expansion; `\$` keeps a literal dollar.
std::string expand(std::string_view value, const std::vector<std::pair<std::string, std::string>>& earlier,
                   const Environment* lookup) {
  auto find = [&](std::string_view name) -> std::string {
    if (lookup) {
      if (auto v = lookup->get(name)) return *v;
    }
    for (auto it = earlier.rbegin(); it != earlier.rend(); ++it)
      if (it->first == name) return it->second;
    return "";
  };
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '\\' && i + 1 < value.size() && value[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    if (c != '$' || i + 1 >= value.size()) {
      out += c;
      continue;
    }
    if (value[i + 1] == '{') {
      size_t close = value.find('}', i + 2);
      if (close == std::string_view::npos) {
        out += c;
        continue;
      }
      std::string_view inner = value.substr(i + 2, close - i - 2);
      // `${VAR:-default}`
      std::string_view name = inner;
      std::string_view fallback;
      if (size_t d = inner.find(":-"); d != std::string_view::npos) {
        name = inner.substr(0, d);
        fallback = inner.substr(d + 2);
      }
      std::string v = find(name);
      out += v.empty() ? std::string(fallback) : v;
      i = close;
      continue;
    }
    size_t j = i + 1;
    while (j < value.size() && (std::isalnum(static_cast<unsigned char>(value[j])) || value[j] == '_')) ++j;
    if (j == i + 1) {
      out += c;
      continue;
    }
    out += find(value.substr(i + 1, j - i - 1));
    i = j - 1;
  }
  return out;
}

Result<std::optional<std::string>> read_optional_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::optional<std::string>{};
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::Io, fmt::format("cannot read `{}`", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  return std::optional<std::string>{text.str()};
}

/// The real environment first, then the `.env` layers in order.
class LayeredEnvironment : public Environment {
 public:
  LayeredEnvironment(const Environment& real, std::vector<std::vector<std::pair<std::string, std::string>>> layers)
      : real_(real), layers_(std::move(layers)) {}
  std::optional<std::string> get(std::string_view name) const override {
    if (auto v = real_.get(name)) return v;
    for (const auto& layer : layers_)
      for (const auto& [k, v] : layer)
        if (k == name) return v;
    return std::nullopt;
  }
  fs::path current_dir() const override { return real_.current_dir(); }

 private:
  const Environment& real_;
  std::vector<std::vector<std::pair<std::string, std::string>>> layers_;
};

bool is_postgres_url(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}
bool is_sqlite_url(std::string_view url) { return url.starts_with("file:") || url == ":memory:"; }

}  // namespace

std::vector<std::pair<std::string, std::string>> parse_dotenv(std::string_view text, const Environment* lookup) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t i = 0;
  auto skip_line = [&] {
    while (i < text.size() && text[i] != '\n') ++i;
    if (i < text.size()) ++i;
  };
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
    if (i >= text.size()) break;
    if (text[i] == '#') {
      skip_line();
      continue;
    }
    if (text.substr(i).starts_with("export ")) {
      i += 7;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    }
    size_t key_start = i;
    while (i < text.size() && is_key_char(text[i])) ++i;
    std::string key(text.substr(key_start, i - key_start));
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (key.empty() || i >= text.size() || (text[i] != '=' && text[i] != ':')) {
      skip_line();
      continue;
    }
    ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::string value;
    char quote = i < text.size() ? text[i] : '\0';
    if (quote == '"' || quote == '\'' || quote == '`') {
      size_t close = i + 1;
      while (close < text.size() && !(text[close] == quote && text[close - 1] != '\\')) ++close;
      if (close < text.size()) {
        std::string_view raw = text.substr(i + 1, close - i - 1);
        i = close + 1;
        skip_line();
        if (quote == '"') {
          std::string unescaped;
          for (size_t k = 0; k < raw.size(); ++k) {
            if (raw[k] == '\\' && k + 1 < raw.size() && (raw[k + 1] == 'n' || raw[k + 1] == 'r')) {
              unescaped += raw[k + 1] == 'n' ? '\n' : '\r';
              ++k;
            } else {
              unescaped += raw[k];
            }
          }
          value = expand(unescaped, out, lookup);
        } else {
          value = std::string(raw);
        }
        out.emplace_back(std::move(key), std::move(value));
        continue;
      }
      // An unterminated quote: dotenv takes the rest of the line as it is.
    }
    size_t line_end = text.find('\n', i);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view raw = text.substr(i, line_end - i);
    // An unquoted value ends at a ` #` comment.
    if (size_t hash = raw.find(" #"); hash != std::string_view::npos) raw = raw.substr(0, hash);
    if (raw.starts_with("#")) raw = {};
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r')) raw.remove_suffix(1);
    value = expand(raw, out, lookup);
    out.emplace_back(std::move(key), std::move(value));
    i = line_end;
  }
  return out;
}

Result<std::unique_ptr<Environment>> load_dotenv(const Environment& real, const fs::path& schema_dir) {
  std::vector<std::vector<std::pair<std::string, std::string>>> layers;
  fs::path root = real.current_dir() / ".env";
  fs::path beside = (schema_dir.is_absolute() ? schema_dir : real.current_dir() / schema_dir) / ".env";
  std::error_code ec;
  bool same = fs::equivalent(root, beside, ec) && !ec;
  for (const fs::path& file : {root, beside}) {
    if (&file == &beside && same) break;
    ZEN_ASSIGN_OR_RETURN(auto text, read_optional_file(file));
    if (!text) continue;
    layers.push_back(parse_dotenv(*text, &real));
  }
  return std::unique_ptr<Environment>(std::make_unique<LayeredEnvironment>(real, std::move(layers)));
}

std::string absolutize_sqlite_url(std::string_view url, const fs::path& base) {
  if (!url.starts_with("file:") || url.starts_with("file::memory:")) return std::string(url);
  std::string_view rest = url.substr(5);
  if (rest.starts_with("//")) return std::string(url);
  std::string_view query;
  if (size_t q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q);
    rest = rest.substr(0, q);
  }
  fs::path p(rest);
  if (p.is_absolute() || rest.empty()) return std::string(url);
  return "file:" + (base / p).lexically_normal().string() + std::string(query);
}

namespace {

/// The value of a datasource field: a string literal or `env("X")`.
Result<std::pair<std::string, std::string>> field_value(const analysis::ConfigField& field, const Environment& env) {
  // Read the expression directly (a string literal, or a call `env("X")`).
  const analysis::Expr& e = field.value;
  if (e.kind == analysis::ExprKind::String) return std::pair{e.text, fmt::format("the datasource `{}`", field.name)};
  std::optional<std::string> var;
  if (e.kind == analysis::ExprKind::Call && e.text == "env" && !e.args.empty() &&
      e.args[0].value.kind == analysis::ExprKind::String)
    var = e.args[0].value.text;
  if (var) {
    auto v = env.get(*var);
    if (!v || v->empty())
      return fail(ErrorCode::InvalidArgument,
                  fmt::format("the environment variable `{}` (from the datasource `{}`) is not set; set it, add it to "
                              "a `.env` file beside the schema, or pass `--url`",
                              *var, field.name));
    return std::pair{*v, fmt::format("env(\"{}\")", *var)};
  }
  return fail(ErrorCode::InvalidArgument,
              fmt::format("the datasource `{}` must be a string or `env(\"NAME\")`; pass `--url` to name the database",
                          field.name));
}

Result<void> check_provider(std::string_view url, Provider provider, std::string_view source) {
  bool pg = is_postgres_url(url);
  bool lite = is_sqlite_url(url);
  if (!pg && !lite) {
    std::string_view scheme = url.substr(0, url.find(':'));
    if (scheme == "mysql" || scheme == "sqlserver" || scheme.starts_with("mongodb") || scheme.starts_with("prisma"))
      return fail(ErrorCode::Unsupported,
                  fmt::format("zen migrates SQLite and PostgreSQL databases only, not `{}` URLs (from {})", scheme, source));
    return fail(ErrorCode::InvalidArgument,
                fmt::format("the database URL from {} is `{}`, which zen does not understand; use `file:./dev.db` for "
                            "SQLite or `postgresql://USER:PASSWORD@HOST:PORT/DATABASE` for PostgreSQL",
                            source, db::redact_url(url)));
  }
  if (provider == Provider::Sqlite && !lite)
    return fail(ErrorCode::InvalidArgument,
                fmt::format("the datasource provider is `sqlite` but the URL from {} is a PostgreSQL URL; "
                            "SQLite URLs start with `file:`",
                            source));
  if (provider == Provider::Postgresql && !pg)
    return fail(ErrorCode::InvalidArgument,
                fmt::format("the datasource provider is `postgresql` but the URL from {} is `{}`; PostgreSQL URLs "
                            "start with `postgresql://` or `postgres://`",
                            source, db::redact_url(url)));
  if (provider != Provider::Sqlite && provider != Provider::Postgresql)
    return fail(ErrorCode::Unsupported,
                fmt::format("zen migrates SQLite and PostgreSQL databases only, not `{}`", provider_name(provider)));
  return ok();
}

}  // namespace

Result<DatabaseTarget> resolve_database_url(const DatasourceUrlInput& input, const Environment& env) {
  DatabaseTarget out;
  fs::path schema_dir = input.schema_path.parent_path();
  if (!schema_dir.is_absolute()) schema_dir = env.current_dir() / schema_dir;
  std::optional<Provider> provider;
  if (input.datasource) {
    provider = input.datasource->provider;
    if (!provider)
      return fail(ErrorCode::InvalidArgument,
                  fmt::format("the datasource provider `{}` is unknown; use `sqlite` or `postgresql`",
                              input.datasource->provider_text));
  }
  if (input.url_override) {
    out.url = absolutize_sqlite_url(*input.url_override, env.current_dir());
    out.source = "--url";
  } else {
    if (!input.datasource)
      return fail(ErrorCode::InvalidArgument, "the schema has no datasource; add one or pass `--url`");
    if (!input.datasource->url)
      return fail(ErrorCode::InvalidArgument,
                  "the datasource has no `url`; add `url = env(\"DATABASE_URL\")` to it or pass `--url`");
    ZEN_ASSIGN_OR_RETURN(auto value, field_value(*input.datasource->url, env));
    out.url = absolutize_sqlite_url(value.first, schema_dir);
    out.source = value.second;
  }
  if (out.url.empty())
    return fail(ErrorCode::InvalidArgument, fmt::format("the database URL from {} is empty", out.source));
  if (!provider) provider = is_postgres_url(out.url) ? Provider::Postgresql : Provider::Sqlite;
  ZEN_TRY(check_provider(out.url, *provider, out.source));
  out.provider = *provider;
  if (input.datasource && input.datasource->shadow_database_url) {
    ZEN_ASSIGN_OR_RETURN(auto shadow, field_value(*input.datasource->shadow_database_url, env));
    ZEN_TRY(check_provider(shadow.first, *provider, shadow.second));
    if (shadow.first == out.url)
      return fail(ErrorCode::InvalidArgument,
                  "the datasource `shadowDatabaseUrl` is the same as its `url`; the shadow database must be a "
                  "separate database that zen may wipe");
    out.shadow_url = absolutize_sqlite_url(shadow.first, schema_dir);
  }
  return out;
}

}  // namespace zen::commands
