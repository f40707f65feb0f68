// For every SQLite and PostgreSQL schema of the corpus: zen's from-empty script is Prisma's
// (tests/data/corpus-sql) byte for byte, the database it builds has the same catalog as the one
// Prisma's SQL builds, and re-diffing zen's database against the schema gives no steps. The catalogs are dumped straight from
// sqlite_master/pragmas and pg_catalog, never through zen's own introspector.
// PostgreSQL cases run when ZEN_TEST_POSTGRES_URL is set.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "dialect/connection.h"
#include "dialect/dialect.h"
#include "schema/lower_zmodel.h"
#include "support/files.h"
#include "support/temp_database.h"

namespace fs = std::filesystem;
using namespace zen;

namespace {

using zen::testing::corpus_dir;

fs::path corpus_sql_dir() { return fs::path(ZEN_SOURCE_DIR) / "tests/data/corpus-sql"; }

struct CorpusCase {
  std::string name;      // file or folder name in the corpus
  Provider provider;
  fs::path prisma_sql;   // Prisma's from-empty SQL
};

/// One case per `<name>.<provider>.sql` file.
std::vector<CorpusCase> corpus_cases(Provider provider) {
  std::vector<CorpusCase> out;
  std::string suffix = "." + std::string(provider_name(provider)) + ".sql";
  for (const auto& e : fs::directory_iterator(corpus_sql_dir())) {
    std::string file = e.path().filename().string();
    if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    out.push_back({file.substr(0, file.size() - suffix.size()), provider, e.path()});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

/// The desired schema for a corpus entry, lowered and normalised; fails the test on errors.
std::optional<schema::Schema> desired_schema(const CorpusCase& c, const dialect::Dialect& d) {
  fs::path item = corpus_dir() / c.name;
  std::vector<analysis::SourceInput> files;
  std::string entry;
  if (fs::is_directory(item)) {
    for (const auto& e : fs::recursive_directory_iterator(item)) {
      if (e.is_regular_file() && e.path().extension() == ".zmodel")
        files.push_back({e.path().string(), zen::testing::read_text(e.path())});
    }
    entry = fs::exists(item / "schema.zmodel") ? (item / "schema.zmodel").string()
                                               : (item / "zmodel" / "schema.zmodel").string();
  } else {
    files.push_back({item.string(), zen::testing::read_text(item)});
    entry = item.string();
  }
  if (files.empty()) {
    FAIL_CHECK("corpus entry not found: " << item.string());
    return std::nullopt;
  }
  auto analysis = analysis::analyze(files, entry);
  for (const auto& diag : analysis.diagnostics)
    if (diag.severity == Severity::Error) FAIL_CHECK("analysis error in " << diag.path << ": " << diag.message);
  schema::LowerOptions options;
  options.provider = c.provider;
  auto lowered = schema::lower_zmodel(analysis.model, options);
  for (const auto& diag : lowered.diagnostics)
    if (diag.severity == Severity::Error) FAIL_CHECK("lowering error: " << diag.message);
  d.normalize(lowered.schema);
  return std::move(lowered.schema);
}

std::string cell(const db::Value& v) { return v ? *v : "NULL"; }

/// Runs a catalog query and appends one line per row, prefixed by `tag`.
void dump_query(db::Connection& conn, const std::string& tag, const std::string& sql, std::string& out) {
  auto r = conn.query(sql);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().to_string()));
  for (const auto& row : r->rows) {
    out += tag;
    for (const auto& v : row.values) out += " | " + cell(v);
    out += "\n";
  }
}

/// sqlite_master and pragmas, normalised: tables by name, columns in order, indexes and
/// foreign keys sorted. The CREATE TABLE text is not compared (formatting is Prisma's and
/// zen's golden tests check it); AUTOINCREMENT, which only shows there, is.
std::string dump_sqlite_catalog(db::Connection& conn) {
  std::string out;
  auto tables = conn.query(
      "SELECT name, sql LIKE '%AUTOINCREMENT%' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
      "'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name");
  REQUIRE(tables.ok());
  for (const auto& t : tables->rows) {
    std::string name = cell(t[0]);
    std::string q = dialect::quote_ident(name);
    std::string ql = dialect::quote_string(name);
    out += "table " + name + " autoincrement=" + cell(t[1]) + "\n";
    dump_query(conn, "  column", "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(" + ql + ")",
               out);
    dump_query(conn, "  index",
               "SELECT il.name, il.\"unique\", il.origin, il.partial, (SELECT group_concat(ix.name || ' ' || ix.\"desc\", "
               "', ') FROM pragma_index_xinfo(il.name) ix WHERE ix.key = 1) FROM pragma_index_list(" +
                   ql + ") il ORDER BY il.name",
               out);
    dump_query(conn, "  fk",
               "SELECT \"table\", group_concat(\"from\", ','), group_concat(\"to\", ','), on_update, on_delete FROM "
               "pragma_foreign_key_list(" +
                   ql + ") GROUP BY id ORDER BY 1, 2, 3",
               out);
  }
  return out;
}

/// pg_catalog for every user schema: tables, columns (type, NOT NULL, default), constraints
/// (pg_get_constraintdef), indexes (pg_get_indexdef), enums with their values, sequences.
std::string dump_postgres_catalog(db::Connection& conn) {
  std::string out;
  const std::string user_ns =
      "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT "
      "LIKE 'pg_temp%'";
  dump_query(conn, "schema",
             "SELECT n.nspname FROM pg_namespace n WHERE " + user_ns + " ORDER BY n.nspname COLLATE \"C\"", out);
  dump_query(conn, "enum",
             "SELECT n.nspname, t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t JOIN "
             "pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " +
                 user_ns + " GROUP BY 1, 2 ORDER BY n.nspname COLLATE \"C\", t.typname COLLATE \"C\"",
             out);
  dump_query(conn, "column",
             "SELECT n.nspname, c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
             "pg_get_expr(d.adbin, d.adrelid), a.attidentity FROM pg_attribute a JOIN pg_class c ON c.oid = "
             "a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attrdef d ON d.adrelid = "
             "a.attrelid AND d.adnum = a.attnum WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT "
             "a.attisdropped AND c.relname <> '_prisma_migrations' AND " +
                 user_ns + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", a.attnum",
             out);
  dump_query(conn, "constraint",
             "SELECT n.nspname, c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid) FROM pg_constraint "
             "con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
             "c.relname <> '_prisma_migrations' AND " +
                 user_ns + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", con.conname COLLATE \"C\"",
             out);
  dump_query(conn, "index",
             "SELECT n.nspname, c.relname, i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class c ON c.oid "
             "= x.indrelid JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
             "WHERE c.relname <> '_prisma_migrations' AND " +
                 user_ns + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", i.relname COLLATE \"C\"",
             out);
  dump_query(conn, "sequence",
             "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
             "c.relkind = 'S' AND " +
                 user_ns + " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"",
             out);
  return out;
}

/// Lines present in one dump and not the other, for a readable failure message.
std::string dump_difference(const std::string& prisma, const std::string& zen) {
  auto lines = [](const std::string& s) {
    std::vector<std::string> v;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) v.push_back(l);
    return v;
  };
  auto a = lines(prisma), b = lines(zen);
  std::string out;
  for (const auto& l : a)
    if (std::find(b.begin(), b.end(), l) == b.end()) out += "  only in Prisma's: " + l + "\n";
  for (const auto& l : b)
    if (std::find(a.begin(), a.end(), l) == a.end()) out += "  only in zen's:    " + l + "\n";
  if (out.empty()) {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      if (a[i] == b[i]) continue;
      out += "  same objects, different order; first difference:\n  Prisma's: " + a[i] + "\n  zen's:    " + b[i] + "\n";
      break;
    }
  }
  return out;
}

/// Corpus entries whose reference SQL comes from a ZenStack v1 generated Prisma schema.
bool is_zenstack_v1_schema(const std::string& name) { return name == "zenstackhq__sample-multiple-schema__multi"; }

std::string sorted_lines(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  std::sort(v.begin(), v.end());
  std::string out;
  for (const auto& l : v) out += l + "\n";
  return out;
}

std::vector<std::string> namespace_names(const schema::Schema& s) {
  std::vector<std::string> out;
  for (const auto& ns : s.namespaces)
    if (!ns.name.empty()) out.push_back(ns.name);
  return out;
}

/// The script itself is Prisma's, byte for byte (the v1 reference orders columns differently).
void check_same_script(const CorpusCase& c, const std::string& zen_sql, const std::string& prisma_sql) {
  if (is_zenstack_v1_schema(c.name)) return;
  bool same_script = zen_sql == prisma_sql;
  CHECK_MESSAGE(same_script, "zen's from-empty script differs from Prisma's:\n" << dump_difference(prisma_sql, zen_sql));
}

/// The whole check for one schema on two fresh databases of the same provider.
void check_corpus_case(const CorpusCase& c, const std::string& prisma_url, const std::string& zen_url) {
  INFO("corpus schema: " << c.name << " (" << provider_name(c.provider) << ")");
  auto dialect = dialect::make_dialect(c.provider);
  REQUIRE(dialect);
  auto desired = desired_schema(c, *dialect);
  if (!desired) return;
  schema::Schema empty = dialect->empty_schema();
  auto migration = dialect->diff(empty, *desired);
  std::string zen_sql = dialect->render_script(migration, {empty, *desired});

  std::string prisma_sql = zen::testing::read_text(c.prisma_sql);
  check_same_script(c, zen_sql, prisma_sql);

  auto prisma_db = db::connect(prisma_url);
  REQUIRE_MESSAGE(prisma_db.ok(), (prisma_db.ok() ? "" : prisma_db.error().to_string()));
  auto zen_db = db::connect(zen_url);
  REQUIRE_MESSAGE(zen_db.ok(), (zen_db.ok() ? "" : zen_db.error().to_string()));
  if (c.provider == Provider::Postgresql && prisma_sql.find(" CITEXT") != std::string::npos) {
    // The schema uses @db.Citext without declaring the extension: both scripts assume the
    // database already has it, so install it in both before comparing.
    for (auto* conn : {prisma_db->get(), zen_db->get()}) {
      auto ext = conn->execute_script("CREATE EXTENSION IF NOT EXISTS citext");
      REQUIRE_MESSAGE(ext.ok(), (ext.ok() ? "" : ext.error().to_string()));
    }
  }
  auto applied_prisma = (*prisma_db)->execute_script(prisma_sql);
  bool prisma_applied = applied_prisma.ok();
  CHECK_MESSAGE(prisma_applied, "Prisma's SQL fails: " << (prisma_applied ? "" : applied_prisma.error().to_string()));
  if (!prisma_applied) return;
  auto applied_zen = dialect->apply_script(**zen_db, zen_sql);
  bool applied = applied_zen.ok();
  CHECK_MESSAGE(applied, "zen's SQL fails on an empty database: "
                                      << (applied_zen.ok() ? "" : applied_zen.error().to_string()) << "\nzen's SQL:\n"
                                      << zen_sql);
  if (!applied_zen.ok()) return;

  std::string prisma_catalog, zen_catalog;
  if (c.provider == Provider::Sqlite) {
    prisma_catalog = dump_sqlite_catalog(**prisma_db);
    zen_catalog = dump_sqlite_catalog(**zen_db);
  } else {
    prisma_catalog = dump_postgres_catalog(**prisma_db);
    zen_catalog = dump_postgres_catalog(**zen_db);
  }
  if (is_zenstack_v1_schema(c.name)) {
    // Written for ZenStack v1 (`abstract model`), which v3 rejects: the reference is the Prisma
    // schema v1 generated, which puts a model's own fields before the inherited ones, while zen
    // follows v3's order (inherited first). Compare the columns regardless of their order.
    prisma_catalog = sorted_lines(prisma_catalog);
    zen_catalog = sorted_lines(zen_catalog);
  }
  bool same_catalog = prisma_catalog == zen_catalog;
  CHECK_MESSAGE(same_catalog,
                "catalogs differ:\n" << dump_difference(prisma_catalog, zen_catalog));

  dialect::IntrospectOptions options;
  options.namespaces = namespace_names(*desired);
  auto actual = dialect->introspect(**zen_db, options);
  REQUIRE_MESSAGE(actual.ok(), (actual.ok() ? "" : actual.error().to_string()));
  auto again = dialect->diff(*actual, *desired);
  bool no_steps = again.empty();
  CHECK_MESSAGE(no_steps, "re-diff of zen's database is not empty:\n"
                                   << dialect->render_script(again, {*actual, *desired},
                                                             dialect::RenderOptions{.create_namespaces = false}));
}

}  // namespace

TEST_CASE("corpus schemas build the same SQLite database as Prisma's SQL") {
  auto cases = corpus_cases(Provider::Sqlite);
  CHECK(cases.size() >= 3);
  for (const auto& c : cases) {
    testing::TempDir dir;
    check_corpus_case(c, "file:" + (dir.path / "prisma.db").string(), "file:" + (dir.path / "zen.db").string());
  }
}

TEST_CASE("corpus schemas build the same PostgreSQL database as Prisma's SQL") {
  auto cases = corpus_cases(Provider::Postgresql);
  CHECK(cases.size() >= 10);
  if (!testing::postgres_server_url()) {
    // Without a server only the scripts are compared.
    for (const auto& c : cases) {
      INFO("corpus schema: " << c.name << " (postgresql)");
      auto dialect = dialect::make_dialect(c.provider);
      REQUIRE(dialect);
      auto desired = desired_schema(c, *dialect);
      if (!desired) continue;
      schema::Schema empty = dialect->empty_schema();
      check_same_script(c, dialect->render_script(dialect->diff(empty, *desired), {empty, *desired}),
                        zen::testing::read_text(c.prisma_sql));
    }
    MESSAGE("ZEN_TEST_POSTGRES_URL is not set: PostgreSQL catalogs not compared");
    return;
  }
  for (const auto& c : cases) {
    testing::TempPostgresDatabase prisma_db, zen_db;
    REQUIRE_MESSAGE(!prisma_db.url().empty(), prisma_db.error());
    REQUIRE_MESSAGE(!zen_db.url().empty(), zen_db.error());
    check_corpus_case(c, prisma_db.url(), zen_db.url());
  }
}
