// The relational model shared by the desired database (lowered from ZModel) and the actual
// one (introspected): flat vectors addressed by strong IDs, navigated through views.h.
//
// Conventions:
// - Every name is stored exactly as the database spells it (after @map/@@map).
// - Order is meaningful and deterministic: tables in model order then join tables, columns
//   in field order, indexes in declaration order. The differ's step order depends on it.
// - Dialect extras live in `postgres` (sequences, extensions); SQLite needs none.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/provider.h"
#include "schema/ids.h"

namespace zen::schema {

/// The family a column type belongs to, independent of the exact database type.
enum class ColumnFamily { Int, BigInt, Float, Decimal, Boolean, String, DateTime, Json, Binary, Uuid, Enum, Unsupported };

/// Required (NOT NULL), Nullable, or List (a PostgreSQL array, `text[]`).
enum class Arity { Required, Nullable, List };

struct ColumnType {
  /// The type as the dialect renders and introspects it, without array brackets:
  /// SQLite "INTEGER", "TEXT", "DATETIME"; PostgreSQL "TEXT", "VARCHAR(255)", "TIMESTAMP(3)".
  /// For enums this is the enum's name.
  /// A lowered schema not yet normalised holds, for the other families, the `@db.X(args)`
  /// attribute the type came from as written ("VarChar(255)"), or "" for the family's default
  /// type: Dialect::normalize turns either into the dialect's spelling.
  std::string full_type;
  ColumnFamily family = ColumnFamily::String;
  Arity arity = Arity::Required;
  /// Set when family == Enum.
  std::optional<EnumId> enum_id;
};

/// A literal default value, normalised: strings unquoted and unescaped, numbers in their
/// shortest decimal form, booleans "true"/"false", enum values by name, bytes as hex.
enum class LiteralKind { String, Int, Float, Decimal, Boolean, Enum, Json, Bytes, DateTime, Null, List };

struct Literal {
  LiteralKind kind = LiteralKind::String;
  std::string text;
  std::vector<Literal> items;  // for List
  bool operator==(const Literal&) const = default;
};

enum class DefaultKind {
  Value,        // a literal
  Now,          // now() -> CURRENT_TIMESTAMP
  Sequence,     // autoincrement() on PostgreSQL: nextval of `expression` (the sequence name)
  DbGenerated,  // dbgenerated("expr"): `expression` is the SQL text, verbatim
};

struct DefaultValue {
  DefaultKind kind = DefaultKind::Value;
  Literal value;           // for Value
  std::string expression;  // for Sequence (sequence name) and DbGenerated (SQL)
  bool operator==(const DefaultValue&) const = default;
};

/// An optional value kept on the heap: std::optional's interface at the size of a pointer.
/// For members that are large and usually absent (a column's default), so that the arrays
/// holding them stay small: a schema of 5,000 models has ~100,000 columns, and a first run
/// pays for every page of fresh memory.
template <class T>
class HeapOptional {
 public:
  HeapOptional() = default;
  HeapOptional(std::nullopt_t) {}
  explicit HeapOptional(const T& v) : p_(std::make_unique<T>(v)) {}
  explicit HeapOptional(T&& v) : p_(std::make_unique<T>(std::move(v))) {}
  HeapOptional(const std::optional<T>& v) : p_(v ? std::make_unique<T>(*v) : nullptr) {}
  HeapOptional(std::optional<T>&& v) : p_(v ? std::make_unique<T>(std::move(*v)) : nullptr) {}
  HeapOptional(const HeapOptional& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  HeapOptional(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(const HeapOptional& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  HeapOptional& operator=(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(std::nullopt_t) {
    p_.reset();
    return *this;
  }

  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return p_ != nullptr; }
  const T& operator*() const { return *p_; }
  T& operator*() { return *p_; }
  const T* operator->() const { return p_.get(); }
  T* operator->() { return p_.get(); }
  void reset() { p_.reset(); }
  template <class... Args>
  T& emplace(Args&&... args) {
    p_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *p_;
  }
  /// A copy as a std::optional.
  std::optional<T> to_optional() const { return p_ ? std::optional<T>(*p_) : std::nullopt; }

  friend bool operator==(const HeapOptional& a, const HeapOptional& b) {
    if (!a || !b) return !a && !b;
    return *a == *b;
  }
  friend bool operator==(const HeapOptional& a, const std::optional<T>& b) {
    if (!a || !b) return !a && !b;
    return *a == *b;
  }

 private:
  std::unique_ptr<T> p_;
};

struct Namespace {
  std::string name;  // PostgreSQL schema name; "" on SQLite
};

struct Table {
  NamespaceId namespace_id;
  std::string name;
  std::vector<ColumnId> columns;       // in declaration order
  std::vector<IndexId> indexes;        // includes the primary key (IndexKind::PrimaryKey)
  std::vector<ForeignKeyId> foreign_keys;
};

struct Column {
  TableId table;
  // The flags sit next to `table`, in what would otherwise be padding.
  /// INTEGER PRIMARY KEY AUTOINCREMENT on SQLite, SERIAL/sequence default on PostgreSQL.
  bool auto_increment = false;
  /// The value comes from the client, not the database (`@default(uuid())`, cuid, nanoid,
  /// ulid): Prisma's "prisma-level default". Only set on lowered schemas.
  bool prisma_level_default = false;
  std::string name;
  ColumnType type;
  /// Most columns have none: kept on the heap (a Column is 128 bytes instead of 240).
  HeapOptional<DefaultValue> default_value;
};

enum class IndexKind { Normal, Unique, PrimaryKey, Fulltext };
enum class SortOrder { Asc, Desc };
/// PostgreSQL index access methods (Prisma's `type:` argument of @@index).
enum class IndexAlgorithm { BTree, Hash, Gist, Gin, SpGist, Brin };

struct IndexColumn {
  ColumnId column;
  std::optional<SortOrder> sort;             // nullopt = database default (ascending)
  std::optional<uint32_t> length;            // MySQL prefix length; kept for completeness
  std::string operator_class;                // PostgreSQL, e.g. "jsonb_path_ops"; "" = default
  bool operator==(const IndexColumn&) const = default;
};

struct Index {
  TableId table;
  std::string name;
  IndexKind kind = IndexKind::Normal;
  std::vector<IndexColumn> columns;
  std::optional<IndexAlgorithm> algorithm;   // nullopt = the database default (BTree)
};

enum class ReferentialAction { NoAction, Restrict, Cascade, SetNull, SetDefault };

struct ForeignKey {
  TableId table;
  /// Constraint name; empty when the database does not name it (SQLite introspection).
  std::string name;
  std::vector<ColumnId> columns;
  TableId referenced_table;
  std::vector<ColumnId> referenced_columns;
  ReferentialAction on_delete = ReferentialAction::NoAction;
  ReferentialAction on_update = ReferentialAction::NoAction;
};

struct Enum {
  NamespaceId namespace_id;
  std::string name;
  std::vector<std::string> values;  // in declaration order
};

/// PostgreSQL sequences other than those owned by SERIAL columns.
struct Sequence {
  NamespaceId namespace_id;
  std::string name;
  int64_t start = 1;
  int64_t increment = 1;
  int64_t min_value = 1;
  int64_t max_value = INT64_MAX;
  int64_t cache = 1;
  bool cycle = false;
};

struct Extension {
  std::string name;
  std::string schema;   // "" = not specified
  std::string version;  // "" = not specified
};

/// Dialect extras for PostgreSQL; empty on SQLite.
struct PostgresData {
  std::vector<Sequence> sequences;
  std::vector<Extension> extensions;
};

struct Schema {
  Provider provider = Provider::Sqlite;
  std::vector<Namespace> namespaces;
  std::vector<Table> tables;
  std::vector<Column> columns;
  std::vector<Index> indexes;
  std::vector<ForeignKey> foreign_keys;
  std::vector<Enum> enums;
  PostgresData postgres;

  // Builders: each appends and returns the new ID; columns, indexes and foreign keys are
  // also appended to their table's lists.
  NamespaceId add_namespace(std::string name);
  TableId add_table(NamespaceId ns, std::string name);
  ColumnId add_column(Column column);
  IndexId add_index(Index index);
  ForeignKeyId add_foreign_key(ForeignKey fk);
  EnumId add_enum(Enum e);

  const Namespace& at(NamespaceId id) const { return namespaces[id.value]; }
  const Table& at(TableId id) const { return tables[id.value]; }
  const Column& at(ColumnId id) const { return columns[id.value]; }
  const Index& at(IndexId id) const { return indexes[id.value]; }
  const ForeignKey& at(ForeignKeyId id) const { return foreign_keys[id.value]; }
  const Enum& at(EnumId id) const { return enums[id.value]; }
  Table& at(TableId id) { return tables[id.value]; }
  Column& at(ColumnId id) { return columns[id.value]; }
  Index& at(IndexId id) { return indexes[id.value]; }
  ForeignKey& at(ForeignKeyId id) { return foreign_keys[id.value]; }
  Enum& at(EnumId id) { return enums[id.value]; }

  /// Looks a namespace up by name; nullopt when absent.
  std::optional<NamespaceId> find_namespace(std::string_view name) const;
  /// Looks a table up by namespace and name (linear; the differ builds its own maps).
  std::optional<TableId> find_table(std::string_view name, std::optional<NamespaceId> ns = std::nullopt) const;
  std::optional<ColumnId> find_column(TableId table, std::string_view name) const;
  std::optional<EnumId> find_enum(std::string_view name, std::optional<NamespaceId> ns = std::nullopt) const;
  /// The table's primary key index, if it has one.
  std::optional<IndexId> primary_key(TableId table) const;
};

/// A stable, human-readable dump of the whole schema for snapshot tests:
/// one line per object, objects in ID order.
std::string dump(const Schema& schema);

const char* column_family_name(ColumnFamily f);
const char* referential_action_name(ReferentialAction a);  // "Cascade", "SetNull", ...
const char* index_algorithm_name(IndexAlgorithm a);        // "BTree", "Gin", ...

}  // namespace zen::schema
