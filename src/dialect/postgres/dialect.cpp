// The PostgreSQL dialect: flavour, normalisation, rendering, introspection, reset.
#include "dialect/dialect.h"

#include "dialect/postgres/flavour.h"
#include "dialect/postgres/introspect.h"
#include "dialect/postgres/normalize.h"
#include "dialect/postgres/render.h"

namespace zen::dialect {

namespace {

class PostgresDialect final : public Dialect {
 public:
  Provider provider() const override { return Provider::Postgresql; }
  const diff::Flavour& flavour() const override { return flavour_; }
  void normalize(schema::Schema& s) const override { postgres::normalize(s); }
  Result<schema::Schema> introspect(db::Connection& conn, const IntrospectOptions& options) const override {
    postgres::IntrospectOptions o;
    o.namespaces = options.namespaces;
    return postgres::introspect(conn, o);
  }
  std::string render_script(const diff::Migration& m, diff::Pair<const schema::Schema&> s,
                            const RenderOptions& options) const override {
    postgres::RenderScriptOptions o;
    o.create_namespaces = options.create_namespaces;
    return postgres::render_script(m, s, o);
  }
  /// Drops and recreates the connection's schema, as Prisma's reset does.
  Result<void> reset(db::Connection& conn) const override {
    ZEN_ASSIGN_OR_RETURN(auto cur, conn.query("SELECT current_schema()"));
    std::string ns = !cur.rows.empty() && cur.rows[0][0] ? *cur.rows[0][0] : "public";
    return conn.execute_script("DROP SCHEMA IF EXISTS " + quote_ident(ns) + " CASCADE;\nCREATE SCHEMA " +
                               quote_ident(ns) + ";\n");
  }

 private:
  postgres::PostgresFlavour flavour_;
};

}  // namespace

std::unique_ptr<Dialect> make_postgres_dialect() { return std::make_unique<PostgresDialect>(); }

}  // namespace zen::dialect
