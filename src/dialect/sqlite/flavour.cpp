// SQLite differ flavour.
#include "dialect/sqlite/flavour.h"

#include "dialect/sqlite/introspect.h"

namespace zen::dialect::sqlite {

std::optional<diff::ColumnTypeChange> SqliteFlavour::column_type_change(
    diff::Pair<schema::ColumnView> columns) const {
  auto a = columns.previous.family();
  auto b = columns.next.family();
  if (a == b) {
    if (a != schema::ColumnFamily::Unsupported || columns.previous.type().full_type == columns.next.type().full_type)
      return std::nullopt;
  }
  if (b == schema::ColumnFamily::String) return diff::ColumnTypeChange::SafeCast;
  return diff::ColumnTypeChange::RiskyCast;
}

namespace {

/// Strips parentheses around the whole expression: SQLite reports `DEFAULT (x)` as `x`.
std::string_view strip_parens(std::string_view s) {
  while (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    int depth = 0;
    bool encloses = true;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '(') ++depth;
      if (s[i] == ')') --depth;
      if (depth == 0 && i + 1 < s.size()) {
        encloses = false;
        break;
      }
    }
    if (!encloses) break;
    s = s.substr(1, s.size() - 2);
  }
  return s;
}

std::optional<schema::DefaultValue> canonical(const schema::HeapOptional<schema::DefaultValue>& d, schema::ColumnFamily f) {
  if (!d || d->kind != schema::DefaultKind::DbGenerated || d->expression.empty()) return d.to_optional();
  return parse_default(strip_parens(d->expression), f);
}

}  // namespace

bool SqliteFlavour::defaults_match(diff::Pair<schema::ColumnView> cols) const {
  auto a = canonical(cols.previous.default_value(), cols.previous.family());
  auto b = canonical(cols.next.default_value(), cols.next.family());
  if (cols.previous.default_value() == a && cols.next.default_value() == b) return Flavour::defaults_match(cols);
  // Compare the canonical forms through temporary single-column schemas.
  schema::Schema s[2];
  for (int i = 0; i < 2; ++i) {
    auto t = s[i].add_table(s[i].add_namespace(""), "t");
    schema::Column c = i == 0 ? cols.previous.get() : cols.next.get();
    c.table = t;
    c.default_value = i == 0 ? a : b;
    s[i].add_column(std::move(c));
  }
  return Flavour::defaults_match({schema::ColumnView(&s[0], schema::ColumnId(0)), schema::ColumnView(&s[1], schema::ColumnId(0))});
}

bool SqliteFlavour::should_redefine_table(const diff::TableDiffFacts& f) const {
  return f.created_primary_key || f.dropped_primary_key || f.primary_key_changed || f.dropped_columns ||
         f.added_required_columns || f.any_column_changed || f.created_foreign_keys || f.dropped_foreign_keys;
}

bool SqliteFlavour::table_should_be_ignored(std::string_view name) const {
  return name == "_prisma_migrations" || name.substr(0, 7) == "sqlite_";
}

}  // namespace zen::dialect::sqlite
