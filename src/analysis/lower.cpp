// Lowers a tree-sitter-zmodel syntax tree into unresolved declarations (see internal/lower.h).
#include <algorithm>
#include <atomic>
#include <string>

#include "analysis/internal/cst.h"
#include "analysis/internal/lower.h"

namespace zen::analysis {

namespace cst {

// Field names are looked up once per name (ts_language_field_id_for_name is a linear search);
// callers pass string literals, so the pointer is a good cache key.
TSFieldId field_id(const char* name) {
  static thread_local std::vector<std::pair<const char*, TSFieldId>> cache;
  for (const auto& [p, id] : cache)
    if (p == name) return id;
  TSFieldId id = ts_language_field_id_for_name(tree_sitter_zmodel(), name, static_cast<uint32_t>(std::strlen(name)));
  cache.emplace_back(name, id);
  return id;
}

}  // namespace cst

void append_doc_line(std::string& doc, std::string_view l) {
  if (l.substr(0, 3) == "///") l.remove_prefix(3);
  if (!l.empty() && l.front() == ' ') l.remove_prefix(1);
  while (!l.empty() && (l.back() == '\r' || l.back() == '\n' || l.back() == ' ')) l.remove_suffix(1);
  if (!doc.empty()) doc += '\n';
  doc += l;
}

namespace {

using cst::field;
using cst::for_each_named;
using cst::kind;
using cst::range;

struct Lowerer {
  std::string_view src;
  FileDecls out;

  std::string_view text(TSNode n) const { return cst::text(n, src); }

  // Docs of the named child being lowered: the `///` comments directly before it among its
  // siblings (tree-sitter moves trailing extras out of the node before them). Collected while
  // iterating the parent, since ts_node_prev_sibling is linear in the number of siblings.

  std::string doc_text(const std::vector<TSNode>& docs) {
    std::string doc;
    for (TSNode d : docs) append_doc_line(doc, text(d));
    return doc;
  }

  uint32_t extent_start_ = 0;

  /// Calls fn(child, docs) for every named child that is not a comment, with the `///`
  /// comments that directly precede it (extent_start_ is where they start); for the top level,
  /// where most declarations are reused after an edit and need neither their doc text nor the
  /// field names.
  template <class Fn>
  void for_each_top_level(TSNode root, Fn&& fn) {
    std::vector<TSNode> docs;
    if (cst::is_null(root) || ts_node_child_count(root) == 0) return;
    TSTreeCursor c = ts_tree_cursor_new(root);
    if (ts_tree_cursor_goto_first_child(&c)) {
      do {
        TSNode ch = ts_tree_cursor_current_node(&c);
        if (!ts_node_is_named(ch)) continue;
        std::string_view k = kind(ch);
        if (k == "doc_comment") {
          docs.push_back(ch);
          continue;
        }
        if (k == "comment") continue;
        extent_start_ = docs.empty() ? ts_node_start_byte(ch) : ts_node_start_byte(docs.front());
        fn(ch, docs);
        docs.clear();
      } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
  }

  /// Calls fn(child, doc) for every named child that is not a comment, with the `///` lines
  /// that directly precede it.
  template <class Fn>
  void for_each_documented(TSNode parent, Fn&& fn) {
    std::vector<TSNode> docs;
    for_each_named(parent, [&](TSNode ch, const char* f) {
      std::string_view k = kind(ch);
      if (k == "doc_comment") {
        docs.push_back(ch);
        return;
      }
      if (k == "comment") return;
      std::string doc = docs.empty() ? std::string() : doc_text(docs);
      extent_start_ = docs.empty() ? ts_node_start_byte(ch) : ts_node_start_byte(docs.front());
      docs.clear();
      fn(ch, std::move(doc), f);
    });
  }

  Expr lower_expr(TSNode n) {
    Expr e;
    e.range = range(n);
    if (cst::is_null(n) || ts_node_is_missing(n)) return e;
    std::string_view k = kind(n);
    if (k == "string") {
      e.kind = ExprKind::String;
      e.text = unquote(text(n));
    } else if (k == "number") {
      e.kind = ExprKind::Number;
      e.text = std::string(text(n));
    } else if (k == "boolean") {
      e.kind = ExprKind::Boolean;
      e.text = std::string(text(n));
    } else if (k == "null") {
      e.kind = ExprKind::Null;
    } else if (k == "this") {
      e.kind = ExprKind::This;
    } else if (k == "identifier") {
      e.kind = ExprKind::Reference;
      e.text = std::string(text(n));
      e.name_range = e.range;
    } else if (k == "member_expression") {
      e.kind = ExprKind::Member;
      e.children.push_back(lower_expr(field(n, "object")));
      TSNode prop = field(n, "property");
      e.text = std::string(text(prop));
      e.name_range = range(prop);
    } else if (k == "call_expression") {
      e.kind = ExprKind::Call;
      TSNode fn = field(n, "function");
      e.text = std::string(text(fn));
      e.name_range = range(fn);
      std::vector<Argument> args;
      lower_args(field(n, "arguments"), args);
      e.args = std::move(args);
    } else if (k == "array_expression") {
      e.kind = ExprKind::Array;
      for_each_named(n, [&](TSNode ch, const char*) {
        if (is_expression(ch)) e.children.push_back(lower_expr(ch));
      });
    } else if (k == "object_expression") {
      e.kind = ExprKind::Object;
      for_each_named(n, [&](TSNode ch, const char*) {
        if (!cst::is(ch, "object_field")) return;
        Argument a;
        TSNode key = field(ch, "key");
        a.name = cst::is(key, "string") ? unquote(text(key)) : std::string(text(key));
        a.name_range = range(key);
        a.range = range(ch);
        a.value = lower_expr(field(ch, "value"));
        e.args.push_back(std::move(a));
      });
    } else if (k == "parenthesized_expression") {
      TSNode inner{};
      for_each_named(n, [&](TSNode ch, const char*) {
        if (cst::is_null(inner) && is_expression(ch)) inner = ch;
      });
      Expr in = lower_expr(inner);
      in.range = e.range;
      return in;
    } else if (k == "binary_expression") {
      e.kind = ExprKind::Binary;
      e.children.push_back(lower_expr(field(n, "left")));
      e.children.push_back(lower_expr(field(n, "right")));
      e.text = std::string(text(field(n, "operator")));
    } else if (k == "unary_expression") {
      e.kind = ExprKind::Unary;
      e.text.assign(1, '!');  // (not `= "!"`: GCC 12 warns wrongly about that memcpy when inlined)
      e.children.push_back(lower_expr(field(n, "operand")));
    } else if (k == "collection_predicate") {
      e.kind = ExprKind::Predicate;
      TSNode coll = field(n, "collection");
      e.children.push_back(lower_expr(coll));
      e.children.push_back(lower_expr(field(n, "condition")));
      TSNode b = field(n, "binding");
      if (!cst::is_null(b)) {
        e.binding = std::string(text(b));
        e.binding_range = range(b);
      }
      // The operator is the first of `?`, `!`, `^` after the collection.
      uint32_t from = ts_node_end_byte(coll);
      for (uint32_t i = cst::is_null(coll) ? e.range.start : from; i < e.range.end && i < src.size(); ++i) {
        char c = src[i];
        if (c == '?' || c == '!' || c == '^') {
          e.text = std::string(1, c);
          break;
        }
      }
    }
    return e;
  }

  static bool is_expression(TSNode n) {
    std::string_view k = kind(n);
    return k == "string" || k == "number" || k == "boolean" || k == "null" || k == "this" ||
           k == "identifier" || k == "member_expression" || k == "call_expression" ||
           k == "array_expression" || k == "object_expression" || k == "parenthesized_expression" ||
           k == "binary_expression" || k == "unary_expression" || k == "collection_predicate";
  }

  void lower_args(TSNode list, std::vector<Argument>& args) {
    for_each_named(list, [&](TSNode ch, const char*) {
      if (!cst::is(ch, "argument")) return;
      Argument a;
      a.range = range(ch);
      TSNode name = field(ch, "name");
      if (!cst::is_null(name)) {
        a.name = std::string(text(name));
        a.name_range = range(name);
      }
      a.value = lower_expr(field(ch, "value"));
      args.push_back(std::move(a));
    });
  }

  AttributeApp lower_attribute(TSNode n) {
    AttributeApp a;
    a.range = range(n);
    TSNode name = field(n, "name");
    a.name = std::string(text(name));
    // Tolerate whitespace the grammar might allow inside the token.
    std::erase_if(a.name, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
    a.name_range = range(name);
    lower_args(field(n, "arguments"), a.args);
    return a;
  }

  FieldType lower_field_type(TSNode t) {
    FieldType ft;
    ft.range = range(t);
    TSNode base = field(t, "base");
    ft.name_range = range(base);
    std::string_view bk = kind(base);
    if (bk == "builtin_type") {
      ft.name = std::string(text(base));
      ft.builtin = parse_builtin_type(ft.name);
      ft.kind = ft.builtin ? TypeKind::Builtin : TypeKind::Unresolved;
    } else if (bk == "unsupported_type") {
      ft.kind = TypeKind::Unsupported;
      TSNode v = field(base, "value");
      ft.name = cst::is_null(v) ? std::string() : unquote(text(v));
    } else if (!cst::is_null(base)) {
      ft.name = std::string(text(base));
      ft.builtin = parse_builtin_type(ft.name);
      ft.kind = ft.builtin ? TypeKind::Builtin : TypeKind::Unresolved;
    }
    for_each_named(t, [&](TSNode ch, const char*) {
      if (cst::is(ch, "list_suffix")) ft.list = true;
      if (cst::is(ch, "optional_suffix")) ft.optional = true;
    });
    return ft;
  }

  Field lower_data_field(TSNode n, std::string doc) {
    Field f;
    f.range = range(n);
    TSNode name = field(n, "name");
    f.name = std::string(text(name));
    f.name_range = range(name);
    f.doc = std::move(doc);
    f.type = lower_field_type(field(n, "type"));
    for_each_named(n, [&](TSNode ch, const char*) {
      if (cst::is(ch, "field_attribute")) f.attributes.push_back(lower_attribute(ch));
    });
    return f;
  }

  // parameter_type: base, list_suffix, optional_suffix.
  void lower_param_type(TSNode t, std::string& type, bool& list, bool& optional, TextRange* type_range = nullptr) {
    TSNode base = field(t, "base");
    type = std::string(text(base));
    if (type_range) *type_range = range(base);
    for_each_named(t, [&](TSNode ch, const char*) {
      if (cst::is(ch, "list_suffix")) list = true;
      if (cst::is(ch, "optional_suffix")) optional = true;
    });
  }

  Param lower_param(TSNode n, std::string doc) {
    Param p;
    p.range = range(n);
    TSNode name = field(n, "name");
    p.name = std::string(text(name));
    p.name_range = range(name);
    p.doc = std::move(doc);
    lower_param_type(field(n, "type"), p.type, p.list, p.optional, &p.type_range);
    for_each_named(n, [&](TSNode ch, const char*) {
      std::string_view k = kind(ch);
      if (k == "positional_marker") p.positional = true;
      if (k == "optional_suffix") p.optional = true;
      if (k == "internal_attribute") p.attributes.push_back(lower_attribute(ch));
    });
    return p;
  }

  void lower_names(TSNode clause, std::vector<std::string>& names, std::vector<TextRange>& ranges) {
    for_each_named(clause, [&](TSNode ch, const char*) {
      if (!cst::is(ch, "identifier")) return;
      names.emplace_back(text(ch));
      ranges.push_back(range(ch));
    });
  }

  void lower_model_body(TSNode body, Decl& d) {
    for_each_documented(body, [&](TSNode ch, std::string doc, const char*) {
      std::string_view k = kind(ch);
      if (k == "data_field") d.fields.push_back(lower_data_field(ch, std::move(doc)));
      else if (k == "model_attribute") d.attributes.push_back(lower_attribute(ch));
    });
  }

  void lower_decl(TSNode n, std::string doc) {
    std::string_view k = kind(n);
    Decl d;
    d.range = range(n);
    d.doc = std::move(doc);
    TSNode name = field(n, "name");
    d.name = std::string(text(name));
    d.name_range = range(name);
    if (k == "datasource_declaration" || k == "generator_declaration" || k == "plugin_declaration") {
      d.kind = k == "datasource_declaration" ? DeclKind::Datasource
               : k == "generator_declaration" ? DeclKind::Generator
                                              : DeclKind::Plugin;
      for_each_documented(field(n, "body"), [&](TSNode ch, std::string doc, const char*) {
        if (!cst::is(ch, "config_field")) return;
        ConfigField c;
        c.range = range(ch);
        TSNode cn = field(ch, "name");
        c.name = std::string(text(cn));
        c.name_range = range(cn);
        c.doc = std::move(doc);
        c.value = lower_expr(field(ch, "value"));
        d.config.push_back(std::move(c));
      });
    } else if (k == "data_model") {
      TSNode kw = field(n, "keyword");
      d.kind = text(kw) == "view" ? DeclKind::View : DeclKind::Model;
      cst::for_each_child(n, [&](TSNode ch, const char*) {
        if (!ts_node_is_named(ch) && text(ch) == "abstract") d.is_abstract = true;
      });
      for_each_named(n, [&](TSNode ch, const char*) {
        if (cst::is(ch, "extends_clause")) lower_names(ch, d.base_names, d.base_ranges);
        if (cst::is(ch, "mixin_clause")) lower_names(ch, d.mixin_names, d.mixin_ranges);
      });
      lower_model_body(field(n, "body"), d);
    } else if (k == "type_def") {
      d.kind = DeclKind::TypeDef;
      for_each_named(n, [&](TSNode ch, const char*) {
        if (cst::is(ch, "mixin_clause")) lower_names(ch, d.mixin_names, d.mixin_ranges);
      });
      lower_model_body(field(n, "body"), d);
    } else if (k == "enum_declaration") {
      d.kind = DeclKind::Enum;
      for_each_documented(field(n, "body"), [&](TSNode ch, std::string doc, const char*) {
        std::string_view ck = kind(ch);
        if (ck == "enum_field") {
          EnumValue v;
          v.range = range(ch);
          TSNode vn = field(ch, "name");
          v.name = std::string(text(vn));
          v.name_range = range(vn);
          v.doc = std::move(doc);
          for_each_named(ch, [&](TSNode a, const char*) {
            if (cst::is(a, "field_attribute")) v.attributes.push_back(lower_attribute(a));
          });
          d.values.push_back(std::move(v));
        } else if (ck == "model_attribute") {
          d.attributes.push_back(lower_attribute(ch));
        }
      });
    } else if (k == "function_declaration" || k == "procedure_declaration") {
      d.kind = k == "function_declaration" ? DeclKind::Function : DeclKind::Procedure;
      cst::for_each_child(n, [&](TSNode ch, const char*) {
        if (!ts_node_is_named(ch) && text(ch) == "mutation") d.is_mutation = true;
      });
      for_each_documented(n, [&](TSNode ch, std::string doc, const char* f) {
        std::string_view ck = kind(ch);
        if (ck == "function_parameter") d.params.push_back(lower_param(ch, std::move(doc)));
        else if (ck == "internal_attribute") d.attributes.push_back(lower_attribute(ch));
        else if (ck == "parameter_type" && f && std::string_view(f) == "return_type") {
          bool opt = false;
          lower_param_type(ch, d.return_type, d.return_list, opt, &d.return_type_range);
        }
      });
    } else if (k == "attribute_declaration") {
      d.kind = DeclKind::Attribute;
      std::erase_if(d.name, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
      for_each_documented(n, [&](TSNode ch, std::string doc, const char*) {
        std::string_view ck = kind(ch);
        if (ck == "attribute_parameter") d.params.push_back(lower_param(ch, std::move(doc)));
        else if (ck == "internal_attribute") d.attributes.push_back(lower_attribute(ch));
      });
    } else {
      return;
    }
    out.decls.push_back(std::move(d));
  }
};

}  // namespace

std::string unquote(std::string_view lit) {
  std::string s;
  unquote_to(s, lit);
  return s;
}

void unquote_to(std::string& s, std::string_view lit) {
  if (lit.size() >= 2 && (lit.front() == '"' || lit.front() == '\'') && lit.back() == lit.front())
    lit = lit.substr(1, lit.size() - 2);
  else if (!lit.empty() && (lit.front() == '"' || lit.front() == '\''))
    lit = lit.substr(1);
  // Most strings have no escape: one copy.
  // (clear + append: cheaper than assign, which handles overlap and replacing in the middle.)
  s.clear();
  if (lit.find('\\') == std::string_view::npos) {
    s.append(lit);
    return;
  }
  s.reserve(lit.size());
  for (size_t i = 0; i < lit.size(); ++i) {
    char c = lit[i];
    if (c != '\\' || i + 1 == lit.size()) {
      s += c;
      continue;
    }
    char n = lit[++i];
    switch (n) {
      case 'n': s += '\n'; break;
      case 't': s += '\t'; break;
      case 'r': s += '\r'; break;
      case 'b': s += '\b'; break;
      case 'f': s += '\f'; break;
      case '0': s += '\0'; break;
      default: s += n; break;
    }
  }
}

namespace {

// An empty range at 0 is an unset one (a positional argument's name, a literal's name range):
// no real range of a declaration can be, since a declaration starts with a keyword or a name.
void shift(TextRange& r, int64_t d) {
  if (r.start == 0 && r.end == 0) return;
  r.start = static_cast<uint32_t>(r.start + d);
  r.end = static_cast<uint32_t>(r.end + d);
}

void shift(Expr& e, int64_t d);

// Arguments of an attribute application (std::vector) or of an expression (Sparse).
template <class Args>
void shift_args(Args& args, int64_t d) {
  for (Argument& a : args) {
    shift(a.range, d);
    shift(a.name_range, d);
    shift(a.value, d);
  }
}

void shift(Expr& e, int64_t d) {
  shift(e.range, d);
  shift(e.name_range, d);
  shift(e.binding_range, d);
  // A resolved reference to a collection-predicate binding carries its range (same declaration).
  if (e.target.kind == SymbolKind::Binding) shift(e.target.binding_range, d);
  for (Expr& c : e.children) shift(c, d);
  shift_args(e.args, d);
}

void shift(std::vector<AttributeApp>& attrs, int64_t d) {
  for (AttributeApp& a : attrs) shift_attribute(a, d);
}

}  // namespace

void shift_attribute(AttributeApp& a, int64_t d) {
  shift(a.range, d);
  shift(a.name_range, d);
  shift_args(a.args, d);
}

// Moves every range of a declaration by `d` bytes (a reused declaration after an edit).
void shift_decl(Decl& decl, int64_t d) {
  shift(decl.range, d);
  shift(decl.name_range, d);
  shift(decl.return_type_range, d);
  for (auto& r : decl.base_ranges) shift(r, d);
  for (auto& r : decl.mixin_ranges) shift(r, d);
  for (Field& f : decl.fields) {
    shift(f.range, d);
    shift(f.name_range, d);
    shift(f.type.range, d);
    shift(f.type.name_range, d);
    shift(f.attributes, d);
  }
  shift(decl.attributes, d);
  for (EnumValue& v : decl.values) {
    shift(v.range, d);
    shift(v.name_range, d);
    shift(v.attributes, d);
  }
  for (Param& p : decl.params) {
    shift(p.range, d);
    shift(p.name_range, d);
    shift(p.type_range, d);
    shift(p.attributes, d);
  }
  for (ConfigField& c : decl.config) {
    shift(c.range, d);
    shift(c.name_range, d);
    shift(c.value, d);
  }
}

namespace {

bool intersects(TextRange a, TextRange b) {
  // Touching counts: an edit right at a declaration's edge may change its tokens.
  return a.start <= b.end && b.start <= a.end;
}

}  // namespace

uint64_t next_decl_stamp() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

FileDecls lower_file(TSNode root, std::string_view text, FileDecls* old, const FileEdit* edit) {
  Lowerer l{text, {}};
  // Old declarations by extent start, for reuse.
  std::vector<std::pair<uint32_t, size_t>> old_by_start;
  if (old && edit) {
    for (size_t i = 0; i < old->decls.size() && i < old->extents.size(); ++i)
      old_by_start.emplace_back(old->extents[i].start, i);
    std::sort(old_by_start.begin(), old_by_start.end());
  }
  const int64_t delta = edit ? static_cast<int64_t>(edit->new_end) - static_cast<int64_t>(edit->old_end) : 0;
  if (old) {
    l.out.decls.reserve(old->decls.size() + 4);
    l.out.extents.reserve(old->decls.size() + 4);
  }
  l.for_each_top_level(root, [&](TSNode ch, const std::vector<TSNode>& docs) {
    std::string_view k = kind(ch);
    if (k == "import_declaration") {
      TSNode p = field(ch, "path");
      if (cst::is_null(p)) return;
      l.out.imports.push_back(ImportDecl{unquote(l.text(p)), range(p)});
      return;
    }
    TextRange extent{l.extent_start_, ts_node_end_byte(ch)};
    if (!old_by_start.empty() && !ts_node_has_error(ch)) {
      TextRange edited{edit->start, edit->new_end};
      bool touched = intersects(extent, edited);
      for (const TextRange& c : edit->changed) touched = touched || intersects(extent, c);
      if (!touched) {
        int64_t d = extent.start >= edit->new_end ? delta : 0;
        uint32_t old_start = static_cast<uint32_t>(extent.start - d);
        auto it = std::lower_bound(old_by_start.begin(), old_by_start.end(), std::make_pair(old_start, size_t{0}));
        if (it != old_by_start.end() && it->first == old_start &&
            old->extents[it->second].end == static_cast<uint32_t>(extent.end - d)) {
          l.out.lag.resize(l.out.decls.size(), 0);
          l.out.lag.push_back(old->lag_of(it->second) + d);
          l.out.decls.push_back(std::move(old->decls[it->second]));
          l.out.extents.push_back(extent);
          return;
        }
      }
    }
    size_t before = l.out.decls.size();
    l.lower_decl(ch, docs.empty() ? std::string() : l.doc_text(docs));
    if (l.out.decls.size() > before) {
      l.out.decls.back().stamp = next_decl_stamp();
      l.out.extents.push_back(extent);
    }
  });
  if (!l.out.lag.empty()) l.out.lag.resize(l.out.decls.size(), 0);
  return std::move(l.out);
}

}  // namespace zen::analysis
