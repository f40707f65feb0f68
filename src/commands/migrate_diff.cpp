// `zen migrate diff`.
#include "commands/migrate_diff.h"

#include <fmt/format.h>

#include <filesystem>

#include "base/dispose.h"
#include "commands/load_schema.h"
#include "dialect/dialect.h"
#include "dialect/sqlite/connector.h"
#include "diff/differ.h"
#include "migrate/lock_file.h"
#include "migrate/migrations_dir.h"
#include "schema/lower_zmodel.h"

namespace zen::commands {

namespace fs = std::filesystem;

namespace {

/// A source read into a schema, or (for Empty) just "nothing".
struct LoadedSource {
  std::optional<Provider> provider;
  std::optional<schema::Schema> schema;        // Schema, Url, Migrations
  std::shared_ptr<const analysis::Analysis> analysis;  // Schema
  /// Schema: the model lowered to tables and normalised, done while it was being validated.
  std::optional<schema::LowerResult> lowered;
};

const char* source_flag(DiffSourceKind kind, bool from) {
  switch (kind) {
    case DiffSourceKind::Empty: return from ? "--from-empty" : "--to-empty";
    case DiffSourceKind::Schema: return from ? "--from-schema" : "--to-schema";
    case DiffSourceKind::Url: return from ? "--from-url" : "--to-url";
    case DiffSourceKind::Migrations: return from ? "--from-migrations" : "--to-migrations";
  }
  return "";
}

std::optional<Provider> provider_of_url(std::string_view url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) return Provider::Postgresql;
  if (url.rfind("file:", 0) == 0 || url == ":memory:") return Provider::Sqlite;
  return std::nullopt;
}

// `flag` is the option that named the file (`--from-schema` / `--to-schema`), for the error
// when it cannot be read.
Result<LoadedSource> read_schema_source(const std::string& path, const char* flag, const FileSystem& files) {

  LoadedSource out;
  // Lowering to tables does not wait for validation: it runs meanwhile, and is dropped when
  // validation rejects the schema.
  auto lower_meanwhile = [&out](const analysis::Model& model) {
    if (!model.datasource || !model.datasource->provider) return;
    auto dialect = dialect::make_dialect(*model.datasource->provider);
    if (!dialect) return;
    out.lowered = schema::lower_zmodel(model);
    dialect->normalize(out.lowered->schema);
  };
  auto read = load_schema(path, files, lower_meanwhile);
  if (!read.ok() && read.error().code == ErrorCode::NotFound)
    return fail(ErrorCode::NotFound, fmt::format("cannot read the schema file `{}` given to `{}`; check the path", path, flag));
  ZEN_ASSIGN_OR_RETURN(auto loaded, std::move(read));
  if (loaded.has_errors()) {
    std::string msg = fmt::format("the schema `{}` has errors; fix them first:", path);
    size_t shown = 0;
    for (const auto& d : loaded.analysis->diagnostics) {
      if (d.severity != Severity::Error) continue;
      if (++shown > 20) break;
      const std::string* text = loaded.text(d.path);
      msg += "\n" + format_diagnostic(d, text ? *text : std::string_view());
    }
    return fail(ErrorCode::SchemaInvalid, msg);
  }
  const auto& model = loaded.model();
  if (!model.datasource || !model.datasource->provider)
    return fail(ErrorCode::InvalidArgument,
                fmt::format("the schema `{}` has no datasource with a known provider; add `datasource db {{ provider = "
                            "\"sqlite\" }}` or `\"postgresql\"`",
                            path));
  out.provider = *model.datasource->provider;
  out.analysis = loaded.analysis;
  return out;
}

Result<std::unique_ptr<db::Connection>> open_shadow(Provider provider, const MigrateDiffInput& input) {
  if (provider == Provider::Sqlite) {
    ZEN_ASSIGN_OR_RETURN(auto conn, db::sqlite::open_memory());
    return std::unique_ptr<db::Connection>(std::move(conn));
  }
  if (!input.shadow_database_url)
    return fail(ErrorCode::InvalidArgument,
                "replaying a migrations folder on PostgreSQL needs a shadow database; pass `--shadow-database-url URL` "
                "(its contents are dropped)");
  return db::connect(*input.shadow_database_url);
}

}  // namespace

Result<MigrateDiffOutput> migrate_diff(const MigrateDiffInput& input, const FileSystem& files, const Environment& env) {
  LoadedSource sources[2];
  const DiffSource* specs[2] = {&input.from, &input.to};
  // First pass: providers.
  for (int i = 0; i < 2; ++i) {
    const DiffSource& s = *specs[i];
    switch (s.kind) {
      case DiffSourceKind::Empty: break;
      case DiffSourceKind::Schema: {
        ZEN_ASSIGN_OR_RETURN(sources[i], read_schema_source(s.value, source_flag(s.kind, i == 0), files));
        break;
      }
      case DiffSourceKind::Url: {
        auto p = provider_of_url(s.value);
        if (!p)
          return fail(ErrorCode::Unsupported,
                      fmt::format("`{}` takes a `file:` (SQLite) or `postgresql://` URL, not `{}`",
                                  source_flag(s.kind, i == 0), db::redact_url(s.value)));
        sources[i].provider = p;
        break;
      }
      case DiffSourceKind::Migrations: {
        if (!fs::is_directory(s.value))
          return fail(ErrorCode::NotFound, fmt::format("the migrations folder `{}` does not exist", s.value));
        if (auto lock = files.read((fs::path(s.value) / "migration_lock.toml").string())) {
          std::string name = migrate::read_lock_provider(*lock);
          if (auto p = parse_provider(name)) sources[i].provider = p;
        }
        break;
      }
    }
  }
  std::optional<Provider> provider = sources[0].provider ? sources[0].provider : sources[1].provider;
  if (sources[0].provider && sources[1].provider && *sources[0].provider != *sources[1].provider)
    return fail(ErrorCode::InvalidArgument,
                fmt::format("the two sides use different providers ({} and {}); diff sources of one provider",
                            provider_name(*sources[0].provider), provider_name(*sources[1].provider)));
  if (!provider)
    return fail(ErrorCode::InvalidArgument,
                "cannot tell the database provider: at least one side must be a schema, a URL, or a migrations folder "
                "with a migration_lock.toml");
  auto dialect = dialect::make_dialect(*provider);
  if (!dialect)
    return fail(ErrorCode::Unsupported,
                fmt::format("zen cannot migrate `{}` databases yet (only sqlite and postgresql)", provider_name(*provider)));

  // Second pass: schemas; the schema files first, so that live databases are read in the
  // PostgreSQL schemas those files name.
  schema::Schema schemas[2];
  dialect::IntrospectOptions introspect_options;
  for (int pass = 0; pass < 2; ++pass)
  for (int i = 0; i < 2; ++i) {
    const DiffSource& s = *specs[i];
    bool file_side = s.kind == DiffSourceKind::Empty || s.kind == DiffSourceKind::Schema;
    if (file_side != (pass == 0)) continue;
    if (pass == 1 && introspect_options.namespaces.empty()) {
      for (const auto& other : schemas) {
        auto o = dialect::introspect_options_for(other);
        introspect_options.namespaces.insert(introspect_options.namespaces.end(), o.namespaces.begin(), o.namespaces.end());
      }
    }
    switch (s.kind) {
      case DiffSourceKind::Empty: schemas[i] = dialect->empty_schema(); break;
      case DiffSourceKind::Schema: {
        bool normalized = sources[i].lowered.has_value();
        auto lowered = normalized ? std::move(*sources[i].lowered) : schema::lower_zmodel(sources[i].analysis->model);
        for (const auto& d : lowered.diagnostics)
          if (d.severity == Severity::Error) return fail(ErrorCode::SchemaInvalid, d.message);
        schemas[i] = std::move(lowered.schema);
        if (!normalized) dialect->normalize(schemas[i]);
        break;
      }
      case DiffSourceKind::Url: {
        std::string url = absolutize_sqlite_url(s.value, env.current_dir());
        if (*provider == Provider::Sqlite) {
          ZEN_ASSIGN_OR_RETURN(auto parsed, db::sqlite::parse_url(url));
          if (!parsed.memory && !fs::exists(parsed.path))
            return fail(ErrorCode::NotFound,
                        fmt::format("the SQLite database `{}` does not exist", db::redact_url(s.value)));
        }
        ZEN_ASSIGN_OR_RETURN(auto conn, db::connect(url));
        ZEN_ASSIGN_OR_RETURN(schemas[i], dialect->introspect(*conn, introspect_options));
        break;
      }
      case DiffSourceKind::Migrations: {
        ZEN_ASSIGN_OR_RETURN(auto migrations, migrate::list_migrations(s.value));
        ZEN_ASSIGN_OR_RETURN(auto shadow, open_shadow(*provider, input));
        ZEN_TRY(dialect->reset(*shadow));
        for (const auto& m : migrations) {
          ZEN_ASSIGN_OR_RETURN(auto script, migrate::read_script(m));
          auto applied = dialect->apply_script(*shadow, script);
          if (!applied.ok())
            return fail(ErrorCode::MigrationFailed,
                        fmt::format("migration `{}` failed to apply cleanly to the shadow database: {}", m.name,
                                    applied.error().message));
        }
        ZEN_ASSIGN_OR_RETURN(schemas[i], dialect->introspect(*shadow, introspect_options));
        if (*provider != Provider::Sqlite) (void)dialect->reset(*shadow);
        break;
      }
    }
  }

  auto migration = dialect->diff(schemas[0], schemas[1]);
  MigrateDiffOutput out;
  out.provider = *provider;
  out.has_changes = !migration.empty();
  out.text = input.script ? dialect->render_script(migration, {schemas[0], schemas[1]})
                          : diff::render_summary(migration, {schemas[0], schemas[1]});
  if (out.text.empty() || out.text.back() != '\n') out.text += "\n";
  // A large model and its schemas take milliseconds to free: not on the way to the output.
  if (schemas[0].tables.size() + schemas[1].tables.size() >= 500)
    dispose_in_background(std::move(sources[0]), std::move(sources[1]), std::move(schemas[0]), std::move(schemas[1]),
                          std::move(migration));
  return out;
}

}  // namespace zen::commands
