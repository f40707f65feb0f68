// Small read-only helpers over tree-sitter-zmodel nodes, written against the node-type contract
// (node and field names); used by the lowering pass only.
#pragma once

#include <tree_sitter/api.h>

#include <cstring>
#include <string_view>

#include "base/diagnostic.h"

extern "C" const TSLanguage* tree_sitter_zmodel(void);

namespace zen::analysis::cst {

inline bool is_null(TSNode n) { return ts_node_is_null(n); }
inline std::string_view kind(TSNode n) { return is_null(n) ? std::string_view() : ts_node_type(n); }
inline bool is(TSNode n, std::string_view k) { return !is_null(n) && kind(n) == k; }
inline TextRange range(TSNode n) {
  if (is_null(n)) return {};
  return TextRange{ts_node_start_byte(n), ts_node_end_byte(n)};
}
inline std::string_view text(TSNode n, std::string_view src) {
  if (is_null(n)) return {};
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (e > src.size() || s > e) return {};
  return src.substr(s, e - s);
}
/// The grammar's id for a field name (0 when the grammar has no such field).
TSFieldId field_id(const char* name);

inline TSNode field(TSNode n, const char* name) {
  if (is_null(n)) return n;
  TSFieldId id = field_id(name);
  if (id == 0) return TSNode{};
  return ts_node_child_by_field_id(n, id);
}

/// Calls fn(child, field_name_or_null) for every child (named and anonymous), in order, in
/// linear time (a cursor instead of ts_node_child(i), which is O(i)).
template <class Fn>
void for_each_child(TSNode n, Fn&& fn) {
  if (is_null(n) || ts_node_child_count(n) == 0) return;
  TSTreeCursor c = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      fn(ts_tree_cursor_current_node(&c), ts_tree_cursor_current_field_name(&c));
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
}

/// Like for_each_child, named children only.
template <class Fn>
void for_each_named(TSNode n, Fn&& fn) {
  for_each_child(n, [&](TSNode ch, const char* f) {
    if (ts_node_is_named(ch)) fn(ch, f);
  });
}

/// The first named child of the given kind; a null node if there is none.
inline TSNode first_of(TSNode n, std::string_view k) {
  TSNode found{};
  bool done = false;
  for_each_named(n, [&](TSNode ch, const char*) {
    if (!done && kind(ch) == k) {
      found = ch;
      done = true;
    }
  });
  return found;
}

}  // namespace zen::analysis::cst
