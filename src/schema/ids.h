// Strong ID types that address the flat vectors of a schema::Schema.
#pragma once

#include <compare>
#include <cstdint>
#include <limits>

namespace zen::schema {

/// An index into one of Schema's vectors, typed so a ColumnId cannot be used as a TableId.
template <class Tag>
struct Id {
  uint32_t value = std::numeric_limits<uint32_t>::max();

  constexpr Id() = default;
  constexpr explicit Id(uint32_t v) : value(v) {}
  constexpr bool valid() const { return value != std::numeric_limits<uint32_t>::max(); }
  constexpr auto operator<=>(const Id&) const = default;
};

struct NamespaceTag;
struct TableTag;
struct ColumnTag;
struct IndexTag;
struct ForeignKeyTag;
struct EnumTag;
struct SequenceTag;
struct ExtensionTag;

using NamespaceId = Id<NamespaceTag>;
using TableId = Id<TableTag>;
using ColumnId = Id<ColumnTag>;
using IndexId = Id<IndexTag>;
using ForeignKeyId = Id<ForeignKeyTag>;
using EnumId = Id<EnumTag>;
using SequenceId = Id<SequenceTag>;
using ExtensionId = Id<ExtensionTag>;

}  // namespace zen::schema
