// The SQLite dialect: flavour, normalisation, rendering, introspection, reset.
#include "dialect/dialect.h"

#include "dialect/sqlite/flavour.h"
#include "dialect/sqlite/introspect.h"
#include "dialect/sqlite/normalize.h"
#include "dialect/sqlite/render.h"

namespace zen::dialect {

namespace {

class SqliteDialect final : public Dialect {
 public:
  Provider provider() const override { return Provider::Sqlite; }
  const diff::Flavour& flavour() const override { return flavour_; }
  void normalize(schema::Schema& s) const override { sqlite::normalize(s); }
  schema::Schema empty_schema() const override {
    schema::Schema s;
    s.provider = Provider::Sqlite;
    s.add_namespace("");
    return s;
  }
  Result<schema::Schema> introspect(db::Connection& conn, const IntrospectOptions&) const override {
    return sqlite::introspect(conn);
  }
  std::string render_script(const diff::Migration& m, diff::Pair<const schema::Schema&> s,
                            const RenderOptions&) const override {
    return sqlite::render_script(m, s);
  }
  /// Runs the script in one transaction with foreign keys off (the PRAGMAs inside the script
  /// are no-ops in a transaction; they switch the keys off around rebuilds, which this does
  /// for the whole script), so a failing script leaves the database as it was.
  Result<void> apply_script(db::Connection& conn, std::string_view script) const override {
    ZEN_TRY(conn.execute_script("PRAGMA foreign_keys=OFF;"));
    auto run = [&]() -> Result<void> {
      ZEN_TRY(conn.begin());
      auto r = conn.execute_script(script);
      if (!r.ok()) {
        (void)conn.rollback();
        return r;
      }
      return conn.commit();
    };
    auto result = run();
    auto on = conn.execute_script("PRAGMA foreign_keys=ON;");
    if (!result.ok()) return result;
    return on;
  }

  Result<void> reset(db::Connection& conn) const override {
    ZEN_ASSIGN_OR_RETURN(auto objs, conn.query("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                                               "AND type IN ('table', 'view', 'trigger') ORDER BY type DESC, name"));
    std::string script = "PRAGMA foreign_keys=OFF;\n";
    for (const auto& r : objs.rows) {
      std::string type = r[0].value_or("");
      std::string kw = type == "view" ? "VIEW" : type == "trigger" ? "TRIGGER" : "TABLE";
      script += "DROP " + kw + " IF EXISTS " + quote_ident(r[1].value_or("")) + ";\n";
    }
    script += "PRAGMA foreign_keys=ON;\n";
    ZEN_TRY(conn.execute_script(script));
    // Dropping an AUTOINCREMENT table leaves its counter behind.
    auto seq = conn.query("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'");
    if (seq.ok() && !seq->rows.empty()) ZEN_TRY(conn.execute_script("DELETE FROM sqlite_sequence;"));
    return ok();
  }

 private:
  sqlite::SqliteFlavour flavour_;
};

}  // namespace

std::unique_ptr<Dialect> make_sqlite_dialect() { return std::make_unique<SqliteDialect>(); }

}  // namespace zen::dialect
