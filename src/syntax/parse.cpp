// Owned parse trees, the untyped Node handle, and incremental reparsing.
#include "syntax/parse.h"

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <cstring>

extern "C" const TSLanguage* tree_sitter_zmodel(void);

namespace zen::syntax {

namespace {

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;

ParserPtr new_parser() {
  ParserPtr parser(ts_parser_new());
  bool ok = ts_parser_set_language(parser.get(), zmodel_language());
  assert(ok && "tree-sitter-zmodel was generated for an incompatible tree-sitter ABI");
  (void)ok;
  return parser;
}

TreePtr parse_text(const std::string& text, const TSTree* old_tree) {
  ParserPtr parser = new_parser();
  TSTree* tree = ts_parser_parse_string(parser.get(), old_tree, text.data(),
                                        static_cast<uint32_t>(text.size()));
  // Only a cancellation flag or a timeout makes tree-sitter give up, and we set neither.
  assert(tree && "tree-sitter returned no tree");
  return TreePtr(tree);
}

// Row and byte column of `offset` in `text`, as tree-sitter counts them.
TSPoint point_at(std::string_view text, uint32_t offset) {
  TSPoint point{0, 0};
  uint32_t line_start = 0;
  const char* data = text.data();
  const char* end = data + offset;
  for (const char* p = data; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    ++point.row;
    line_start = static_cast<uint32_t>(p - data);
  }
  point.column = offset - line_start;
  return point;
}

// The point after `text` when it starts at `from`.
TSPoint advance_point(TSPoint from, std::string_view text) {
  size_t last_nl = text.rfind('\n');
  if (last_nl == std::string_view::npos) {
    from.column += static_cast<uint32_t>(text.size());
    return from;
  }
  from.row += static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
  from.column = static_cast<uint32_t>(text.size() - last_nl - 1);
  return from;
}

}  // namespace

const TSLanguage* zmodel_language() { return tree_sitter_zmodel(); }

// ---- Node ----------------------------------------------------------------------------------

std::string_view Node::kind() const { return is_null() ? std::string_view() : ts_node_type(node_); }
TSSymbol Node::symbol() const { return is_null() ? 0 : ts_node_symbol(node_); }
bool Node::is_named() const { return !is_null() && ts_node_is_named(node_); }
bool Node::is_error() const { return !is_null() && ts_node_symbol(node_) == static_cast<TSSymbol>(-1); }
bool Node::is_missing() const { return !is_null() && ts_node_is_missing(node_); }
bool Node::has_error() const { return !is_null() && ts_node_has_error(node_); }

uint32_t Node::start() const { return is_null() ? 0 : ts_node_start_byte(node_); }
uint32_t Node::end() const { return is_null() ? 0 : ts_node_end_byte(node_); }
TextRange Node::range() const { return TextRange{start(), end()}; }

std::string_view Node::text() const {
  if (is_null() || is_missing()) return {};
  uint32_t s = std::min<uint32_t>(start(), static_cast<uint32_t>(text_->size()));
  uint32_t e = std::min<uint32_t>(end(), static_cast<uint32_t>(text_->size()));
  return std::string_view(*text_).substr(s, e - s);
}

Node Node::parent() const {
  if (is_null()) return {};
  return Node(ts_node_parent(node_), text_);
}

Node Node::child_by_field(std::string_view field) const {
  if (is_null()) return {};
  return Node(ts_node_child_by_field_name(node_, field.data(), static_cast<uint32_t>(field.size())),
              text_);
}

std::vector<Node> Node::children_by_field(std::string_view field) const {
  std::vector<Node> out;
  if (is_null()) return out;
  TSFieldId id = ts_language_field_id_for_name(zmodel_language(), field.data(),
                                               static_cast<uint32_t>(field.size()));
  if (id == 0) return out;
  TSTreeCursor cursor = ts_tree_cursor_new(node_);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      if (ts_tree_cursor_current_field_id(&cursor) == id)
        out.emplace_back(ts_tree_cursor_current_node(&cursor), text_);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

std::string_view Node::field_name() const {
  Node p = parent();
  if (p.is_null()) return {};
  TSTreeCursor cursor = ts_tree_cursor_new(p.node_);
  std::string_view name;
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      if (ts_node_eq(ts_tree_cursor_current_node(&cursor), node_)) {
        const char* n = ts_tree_cursor_current_field_name(&cursor);
        if (n) name = n;
        break;
      }
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return name;
}

uint32_t Node::child_count() const { return is_null() ? 0 : ts_node_child_count(node_); }
Node Node::child(uint32_t index) const {
  if (index >= child_count()) return {};
  return Node(ts_node_child(node_, index), text_);
}
uint32_t Node::named_child_count() const { return is_null() ? 0 : ts_node_named_child_count(node_); }
Node Node::named_child(uint32_t index) const {
  if (index >= named_child_count()) return {};
  return Node(ts_node_named_child(node_, index), text_);
}

std::vector<Node> Node::children() const {
  std::vector<Node> out;
  uint32_t n = child_count();
  out.reserve(n);
  for (uint32_t i = 0; i < n; ++i) out.emplace_back(ts_node_child(node_, i), text_);
  return out;
}

std::vector<Node> Node::named_children() const {
  std::vector<Node> out;
  uint32_t n = named_child_count();
  out.reserve(n);
  for (uint32_t i = 0; i < n; ++i) out.emplace_back(ts_node_named_child(node_, i), text_);
  return out;
}

Node Node::first_child_of_kind(std::string_view kind) const {
  uint32_t n = named_child_count();
  for (uint32_t i = 0; i < n; ++i) {
    Node c(ts_node_named_child(node_, i), text_);
    if (c.kind() == kind) return c;
  }
  return {};
}

std::vector<Node> Node::children_of_kind(std::string_view kind) const {
  std::vector<Node> out;
  uint32_t n = named_child_count();
  for (uint32_t i = 0; i < n; ++i) {
    Node c(ts_node_named_child(node_, i), text_);
    if (c.kind() == kind) out.push_back(c);
  }
  return out;
}

Node Node::next_sibling() const { return is_null() ? Node() : Node(ts_node_next_sibling(node_), text_); }
Node Node::prev_sibling() const { return is_null() ? Node() : Node(ts_node_prev_sibling(node_), text_); }
Node Node::next_named_sibling() const {
  return is_null() ? Node() : Node(ts_node_next_named_sibling(node_), text_);
}
Node Node::prev_named_sibling() const {
  return is_null() ? Node() : Node(ts_node_prev_named_sibling(node_), text_);
}

Node Node::named_descendant_for_range(uint32_t start, uint32_t end) const {
  if (is_null() || start > this->end()) return {};
  return Node(ts_node_named_descendant_for_byte_range(node_, start, end), text_);
}

std::string Node::to_sexp() const {
  if (is_null()) return {};
  char* s = ts_node_string(node_);
  std::string out(s);
  std::free(s);
  return out;
}

bool Node::operator==(const Node& other) const {
  if (is_null() || other.is_null()) return is_null() == other.is_null();
  return ts_node_eq(node_, other.node_);
}

// ---- SyntaxTree ----------------------------------------------------------------------------

void TreeDeleter::operator()(TSTree* tree) const { ts_tree_delete(tree); }

SyntaxTree SyntaxTree::parse(std::string text) {
  auto owned = std::make_unique<std::string>(std::move(text));
  TreePtr tree = parse_text(*owned, nullptr);
  return SyntaxTree(std::move(owned), std::move(tree));
}

SyntaxTree::SyntaxTree(const SyntaxTree& other)
    : text_(std::make_unique<std::string>(*other.text_)), tree_(ts_tree_copy(other.tree_.get())) {}

SyntaxTree& SyntaxTree::operator=(const SyntaxTree& other) {
  if (this == &other) return *this;
  text_ = std::make_unique<std::string>(*other.text_);
  tree_.reset(ts_tree_copy(other.tree_.get()));
  return *this;
}

Node SyntaxTree::root() const { return Node(ts_tree_root_node(tree_.get()), text_.get()); }

bool SyntaxTree::has_errors() const { return ts_node_has_error(ts_tree_root_node(tree_.get())); }

std::vector<TextRange> SyntaxTree::replace(TextRange old_range, std::string_view replacement) {
  uint32_t size = static_cast<uint32_t>(text_->size());
  uint32_t start = std::min(old_range.start, size);
  uint32_t old_end = std::clamp(old_range.end, start, size);
  // Points from one scan of the prefix, then only the replaced and inserted bytes: an edit
  // costs little more than tree-sitter's own reparse even in a large file.
  TSInputEdit input_edit;
  input_edit.start_byte = start;
  input_edit.old_end_byte = old_end;
  input_edit.new_end_byte = start + static_cast<uint32_t>(replacement.size());
  input_edit.start_point = point_at(*text_, start);
  input_edit.old_end_point =
      advance_point(input_edit.start_point, std::string_view(*text_).substr(start, old_end - start));
  input_edit.new_end_point = advance_point(input_edit.start_point, replacement);
  text_->replace(start, old_end - start, replacement);
  return reparse(input_edit);
}

std::vector<TextRange> SyntaxTree::edit(uint32_t start, uint32_t old_end, uint32_t new_end,
                                        std::string new_text) {
  const std::string& old_text = *text_;
  bool consistent = start <= old_end && old_end <= old_text.size() && start <= new_end &&
                    new_end <= new_text.size() &&
                    old_text.size() - old_end == new_text.size() - new_end;
  if (!consistent) {
    *text_ = std::move(new_text);
    tree_ = parse_text(*text_, nullptr);
    return {TextRange{0, static_cast<uint32_t>(text_->size())}};
  }
  TSInputEdit input_edit;
  input_edit.start_byte = start;
  input_edit.old_end_byte = old_end;
  input_edit.new_end_byte = new_end;
  input_edit.start_point = point_at(old_text, start);
  input_edit.old_end_point = point_at(old_text, old_end);
  input_edit.new_end_point = point_at(new_text, new_end);
  *text_ = std::move(new_text);
  return reparse(input_edit);
}

std::vector<TextRange> SyntaxTree::reparse(const TSInputEdit& input_edit) {
  ts_tree_edit(tree_.get(), &input_edit);
  TreePtr new_tree = parse_text(*text_, tree_.get());
  uint32_t count = 0;
  TSRange* ranges = ts_tree_get_changed_ranges(tree_.get(), new_tree.get(), &count);
  std::vector<TextRange> changed;
  changed.reserve(count);
  for (uint32_t i = 0; i < count; ++i) changed.push_back({ranges[i].start_byte, ranges[i].end_byte});
  std::free(ranges);
  tree_ = std::move(new_tree);
  return changed;
}

}  // namespace zen::syntax
