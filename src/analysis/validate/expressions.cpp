// Rule: expressions inside attributes type-check (zmodel-language.md §4.4): operands of `&&`,
// `||`, `!`, comparisons, `in`, `==`, collection predicates; function calls are allowed in the
// attribute's expression context and get the arguments their parameters need; policy operations
// are known and `before()` appears only in post-update rules; regular expressions (`regex()`,
// `@regex`) are valid JavaScript patterns; `create`/`all` rules use only owned relations.
#include <algorithm>
#include <deque>

#include "analysis/validate/internal/util.h"
#include "analysis/validate/js_regex.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

using namespace std::string_view_literals;
namespace {

// What the rule does with an attribute application, from its name (and its declaration's
// `@@@validation`): worked out once per attribute declaration (an application's name is its
// declaration's) instead of comparing names for every application and argument.
struct AppClass {
  bool internal = false;    // `@@@...`: not checked here
  bool is_default = false;  // `@default`: only calls are checked (defaults.cpp checks the value)
  bool field_list = false;  // `@@index`, `@@id`, `@@unique`: only calls of functions are checked
  bool validate = false;    // `@@validate`
  bool regex = false;       // `@regex`
  bool policy = false;      // `@@allow`, `@@deny`, `@allow`, `@deny`
  std::string_view context;  // the expression context of calls inside it ("" for none)
};

AppClass classify(const Model& model, const AttributeApp& app) {
  AppClass c;
  const std::string& n = app.name;
  c.internal = n.starts_with("@@@");
  c.is_default = is(n, "@default");
  c.field_list = is(n, "@@index") || is(n, "@@id") || is(n, "@@unique");
  c.validate = is(n, "@@validate");
  c.regex = is(n, "@regex");
  if (c.is_default) c.context = "DefaultValue";
  else if (is(n, "@@allow") || is(n, "@@deny") || is(n, "@allow") || is(n, "@deny")) c.context = "AccessPolicy";
  else if (is(n, "@@index")) c.context = "Index";
  else if (app.decl != kNone && model.decl(app.decl).has_attribute("@@@validation")) c.context = "ValidationRule";
  c.policy = c.context == "AccessPolicy"sv;
  return c;
}

// classify() per attribute declaration, computed on first use.
class AppClasses {
 public:
  explicit AppClasses(const Model& model) : model_(model), slot_(model.decls.size(), 0) {}
  AppClass get(const AttributeApp& app) {
    if (app.decl == kNone) return classify(model_, app);
    uint32_t& slot = slot_[app.decl];  // index + 1 into classes_; 0 when not computed yet
    if (slot == 0) {
      classes_.push_back(classify(model_, app));
      slot = static_cast<uint32_t>(classes_.size());
    }
    return classes_[slot - 1];
  }

 private:
  const Model& model_;
  std::vector<uint32_t> slot_;
  std::vector<AppClass> classes_;
};

// The source range of `pattern[offset, offset + length)` for a string literal written at
// `literal` (quotes included; `source` is the file text): escapes make value offsets and source
// offsets differ, so the literal is unescaped again the way the lowering does it.
TextRange value_range(std::string_view source, TextRange literal, size_t offset, size_t length) {
  if (literal.end > source.size() || literal.end < literal.start + 2) return literal;
  std::string_view body = source.substr(literal.start + 1, literal.end - literal.start - 2);
  std::vector<uint32_t> at;  // value offset -> source offset
  for (size_t i = 0; i < body.size(); ++i) {
    at.push_back(literal.start + 1 + static_cast<uint32_t>(i));
    if (body[i] == '\\' && i + 1 < body.size()) ++i;
  }
  at.push_back(literal.end - 1);
  if (offset >= at.size() - 1) return literal;
  size_t last = std::min(offset + length, at.size() - 1);
  return TextRange{at[offset], at[last]};
}

// Reports `pattern` (the value of the string literal `e`) if JavaScript would not compile it.
void check_pattern(ValidationContext& ctx, FileId file, const Expr& e) {
  auto pattern = e.as_string();
  if (!pattern) return;
  if (auto err = check_js_regex(*pattern))
    ctx.error("invalid-regex", file, value_range(ctx.text(file), e.range, err->offset, err->length),
              "invalid regular expression: " + err->message);
}

bool is_auth_access(const Expr& e) {
  if (e.is_call("auth")) return true;
  return e.kind == ExprKind::Member && !e.children.empty() && is_auth_access(e.children[0]);
}

// `create` rules (and `all` ones, which include create) run before the record exists, so no
// related record can point at it: they may not use relation fields of their own model that do
// not hold the foreign key (no `@relation(fields: ...)`), except inside a collection predicate
// over `auth()`. ZenStack's rule: only plain references to the model's own fields count (not
// `this.x`, not inherited fields), and only for the operations "create" and "all" as written.
struct NonOwnedCheck {
  ValidationContext& ctx;
  const Model& model;
  FileId file;
  const Decl& holder;
  std::string_view operation;

  void walk(const Expr& e, bool under_auth_predicate) {
    if (e.kind == ExprKind::Predicate && e.children.size() == 2) {
      walk(e.children[0], under_auth_predicate);
      walk(e.children[1], is_auth_access(e.children[0]));
      return;
    }
    if (e.kind == ExprKind::Reference && e.target.kind == SymbolKind::Field && e.target.decl == holder.id &&
        !under_auth_predicate)
      if (const Field* f = model.field(e.target); f && is_relation(*f) && !owns(*f))
        ctx.error("non-owned-relation-in-create-rule", file, e.range,
                  "`" + std::string(operation) + "` rules cannot use the relation field `" + f->name +
                      "`: it has no `@relation(fields: ...)`, so no related record can point at a record being "
                      "created; test the relation from the side that holds the foreign key, or in a rule for "
                      "other operations");
    for (const Expr& c : e.children) walk(c, under_auth_predicate);
    for (const Argument& a : e.args) walk(a.value, under_auth_predicate);
  }

  static bool owns(const Field& f) {
    for (const AttributeApp& a : f.attributes)
      if (a.name == "@relation")
        for (const Argument& arg : a.args)
          if (arg.name == "fields") return true;
    return false;
  }
};

// What the rule keeps across expressions during one run: per function declaration its
// `@@@expressionContext` list (read once), and a buffer for matching arguments.
struct RuleState {
  explicit RuleState(const Model& model) : context_slot(model.decls.size(), kNone) {}

  const std::vector<std::string>& contexts(const Model& model, const Decl& fn) {
    uint32_t& slot = context_slot[fn.id];
    if (slot == kNone) {
      slot = static_cast<uint32_t>(contexts_.size());
      contexts_.push_back(model.expression_contexts(fn));
    }
    return contexts_[slot];
  }

  std::vector<uint32_t> context_slot;  // per DeclId: index into contexts_, kNone if not read yet
  std::deque<std::vector<std::string>> contexts_;  // a deque: references stay valid
  std::vector<MatchedArg> matched;
};

struct ExprCheck {
  ValidationContext& ctx;
  const Model& model;
  RuleState& state;
  FileId file;
  const Decl* self;
  std::string_view context;  // a literal from context_of
  bool post_update = false;
  bool in_validate = false;

  void error(const Expr& e, std::string message) { ctx.error("type-mismatch", file, e.range, std::move(message)); }

  ExprType type(const Expr& e) { return type_of(model, e, self); }

  bool boolish(const ExprType& t) { return !t.known() || (!t.list && (t.name == "Boolean"sv || t.name == "Any"sv)); }

  // `member_object`: `e` is the object of a member access (`e.field`).
  void check(const Expr& e, bool member_object = false) {
    if (!is_leaf(e.kind)) {
      for (size_t k = 0; k < e.children.size(); ++k) check(e.children[k], e.kind == ExprKind::Member && k == 0);
      for (const Argument& a : e.args) check(a.value);
    }
    switch (e.kind) {
      case ExprKind::Binary: binary(e); break;
      case ExprKind::Unary:
        if (!e.children.empty() && !boolish(type(e.children[0])))
          error(e.children[0], "`!` needs a Boolean operand, found `" + display(type(e.children[0])) + "`");
        break;
      case ExprKind::Predicate:
        if (!e.children.empty()) {
          ExprType t = type(e.children[0]);
          if (t.known() && !(t.list && t.is_model()) && t.name != "Any"sv)
            error(e.children[0], "a collection predicate (`" + e.text + "[...]`) needs a list of related records on its left, found `" +
                                     display(t) + "`");
        }
        break;
      case ExprKind::Call: call(e); break;
      case ExprKind::Member: member(e); break;
      case ExprKind::Reference:
        if (e.target.kind == SymbolKind::Binding && !member_object)
          ctx.error("binding-without-member", file, e.range,
                    "`" + e.text + "` stands for one element of the collection and can only be used to read its fields, like `" +
                        e.text + ".field`");
        if (in_validate)
          if (const Field* f = model.field(e.target); f && is_relation(*f))
            ctx.error("type-mismatch", file, e.range,
                      "`@@validate` conditions cannot use relation fields like `" + f->name + "`");
        break;
      default: break;
    }
  }

  void member(const Expr& e) {
    if (e.children.empty()) return;
    const Expr& object = e.children[0];
    ExprType ot = type(object);
    if (ot.known() && ot.list)
      error(object, "cannot access `" + e.text + "` on a list; use a collection predicate like `" +
                        std::string(ctx.text(file).substr(object.range.start, object.range.end - object.range.start)) +
                        "?[" + e.text + " == ...]`");
    if (object.is_call("before"))
      if (const Field* f = model.field(e.target); f && is_relation(*f))
        ctx.error("invalid-function-context", file, e.range,
                  "relation fields like `" + f->name + "` cannot be read through `before()`");
  }

  // Checks of particular functions' arguments (zmodel-language.md §6).
  void function_arguments(const Expr& e) {
    const std::string& fn = e.text;
    auto arg = [&](size_t i) -> const Expr* { return i < e.args.size() ? &e.args[i].value : nullptr; };
    if (fn == "auth"sv && !model.auth_decl()) {
      ctx.error("unresolved-auth", file, e.range,
                "`auth()` needs a model named `User` or a model or type marked `@@auth`; add `@@auth` to your user model");
    } else if (fn == "check"sv) {
      if (const Expr* a = arg(0)) {
        const Field* f = model.field(a->target);
        if (a->kind != ExprKind::Reference || !f || !is_relation(*f) || f->type.list)
          error(*a, "`check()` needs a single (non-list) relation field");
      }
      if (const Expr* op = arg(1)) {
        auto v = op->as_string();
        if (!v || (*v != "read" && *v != "create" && *v != "update" && *v != "delete"))
          ctx.error("invalid-argument", file, op->range, "the operation of `check()` must be 'read', 'create', 'update' or 'delete'");
      }
    } else if (fn == "currentModel"sv || fn == "currentOperation"sv) {
      if (const Expr* c = arg(0)) {
        auto v = c->as_string();
        if (!v || (*v != "original" && *v != "upper" && *v != "lower" && *v != "capitalize" && *v != "uncapitalize"))
          ctx.error("invalid-argument", file, c->range, "casing must be 'original', 'upper', 'lower', 'capitalize' or 'uncapitalize'");
      }
    } else if (fn == "regex"sv) {
      if (const Expr* p = arg(1); p && p->kind != ExprKind::String)
        ctx.error("invalid-argument", file, p->range, "the pattern of `regex()` must be a string literal");
      else if (p)
        check_pattern(ctx, file, *p);
    } else if (fn == "length"sv) {
      if (const Expr* a = arg(0)) {
        ExprType t = type(*a);
        const Field* f = model.field(a->target);
        bool ok = !t.known() || t.name == "Any"sv || (t.name == "String"sv && !t.list) || (t.list && !(f && is_relation(*f)));
        if (!ok) error(*a, "`length()` needs a String field or a list of scalars, found `" + display(t) + "`");
        // ZenStack measures fields only: a literal or a member access (`this.name`) is rejected.
        else if (bool unresolved = (a->kind == ExprKind::Reference || a->kind == ExprKind::Member) &&
                                   a->target.kind == SymbolKind::None;
                 a->kind != ExprKind::Error && !unresolved &&
                 !(a->kind == ExprKind::Reference && a->target.kind == SymbolKind::Field))
          ctx.error("invalid-argument", file, a->range,
                    "`length()` takes a field of the model, like `length(name)`, not `" +
                        std::string(ctx.text(file).substr(a->range.start, a->range.end - a->range.start)) + "`");
      }
    }
  }

  void binary(const Expr& e) {
    if (e.children.size() < 2) return;
    const Expr& l = e.children[0];
    const Expr& r = e.children[1];
    ExprType lt = type(l), rt = type(r);
    if (!lt.known() || !rt.known()) return;
    const std::string& op = e.text;
    if (op == "&&" || op == "||") {
      if (!boolish(lt)) error(l, "`" + op + "` needs Boolean operands, found `" + display(lt) + "`");
      if (!boolish(rt)) error(r, "`" + op + "` needs Boolean operands, found `" + display(rt) + "`");
      return;
    }
    if (op == "<" || op == "<=" || op == ">" || op == ">=") {
      auto ok = [](const ExprType& t) {
        return !t.list && (t.name == "Int"sv || t.name == "Float"sv || t.name == "DateTime"sv || t.name == "Any"sv);
      };
      if (!ok(lt) || !ok(rt)) {
        error(ok(lt) ? r : l, "`" + op + "` compares numbers or dates, not `" + display(ok(lt) ? rt : lt) + "`");
        return;
      }
      if ((lt.name == "DateTime"sv) != (rt.name == "DateTime"sv) && lt.name != "Any"sv && rt.name != "Any"sv)
        error(e, "a DateTime can only be compared with another DateTime");
      return;
    }
    if (op == "in") {
      if (lt.list || lt.is_model()) error(l, "the left side of `in` must be a single scalar or enum value, found `" + display(lt) + "`");
      if (!rt.list) error(r, "the right side of `in` must be a list, found `" + display(rt) + "`");
      return;
    }
    if (op == "==" || op == "!=") {
      if (lt.name == "Null"sv || rt.name == "Null"sv) {
        const ExprType& other = lt.name == "Null"sv ? rt : lt;
        const Expr& oe = lt.name == "Null"sv ? r : l;
        if (!in_validate && other.is_field && !other.nullable && !other.list && !other.is_model() &&
            oe.kind != ExprKind::Call)
          error(e, "`" + std::string(ctx.text(file).substr(oe.range.start, oe.range.end - oe.range.start)) +
                       "` is not optional, so it is never null");
        return;
      }
      if (lt.list != rt.list && lt.name != "Any"sv && rt.name != "Any"sv) {
        error(e, "cannot compare `" + display(lt) + "` with `" + display(rt) + "`: one is a list and the other is not");
        return;
      }
      if (lt.is_model() || rt.is_model()) {
        if (lt.name == "Any"sv || rt.name == "Any"sv) return;
        if (lt.decl != rt.decl) {
          error(e, "cannot compare `" + display(lt) + "` with `" + display(rt) + "`");
          return;
        }
        // ZenStack cannot translate a comparison of two records when one is a relation field and
        // the other another one or `this` (only comparisons with `auth()` or null are supported).
        auto field_ref = [](const Expr& x) { return x.kind == ExprKind::Reference && x.target.kind == SymbolKind::Field; };
        if (lt.decl->is_data_model() &&
            ((field_ref(l) && (r.kind == ExprKind::This || field_ref(r))) || (field_ref(r) && l.kind == ExprKind::This)))
          ctx.error("unsupported-comparison", file, e.range,
                    "comparing two `" + lt.decl->name +
                        "` records is not supported; compare their id fields instead");
        return;
      }
      // ZenStack accepts an enum compared with the name of one of its values as a string.
      auto enum_vs_member = [](const ExprType& en, const Expr& lit) {
        auto v = lit.as_string();
        return en.decl && en.decl->kind == DeclKind::Enum && v && en.decl->find_value(*v);
      };
      if (enum_vs_member(lt, r) || enum_vs_member(rt, l)) return;
      if (!assignable(lt, rt, &r) && !assignable(rt, lt, &l))
        error(e, "cannot compare `" + display(lt) + "` with `" + display(rt) + "`");
    }
  }

  void call(const Expr& e) {
    if (e.target.kind != SymbolKind::Decl || e.target.decl == kNone) return;
    const Decl& fn = model.decl(e.target.decl);
    if (fn.kind != DeclKind::Function) return;
    const std::vector<std::string>& contexts = state.contexts(model, fn);
    bool allowed = contexts.empty() ? context.empty()
                                    : std::find(contexts.begin(), contexts.end(), context) != contexts.end();
    if (!allowed) {
      std::string where = context.empty() ? "here" : "in " + describe_context(context);
      ctx.error("invalid-function-context", file, e.name_range.end > e.name_range.start ? e.name_range : e.range,
                "function `" + fn.name + "` cannot be used " + where +
                    (contexts.empty() ? std::string() : "; it is allowed in " + describe_contexts(contexts)));
    }
    if (fn.name == "before"sv && context == "AccessPolicy"sv && !post_update)
      ctx.error("invalid-function-context", file, e.range,
                "`before()` can only be used in `post-update` policy rules");
    function_arguments(e);
    // Arguments: required parameters and types (extra arguments are tolerated, as ZenStack does).
    std::vector<MatchedArg>& matched = state.matched;
    match_args(e.args, fn.params, /*all_positional=*/true, matched);
    IndexSet filled(fn.params.size());
    for (const MatchedArg& m : matched) {
      if (!m.param) continue;
      filled.set(m.index);
      ExprType dest;
      dest.list = m.param->list;
      if (auto b = parse_builtin_type(m.param->type)) dest.name = expr_type_name(*b);
      else if (m.param->type == "Any"sv) dest.name = "Any";
      else continue;
      ExprType src = type(m.arg->value);
      if (!assignable(dest, src, &m.arg->value))
        error(m.arg->value, fmt_arg(m.param->name, fn.name + "()") + " expects `" + display(dest) + "`, found `" +
                                display(src) + "`");
    }
    for (size_t i = 0; i < fn.params.size(); ++i)
      if (!fn.params[i].optional && !filled[i])
        ctx.error("missing-argument", file, e.range,
                  "`" + fn.name + "()` needs the argument `" + fn.params[i].name + "`");
  }

  static std::string describe_context(std::string_view c) {
    if (c == "DefaultValue"sv) return "`@default`";
    if (c == "AccessPolicy"sv) return "access policies";
    if (c == "ValidationRule"sv) return "validation rules";
    if (c == "Index"sv) return "index definitions";
    return std::string(c);
  }
  static std::string describe_contexts(const std::vector<std::string>& cs) {
    std::string out;
    for (size_t i = 0; i < cs.size(); ++i) {
      if (i) out += i + 1 == cs.size() ? " and " : ", ";
      out += describe_context(cs[i]);
    }
    return out;
  }
};

void check_operation(ValidationContext& ctx, FileId file, const AttributeApp& app, bool& post_update) {
  const Argument* op = app.first();
  if (!op) return;
  auto s = op->value.as_string();
  if (!s) return;
  bool model_level = app.name.starts_with("@@");
  std::string_view rest = *s;
  while (true) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    bool ok = item == "read" || item == "update" || item == "all" ||
              (model_level && (item == "create" || item == "delete" || item == "post-update"));
    if (item == "post-update") post_update = true;
    if (!ok)
      ctx.error("invalid-argument", file, op->value.range,
                "unknown policy operation `" + std::string(item) + "`; use " +
                    (model_level ? "`create`, `read`, `update`, `post-update`, `delete` or `all`"
                                 : "`read`, `update` or `all`") +
                    ", separated by commas");
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
}

}  // namespace

void check_expressions(ValidationContext& ctx) {
  const Model& model = ctx.model();
  AppClasses classes(model);
  RuleState state(model);
  for_each_attribute(ctx, [&](const AttrSite& s) {
    const AttributeApp& app = *s.app;
    AppClass c = classes.get(app);
    if (c.internal) return;
    bool policy = c.policy;
    // Without arguments only the placement of a field-level policy is left to check.
    if (app.args.empty() && !(policy && s.field)) return;
    ExprCheck check{ctx, model, state, s.file, s.holder, c.context};
    check.in_validate = c.validate;
    if (policy) check_operation(ctx, s.file, app, check.post_update);
    if (policy && s.field && (is_relation(*s.field) || s.field->has_attribute("@computed")))
      ctx.error("attribute-not-allowed", s.file, app.name_range,
                "`" + app.name + "` cannot be used on " +
                    (is_relation(*s.field) ? "relation field `" : "computed field `") + s.field->name +
                    "`; put the rule on the model with `@" + app.name + "`");
    if (c.regex && app.decl != kNone && model.decl(app.decl).is_stdlib())
      if (const Argument* p = app.arg("regex")) {
        if (p->value.kind == ExprKind::String)
          check_pattern(ctx, s.file, p->value);
        // Values of other types are reported by attribute_arguments.cpp already.
        else if (ExprType t = type_of(model, p->value, s.holder); t.name == "String"sv || t.name == "Any"sv)
          ctx.error("invalid-argument", s.file, p->value.range, "the pattern of `@regex` must be a string literal");
      }
    if (policy && !s.field && s.holder->is_data_model())
      if (const Argument* op = app.first(); op && op->value.kind == ExprKind::String)
        if (auto kind = op->value.as_string(); kind == "create"sv || kind == "all"sv)
          if (const Argument* cond = app.arg("condition"))
            NonOwnedCheck{ctx, model, s.file, *s.holder, *kind}.walk(cond->value, false);
    for (const Argument& a : app.args) {
      // `@default`'s value is checked by defaults.cpp; here only calls inside it.
      if (c.is_default) {
        walk(a.value, [&](const Expr& e) {
          if (e.kind == ExprKind::Call) check.call(e);
        });
        continue;
      }
      // Field lists of @@id/@@unique/@@index hold field references with arguments, not calls.
      if (c.field_list) {
        walk(a.value, [&](const Expr& e) {
          if (e.kind == ExprKind::Call && e.target.kind == SymbolKind::Decl) check.call(e);
        });
        continue;
      }
      check.check(a.value);
    }
  });
}

}  // namespace zen::analysis::validate
