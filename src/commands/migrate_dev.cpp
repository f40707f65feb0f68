// migrate dev: diagnose (history + drift on the shadow database), reset when needed, apply
// pending migrations, create the new migration, check data loss, apply it.
#include "commands/migrate_dev.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "commands/migrate_deploy.h"
#include "diff/differ.h"
#include "dialect/dialect.h"
#include "migrate/diagnose.h"
#include "migrate/history_table.h"
#include "migrate/lock_file.h"
#include "migrate/migrations_dir.h"
#include "migrate/shadow.h"
#include "schema/lower_zmodel.h"

namespace zen::commands {

std::string render_warnings_header(const std::vector<std::string>& warnings) {
  if (warnings.empty()) return "";
  std::string out = "/*\n  Warnings:\n\n";
  for (const auto& w : warnings) out += "  - " + w + "\n";
  out += "\n*/\n";
  return out;
}

namespace {

std::vector<migrate::MigrationDirectory> select(const std::vector<migrate::MigrationDirectory>& folder,
                                                const std::vector<std::string>& names) {
  std::vector<migrate::MigrationDirectory> out;
  for (const auto& m : folder)
    if (std::find(names.begin(), names.end(), m.name) != names.end()) out.push_back(m);
  return out;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "`" : ", `") + n + "`";
  return out;
}

/// Why the history in the database cannot be continued, or nullopt.
std::optional<std::string> history_problem(const migrate::HistoryDiagnosis& d) {
  if (!d.failed.empty()) {
    std::vector<std::string> names;
    for (const auto& f : d.failed) names.push_back(f.migration_name);
    return fmt::format("the migration{} {} failed in this database", names.size() > 1 ? "s" : "", join_names(names));
  }
  if (!d.edited.empty())
    return fmt::format("the migration{} {} {} modified after {} applied", d.edited.size() > 1 ? "s" : "",
                       join_names(d.edited), d.edited.size() > 1 ? "were" : "was",
                       d.edited.size() > 1 ? "they were" : "it was");
  if (!d.missing_locally.empty()) {
    std::string common = d.last_common ? fmt::format("; the last common migration is `{}`", *d.last_common) : "";
    return fmt::format("the migration history of the database diverges from the migrations folder: {} {} applied to "
                       "the database but not in the folder{}",
                       join_names(d.missing_locally), d.missing_locally.size() > 1 ? "are" : "is", common);
  }
  return std::nullopt;
}

}  // namespace

Result<DevOutput> migrate_dev(const DevInput& input, const DevPrompts& prompts, const migrate::ApplyObserver& observer) {
  assert(input.model && "migrate_dev needs a model");
  const auto& t = input.target;
  auto dialect = dialect::make_dialect(t.provider);
  if (!dialect)
    return fail(ErrorCode::Unsupported,
                fmt::format("zen migrates SQLite and PostgreSQL databases only, not `{}`", provider_name(t.provider)));
  schema::LowerOptions lower_options;
  lower_options.provider = t.provider;
  auto lowered = schema::lower_zmodel(*input.model, lower_options);
  for (const auto& d : lowered.diagnostics)
    if (d.severity == Severity::Error) return fail(ErrorCode::SchemaInvalid, d.message);
  schema::Schema wanted = std::move(lowered.schema);
  dialect->normalize(wanted);

  ZEN_TRY(migrate::check_lock_file(t.migrations_dir, t.provider));
  ZEN_ASSIGN_OR_RETURN(auto folder, migrate::list_migrations(t.migrations_dir));
  DevOutput out;
  ZEN_ASSIGN_OR_RETURN(auto opened, migrate::open_target(t, /*create_missing=*/true));
  out.created_database = opened.created;
  db::Connection& conn = *opened.conn;
  ZEN_ASSIGN_OR_RETURN(auto lock, migrate::acquire_migration_lock(conn, t.lock));

  // 1. Diagnose: the history rows against the folder, then the live schema against a replay
  //    of the applied migrations (drift).
  ZEN_ASSIGN_OR_RETURN(auto records, migrate::list_records(conn));
  ZEN_ASSIGN_OR_RETURN(auto diagnosis, migrate::diagnose_history(folder, records));
  ZEN_ASSIGN_OR_RETURN(auto shadow, migrate::ShadowDatabase::open(t, input.shadow_url, *dialect));
  std::optional<std::string> reset_reason = history_problem(diagnosis);
  if (!reset_reason) {
    ZEN_TRY(shadow->replay(select(folder, diagnosis.applied)));
    ZEN_ASSIGN_OR_RETURN(auto expected, dialect->introspect(shadow->conn()));
    ZEN_ASSIGN_OR_RETURN(auto actual, dialect->introspect(conn));
    auto drift = dialect->diff(expected, actual);
    if (!drift.empty())
      reset_reason = fmt::format("drift detected: the database schema is not in sync with the migration history\n{}",
                                 diff::render_summary(drift, {expected, actual}));
    // Continue the replay with the pending migrations: the shadow then holds the whole history.
    ZEN_TRY(shadow->replay(select(folder, diagnosis.pending)));
  } else {
    ZEN_TRY(shadow->replay(folder));
  }

  // 2. Reset when the history cannot be continued, if the user agrees.
  if (reset_reason) {
    bool yes = input.force_reset;
    if (!yes && prompts.confirm_reset) yes = prompts.confirm_reset(*reset_reason);
    if (!yes) {
      Error e(ErrorCode::Drift, fmt::format("the database must be reset to continue: {}", *reset_reason));
      e.with_context(prompts.confirm_reset
                         ? "nothing was changed"
                         : "nothing was changed; run `zen migrate reset` (all data is lost), or pass `--force` to let "
                           "`zen migrate dev` reset the database");
      return e;
    }
    ZEN_TRY(dialect->reset(conn));
    out.reset_reason = reset_reason;
    ZEN_ASSIGN_OR_RETURN(records, migrate::list_records(conn));
    ZEN_ASSIGN_OR_RETURN(diagnosis, migrate::diagnose_history(folder, records));
  }

  // 3. Apply what is pending.
  ZEN_ASSIGN_OR_RETURN(bool has_table, migrate::history_table_exists(conn));
  if (!has_table) ZEN_TRY(migrate::create_history_table(conn));
  ZEN_TRY(migrate::apply_migrations(conn, select(folder, diagnosis.pending), out.applied, observer));

  // 4. The new migration: from the replayed history to the schema.
  ZEN_ASSIGN_OR_RETURN(auto history, dialect->introspect(shadow->conn()));
  shadow.reset();
  auto migration = dialect->diff(history, wanted);
  if (migration.empty() && !input.create_only) return out;
  dialect::RenderOptions render_options;
  render_options.create_namespaces = false;
  // Prisma writes this exact text, without a final newline, for an empty migration.
  std::string body = migration.empty() ? std::string("-- This is an empty migration.")
                                       : dialect->render_script(migration, {history, wanted}, render_options);
  ZEN_ASSIGN_OR_RETURN(auto checks, dialect->check_destructive(migration, {history, wanted}, &conn));
  for (const auto& w : checks.warnings) out.warnings.push_back(w.message);
  std::vector<std::string> unexecutable;
  for (const auto& u : checks.unexecutable) unexecutable.push_back(u.message);
  if (!unexecutable.empty() && !input.create_only) {
    Error e(ErrorCode::Unexecutable, "the schema changes cannot be applied to the data in the database");
    for (const auto& u : unexecutable) e.with_context("- " + u);
    e.with_context("create the migration with `--create-only`, edit it to handle the existing data, then run "
                   "`zen migrate dev` again; or reset the database with `zen migrate reset`");
    return e;
  }
  if (!out.warnings.empty() && !input.accept_data_loss && !input.create_only) {
    if (!prompts.confirm_data_loss) {
      Error e(ErrorCode::DataLoss, "the migration would lose data");
      for (const auto& w : out.warnings) e.with_context("- " + w);
      e.with_context("nothing was changed; pass `--accept-data-loss` to create and apply it anyway, or "
                     "`--create-only` to write it for review");
      return e;
    }
    if (!prompts.confirm_data_loss(out.warnings))
      return fail(ErrorCode::Cancelled, "migration cancelled; nothing was written or changed");
  }
  std::vector<std::string> header = out.warnings;
  header.insert(header.end(), unexecutable.begin(), unexecutable.end());
  out.script = render_warnings_header(header) + body;
  std::string name = input.name ? *input.name : prompts.ask_name ? prompts.ask_name() : "";
  ZEN_ASSIGN_OR_RETURN(auto dir, migrate::create_migration(t.migrations_dir, name, out.script,
                                                           std::chrono::system_clock::now()));
  ZEN_TRY(migrate::write_lock_file(t.migrations_dir, t.provider));
  out.created = dir.name;
  if (input.create_only) return out;
  ZEN_TRY(migrate::apply_migrations(conn, {dir}, out.applied, observer));
  out.created_applied = true;
  return out;
}

}  // namespace zen::commands
