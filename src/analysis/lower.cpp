// Lowers a tree-sitter-zmodel syntax tree into unresolved declarations (see internal/lower.h).
#include <string>

#include "analysis/internal/cst.h"
#include "analysis/internal/lower.h"

namespace zen::analysis {

namespace {

using cst::field;
using cst::for_each_named;
using cst::kind;
using cst::range;

struct Lowerer {
  std::string_view src;
  FileDecls out;

  std::string_view text(TSNode n) const { return cst::text(n, src); }

  // `///` comments directly before `n` (siblings in the parent; tree-sitter moves trailing extras
  // out of the node before them), joined with "\n", without the slashes and one leading space.
  std::string doc_before(TSNode n) {
    std::vector<std::string_view> lines;
    TSNode p = ts_node_prev_sibling(n);
    while (!cst::is_null(p) && cst::is(p, "doc_comment")) {
      lines.push_back(text(p));
      p = ts_node_prev_sibling(p);
    }
    std::string doc;
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
      std::string_view l = *it;
      if (l.substr(0, 3) == "///") l.remove_prefix(3);
      if (!l.empty() && l.front() == ' ') l.remove_prefix(1);
      while (!l.empty() && (l.back() == '\r' || l.back() == '\n' || l.back() == ' ')) l.remove_suffix(1);
      if (!doc.empty()) doc += '\n';
      doc += l;
    }
    return doc;
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
      lower_args(field(n, "arguments"), e.args);
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
      e.text = "!";
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

  Field lower_data_field(TSNode n) {
    Field f;
    f.range = range(n);
    TSNode name = field(n, "name");
    f.name = std::string(text(name));
    f.name_range = range(name);
    f.doc = doc_before(n);
    f.type = lower_field_type(field(n, "type"));
    for_each_named(n, [&](TSNode ch, const char*) {
      if (cst::is(ch, "field_attribute")) f.attributes.push_back(lower_attribute(ch));
    });
    return f;
  }

  // parameter_type: base, list_suffix, optional_suffix.
  void lower_param_type(TSNode t, std::string& type, bool& list, bool& optional) {
    TSNode base = field(t, "base");
    type = std::string(text(base));
    for_each_named(t, [&](TSNode ch, const char*) {
      if (cst::is(ch, "list_suffix")) list = true;
      if (cst::is(ch, "optional_suffix")) optional = true;
    });
  }

  Param lower_param(TSNode n) {
    Param p;
    p.range = range(n);
    TSNode name = field(n, "name");
    p.name = std::string(text(name));
    p.name_range = range(name);
    p.doc = doc_before(n);
    lower_param_type(field(n, "type"), p.type, p.list, p.optional);
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
    for_each_named(body, [&](TSNode ch, const char*) {
      std::string_view k = kind(ch);
      if (k == "data_field") d.fields.push_back(lower_data_field(ch));
      else if (k == "model_attribute") d.attributes.push_back(lower_attribute(ch));
    });
  }

  void lower_decl(TSNode n) {
    std::string_view k = kind(n);
    Decl d;
    d.range = range(n);
    d.doc = doc_before(n);
    TSNode name = field(n, "name");
    d.name = std::string(text(name));
    d.name_range = range(name);
    if (k == "datasource_declaration" || k == "generator_declaration" || k == "plugin_declaration") {
      d.kind = k == "datasource_declaration" ? DeclKind::Datasource
               : k == "generator_declaration" ? DeclKind::Generator
                                              : DeclKind::Plugin;
      for_each_named(field(n, "body"), [&](TSNode ch, const char*) {
        if (!cst::is(ch, "config_field")) return;
        ConfigField c;
        c.range = range(ch);
        TSNode cn = field(ch, "name");
        c.name = std::string(text(cn));
        c.name_range = range(cn);
        c.doc = doc_before(ch);
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
      for_each_named(field(n, "body"), [&](TSNode ch, const char*) {
        std::string_view ck = kind(ch);
        if (ck == "enum_field") {
          EnumValue v;
          v.range = range(ch);
          TSNode vn = field(ch, "name");
          v.name = std::string(text(vn));
          v.name_range = range(vn);
          v.doc = doc_before(ch);
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
      for_each_named(n, [&](TSNode ch, const char* f) {
        std::string_view ck = kind(ch);
        if (ck == "function_parameter") d.params.push_back(lower_param(ch));
        else if (ck == "internal_attribute") d.attributes.push_back(lower_attribute(ch));
        else if (ck == "parameter_type" && f && std::string_view(f) == "return_type") {
          bool opt = false;
          lower_param_type(ch, d.return_type, d.return_list, opt);
        }
      });
    } else if (k == "attribute_declaration") {
      d.kind = DeclKind::Attribute;
      std::erase_if(d.name, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
      for_each_named(n, [&](TSNode ch, const char*) {
        std::string_view ck = kind(ch);
        if (ck == "attribute_parameter") d.params.push_back(lower_param(ch));
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
  if (lit.size() >= 2 && (lit.front() == '"' || lit.front() == '\'') && lit.back() == lit.front())
    lit = lit.substr(1, lit.size() - 2);
  else if (!lit.empty() && (lit.front() == '"' || lit.front() == '\''))
    lit = lit.substr(1);
  std::string s;
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
  return s;
}

FileDecls lower_file(TSNode root, std::string_view text) {
  Lowerer l{text, {}};
  cst::for_each_named(root, [&](TSNode ch, const char*) {
    std::string_view k = kind(ch);
    if (k == "import_declaration") {
      TSNode p = field(ch, "path");
      if (cst::is_null(p)) return;
      l.out.imports.push_back(ImportDecl{unquote(l.text(p)), range(p)});
      return;
    }
    l.lower_decl(ch);
  });
  return std::move(l.out);
}

}  // namespace zen::analysis
