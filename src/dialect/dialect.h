// The per-database facade every command uses: lower/normalize, introspect, diff, render,
// check for data loss, apply and reset. One implementation per dialect folder
// (dialect/sqlite, dialect/postgres); make_dialect picks it by provider.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/provider.h"
#include "base/result.h"
#include "dialect/connection.h"
#include "diff/destructive_check.h"
#include "diff/flavour.h"
#include "diff/pair.h"
#include "diff/step.h"
#include "schema/schema.h"

namespace zen::dialect {

struct IntrospectOptions {
  /// PostgreSQL schemas to read; empty = the connection's default schema ("public").
  std::vector<std::string> namespaces;
};

/// The options that introspect what `wanted` describes (its PostgreSQL schemas).
IntrospectOptions introspect_options_for(const schema::Schema& wanted);

struct RenderOptions {
  /// Render `-- CreateSchema` for namespaces that exist in `next` (migrate diff --from-empty
  /// on PostgreSQL does this; the first `migrate dev` migration does not).
  bool create_namespaces = true;
};

class Dialect {
 public:
  virtual ~Dialect() = default;

  virtual Provider provider() const = 0;

  /// The differ hooks for this database.
  virtual const diff::Flavour& flavour() const = 0;

  /// Brings a schema lowered from ZModel into the exact shape introspection reports for the
  /// database it creates (type spellings, default expressions), so that
  /// introspect(apply(render(diff(empty, s)))) == normalize(s) and re-diffing is empty.
  virtual void normalize(schema::Schema& schema) const = 0;

  /// An empty schema of this dialect (what a fresh database introspects to).
  virtual schema::Schema empty_schema() const;

  /// Reads the live database into a schema, skipping `_prisma_migrations`.
  /// Fails with DatabaseError when a catalog query fails.
  virtual Result<schema::Schema> introspect(db::Connection& conn, const IntrospectOptions& options = {}) const = 0;

  /// The generic differ driven by this dialect's flavour.
  diff::Migration diff(const schema::Schema& from, const schema::Schema& to) const;

  /// Renders the migration as Prisma lays it out: `-- StepName` header, statements ending in
  /// `;`, a blank line between steps, and a final newline. Empty migration -> "-- This is an
  /// empty migration.\n" as Prisma prints it.
  virtual std::string render_script(const diff::Migration& migration, diff::Pair<const schema::Schema&> schemas,
                                    const RenderOptions& options = {}) const = 0;

  /// Plans the data-loss checks and, when `live` is given, counts rows/values on it to
  /// evaluate them (SELECT COUNT(*) ...). Fails with DatabaseError if a count query fails.
  Result<diff::DestructiveResult> check_destructive(const diff::Migration& migration,
                                                    diff::Pair<const schema::Schema&> schemas,
                                                    db::Connection* live) const;

  /// Runs a rendered script on the database (SQLite: as one batch; PostgreSQL: in a
  /// transaction). Fails with DatabaseError naming the statement.
  virtual Result<void> apply_script(db::Connection& conn, std::string_view script) const;

  /// Drops everything zen manages (tables, enums, sequences, the migrations table) so the
  /// database is empty. Fails with DatabaseError.
  virtual Result<void> reset(db::Connection& conn) const = 0;

  /// `SELECT COUNT(*)` query texts for the destructive checker.
  virtual std::string count_rows_query(const diff::TableRef& table) const;
  virtual std::string count_values_query(const diff::ColumnRef& column) const;
};

/// The dialect for a provider; nullptr when zen cannot migrate that provider (MySQL, ...).
std::unique_ptr<Dialect> make_dialect(Provider provider);

/// Implemented in dialect/sqlite/dialect.cpp and dialect/postgres/dialect.cpp.
std::unique_ptr<Dialect> make_sqlite_dialect();
std::unique_ptr<Dialect> make_postgres_dialect();

/// Double-quotes an identifier for SQLite and PostgreSQL ("a""b").
std::string quote_ident(std::string_view name);
/// Single-quotes a string literal ('it''s').
std::string quote_string(std::string_view value);
/// quote_ident and quote_string appending to `out` (renderers build whole scripts in place).
void append_quoted_ident(std::string& out, std::string_view name);
void append_quoted_string(std::string& out, std::string_view value);

}  // namespace zen::dialect
