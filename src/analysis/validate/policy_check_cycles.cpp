// Rule: `check()` calls in access policies do not form cycles (zmodel-language.md §6):
// `check(author)` in `Post` evaluates `User`'s rules; when those, through further `check()`
// calls, come back to the model they started from, policy evaluation would never end.
//
// As ZenStack does, a `check(field)` call is reported when its target model is on a cycle of
// the graph "model -> targets of the `check()` calls in its own `@@allow`/`@@deny` rules",
// whatever the operations (ZenStack stops its walk at the first model it sees again, which can
// miss a cycle reached through a shared model; this search does not).
//
// The cycle can run through any models, so this is a whole-model rule (no ValidationContext::visit):
// it walks only the policy conditions and returns at once when no `check()` is called.
#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "analysis/validate/internal/util.h"
#include "analysis/validate/rule_list.h"

namespace zen::analysis::validate {

using namespace std::string_view_literals;
namespace {

bool is_policy(const AttributeApp& a) {
  std::string_view n = a.name;
  if (n.starts_with("@@")) n.remove_prefix(1);
  return n == "@allow"sv || n == "@deny"sv;
}

// The model a `check()` call's first argument designates (kNone if none).
DeclId target_of(const Model& model, const Expr& call, const Decl* holder) {
  if (call.args.empty()) return kNone;
  ExprType t = type_of(model, call.args[0].value, holder);
  return t.decl && t.decl->is_data_model() ? t.decl->id : kNone;
}

bool is_check_call(const Model& model, const Expr& e) {
  return e.is_call("check") && e.target.kind == SymbolKind::Decl && e.target.decl != kNone &&
         model.decl(e.target.decl).is_stdlib();
}

}  // namespace

void check_policy_cycles(ValidationContext& ctx) {
  const Model& model = ctx.model();
  struct Start {
    const Expr* call;
    FileId file;
    DeclId target;
  };
  std::vector<Start> starts;
  std::map<DeclId, std::vector<DeclId>> edges;  // only models whose rules call check()
  // This runs on every (re-)analysis: the flat list of name uses gives where the stdlib's
  // `check` is called (most schemas: nowhere), and only the models holding such a call are read.
  const Decl* check_fn = model.find("check");
  if (!check_fn || !check_fn->is_stdlib() || check_fn->kind != DeclKind::Function) return;
  // Without the list (a model built without references), every model's rules are read.
  std::vector<std::pair<FileId, uint32_t>> calls;
  for (const Reference& r : model.references)
    if (r.target.kind == SymbolKind::Decl && r.target.decl == check_fn->id) calls.emplace_back(r.file, r.range.start);
  if (model.has_references && calls.empty()) return;
  std::sort(calls.begin(), calls.end());
  auto calls_check = [&](const Decl& d) {
    if (!model.has_references) return true;
    auto it = std::lower_bound(calls.begin(), calls.end(), std::pair<FileId, uint32_t>{d.file, d.range.start});
    return it != calls.end() && it->first == d.file && it->second < d.range.end;
  };
  auto scan = [&](const Decl& d, const Field* field, const AttributeApp& app) {
    if (!is_policy(app)) return;
    const Argument* cond = app.arg("condition");
    if (!cond) return;
    walk(cond->value, [&](const Expr& e) {
      if (!is_check_call(model, e)) return;
      DeclId target = target_of(model, e, &d);
      if (target == kNone) return;
      // Edges: the model's own model-level rules, as ZenStack follows them.
      if (!field) edges[d.id].push_back(target);
      // Starts: the calls ZenStack validates further (a non-list relation field as argument).
      const Expr& a = e.args[0].value;
      const Field* f = a.kind == ExprKind::Reference ? model.field(a.target) : nullptr;
      if (f && is_relation(*f) && !f->type.list) starts.push_back({&e, d.file, target});
    });
  };
  for (const Decl& d : model.decls) {
    if (d.is_stdlib() || !d.is_data_model() || !calls_check(d)) continue;
    for (const AttributeApp& app : d.attributes) scan(d, nullptr, app);
    for (const Field& f : d.fields)
      for (const AttributeApp& app : f.attributes) scan(d, &f, app);
  }
  if (starts.empty() || edges.empty()) return;

  // For each target model: the shortest path of check() edges back to itself, if any (BFS).
  std::map<DeclId, std::vector<DeclId>> cycle_of;
  auto cycle = [&](DeclId from) -> const std::vector<DeclId>& {
    auto [it, fresh] = cycle_of.try_emplace(from);
    if (!fresh) return it->second;
    std::map<DeclId, DeclId> parent;
    std::vector<DeclId> queue{from};
    for (size_t q = 0; q < queue.size(); ++q) {
      auto out = edges.find(queue[q]);
      if (out == edges.end()) continue;
      for (DeclId next : out->second) {
        if (next == from) {
          std::vector<DeclId> path{from};
          for (DeclId at = queue[q]; at != from; at = parent[at]) path.push_back(at);
          path.push_back(from);
          std::reverse(path.begin() + 1, path.end() - 1);
          it->second = std::move(path);
          return it->second;
        }
        if (parent.try_emplace(next, queue[q]).second) queue.push_back(next);
      }
    }
    return it->second;
  };
  for (const Start& s : starts) {
    const std::vector<DeclId>& path = cycle(s.target);
    if (path.empty()) continue;
    std::string chain;
    for (DeclId d : path) chain += (chain.empty() ? "`" : " -> `") + model.decl(d).name + "`";
    ctx.error("cyclic-check", s.file, s.call->range,
              "cyclic `check()`: the rules of `" + model.decl(s.target).name + "` lead back to it through `check()` calls (" +
                  chain + "), so evaluating them would never end; write the condition out in one of these rules instead");
  }
}

}  // namespace zen::analysis::validate
