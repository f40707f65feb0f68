// The ZModel formatter: walks the tree-sitter tree of a file and re-emits its tokens with
// normalised whitespace, aligning the fields of each block in columns.
//
// Conventions (mirroring ZenStack's zmodel-formatter.ts and prisma-fmt):
// - every token of the tree is emitted exactly once and in order; only whitespace changes;
// - a "row" is one member of a block body (field, enum value, config field, model attribute)
//   or a comment on its own line; rows are separated by newlines, and a blank line in the
//   input (one or more) becomes exactly one blank line;
// - alignment groups are runs of rows without a blank line between them (comment rows do not
//   break a group), as prisma-fmt does;
// - a member written over several lines, or with a comment inside it, is emitted verbatim
//   and re-indented, since joining it would move the comment or the user's line breaks.
#include "ide/format.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <string>
#include <vector>

#include "syntax/parse.h"
#include "syntax/syntax_error.h"

namespace zen::ide {
namespace {

std::string_view type_of(TSNode n) { return ts_node_type(n); }

bool is_comment_type(std::string_view t) { return t == "comment" || t == "doc_comment"; }
bool is_comment(TSNode n) { return is_comment_type(type_of(n)); }

/// A token: a leaf of the tree, or a named node printed as one unit (strings, comments,
/// attribute names, ...), with the context the spacing rules need.
struct Tok {
  std::string_view type;
  std::string_view parent;  // type of the node containing it
  uint32_t start = 0, end = 0;
  uint32_t row_start = 0, row_end = 0;
  bool named = false;
  bool comment = false;
};

// Nodes whose text is printed as written, without looking inside.
bool is_atomic(std::string_view t) {
  return t == "string" || t == "number" || t == "comment" || t == "doc_comment" ||
         t == "attribute_name" || t == "builtin_type" || t == "identifier" || t == "boolean" ||
         t == "null" || t == "this" || t == "optional_suffix" ||
         t == "positional_marker" || t == "expression_type";
}

void flatten(TSNode node, std::string_view parent, std::vector<Tok>& out) {
  uint32_t n = ts_node_child_count(node);
  std::string_view t = type_of(node);
  if (n == 0 || is_atomic(t)) {
    if (ts_node_start_byte(node) == ts_node_end_byte(node)) return;  // zero-width (MISSING)
    Tok tok;
    tok.type = t;
    tok.parent = parent;
    tok.start = ts_node_start_byte(node);
    tok.end = ts_node_end_byte(node);
    tok.row_start = ts_node_start_point(node).row;
    tok.row_end = ts_node_end_point(node).row;
    tok.named = ts_node_is_named(node);
    tok.comment = is_comment_type(t);
    out.push_back(tok);
    return;
  }
  for (uint32_t i = 0; i < n; ++i) flatten(ts_node_child(node, i), t, out);
}

bool is_collection_op(const Tok& t) {
  if (t.parent != "collection_predicate" || t.named) return false;
  return t.type == "?" || t.type == "!" || t.type == "^" || t.type == "[" || t.type == "?[" ||
         t.type == "![" || t.type == "^[";
}

bool is_suffix(const Tok& t) {
  return t.type == "list_suffix" || t.type == "optional_suffix" || t.parent == "list_suffix" ||
         t.parent == "optional_suffix";
}

/// Whether one space separates `a` and `b` when they are printed on one line.
bool space_between(const Tok& a, const Tok& b) {
  if (b.type == "," || b.type == ")" || b.type == "]" || b.type == "." || b.type == ":" ||
      b.type == ";")
    return false;
  if (a.type == "(" || a.type == "[" || a.type == ".") return false;
  if (is_suffix(b)) return false;
  if (is_collection_op(b) && b.type != "]") return false;
  if (is_collection_op(a)) {
    // `items?[x` : nothing after the operator; `?` `[` may be two tokens.
    return false;
  }
  if (a.type == "!" && a.parent == "unary_expression") return false;
  if (b.type == "(")
    return !(a.type == "identifier" || a.type == "attribute_name" || a.type == "Unsupported" ||
             a.type == ")" || a.parent == "unsupported_type");
  if (a.type == "{") return b.type != "}";
  return true;
}

size_t display_width(std::string_view s) {
  size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}

std::string_view rstrip(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool is_block_decl(TSNode decl) {
  TSNode body = ts_node_child_by_field_name(decl, "body", 4);
  if (ts_node_is_null(body)) return false;
  std::string_view bt = type_of(body);
  return bt == "model_body" || bt == "enum_body" || bt == "config_block";
}

class Formatter {
 public:
  Formatter(std::string_view text, const FormatOptions& options) : src_(text), opt_(options) {
    line_starts_.push_back(0);
    for (uint32_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }

  std::string run(TSNode root);

 private:
  enum class RowKind { Comment, Field, EnumValue, Config, Other, Verbatim };
  struct Row {
    RowKind kind = RowKind::Other;
    std::vector<std::string> cells;
    std::string comment;  // a trailing comment on the same line
    bool blank_before = false;
    uint32_t row_end = 0;  // last input row the row covers (to attach trailing comments)
  };

  std::string_view text(const Tok& t) const { return src_.substr(t.start, t.end - t.start); }
  std::string_view text(TSNode n) const {
    return src_.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
  }
  uint32_t column(uint32_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return offset - *(it - 1);
  }

  std::string join(const std::vector<Tok>& toks, size_t from, size_t to, bool compact) const {
    std::string out;
    for (size_t i = from; i < to; ++i) {
      if (i > from && !compact && space_between(toks[i - 1], toks[i])) out += ' ';
      out += comment_text(toks[i]);
    }
    return out;
  }
  std::string join(const std::vector<Tok>& toks, bool compact = false) const {
    return join(toks, 0, toks.size(), compact);
  }
  std::string comment_text(const Tok& t) const {
    std::string_view s = text(t);
    if (t.comment) s = rstrip(s);
    return std::string(s);
  }

  /// The source text of [start, end) moved from column `from_col` to `to_col`: continuation
  /// lines shift by the same amount, trailing whitespace goes. Left alone when a string spans
  /// lines (its text must not change).
  std::string reindent(uint32_t start, uint32_t end, uint32_t to_col, bool has_multiline_string) const {
    std::string_view s = src_.substr(start, end - start);
    if (has_multiline_string) return std::string(s);
    long delta = static_cast<long>(to_col) - static_cast<long>(column(start));
    std::string out;
    size_t pos = 0;
    bool first = true;
    while (pos <= s.size()) {
      size_t nl = s.find('\n', pos);
      std::string_view line = s.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      line = rstrip(line);
      if (!first) {
        out += '\n';
        if (!line.empty()) {
          if (delta > 0) {
            out.append(static_cast<size_t>(delta), ' ');
          } else {
            size_t drop = 0;
            while (drop < static_cast<size_t>(-delta) && drop < line.size() && line[drop] == ' ') ++drop;
            line.remove_prefix(drop);
          }
        }
      }
      out += line;
      first = false;
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
    return out;
  }

  bool has_multiline_string(const std::vector<Tok>& toks) const {
    for (const auto& t : toks)
      if (!t.comment && t.row_start != t.row_end) return true;
    return false;
  }

  // Emits the comment tokens in `toks` (leading or trailing extras) as comment rows.
  void add_comment(std::vector<Row>& rows, const Tok& c, uint32_t& prev_row, bool& have_prev,
                   uint32_t indent_col);

  /// Adds a member (a node in a body, or a top-level declaration without a body) as a row.
  void add_member(std::vector<Row>& rows, TSNode node, RowKind kind, uint32_t& prev_row,
                  bool& have_prev, uint32_t indent_col);

  void layout_rows(std::vector<Row>& rows, uint32_t indent_col, std::string& out) const;

  void format_block_decl(TSNode decl, TSNode body, std::vector<Row>& top,
                         uint32_t& prev_row, bool& have_prev);

  std::string_view src_;
  FormatOptions opt_;
  std::vector<uint32_t> line_starts_;
};

void Formatter::add_comment(std::vector<Row>& rows, const Tok& c, uint32_t& prev_row,
                            bool& have_prev, uint32_t indent_col) {
  std::string body = reindent(c.start, c.end, indent_col, false);
  if (have_prev && c.row_start == prev_row && !rows.empty()) {
    Row& last = rows.back();
    if (!last.comment.empty()) last.comment += ' ';
    last.comment += body;
    last.row_end = c.row_end;
    prev_row = c.row_end;
    return;
  }
  Row r;
  r.kind = RowKind::Comment;
  r.cells.push_back(std::move(body));
  r.blank_before = have_prev && c.row_start > prev_row + 1;
  r.row_end = c.row_end;
  rows.push_back(std::move(r));
  prev_row = c.row_end;
  have_prev = true;
}

void Formatter::add_member(std::vector<Row>& rows, TSNode node, RowKind kind, uint32_t& prev_row,
                           bool& have_prev, uint32_t indent_col) {
  std::vector<Tok> toks;
  flatten(node, type_of(ts_node_parent(node)), toks);
  size_t first = 0, last = toks.size();
  while (first < last && toks[first].comment) add_comment(rows, toks[first++], prev_row, have_prev, indent_col);
  while (last > first && toks[last - 1].comment) --last;
  if (first < last) {
    Row r;
    r.kind = kind;
    r.blank_before = have_prev && toks[first].row_start > prev_row + 1;
    r.row_end = toks[last - 1].row_end;
    std::vector<Tok> core(toks.begin() + first, toks.begin() + last);
    bool inner_comment = std::any_of(core.begin(), core.end(), [](const Tok& t) { return t.comment; });
    bool multiline = core.front().row_start != core.back().row_end;
    if (inner_comment || multiline) {
      r.kind = RowKind::Verbatim;
      r.cells.push_back(reindent(core.front().start, core.back().end, indent_col, has_multiline_string(core)));
    } else if (kind == RowKind::Field || kind == RowKind::EnumValue || kind == RowKind::Config) {
      // Split into cells by the member's direct children.
      TSNode name = ts_node_child_by_field_name(node, "name", 4);
      if (ts_node_is_null(name)) {
        r.kind = RowKind::Other;
        r.cells.push_back(join(core));
      } else {
        uint32_t name_end = ts_node_end_byte(name);
        // A computed field's parameters, `total(scale: Int)`, belong to the name column.
        TSNode params = ts_node_child_by_field_name(node, "parameters", 10);
        if (!ts_node_is_null(params)) name_end = ts_node_end_byte(params);
        size_t i = 0;
        std::vector<Tok> head;
        while (i < core.size() && core[i].end <= name_end) head.push_back(core[i++]);
        r.cells.push_back(join(head));
        if (kind == RowKind::Field) {
          TSNode type = ts_node_child_by_field_name(node, "type", 4);
          uint32_t type_end = ts_node_is_null(type) ? name_end : ts_node_end_byte(type);
          std::vector<Tok> ty;
          while (i < core.size() && core[i].end <= type_end) ty.push_back(core[i++]);
          r.cells.push_back(join(ty, /*compact=*/true));
        }
        if (kind == RowKind::Config) {
          std::vector<Tok> rest(core.begin() + i, core.end());
          r.cells.push_back(join(rest));
        } else {
          // One cell per attribute: split the rest at each attribute_name token.
          std::vector<Tok> cur;
          for (; i < core.size(); ++i) {
            if (core[i].type == "attribute_name" && !cur.empty()) {
              r.cells.push_back(join(cur));
              cur.clear();
            }
            cur.push_back(core[i]);
          }
          if (!cur.empty()) r.cells.push_back(join(cur));
        }
      }
    } else {
      r.cells.push_back(join(core));
    }
    rows.push_back(std::move(r));
    prev_row = core.back().row_end;
    have_prev = true;
  }
  for (size_t i = last; i < toks.size(); ++i) add_comment(rows, toks[i], prev_row, have_prev, indent_col);
}

void Formatter::layout_rows(std::vector<Row>& rows, uint32_t indent_col, std::string& out) const {
  std::string pad(indent_col, ' ');
  size_t i = 0;
  while (i < rows.size()) {
    // An alignment group: rows up to the next blank line.
    size_t j = i + 1;
    while (j < rows.size() && !rows[j].blank_before) ++j;
    size_t name_w = 0, type_w = 0;
    for (size_t k = i; k < j; ++k) {
      const Row& r = rows[k];
      if (r.kind == RowKind::Field || r.kind == RowKind::EnumValue || r.kind == RowKind::Config)
        name_w = std::max(name_w, display_width(r.cells[0]));
      if (r.kind == RowKind::Field && r.cells.size() > 1) type_w = std::max(type_w, display_width(r.cells[1]));
    }
    for (size_t k = i; k < j; ++k) {
      const Row& r = rows[k];
      if (k > 0 && r.blank_before) out += '\n';
      std::string line = pad;
      auto cell = [&](const std::string& s, size_t width, bool more) {
        line += s;
        if (more) line.append(width > display_width(s) ? width - display_width(s) + 1 : 1, ' ');
      };
      switch (r.kind) {
        case RowKind::Field: {
          size_t n = r.cells.size();
          cell(r.cells[0], name_w, n > 1);
          if (n > 1) cell(r.cells[1], type_w, n > 2);
          for (size_t c = 2; c < n; ++c) cell(r.cells[c], 0, c + 1 < n);
          break;
        }
        case RowKind::EnumValue:
        case RowKind::Config: {
          size_t n = r.cells.size();
          cell(r.cells[0], name_w, n > 1);
          for (size_t c = 1; c < n; ++c) cell(r.cells[c], 0, c + 1 < n);
          break;
        }
        default:
          for (size_t c = 0; c < r.cells.size(); ++c) cell(r.cells[c], 0, c + 1 < r.cells.size());
      }
      if (!r.comment.empty()) line += ' ' + r.comment;
      out += rstrip(line);
      out += '\n';
    }
    i = j;
  }
}

void Formatter::format_block_decl(TSNode decl, TSNode body, std::vector<Row>& top,
                                  uint32_t& prev_row, bool& have_prev) {
  // Header tokens: everything of `decl` before the body.
  std::vector<Tok> toks;
  flatten(decl, "schema", toks);
  uint32_t body_start = ts_node_start_byte(body), body_end = ts_node_end_byte(body);
  size_t first = 0;
  while (first < toks.size() && toks[first].comment) add_comment(top, toks[first++], prev_row, have_prev, 0);
  size_t hdr_end = first;
  while (hdr_end < toks.size() && toks[hdr_end].start < body_start) ++hdr_end;
  size_t last = toks.size();
  while (last > hdr_end && toks[last - 1].comment && toks[last - 1].start >= body_end) --last;
  bool header_comment = false;
  for (size_t i = first; i < hdr_end; ++i) header_comment |= toks[i].comment;
  if (first >= hdr_end) return;

  Row head;
  head.kind = RowKind::Other;
  head.blank_before = have_prev && toks[first].row_start > prev_row + 1;
  if (header_comment) {
    // Too unusual to reflow: keep the whole declaration as written.
    head.kind = RowKind::Verbatim;
    std::vector<Tok> core(toks.begin() + first, toks.begin() + last);
    head.cells.push_back(reindent(core.front().start, core.back().end, 0, has_multiline_string(core)));
    head.row_end = core.back().row_end;
    top.push_back(std::move(head));
    prev_row = toks[last - 1].row_end;
    have_prev = true;
    for (size_t i = last; i < toks.size(); ++i) add_comment(top, toks[i], prev_row, have_prev, 0);
    return;
  }

  // The body: `{`, members, `}`.
  std::vector<Row> rows;
  uint32_t open_row = ts_node_start_point(body).row;
  uint32_t inner_prev = open_row;
  bool inner_have = true;
  std::string header = join(toks, first, hdr_end, false);
  uint32_t n = ts_node_child_count(body);
  TSNode close = {};
  bool has_close = false;
  std::string open_comment;
  std::vector<Row> body_rows;
  RowKind member_kind = RowKind::Other;
  std::string_view bt = type_of(body);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_child(body, i);
    std::string_view ct = type_of(c);
    if (!ts_node_is_named(c) && ct == "{") continue;
    if (!ts_node_is_named(c) && ct == "}") {
      close = c;
      has_close = true;
      continue;
    }
    uint32_t indent = opt_.indent;
    if (is_comment(c)) {
      Tok t;
      t.type = ct;
      t.start = ts_node_start_byte(c);
      t.end = ts_node_end_byte(c);
      t.row_start = ts_node_start_point(c).row;
      t.row_end = ts_node_end_point(c).row;
      t.comment = true;
      if (body_rows.empty() && t.row_start == open_row && t.row_start == inner_prev) {
        if (!open_comment.empty()) open_comment += ' ';
        open_comment += comment_text(t);
        inner_prev = t.row_end;
        continue;
      }
      add_comment(body_rows, t, inner_prev, inner_have, indent);
      continue;
    }
    member_kind = RowKind::Other;
    if (ct == "data_field") member_kind = RowKind::Field;
    else if (ct == "enum_field") member_kind = RowKind::EnumValue;
    else if (ct == "config_field") member_kind = RowKind::Config;
    (void)bt;
    add_member(body_rows, c, member_kind, inner_prev, inner_have, indent);
  }
  if (!body_rows.empty()) body_rows.front().blank_before = false;

  std::string block = header + " {";
  if (!open_comment.empty()) block += " " + open_comment;
  block += '\n';
  layout_rows(body_rows, opt_.indent, block);
  block += '}';
  head.cells.push_back(std::move(block));
  head.row_end = has_close ? ts_node_end_point(close).row : ts_node_end_point(body).row;
  top.push_back(std::move(head));
  prev_row = top.back().row_end;
  have_prev = true;
  // Comments after `}` that tree-sitter kept inside the declaration.
  for (size_t i = last; i < toks.size(); ++i) add_comment(top, toks[i], prev_row, have_prev, 0);
}

std::string Formatter::run(TSNode root) {
  std::vector<Row> top;
  std::vector<bool> is_decl;  // parallel to `top` after each push: is the row a declaration?
  std::vector<bool> is_oneline;  // ...a declaration without a `{ }` body?
  uint32_t prev_row = 0;
  bool have_prev = false;
  uint32_t n = ts_node_child_count(root);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_child(root, i);
    size_t before = top.size();
    if (is_comment(c)) {
      Tok t;
      t.type = type_of(c);
      t.start = ts_node_start_byte(c);
      t.end = ts_node_end_byte(c);
      t.row_start = ts_node_start_point(c).row;
      t.row_end = ts_node_end_point(c).row;
      t.comment = true;
      add_comment(top, t, prev_row, have_prev, 0);
    } else {
      TSNode body = ts_node_child_by_field_name(c, "body", 4);
      std::string_view bt = ts_node_is_null(body) ? std::string_view() : type_of(body);
      if (bt == "model_body" || bt == "enum_body" || bt == "config_block")
        format_block_decl(c, body, top, prev_row, have_prev);
      else
        add_member(top, c, RowKind::Other, prev_row, have_prev, 0);
    }
    // Mark the rows this child produced: the declaration row is the first non-comment one.
    bool decl_marked = false;
    for (size_t k = before; k < top.size(); ++k) {
      bool d = !decl_marked && top[k].kind != RowKind::Comment;
      decl_marked |= d;
      is_decl.push_back(d);
      is_oneline.push_back(d && !is_block_decl(c));
    }
  }
  // Block declarations are followed by a blank line (Prisma inserts one); one-line declarations
  // (imports, attribute and function declarations) keep the blank lines they had.
  for (size_t k = 1; k < top.size(); ++k)
    if (is_decl[k - 1] && !is_oneline[k - 1]) top[k].blank_before = true;
  if (!top.empty()) top.front().blank_before = false;
  std::string out;
  for (size_t k = 0; k < top.size(); ++k) {
    if (k > 0 && top[k].blank_before) out += '\n';
    out += top[k].cells.empty() ? std::string() : top[k].cells[0];
    if (!top[k].comment.empty()) out += ' ' + top[k].comment;
    out += '\n';
  }
  return out;
}

}  // namespace

uint32_t default_indent_for(std::string_view path) {
  constexpr std::string_view kPrisma = ".prisma";
  if (path.size() >= kPrisma.size() && path.substr(path.size() - kPrisma.size()) == kPrisma) return 2;
  return 4;
}

FormatResult format_document(std::string_view path, std::string_view text, const FormatOptions& options) {
  FormatResult result;
  syntax::SyntaxTree tree = syntax::SyntaxTree::parse(std::string(text));
  if (tree.has_errors()) {
    result.errors = syntax::syntax_diagnostics(tree, path);
    return result;
  }
  Formatter f(tree.text(), options);
  result.text = f.run(tree.root().raw());
  return result;
}

}  // namespace zen::ide
