// Parsing ZModel text into an owned tree-sitter tree (RAII), a thin untyped `Node` over it,
// and incremental reparsing after an edit. Parsing never fails: broken input gives a tree
// with ERROR/MISSING nodes plus syntax errors (see syntax_error.h).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

#include <tree_sitter/api.h>

namespace zen::syntax {

/// The tree-sitter-zmodel language (grammar/).
const TSLanguage* zmodel_language();

class SyntaxTree;

/// A non-owning handle on one node of a SyntaxTree. Valid while its tree lives and is not
/// edited. A default-constructed Node is "null": every accessor returns an empty answer.
class Node {
 public:
  Node() = default;
  Node(TSNode node, const std::string* text) : node_(node), text_(text) {}

  bool is_null() const { return text_ == nullptr || ts_node_is_null(node_); }
  explicit operator bool() const { return !is_null(); }

  /// The node type name from the grammar ("data_model", "identifier", "ERROR", "}").
  std::string_view kind() const;
  TSSymbol symbol() const;
  bool is_named() const;
  /// An ERROR node: tokens the parser skipped.
  bool is_error() const;
  /// A zero-width node the parser inserted because a required token was absent.
  bool is_missing() const;
  /// True if this node or any descendant is an ERROR or MISSING node.
  bool has_error() const;

  TextRange range() const;
  uint32_t start() const;
  uint32_t end() const;
  /// The node's source text (empty for null and missing nodes).
  std::string_view text() const;

  /// The enclosing node. tree-sitter finds it by position, so for a zero-width (missing)
  /// node it may answer an ancestor further up; walk down from the root when that matters.
  Node parent() const;
  /// The child stored under a field of the grammar (`name`, `type`, `body`…); null if absent.
  Node child_by_field(std::string_view field) const;
  /// All children under a field, in order (for repeated fields).
  std::vector<Node> children_by_field(std::string_view field) const;
  /// The field name of this node in its parent; empty when it has none.
  std::string_view field_name() const;

  uint32_t child_count() const;
  Node child(uint32_t index) const;
  uint32_t named_child_count() const;
  Node named_child(uint32_t index) const;
  std::vector<Node> children() const;
  std::vector<Node> named_children() const;
  /// The first named child whose kind is `kind`; null if none.
  Node first_child_of_kind(std::string_view kind) const;
  /// Named children whose kind is `kind`, in order.
  std::vector<Node> children_of_kind(std::string_view kind) const;

  Node next_sibling() const;
  Node prev_sibling() const;
  Node next_named_sibling() const;
  Node prev_named_sibling() const;

  /// The smallest named node spanning [start, end); null if out of range.
  Node named_descendant_for_range(uint32_t start, uint32_t end) const;
  /// The S-expression of the subtree, as `tree-sitter parse` prints it.
  std::string to_sexp() const;

  TSNode raw() const { return node_; }
  const std::string* source() const { return text_; }

  bool operator==(const Node& other) const;

 private:
  TSNode node_{};
  const std::string* text_ = nullptr;
};

struct TreeDeleter {
  void operator()(TSTree* tree) const;
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

/// An owned parse tree together with the text it was parsed from.
class SyntaxTree {
 public:
  /// Parses `text`. Never fails; syntax errors show up as ERROR/MISSING nodes.
  static SyntaxTree parse(std::string text);

  SyntaxTree(SyntaxTree&&) noexcept = default;
  SyntaxTree& operator=(SyntaxTree&&) noexcept = default;
  /// Copies share nothing: the tree is duplicated (cheap, tree-sitter trees are persistent).
  SyntaxTree(const SyntaxTree& other);
  SyntaxTree& operator=(const SyntaxTree& other);

  const std::string& text() const { return *text_; }
  Node root() const;
  /// True if the tree has ERROR or MISSING nodes. An unterminated string is not one of them
  /// (it parses as a string up to the end of its line); syntax_errors() reports it.
  bool has_errors() const;

  /// Replaces the bytes [start, old_end) of the current text by `replacement` and reparses
  /// incrementally, reusing the old tree. Returns the byte ranges (in the new text) whose
  /// syntactic structure changed, as ts_tree_get_changed_ranges reports them: an edit that
  /// keeps the structure (renaming an identifier) may report none, so callers that care about
  /// text should also treat [start, start + replacement.size()) as changed. Out-of-range
  /// offsets are clamped to the text. Nodes taken from the tree before the call are invalid
  /// after it.
  std::vector<TextRange> replace(TextRange old_range, std::string_view replacement);

  /// Incremental reparse given the edit in tree-sitter's terms: bytes [start, old_end) of the
  /// current text became [start, new_end) of `new_text` (the whole new document). Returns the
  /// changed ranges as `replace` does. If the offsets are inconsistent with the texts the
  /// tree is reparsed from scratch.
  std::vector<TextRange> edit(uint32_t start, uint32_t old_end, uint32_t new_end,
                              std::string new_text);

  TSTree* raw() const { return tree_.get(); }

 private:
  SyntaxTree(std::unique_ptr<std::string> text, TreePtr tree)
      : text_(std::move(text)), tree_(std::move(tree)) {}
  // Applies `edit` to the tree, reparses the (already updated) text with it and returns the
  // changed ranges.
  std::vector<TextRange> reparse(const TSInputEdit& edit);

  // Heap-allocated so Node's text pointer stays valid when the SyntaxTree moves.
  std::unique_ptr<std::string> text_;
  TreePtr tree_;
};

}  // namespace zen::syntax
