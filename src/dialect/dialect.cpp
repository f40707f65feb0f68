// The dialect facade's shared parts: picking a dialect, diffing through its flavour, the
// destructive-check driver, and SQL quoting.
#include "dialect/dialect.h"

#include "diff/differ.h"


namespace zen::dialect {

IntrospectOptions introspect_options_for(const schema::Schema& wanted) {
  IntrospectOptions o;
  for (const auto& ns : wanted.namespaces)
    if (!ns.name.empty()) o.namespaces.push_back(ns.name);
  return o;
}

schema::Schema Dialect::empty_schema() const {
  schema::Schema s;
  s.provider = provider();
  return s;
}

diff::Migration Dialect::diff(const schema::Schema& from, const schema::Schema& to) const {
  return diff::diff_schemas({from, to}, flavour());
}

Result<diff::DestructiveResult> Dialect::check_destructive(const diff::Migration& migration,
                                                           diff::Pair<const schema::Schema&> schemas,
                                                           db::Connection* live) const {
  diff::DestructivePlan plan = diff::plan_destructive_checks(migration, schemas, &flavour());
  if (!live) return diff::evaluate_destructive_checks(plan, nullptr);
  diff::InspectionResults results;
  for (const auto& t : plan.needed_row_counts()) {
    ZEN_ASSIGN_OR_RETURN(auto r, live->query(count_rows_query(t)));
    if (!r.rows.empty() && r.rows[0][0]) results.row_counts[t] = std::stoll(*r.rows[0][0]);
  }
  for (const auto& c : plan.needed_value_counts()) {
    ZEN_ASSIGN_OR_RETURN(auto r, live->query(count_values_query(c)));
    if (!r.rows.empty() && r.rows[0][0]) results.non_null_counts[c] = std::stoll(*r.rows[0][0]);
  }
  return diff::evaluate_destructive_checks(plan, &results);
}

Result<void> Dialect::apply_script(db::Connection& conn, std::string_view script) const {
  return conn.execute_script(script);
}

std::string Dialect::count_rows_query(const diff::TableRef& t) const {
  std::string table = t.ns.empty() ? quote_ident(t.table) : quote_ident(t.ns) + "." + quote_ident(t.table);
  return "SELECT COUNT(*) FROM " + table;
}

std::string Dialect::count_values_query(const diff::ColumnRef& c) const {
  std::string table = c.ns.empty() ? quote_ident(c.table) : quote_ident(c.ns) + "." + quote_ident(c.table);
  return "SELECT COUNT(*) FROM " + table + " WHERE " + quote_ident(c.column) + " IS NOT NULL";
}

std::unique_ptr<Dialect> make_dialect(Provider provider) {
  switch (provider) {
    case Provider::Sqlite: return make_sqlite_dialect();
    case Provider::Postgresql: return make_postgres_dialect();
    default: return nullptr;
  }
}

namespace {

/// `value` between `quote`s, with embedded quotes doubled.
void append_quoted(std::string& out, std::string_view value, char quote) {
  out += quote;
  if (value.find(quote) == std::string_view::npos) {
    out += value;
  } else {
    for (char c : value) {
      if (c == quote) out += quote;
      out += c;
    }
  }
  out += quote;
}

}  // namespace

void append_quoted_ident(std::string& out, std::string_view name) { append_quoted(out, name, '"'); }
void append_quoted_string(std::string& out, std::string_view value) { append_quoted(out, value, '\''); }

std::string quote_ident(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  append_quoted_ident(out, name);
  return out;
}

std::string quote_string(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  append_quoted_string(out, value);
  return out;
}

}  // namespace zen::dialect
