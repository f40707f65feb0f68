// The generic differ: matches tables, columns, indexes and foreign keys by name between the
// previous and next schema, asks the dialect's Flavour the questions that differ per
// database, and sorts the steps into execution order (prisma's sql_schema_differ.rs).
#include "diff/differ.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <variant>

#include "schema/views.h"

namespace zen::diff {

using schema::ColumnView;
using schema::ForeignKeyView;
using schema::IndexView;
using schema::Schema;
using schema::TableView;

bool Flavour::defaults_match(Pair<ColumnView> cols) const {
  using schema::DefaultKind;
  using schema::LiteralKind;
  const auto& prev = cols.previous.default_value();
  const auto& next = cols.next.default_value();
  auto is_null_value = [](const schema::HeapOptional<schema::DefaultValue>& d) {
    return d && d->kind == DefaultKind::Value && d->value.kind == LiteralKind::Null;
  };
  if (!prev || is_null_value(prev)) {
    if (!next || is_null_value(next)) return true;
    if (next->kind == DefaultKind::DbGenerated && next->expression.empty()) return true;
    if (next->kind == DefaultKind::Sequence) return true;
    return false;
  }
  if (!next) {
    // Sequences are dropped separately.
    return prev->kind == DefaultKind::Sequence;
  }
  if (next->kind == DefaultKind::DbGenerated && next->expression.empty()) return true;
  if (prev->kind == DefaultKind::Value && next->kind == DefaultKind::Value) {
    const auto& a = prev->value;
    const auto& b = next->value;
    // Datetime literal defaults cannot be compared reliably (Prisma does not either).
    if (a.kind == LiteralKind::DateTime || b.kind == LiteralKind::DateTime) return true;
    auto stringish = [](LiteralKind k) {
      return k == LiteralKind::String || k == LiteralKind::Enum || k == LiteralKind::Json;
    };
    if (stringish(a.kind) && stringish(b.kind)) return a.text == b.text;
    auto numeric = [](LiteralKind k) {
      return k == LiteralKind::Int || k == LiteralKind::Float || k == LiteralKind::Decimal;
    };
    if (numeric(a.kind) && numeric(b.kind)) return a.text == b.text;
    return a == b;
  }
  if (prev->kind == DefaultKind::Value && next->kind == DefaultKind::DbGenerated &&
      prev->value.kind == LiteralKind::DateTime)
    return true;
  if (prev->kind != next->kind) {
    if (next->kind == DefaultKind::Sequence) return true;
    return false;
  }
  switch (prev->kind) {
    case DefaultKind::Now: return true;
    case DefaultKind::Sequence: return true;
    case DefaultKind::DbGenerated: {
      const auto& a = prev->expression;
      const auto& b = next->expression;
      return a.size() == b.size() &&
             std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); });
    }
    case DefaultKind::Value: return true;  // handled above
  }
  return true;
}

namespace {

struct ColumnDiff {
  Pair<schema::ColumnId> ids;
  ColumnChanges changes;
  std::optional<ColumnTypeChange> type_change;
};

bool sorts_match(const std::optional<schema::SortOrder>& a, const std::optional<schema::SortOrder>& b) {
  return a.value_or(schema::SortOrder::Asc) == b.value_or(schema::SortOrder::Asc);
}

bool index_kinds_match(schema::IndexKind a, schema::IndexKind b) { return a == b; }

/// Same columns (by name, sort, length) and the same kind.
bool indexes_match(IndexView a, IndexView b) {
  if (!index_kinds_match(a.kind(), b.kind())) return false;
  const auto& ca = a.columns();
  const auto& cb = b.columns();
  if (ca.size() != cb.size()) return false;
  for (size_t i = 0; i < ca.size(); ++i) {
    if (a.column(i).name() != b.column(i).name()) return false;
    if (!sorts_match(ca[i].sort, cb[i].sort)) return false;
    if (ca[i].length != cb[i].length) return false;
  }
  return true;
}

struct TablePair {
  Pair<schema::TableId> ids;
  std::vector<ColumnDiff> column_pairs;  // in next-column order
  std::vector<schema::ColumnId> added_columns;    // next
  std::vector<schema::ColumnId> dropped_columns;  // previous
  std::vector<Pair<schema::IndexId>> index_pairs;
  std::vector<schema::IndexId> created_indexes;  // next
  std::vector<schema::IndexId> dropped_indexes;  // previous
  std::vector<Pair<schema::ForeignKeyId>> fk_pairs;
  std::vector<schema::ForeignKeyId> created_fks;  // next
  std::vector<schema::ForeignKeyId> dropped_fks;  // previous
  bool created_pk = false;
  bool dropped_pk = false;
  bool pk_changed = false;
  bool redefine = false;
};

class Differ {
 public:
  Differ(Pair<const Schema&> schemas, const Flavour& flavour) : s_(schemas), flavour_(flavour) {}

  Migration run() {
    match_tables();
    for (auto& tp : table_pairs_) analyse_table(tp);
    decide_redefinitions();

    steps_.reserve(estimated_step_count());
    // Pushed in about the order sort_steps puts them in (enum steps come before the tables'
    // in Step's order), so that it finds the steps of a fresh schema in place and moves none.
    flavour_.push_extra_steps(steps_, s_);
    push_created_namespaces();
    push_enum_steps();
    push_created_tables();
    push_dropped_tables();
    push_dropped_indexes();
    push_created_indexes();
    push_altered_tables();
    push_redefined_tables();

    sort_steps();
    apply_partial_order_permutations();
    return Migration{std::move(steps_)};
  }

 private:
  /// A stable sort of the steps by Step's order (kind first, then the step's own fields).
  /// Positions are sorted, not steps: a stable counting sort by kind, then a sort of each
  /// kind's positions only when they are out of order (steps of one kind are mostly pushed
  /// in order); the permutation is then applied in place, moving each step once.
  void sort_steps() {
    const size_t n = steps_.size();
    std::array<uint32_t, std::variant_size_v<Step> + 1> start{};
    for (const auto& st : steps_) ++start[st.index() + 1];
    for (size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<uint32_t> order(n);  // order[i]: the step that goes to position i
    auto fill = start;
    for (uint32_t i = 0; i < n; ++i) order[fill[steps_[i].index()]++] = i;
    auto less = [&](uint32_t a, uint32_t b) { return steps_[a] < steps_[b]; };
    for (size_t k = 0; k + 1 < start.size(); ++k) {
      auto first = order.begin() + start[k], last = order.begin() + start[k + 1];
      if (!std::is_sorted(first, last, less)) std::stable_sort(first, last, less);
    }
    for (uint32_t i = 0; i < n; ++i) {
      if (order[i] == i) continue;
      Step held = std::move(steps_[i]);
      uint32_t j = i;
      while (order[j] != i) {
        uint32_t from = order[j];
        steps_[j] = std::move(steps_[from]);
        order[j] = j;
        j = from;
      }
      steps_[j] = std::move(held);
      order[j] = j;
    }
  }

  /// An upper estimate of the number of steps, so that the list is allocated once.
  size_t estimated_step_count() const {
    size_t n = next().namespaces.size() + next().enums.size() + prev().enums.size() + 8;
    for (auto t : created_tables_) n += 1 + next().at(t).indexes.size() + next().at(t).foreign_keys.size();
    for (auto t : dropped_tables_) n += 1 + prev().at(t).indexes.size() + prev().at(t).foreign_keys.size();
    for (const auto& tp : table_pairs_)
      n += 2 + tp.created_indexes.size() + tp.dropped_indexes.size() + tp.created_fks.size() + tp.dropped_fks.size() +
           2 * (tp.fk_pairs.size() + tp.index_pairs.size());
    return n;
  }

  const Schema& prev() const { return s_.previous; }
  const Schema& next() const { return s_.next; }

  std::string_view ns_name(const Schema& s, schema::NamespaceId ns) const {
    return ns.valid() && ns.value < s.namespaces.size() ? std::string_view(s.at(ns).name) : std::string_view();
  }

  void match_tables() {
    std::map<std::pair<std::string_view, std::string_view>, schema::TableId> prev_by_name;
    for (uint32_t i = 0; i < prev().tables.size(); ++i) {
      const auto& t = prev().tables[i];
      if (flavour_.table_should_be_ignored(t.name)) continue;
      prev_by_name[{ns_name(prev(), t.namespace_id), t.name}] = schema::TableId(i);
    }
    std::vector<bool> matched_prev(prev().tables.size());
    created_tables_.reserve(next().tables.size());
    for (uint32_t i = 0; i < next().tables.size(); ++i) {
      const auto& t = next().tables[i];
      if (flavour_.table_should_be_ignored(t.name)) continue;
      auto it = prev_by_name.empty() ? prev_by_name.end() : prev_by_name.find({ns_name(next(), t.namespace_id), t.name});
      if (it == prev_by_name.end()) {
        created_tables_.push_back(schema::TableId(i));
        continue;
      }
      matched_prev[it->second.value] = true;
      TablePair tp;
      tp.ids = {it->second, schema::TableId(i)};
      table_pairs_.push_back(std::move(tp));
    }
    for (uint32_t i = 0; i < prev().tables.size(); ++i) {
      const auto& t = prev().tables[i];
      if (flavour_.table_should_be_ignored(t.name)) continue;
      if (!matched_prev[i]) dropped_tables_.push_back(schema::TableId(i));
    }
    // Table pairs in previous-ID order, as prisma walks them.
    std::sort(table_pairs_.begin(), table_pairs_.end(),
              [](const TablePair& a, const TablePair& b) { return a.ids.previous < b.ids.previous; });
  }

  ColumnDiff column_diff(Pair<schema::ColumnId> ids) const {
    Pair<ColumnView> cols{ColumnView(&prev(), ids.previous), ColumnView(&next(), ids.next)};
    ColumnDiff d;
    d.ids = ids;
    d.type_change = flavour_.column_type_change(cols);
    if (cols.previous.arity() != cols.next.arity()) d.changes.add(ColumnChange::Arity);
    if (d.type_change) d.changes.add(ColumnChange::TypeChanged);
    if (!flavour_.defaults_match(cols)) d.changes.add(ColumnChange::Default);
    if (flavour_.column_autoincrement_changed(cols)) d.changes.add(ColumnChange::Autoincrement);
    return d;
  }

  bool fks_match(ForeignKeyView a, ForeignKeyView b, const TablePair& tp) const {
    const auto& fa = a.get();
    const auto& fb = b.get();
    TableView ra = a.referenced_table();
    TableView rb = b.referenced_table();
    if (ra.name() != rb.name() || ra.namespace_name() != rb.namespace_name()) return false;
    if (fa.columns.size() != fb.columns.size()) return false;
    if (fa.referenced_columns.size() != fb.referenced_columns.size()) return false;
    for (size_t i = 0; i < fa.columns.size(); ++i) {
      const auto& ca = prev().at(fa.columns[i]);
      const auto& cb = next().at(fb.columns[i]);
      if (ca.name != cb.name) return false;
      if (flavour_.column_type_change({ColumnView(&prev(), fa.columns[i]), ColumnView(&next(), fb.columns[i])}))
        return false;
    }
    for (size_t i = 0; i < fa.referenced_columns.size(); ++i)
      if (prev().at(fa.referenced_columns[i]).name != next().at(fb.referenced_columns[i]).name) return false;
    return fa.on_delete == fb.on_delete && fa.on_update == fb.on_update;
  }

  void analyse_table(TablePair& tp) {
    TableView pt(&prev(), tp.ids.previous);
    TableView nt(&next(), tp.ids.next);

    // Columns, matched and walked by name (Prisma keys them in a map by name, so added,
    // dropped and paired columns all come in name order).
    std::map<std::string_view, schema::ColumnId> prev_cols, next_cols;
    for (auto c : pt.columns()) prev_cols[c.name()] = c.id();
    for (auto c : nt.columns()) next_cols[c.name()] = c.id();
    for (const auto& [name, id] : next_cols) {
      auto it = prev_cols.find(name);
      if (it == prev_cols.end()) {
        tp.added_columns.push_back(id);
        continue;
      }
      tp.column_pairs.push_back(column_diff({it->second, id}));
    }
    for (const auto& [name, id] : prev_cols)
      if (!next_cols.count(name)) tp.dropped_columns.push_back(id);

    // Primary keys.
    auto ppk = pt.primary_key();
    auto npk = nt.primary_key();
    tp.created_pk = !ppk && npk;
    tp.dropped_pk = ppk && !npk;
    if (ppk && npk) {
      auto pn = ppk->column_names();
      auto nn = npk->column_names();
      tp.pk_changed = pn != nn;
      // A primary key column whose type changed counts as a key change.
      if (!tp.pk_changed) {
        for (const auto& cd : tp.column_pairs) {
          if (!cd.changes.type_changed()) continue;
          if (ColumnView(&prev(), cd.ids.previous).is_in_primary_key()) tp.pk_changed = true;
        }
      }
    }

    // Indexes (primary keys excluded).
    std::vector<IndexView> pidx, nidx;
    for (auto i : pt.indexes())
      if (!i.is_primary_key()) pidx.push_back(i);
    for (auto i : nt.indexes())
      if (!i.is_primary_key()) nidx.push_back(i);
    auto full_match = [&](IndexView a, IndexView b) { return indexes_match(a, b) && flavour_.indexes_match({a, b}); };
    for (auto p : pidx) {
      size_t identical = 0;
      for (auto q : pidx)
        if (q.column_names() == p.column_names() && q.kind() == p.kind()) ++identical;
      if (identical != 1) continue;
      for (auto n : nidx) {
        if (full_match(p, n)) {
          tp.index_pairs.push_back({p.id(), n.id()});
          break;
        }
      }
    }
    for (auto n : nidx) {
      bool found = false;
      for (auto p : pidx) found = found || full_match(p, n);
      if (!found) tp.created_indexes.push_back(n.id());
    }
    for (auto p : pidx) {
      bool found = false;
      for (auto n : nidx) found = found || full_match(p, n);
      if (!found) tp.dropped_indexes.push_back(p.id());
    }

    // Foreign keys.
    std::vector<ForeignKeyView> pfk, nfk;
    for (auto f : pt.foreign_keys()) pfk.push_back(f);
    for (auto f : nt.foreign_keys()) nfk.push_back(f);
    std::set<schema::ForeignKeyId> used_next;
    for (auto p : pfk) {
      bool found = false;
      for (auto n : nfk) {
        if (used_next.count(n.id()) || !fks_match(p, n, tp)) continue;
        tp.fk_pairs.push_back({p.id(), n.id()});
        used_next.insert(n.id());
        found = true;
        break;
      }
      if (!found) tp.dropped_fks.push_back(p.id());
    }
    for (auto n : nfk)
      if (!used_next.count(n.id())) tp.created_fks.push_back(n.id());
  }

  void decide_redefinitions() {
    for (auto& tp : table_pairs_) {
      TableDiffFacts f;
      f.created_primary_key = tp.created_pk;
      f.dropped_primary_key = tp.dropped_pk;
      f.primary_key_changed = tp.pk_changed;
      f.dropped_columns = !tp.dropped_columns.empty();
      for (auto c : tp.added_columns)
        if (next().at(c).type.arity == schema::Arity::Required) f.added_required_columns = true;
      for (const auto& cd : tp.column_pairs)
        if (cd.changes.any()) f.any_column_changed = true;
      f.created_foreign_keys = !tp.created_fks.empty();
      f.dropped_foreign_keys = !tp.dropped_fks.empty();
      tp.redefine = flavour_.should_redefine_table(f);
      if (tp.redefine) any_redefined_ = true;
    }
  }

  void push_created_namespaces() {
    if (!flavour_.has_namespaces()) return;
    std::set<std::string> existing;
    for (const auto& ns : prev().namespaces) existing.insert(ns.name);
    for (uint32_t i = 0; i < next().namespaces.size(); ++i) {
      const auto& ns = next().namespaces[i];
      if (ns.name.empty() || existing.count(ns.name)) continue;
      steps_.push_back(CreateSchema{schema::NamespaceId(i)});
    }
  }

  void push_created_tables() {
    // The tables, then their indexes, then their foreign keys, each in table order: the order
    // of Step's alternatives and of their IDs, which sort_steps would otherwise restore by
    // moving every step.
    for (auto id : created_tables_) steps_.push_back(CreateTable{id});
    if (flavour_.should_create_indexes_from_created_tables())
      for (auto id : created_tables_)
        for (auto ix : TableView(&next(), id).indexes())
          if (!ix.is_primary_key()) steps_.push_back(CreateIndex{std::nullopt, id, ix.id(), false});
    if (flavour_.should_push_foreign_keys_from_created_tables())
      for (auto id : created_tables_)
        for (auto fk : TableView(&next(), id).foreign_keys()) steps_.push_back(AddForeignKey{fk.id()});
  }

  void push_dropped_tables() {
    for (auto id : dropped_tables_) {
      steps_.push_back(DropTable{id});
      if (!flavour_.should_drop_foreign_keys_from_dropped_tables()) continue;
      for (auto fk : TableView(&prev(), id).foreign_keys()) steps_.push_back(DropForeignKey{fk.id()});
    }
  }

  void push_dropped_indexes() {
    std::set<schema::IndexId> drops;
    for (const auto& tp : table_pairs_) {
      if (tp.redefine) continue;
      for (auto i : tp.dropped_indexes) drops.insert(i);
    }
    // SQLite recreates indexes in RedefineTables; the indexes of dropped tables must go
    // first so their names can be reused.
    if (any_redefined_ && flavour_.should_drop_indexes_from_dropped_tables())
      for (auto id : dropped_tables_)
        for (auto ix : TableView(&prev(), id).indexes())
          if (!ix.is_primary_key()) drops.insert(ix.id());
    for (auto i : drops) steps_.push_back(DropIndex{i});
  }

  void push_created_indexes() {
    for (const auto& tp : table_pairs_) {
      if (tp.redefine) continue;
      for (auto i : tp.created_indexes) steps_.push_back(CreateIndex{tp.ids.previous, tp.ids.next, i, false});
      if (!flavour_.indexes_should_be_recreated_after_column_drop()) continue;
      std::set<std::string_view> recreated;
      for (const auto& cd : tp.column_pairs)
        if (cd.type_change == ColumnTypeChange::NotCastable) recreated.insert(next().at(cd.ids.next).name);
      for (const auto& ip : tp.index_pairs) {
        IndexView n(&next(), ip.next);
        bool hit = false;
        for (auto name : n.column_names()) hit = hit || recreated.count(name);
        if (hit) steps_.push_back(CreateIndex{tp.ids.previous, tp.ids.next, ip.next, true});
      }
    }
  }

  void push_altered_tables() {
    for (const auto& tp : table_pairs_) {
      if (tp.redefine) continue;
      for (auto fk : tp.created_fks) steps_.push_back(AddForeignKey{fk});
      for (auto fk : tp.dropped_fks) steps_.push_back(DropForeignKey{fk});
      if (!flavour_.has_unnamed_foreign_keys()) {
        for (const auto& fp : tp.fk_pairs) {
          const auto& a = prev().at(fp.previous).name;
          const auto& b = next().at(fp.next).name;
          if (a == b || a.empty() || b.empty()) continue;
          if (is_implicit_m2m(TableView(&prev(), tp.ids.previous)) && is_implicit_m2m(TableView(&next(), tp.ids.next)))
            continue;
          if (flavour_.can_rename_foreign_key()) {
            steps_.push_back(RenameForeignKey{fp});
          } else {
            steps_.push_back(AddForeignKey{fp.next});
            steps_.push_back(DropForeignKey{fp.previous});
          }
        }
      }
      if (flavour_.can_alter_primary_keys() && tp.pk_changed) steps_.push_back(AlterPrimaryKey{tp.ids});

      for (const auto& ip : tp.index_pairs) {
        if (prev().at(ip.previous).name == next().at(ip.next).name) continue;
        if (flavour_.can_rename_index())
          steps_.push_back(RenameIndex{ip});
        else
          steps_.push_back(RedefineIndex{ip});
      }

      std::vector<TableChange> changes;
      bool both_pk = TableView(&prev(), tp.ids.previous).primary_key() && TableView(&next(), tp.ids.next).primary_key();
      bool alter_pk = both_pk && flavour_.can_alter_primary_keys();
      if (!alter_pk && (tp.dropped_pk || tp.pk_changed)) changes.push_back(DropPrimaryKey{});
      if (both_pk) {
        auto pn = TableView(&prev(), tp.ids.previous).primary_key()->name();
        auto nn = TableView(&next(), tp.ids.next).primary_key()->name();
        if (pn != nn) changes.push_back(RenamePrimaryKey{});
      }
      for (auto c : tp.dropped_columns) changes.push_back(DropColumn{c});
      for (auto c : tp.added_columns) changes.push_back(AddColumn{c, next().at(c).prisma_level_default});
      std::vector<TableChange> alters;
      for (const auto& cd : tp.column_pairs) {
        if (!cd.changes.any()) continue;
        if (cd.type_change == ColumnTypeChange::NotCastable)
          alters.push_back(DropAndRecreateColumn{cd.ids, cd.changes});
        else
          alters.push_back(AlterColumn{cd.ids, cd.changes, cd.type_change});
      }
      std::stable_sort(alters.begin(), alters.end(), [](const TableChange& a, const TableChange& b) {
        auto key = [](const TableChange& c) {
          if (auto* x = std::get_if<AlterColumn>(&c)) return x->columns;
          return std::get<DropAndRecreateColumn>(c).columns;
        };
        return key(a) < key(b);
      });
      for (auto& a : alters) changes.push_back(std::move(a));
      if (!alter_pk && (tp.created_pk || tp.pk_changed)) changes.push_back(AddPrimaryKey{});
      if (changes.empty()) continue;
      steps_.push_back(AlterTable{tp.ids, std::move(changes)});
    }
  }

  static bool is_implicit_m2m(TableView t) {
    return t.columns().size() == 2 && t.column("A") && t.column("B");
  }

  void push_redefined_tables() {
    if (!any_redefined_) return;
    RedefineTables step;
    for (const auto& tp : table_pairs_) {
      if (!tp.redefine) continue;
      RedefineTable rt;
      rt.tables = tp.ids;
      rt.dropped_primary_key = tp.dropped_pk || tp.pk_changed;
      rt.added_columns = tp.added_columns;
      for (auto c : tp.added_columns)
        if (next().at(c).prisma_level_default) rt.added_columns_with_virtual_defaults.push_back(c);
      rt.dropped_columns = tp.dropped_columns;
      for (const auto& cd : tp.column_pairs) rt.column_pairs.push_back({cd.ids, cd.changes, cd.type_change});
      step.tables.push_back(std::move(rt));
    }
    steps_.push_back(std::move(step));
  }

  void push_enum_steps() {
    if (!flavour_.has_enum_types()) return;
    std::map<std::pair<std::string_view, std::string_view>, schema::EnumId> prev_by_name;
    for (uint32_t i = 0; i < prev().enums.size(); ++i)
      prev_by_name[{ns_name(prev(), prev().enums[i].namespace_id), prev().enums[i].name}] = schema::EnumId(i);
    std::set<schema::EnumId> matched;
    for (uint32_t i = 0; i < next().enums.size(); ++i) {
      const auto& e = next().enums[i];
      auto it = prev_by_name.find({ns_name(next(), e.namespace_id), e.name});
      if (it == prev_by_name.end()) {
        steps_.push_back(CreateEnum{schema::EnumId(i)});
        continue;
      }
      matched.insert(it->second);
      const auto& pe = prev().at(it->second);
      AlterEnum ae;
      ae.ids = {it->second, schema::EnumId(i)};
      for (const auto& v : e.values)
        if (std::find(pe.values.begin(), pe.values.end(), v) == pe.values.end()) ae.created_values.push_back(v);
      for (const auto& v : pe.values)
        if (std::find(e.values.begin(), e.values.end(), v) == e.values.end()) ae.dropped_values.push_back(v);
      if (ae.created_values.empty() && ae.dropped_values.empty()) continue;
      if (!ae.dropped_values.empty()) {
        // Columns that default to a value of this enum must have their default dropped
        // and reinstalled around the type swap.
        for (uint32_t c = 0; c < prev().columns.size(); ++c) {
          const auto& col = prev().columns[c];
          if (col.type.enum_id != it->second || !col.default_value) continue;
          std::optional<schema::ColumnId> next_col;
          TableView pt(&prev(), col.table);
          if (auto nt = next().find_table(pt.name()))
            if (auto nc = next().find_column(*nt, col.name))
              if (next().at(*nc).default_value && next().at(*nc).type.enum_id == schema::EnumId(i)) next_col = nc;
          ae.previous_usages_as_default.push_back({schema::ColumnId(c), next_col});
        }
      }
      steps_.push_back(std::move(ae));
    }
    for (uint32_t i = 0; i < prev().enums.size(); ++i)
      if (!matched.count(schema::EnumId(i))) steps_.push_back(DropEnum{schema::EnumId(i)});
  }

  // A dropped unique index on a table without a primary key must be dropped after the
  // AlterTable that creates a primary key on the same columns (prisma's permutation).
  void apply_partial_order_permutations() {
    for (size_t i = 0; i < steps_.size(); ++i) {
      auto* di = std::get_if<DropIndex>(&steps_[i]);
      if (!di) continue;
      IndexView ix(&prev(), di->id);
      if (!ix.is_unique() || ix.table().primary_key()) continue;
      for (size_t j = i + 1; j < steps_.size(); ++j) {
        auto* at = std::get_if<AlterTable>(&steps_[j]);
        if (!at || at->tables.previous != ix.table().id()) continue;
        bool adds_pk = false, touches = false;
        for (const auto& ch : at->changes) {
          if (std::holds_alternative<AddPrimaryKey>(ch)) adds_pk = true;
          if (auto* dc = std::get_if<DropColumn>(&ch))
            for (const auto& c : ix.columns()) touches = touches || c.column == dc->column;
          if (auto* dr = std::get_if<DropAndRecreateColumn>(&ch))
            for (const auto& c : ix.columns()) touches = touches || c.column == dr->columns.previous;
        }
        if (!adds_pk || touches) continue;
        auto npk = TableView(&next(), at->tables.next).primary_key();
        if (!npk || npk->column_names() != ix.column_names()) continue;
        Step moved = std::move(steps_[i]);
        steps_.erase(steps_.begin() + i);
        steps_.insert(steps_.begin() + j, std::move(moved));
        --i;
        break;
      }
    }
  }

  Pair<const Schema&> s_;
  const Flavour& flavour_;
  std::vector<Step> steps_;
  std::vector<schema::TableId> created_tables_;
  std::vector<schema::TableId> dropped_tables_;
  std::vector<TablePair> table_pairs_;
  bool any_redefined_ = false;
};

}  // namespace

Migration diff_schemas(Pair<const Schema&> schemas, const Flavour& flavour) {
  return Differ(schemas, flavour).run();
}

}  // namespace zen::diff
