// Turns tree-sitter's ERROR and MISSING nodes into messages a person can act on. The message
// depends on where the problem is: the kind of the enclosing node and the field the missing
// node was meant to fill.
#include "syntax/syntax_error.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <optional>

namespace zen::syntax {

namespace {

constexpr size_t kMaxTokenChars = 24;

// Shortens a token for a message and keeps it on one line.
std::string quote_token(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r') break;
    out += c;
  }
  if (out.size() > kMaxTokenChars) out = out.substr(0, kMaxTokenChars) + "…";
  return "`" + out + "`";
}

// What a node kind is called in messages ("a model name", "an expression").
std::string describe_missing(std::string_view kind, std::string_view parent,
                             std::string_view field) {
  if (field == "name") {
    if (parent == "data_model") return "expected a model name";
    if (parent == "type_def") return "expected a type name";
    if (parent == "enum_declaration") return "expected an enum name";
    if (parent == "datasource_declaration") return "expected a datasource name";
    if (parent == "generator_declaration") return "expected a generator name";
    if (parent == "plugin_declaration") return "expected a plugin name";
    if (parent == "function_declaration") return "expected a function name";
    if (parent == "procedure_declaration") return "expected a procedure name";
    if (parent == "attribute_declaration") return "expected an attribute name such as `@name`";
    if (parent == "data_field") return "expected a field name";
    if (parent == "enum_field") return "expected an enum value";
    if (parent == "config_field") return "expected a setting name";
    if (parent == "function_parameter" || parent == "attribute_parameter")
      return "expected a parameter name";
    if (parent == "argument") return "expected an argument name";
    return "expected a name";
  }
  if (field == "base" && parent == "field_type")
    return "expected a field type such as `String`, `Int` or a model name";
  if (field == "base" || field == "type" || field == "return_type") return "expected a type";
  if (field == "path") return "expected the imported file's path as a string";
  if (field == "value" && parent == "config_field") return "expected a value";
  if (field == "value" && parent == "unsupported_type")
    return "expected the database type as a string, like `Unsupported(\"xml\")`";
  if (field == "property") return "expected a field name after `.`";
  if (field == "body" && (parent == "data_model" || parent == "type_def"))
    return "expected `{` to start the body";
  if (field == "value" || field == "left" || field == "right" || field == "operand" ||
      field == "condition" || field == "collection" || field == "object")
    return "expected an expression";
  if (kind == "identifier") return "expected a name";
  if (kind == "string") return "expected a string";
  if (kind == "number") return "expected a number";
  if (kind == "attribute_name") return "expected an attribute name";
  return "expected " + std::string(kind);
}

// `parent` and `grandparent` come from the walk: tree-sitter's own parent lookup is
// unreliable for zero-width (missing) nodes.
std::string missing_message(Node node, Node parent, Node grandparent, std::string_view field) {
  std::string_view kind = node.kind();
  if (!node.is_named()) return "missing `" + std::string(kind) + "`";
  if (parent.kind() == "field_type" && field == "base") {
    Node name = grandparent.child_by_field("name");
    if (!name.is_null() && !name.is_missing()) {
      return "field " + quote_token(name.text()) +
             " has no type; expected a field type such as `String`, `Int` or a model name";
    }
  }
  return describe_missing(kind, parent.kind(), field);
}

// The first token (leaf) inside an ERROR node; null if the node has no children.
Node first_leaf(Node node) {
  while (node.child_count() > 0) node = node.child(0);
  return node;
}

// The offset of a quote in [start, end) that is still open at the end of its line: strings
// cannot span lines, so the lexer gives up on them there.
std::optional<uint32_t> unterminated_quote(std::string_view source, uint32_t start,
                                           uint32_t end) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(source.size()));
  std::optional<uint32_t> open;
  for (uint32_t i = start; i < end; ++i) {
    char c = source[i];
    if (c == '\n') {
      if (open) return open;
      continue;
    }
    if (open) {
      if (c == '\\') ++i;
      else if (c == source[*open]) open.reset();
      continue;
    }
    if (c == '"' || c == '\'') open = i;
  }
  if (open) {
    // The ERROR may stop before the end of the line; look at the rest of it.
    for (uint32_t i = end; i < source.size() && source[i] != '\n'; ++i) {
      if (source[i] == '\\') ++i;
      else if (source[i] == source[*open]) return std::nullopt;
    }
  }
  return open;
}

// What may appear at the place of an ERROR node, by its parent's kind.
std::string_view expectation(std::string_view parent) {
  if (parent.empty() || parent == "schema" || parent == "ERROR")
    return "expected a declaration such as `model`, `enum`, `type` or `datasource`";
  if (parent == "model_body") return "expected a field or a `@@` attribute";
  if (parent == "enum_body") return "expected an enum value or a `@@` attribute";
  if (parent == "config_block") return "expected a setting like `name = value`";
  if (parent == "argument_list") return "expected an argument";
  if (parent == "array_expression") return "expected an array element or `]`";
  if (parent == "object_expression") return "expected a field like `key: value`";
  if (parent == "data_field") return "expected a field attribute such as `@id`";
  if (parent == "field_type") return "expected a field type";
  return {};
}

SyntaxError error_node_error(Node error, Node parent, std::string_view source) {
  std::string_view parent_kind = parent.kind();
  Node leaf = first_leaf(error);
  TextRange range = leaf.range();
  std::string_view token = leaf.text();
  if (leaf == error) {
    // An ERROR without children holds characters no token matches: show up to the next
    // space.
    std::string_view rest = source.substr(std::min<size_t>(error.start(), source.size()));
    size_t n = 0;
    while (n < rest.size() && n < error.end() - error.start() &&
           !std::isspace(static_cast<unsigned char>(rest[n])))
      ++n;
    if (n == 0) n = std::min<size_t>(1, rest.size());
    token = rest.substr(0, n);
    range = TextRange{error.start(), error.start() + static_cast<uint32_t>(n)};
  }
  if (auto quote = unterminated_quote(source, error.start(), error.end())) {
    return {TextRange{*quote, *quote + 1}, std::string("unterminated string; close it with ") +
                                               source[*quote] + " on the same line"};
  }
  // A lone name in a model body is a field without a type.
  if (parent_kind == "model_body" && error.named_child_count() == 1 &&
      error.named_child(0).kind() == "identifier" && error.child_count() == 1) {
    return {range, "field " + quote_token(token) +
                       " has no type; expected a field type such as `String`, `Int` or a "
                       "model name"};
  }
  // Habits from other languages get a message that names the fix.
  bool in_model = parent_kind == "model_body" || parent_kind == "data_field";
  bool in_enum = parent_kind == "enum_body" || parent_kind == "enum_field";
  if (token == "," && in_model)
    return {range, "unexpected `,`; fields are separated by line breaks, not commas"};
  if (token == "," && in_enum)
    return {range, "unexpected `,`; enum values are separated by line breaks, not commas"};
  if (token == ":" && in_model)
    return {range, "unexpected `:`; write a field as `name Type`, without a colon"};
  if (parent_kind == "config_block") {
    for (const Node& c : error.children()) {
      if (c.kind() != ":") continue;
      return {c.range(), "unexpected `:`; settings are written `name = value`"};
    }
  }
  if (!token.empty() && token.find_first_not_of('@') == std::string_view::npos)
    return {range, "expected an attribute name after " + quote_token(token)};
  std::string message = "unexpected " + quote_token(token);
  std::string_view hint = expectation(parent_kind);
  if (!hint.empty()) message += ", " + std::string(hint);
  return {range, message};
}

// Start of the gap before `offset`: a missing token belongs right after the previous token,
// not at the start of the next line.
uint32_t skip_back_whitespace(std::string_view text, uint32_t offset) {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  while (offset > 0 && std::isspace(static_cast<unsigned char>(text[offset - 1]))) --offset;
  return offset;
}

struct Walk {
  std::string_view source;
  std::vector<SyntaxError>& out;
};

// Visits the children of `node` (whose parent is `parent`) that contain errors.
void collect_children(Walk& walk, Node node, Node parent) {
  TSTreeCursor cursor = ts_tree_cursor_new(node.raw());
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      Node child(ts_tree_cursor_current_node(&cursor), node.source());
      if (child.is_missing()) {
        const char* field = ts_tree_cursor_current_field_name(&cursor);
        uint32_t at = skip_back_whitespace(walk.source, child.start());
        walk.out.push_back(
            {TextRange{at, at}, missing_message(child, node, parent, field ? field : "")});
      } else if (child.is_error()) {
        // One message per skipped region: what follows inside it is noise.
        walk.out.push_back(error_node_error(child, node, walk.source));
      } else if (child.has_error()) {
        collect_children(walk, child, node);
      }
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

// Strings parse cleanly even when unterminated (the grammar ends them at the end of the
// line), so they are found by a scan of the text that skips comments the way the lexer does.
// Quotes appear nowhere else in ZModel, and a scan is far cheaper than walking every node.
//
// Strings and line comments end at their line's end, so at every line start the scan is either
// in its normal state or inside a block comment; StringScan::update relies on that to rescan
// only a few lines. The scan starts at `i` (0 or a line start), inside the block comment opened
// at `open_comment` when given, and stops at the end of the text or at the first line start at
// or after `stop_from` (in the normal state) where `can_stop` agrees.
constexpr uint32_t kUnclosed = UINT32_MAX;

template <class CanStop>
size_t scan_strings(std::string_view text, size_t i, std::optional<uint32_t> open_comment, size_t stop_from,
                    CanStop&& can_stop, std::vector<SyntaxError>& out, std::vector<TextRange>& comments) {
  const size_t n = text.size();
  auto skip_comment = [&](size_t open, size_t from) {
    size_t close = text.find("*/", from);
    comments.push_back({static_cast<uint32_t>(open), close == std::string_view::npos ? kUnclosed
                                                                                   : static_cast<uint32_t>(close + 2)});
    return close == std::string_view::npos ? n : close + 2;
  };
  if (open_comment) i = skip_comment(*open_comment, i);
  while (i < n) {
    if (i >= stop_from && text[i - 1] == '\n' && can_stop(i)) return i;
    char c = text[i];
    if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      size_t nl = text.find('\n', i);
      i = nl == std::string_view::npos ? n : nl + 1;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      i = skip_comment(i, i + 2);
      continue;
    }
    if (c != '"' && c != '\'') {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && text[j] != c && text[j] != '\n') j += text[j] == '\\' && j + 1 < n && text[j + 1] != '\n' ? 2 : 1;
    if (j < n && text[j] == c) {
      i = j + 1;
      continue;
    }
    size_t end = j;
    if (end > i && text[end - 1] == '\r') --end;
    out.push_back({TextRange{static_cast<uint32_t>(i), static_cast<uint32_t>(end)},
                   std::string("unterminated string; close it with ") + c + " on the same line"});
    i = j;
  }
  return n;
}

}  // namespace

std::vector<SyntaxError> unterminated_strings(std::string_view text) {
  std::vector<SyntaxError> out;
  std::vector<TextRange> comments;
  scan_strings(text, 0, std::nullopt, SIZE_MAX, [](size_t) { return false; }, out, comments);
  return out;
}

StringScan::StringScan(std::string_view text) {
  scan_strings(text, 0, std::nullopt, SIZE_MAX, [](size_t) { return false; }, errors_, comments_);
}

void StringScan::update(std::string_view text, uint32_t start, uint32_t old_end, uint32_t new_end) {
  const int64_t delta = static_cast<int64_t>(new_end) - static_cast<int64_t>(old_end);
  // The text before `start` did not change: the previous scan's state at the start of the
  // edited line holds, and so do its results before that line.
  size_t line = std::min<size_t>(start, text.size());
  while (line > 0 && text[line - 1] != '\n') --line;
  auto by_start = [](const TextRange& r, size_t pos) { return r.start < pos; };
  size_t kept_comments =
      static_cast<size_t>(std::lower_bound(comments_.begin(), comments_.end(), line, by_start) - comments_.begin());
  std::optional<uint32_t> open;
  if (kept_comments > 0 && comments_[kept_comments - 1].end > line) open = comments_[--kept_comments].start;
  size_t kept_errors = static_cast<size_t>(
      std::lower_bound(errors_.begin(), errors_.end(), line,
                       [](const SyntaxError& e, size_t pos) { return e.range.start < pos; }) -
      errors_.begin());
  // Back in step at a line start after the edit that was outside block comments before too:
  // from there on both texts and both scans are the same, shifted by `delta`.
  auto was_normal = [&](size_t pos) {
    size_t old_pos = static_cast<size_t>(static_cast<int64_t>(pos) - delta);
    auto it = std::lower_bound(comments_.begin(), comments_.end(), old_pos, by_start);
    return it == comments_.begin() || std::prev(it)->end <= old_pos;
  };
  std::vector<SyntaxError> errors(std::make_move_iterator(errors_.begin()),
                                  std::make_move_iterator(errors_.begin() + static_cast<ptrdiff_t>(kept_errors)));
  std::vector<TextRange> comments(comments_.begin(), comments_.begin() + static_cast<ptrdiff_t>(kept_comments));
  size_t stop = scan_strings(text, line, open, size_t{new_end} + 1, was_normal, errors, comments);
  if (stop < text.size()) {
    size_t old_stop = static_cast<size_t>(static_cast<int64_t>(stop) - delta);
    auto shift = [&](uint32_t pos) { return static_cast<uint32_t>(static_cast<int64_t>(pos) + delta); };
    for (SyntaxError& e : errors_) {
      if (e.range.start < old_stop) continue;
      e.range = TextRange{shift(e.range.start), shift(e.range.end)};
      errors.push_back(std::move(e));
    }
    for (const TextRange& c : comments_) {
      if (c.start < old_stop) continue;
      comments.push_back({shift(c.start), c.end == kUnclosed ? kUnclosed : shift(c.end)});
    }
  }
  errors_ = std::move(errors);
  comments_ = std::move(comments);
}

std::vector<SyntaxError> syntax_errors(const SyntaxTree& tree) {
  return syntax_errors(tree, unterminated_strings(tree.text()));
}

std::vector<SyntaxError> syntax_errors(const SyntaxTree& tree, const std::vector<SyntaxError>& strings) {
  std::vector<SyntaxError> out = strings;
  Node root = tree.root();
  if (!root.has_error()) return out;
  Walk walk{tree.text(), out};
  // When nothing parsed as a schema the root itself is the ERROR node.
  if (root.is_error()) out.push_back(error_node_error(root, Node(), tree.text()));
  collect_children(walk, root, Node());
  std::stable_sort(out.begin(), out.end(), [](const SyntaxError& a, const SyntaxError& b) {
    return a.range.start < b.range.start;
  });
  // Two reports at one position say the same thing twice; keep the first.
  out.erase(std::unique(out.begin(), out.end(),
                        [](const SyntaxError& a, const SyntaxError& b) {
                          return a.range.start == b.range.start;
                        }),
            out.end());
  return out;
}

Diagnostic to_diagnostic(const SyntaxError& error, std::string_view path) {
  Diagnostic d;
  d.code = kSyntaxErrorCode;
  d.severity = Severity::Error;
  d.path = std::string(path);
  d.range = error.range;
  d.message = error.message;
  return d;
}

std::vector<Diagnostic> syntax_diagnostics(const SyntaxTree& tree, std::string_view path) {
  std::vector<Diagnostic> out;
  for (const SyntaxError& e : syntax_errors(tree)) out.push_back(to_diagnostic(e, path));
  return out;
}

}  // namespace zen::syntax
