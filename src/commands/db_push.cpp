// `zen db push`.
#include "commands/db_push.h"

#include <fmt/format.h>

#include <filesystem>

#include "dialect/dialect.h"
#include "dialect/sqlite/connector.h"
#include "schema/lower_zmodel.h"

namespace zen::commands {

Result<DbPushOutput> db_push(const DbPushInput& input, const ConfirmDataLoss& confirm) {
  assert(input.model && "db_push needs a model");
  auto dialect = dialect::make_dialect(input.target.provider);
  if (!dialect)
    return fail(ErrorCode::Unsupported, fmt::format("zen cannot push to `{}` databases yet (only sqlite and postgresql)",
                                                    provider_name(input.target.provider)));
  schema::LowerOptions lower_options;
  lower_options.provider = input.target.provider;
  auto lowered = schema::lower_zmodel(*input.model, lower_options);
  for (const auto& d : lowered.diagnostics)
    if (d.severity == Severity::Error) return fail(ErrorCode::SchemaInvalid, d.message);
  schema::Schema wanted = std::move(lowered.schema);
  dialect->normalize(wanted);

  DbPushOutput out;
  if (input.target.provider == Provider::Sqlite) {
    auto parsed = db::sqlite::parse_url(input.target.url);
    if (parsed.ok() && !parsed->memory) out.created_database = !std::filesystem::exists(parsed->path);
  }
  ZEN_ASSIGN_OR_RETURN(auto opened, migrate::open_target(input.target, /*create_missing=*/true));
  out.created_database = out.created_database || opened.created;
  db::Connection& conn = *opened.conn;

  if (input.force_reset) {
    ZEN_TRY(dialect->reset(conn));
    out.reset = true;
  }
  ZEN_ASSIGN_OR_RETURN(auto actual, dialect->introspect(conn, dialect::introspect_options_for(wanted)));
  auto migration = dialect->diff(actual, wanted);
  out.steps = migration.steps.size();
  if (migration.empty()) {
    out.status = DbPushStatus::AlreadyInSync;
    return out;
  }
  out.script = dialect->render_script(migration, {actual, wanted});
  ZEN_ASSIGN_OR_RETURN(auto checks, dialect->check_destructive(migration, {actual, wanted}, &conn));
  for (const auto& w : checks.warnings) out.warnings.push_back(w.message);
  for (const auto& u : checks.unexecutable) out.unexecutable.push_back(u.message);
  if (!out.unexecutable.empty()) {
    out.status = DbPushStatus::Unexecutable;
    return out;
  }
  if (!out.warnings.empty() && !input.accept_data_loss) {
    if (!confirm) {
      out.status = DbPushStatus::DataLossRefused;
      return out;
    }
    if (!confirm(out.warnings)) return fail(ErrorCode::Cancelled, "push cancelled; the database was not changed");
  }
  auto applied = dialect->apply_script(conn, out.script);
  if (!applied.ok()) {
    Error e = std::move(applied).error();
    e.with_context("while applying the changes to the database");
    return fail(std::move(e));
  }
  out.status = DbPushStatus::Applied;
  return out;
}

}  // namespace zen::commands
