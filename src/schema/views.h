// Cheap read-only views ({const Schema*, Id}) for navigating a schema::Schema.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "schema/schema.h"

namespace zen::schema {

/// A range of views over a vector of IDs, e.g. a table's columns.
template <class View, class IdT>
class ViewRange {
 public:
  ViewRange(const Schema* s, const std::vector<IdT>* ids) : s_(s), ids_(ids) {}
  struct iterator {
    const Schema* s;
    typename std::vector<IdT>::const_iterator it;
    View operator*() const { return View(s, *it); }
    iterator& operator++() { ++it; return *this; }
    bool operator==(const iterator& o) const { return it == o.it; }
  };
  iterator begin() const { return {s_, ids_->begin()}; }
  iterator end() const { return {s_, ids_->end()}; }
  size_t size() const { return ids_->size(); }
  View operator[](size_t i) const { return View(s_, (*ids_)[i]); }

 private:
  const Schema* s_;
  const std::vector<IdT>* ids_;
};

class TableView;

class ColumnView {
 public:
  ColumnView(const Schema* s, ColumnId id) : s_(s), id_(id) {}
  ColumnId id() const { return id_; }
  const Column& get() const { return s_->at(id_); }
  const std::string& name() const { return get().name; }
  const ColumnType& type() const { return get().type; }
  ColumnFamily family() const { return get().type.family; }
  Arity arity() const { return get().type.arity; }
  bool is_required() const { return arity() == Arity::Required; }
  bool is_nullable() const { return arity() == Arity::Nullable; }
  bool is_list() const { return arity() == Arity::List; }
  const HeapOptional<DefaultValue>& default_value() const { return get().default_value; }
  bool is_autoincrement() const { return get().auto_increment; }
  TableView table() const;
  /// Whether the column is part of its table's primary key.
  bool is_in_primary_key() const;

 private:
  const Schema* s_;
  ColumnId id_;
};

class IndexView {
 public:
  IndexView(const Schema* s, IndexId id) : s_(s), id_(id) {}
  IndexId id() const { return id_; }
  const Index& get() const { return s_->at(id_); }
  const std::string& name() const { return get().name; }
  IndexKind kind() const { return get().kind; }
  bool is_unique() const { return kind() == IndexKind::Unique; }
  bool is_primary_key() const { return kind() == IndexKind::PrimaryKey; }
  const std::vector<IndexColumn>& columns() const { return get().columns; }
  ColumnView column(size_t i) const { return ColumnView(s_, get().columns[i].column); }
  std::vector<std::string_view> column_names() const;
  TableView table() const;

 private:
  const Schema* s_;
  IndexId id_;
};

class ForeignKeyView {
 public:
  ForeignKeyView(const Schema* s, ForeignKeyId id) : s_(s), id_(id) {}
  ForeignKeyId id() const { return id_; }
  const ForeignKey& get() const { return s_->at(id_); }
  const std::string& name() const { return get().name; }
  ViewRange<ColumnView, ColumnId> columns() const { return {s_, &get().columns}; }
  ViewRange<ColumnView, ColumnId> referenced_columns() const { return {s_, &get().referenced_columns}; }
  TableView table() const;
  TableView referenced_table() const;

 private:
  const Schema* s_;
  ForeignKeyId id_;
};

class TableView {
 public:
  TableView(const Schema* s, TableId id) : s_(s), id_(id) {}
  TableId id() const { return id_; }
  const Schema& schema() const { return *s_; }
  const Table& get() const { return s_->at(id_); }
  const std::string& name() const { return get().name; }
  /// The PostgreSQL schema name; "" on SQLite.
  const std::string& namespace_name() const { return s_->at(get().namespace_id).name; }
  ViewRange<ColumnView, ColumnId> columns() const { return {s_, &get().columns}; }
  ViewRange<IndexView, IndexId> indexes() const { return {s_, &get().indexes}; }
  ViewRange<ForeignKeyView, ForeignKeyId> foreign_keys() const { return {s_, &get().foreign_keys}; }
  std::optional<IndexView> primary_key() const {
    auto pk = s_->primary_key(id_);
    if (!pk) return std::nullopt;
    return IndexView(s_, *pk);
  }
  std::optional<ColumnView> column(std::string_view name) const {
    auto c = s_->find_column(id_, name);
    if (!c) return std::nullopt;
    return ColumnView(s_, *c);
  }

 private:
  const Schema* s_;
  TableId id_;
};

class EnumView {
 public:
  EnumView(const Schema* s, EnumId id) : s_(s), id_(id) {}
  EnumId id() const { return id_; }
  const Enum& get() const { return s_->at(id_); }
  const std::string& name() const { return get().name; }
  const std::string& namespace_name() const { return s_->at(get().namespace_id).name; }
  const std::vector<std::string>& values() const { return get().values; }

 private:
  const Schema* s_;
  EnumId id_;
};

inline TableView ColumnView::table() const { return TableView(s_, get().table); }
inline bool ColumnView::is_in_primary_key() const {
  auto pk = s_->primary_key(get().table);
  if (!pk) return false;
  for (const auto& c : s_->at(*pk).columns)
    if (c.column == id_) return true;
  return false;
}
inline TableView IndexView::table() const { return TableView(s_, get().table); }
inline std::vector<std::string_view> IndexView::column_names() const {
  std::vector<std::string_view> out;
  for (const auto& c : get().columns) out.push_back(s_->at(c.column).name);
  return out;
}
inline TableView ForeignKeyView::table() const { return TableView(s_, get().table); }
inline TableView ForeignKeyView::referenced_table() const { return TableView(s_, get().referenced_table); }

inline TableView walk(const Schema& s, TableId id) { return TableView(&s, id); }
inline ColumnView walk(const Schema& s, ColumnId id) { return ColumnView(&s, id); }
inline IndexView walk(const Schema& s, IndexId id) { return IndexView(&s, id); }
inline ForeignKeyView walk(const Schema& s, ForeignKeyId id) { return ForeignKeyView(&s, id); }
inline EnumView walk(const Schema& s, EnumId id) { return EnumView(&s, id); }

}  // namespace zen::schema
