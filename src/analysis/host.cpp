// The analyzer's driver: per-file parse trees and lowered declarations (Host), import
// resolution over the workspace, name resolution, validation rules, sorted diagnostics.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <optional>
#include <span>
#include <thread>
#include <unordered_map>

#include "analysis/analysis.h"
#include "analysis/internal/cst.h"
#include "analysis/internal/fast_lower.h"
#include "analysis/internal/lower.h"
#include "analysis/internal/resolve.h"
#include "analysis/stdlib.h"
#include "analysis/validate/rules.h"
#include "syntax/parse.h"
#include "syntax/syntax_error.h"

namespace zen::analysis {

namespace {

std::vector<Diagnostic> to_diagnostics(const std::vector<syntax::SyntaxError>& errors) {
  std::vector<Diagnostic> out;
  out.reserve(errors.size());
  for (const auto& e : errors) out.push_back(syntax::to_diagnostic(e, ""));
  return out;
}

FileDecls lower_tree(const syntax::SyntaxTree& tree, FileDecls* old = nullptr, const FileEdit* edit = nullptr) {
  FileDecls d = lower_file(tree.root().raw(), tree.text(), old, edit);
  d.syntax_errors = syntax::syntax_diagnostics(tree, "");
  return d;
}

// Lowered once per process (the text is built in); by the fast path, which gives what the
// tree-sitter path gives (fast_lower_test checks the stdlib too) in a third of the time.
const FileDecls& stdlib_decls() {
  static const FileDecls decls = [] {
    if (auto fast = fast_lower_file(stdlib_text())) return std::move(*fast);
    return lower_tree(syntax::SyntaxTree::parse(std::string(stdlib_text())));
  }();
  return decls;
}

std::string lower_ascii(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

// A diagnostic kept from an earlier analysis for the declaration it belongs to (DiagKey::owner),
// with the declarations its ranges point into, so that it moves along with them.
struct KeptDiag {
  Diagnostic diag;
  DiagKey key;
  DeclId anchor = kNone;
  std::vector<DeclId> related_anchors;
};

// From this much schema text on (imports included, stdlib not), the validation rules run on two
// threads: below it a thread costs more than it saves.
constexpr size_t kParallelRulesFrom = 128 * 1024;

// Runs every validation rule over a complete model and appends what they report to `diags`, in
// rule order. On a large model the rules are shared between this thread and one worker: a rule
// only reads the model and reports into its own list, and the lists are joined in rule order,
// so the result is the one a serial run gives. `alongside`, when given, runs on this thread
// while the worker starts on the rules (see Host::analyze); this thread takes rules when it is
// done.
void run_rules(const Model& model, const std::vector<std::string_view>& texts, std::vector<Diagnostic>& diags,
               const ResolvedHook* alongside, bool parallel) {
  std::span<const Rule> rules = validation_rules();
  if (!parallel) {
    ValidationContext ctx(model, texts, diags);
    for (Rule rule : rules)
      if (rule) rule(ctx);
    if (alongside) (*alongside)(model);
    return;
  }
  std::vector<std::vector<Diagnostic>> found(rules.size());
  std::atomic<size_t> next{0};
  auto take_rules = [&] {
    for (size_t i; (i = next.fetch_add(1)) < rules.size();) {
      if (!rules[i]) continue;
      ValidationContext ctx(model, texts, found[i]);
      rules[i](ctx);
    }
  };
  {
    std::jthread worker(take_rules);  // joined when this scope ends, even on an exception
    if (alongside) (*alongside)(model);
    take_rules();
  }
  for (auto& list : found)
    for (auto& d : list) diags.push_back(std::move(d));
}

// Validation phases (DiagKey::phase) start here, after name resolution's; each rule gets a few
// (one per pass over the declarations).
constexpr uint32_t kFirstRulePhase = 100;
constexpr uint32_t kPhasesPerRule = 4;
constexpr uint32_t kImportPhase = 0, kSyntaxPhase = 1;

bool is_validation(const DiagKey& k) { return k.phase >= kFirstRulePhase; }

// The declaration whose range holds `pos` in `path`; kNone if there is none.
DeclId anchor_of(const Model& m, const std::string& path, uint32_t pos) {
  FileId file = m.file_id(path);
  if (file == kNone) return kNone;
  // Declarations of a file are contiguous and in source order.
  auto it = std::upper_bound(m.decls.begin(), m.decls.end(), std::make_pair(file, pos),
                             [](const std::pair<FileId, uint32_t>& key, const Decl& d) {
                               return key.first != d.file ? key.first < d.file : key.second < d.range.start;
                             });
  if (it == m.decls.begin()) return kNone;
  --it;
  if (it->file != file || pos > it->range.end) return kNone;
  return it->id;
}

void shift_range(TextRange& r, int64_t delta) {
  r.start = static_cast<uint32_t>(r.start + delta);
  r.end = static_cast<uint32_t>(r.end + delta);
}

struct FileState {
  /// The text when there is no tree (the tree holds it otherwise).
  std::string own_text;
  std::optional<syntax::SyntaxTree> tree;
  /// With a tree: the unterminated strings of its text, kept up to date by edits.
  syntax::StringScan strings;
  FileDecls decls;
  /// False once the declarations were moved into a model (HostOptions::keep_declarations).
  bool lowered = false;
  const std::string& text() const { return tree ? tree->text() : own_text; }
};

}  // namespace

std::string resolve_import_path(std::string_view importing_file, std::string_view import_path) {
  std::string joined;
  bool absolute = !import_path.empty() && import_path.front() == '/';
  if (!absolute) {
    size_t slash = importing_file.rfind('/');
    if (slash != std::string_view::npos) joined = std::string(importing_file.substr(0, slash + 1));
  }
  joined += import_path;
  bool rooted = !joined.empty() && joined.front() == '/';
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= joined.size()) {
    size_t j = joined.find('/', i);
    if (j == std::string::npos) j = joined.size();
    std::string seg = joined.substr(i, j - i);
    i = j + 1;
    if (seg.empty() || seg == ".") continue;
    if (seg == ".." && !parts.empty() && parts.back() != "..") {
      parts.pop_back();
      continue;
    }
    if (seg == ".." && rooted) continue;
    parts.push_back(std::move(seg));
  }
  std::string out = rooted ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += '/';
    out += parts[k];
  }
  if (out.size() < 7 || out.compare(out.size() - 7, 7, ".zmodel") != 0) out += ".zmodel";
  return out;
}

bool Analysis::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

struct Host::Impl {
  HostOptions options;
  std::map<std::string, FileState> files;
  uint64_t generation = 0;
  uint64_t cached_generation = ~uint64_t{0};
  std::string cached_entry;
  std::shared_ptr<Analysis> cached;
  /// What the last analysis (`cached`) recorded for an incremental update of its model, and
  /// per declaration the diagnostics it reported (resolution and validation).
  BuildState state;
  std::vector<std::vector<KeptDiag>> kept;

  // Lowers a file's whole text: straight from the text when trees are not kept and the fast
  // lowering accepts it, else from a tree-sitter tree (kept, with its string scan).
  void lower(FileState& f) {
    f.lowered = true;
    if (!f.tree && !options.keep_syntax_trees) {
      if (auto decls = fast_lower_file(f.own_text)) {
        // The fast lowering only accepts texts without any syntax error, unterminated strings
        // included (its contract; tests/analysis/fast_lower_test.cpp checks it), so there is
        // nothing to report.
        f.decls = std::move(*decls);
        return;
      }
    }
    if (!f.tree) {
      f.tree = syntax::SyntaxTree::parse(std::move(f.own_text));
      f.own_text = std::string();
      f.strings = syntax::StringScan(f.tree->text());
    }
    relower(f);
  }

  void relower(FileState& f, FileDecls* old = nullptr, const FileEdit* edit = nullptr) {
    f.decls = lower_file(f.tree->root().raw(), f.tree->text(), old, edit);
    f.decls.syntax_errors = to_diagnostics(syntax::syntax_errors(*f.tree, f.strings.errors()));
    f.lowered = true;
  }

  /// The loaded path an import resolves to: the exact path, else a case-insensitive match.
  const std::string* find_file(const std::string& resolved) const {
    if (auto it = files.find(resolved); it != files.end()) return &it->first;
    std::string want = lower_ascii(resolved);
    for (const auto& [path, _] : files)
      if (lower_ascii(path) == want) return &path;
    return nullptr;
  }

  // Files the entry reaches, resolved imports, diagnostics about imports and syntax.
  Analysis run(std::string_view entry_view, Model* recycle = nullptr, const ResolvedHook* alongside = nullptr) {
    Analysis result;
    std::string entry(entry_view);
    std::vector<Diagnostic> diags;
    // Depth-first pre-order from the entry; FileIds follow that order (stdlib is 0).
    std::vector<const std::string*> order;
    std::unordered_map<std::string_view, FileId> ids;
    std::vector<std::vector<FileId>> imports;
    const std::string* entry_path = find_file(entry);
    if (!entry_path) {
      Diagnostic d;
      d.code = "file-not-found";
      d.path = entry;
      d.message = "schema file `" + entry + "` is not loaded; check the path";
      result.diagnostics.push_back(std::move(d));
    }
    auto visit = [&](auto&& self, const std::string* path) -> FileId {
      if (auto it = ids.find(*path); it != ids.end()) return it->second;
      FileId id = static_cast<FileId>(order.size() + 1);
      ids.emplace(*path, id);
      order.push_back(path);
      imports.emplace_back();
      FileState& fs = files.at(*path);
      if (!fs.lowered) lower(fs);
      std::vector<FileId> mine;
      for (const ImportDecl& imp : fs.decls.imports) {
        std::string resolved = resolve_import_path(*path, imp.path);
        const std::string* target = find_file(resolved);
        if (!target) {
          Diagnostic d;
          d.code = "unresolved-import";
          d.path = *path;
          d.range = imp.range;
          d.message = "cannot find the imported file `" + resolved + "`; fix the path (it is relative to `" +
                      *path + "`, and `.zmodel` is added when missing)";
          d.data.emplace_back("path", resolved);
          diags.push_back(std::move(d));
          continue;
        }
        mine.push_back(self(self, target));
      }
      imports[id - 1] = std::move(mine);
      return id;
    };
    if (entry_path) visit(visit, entry_path);

    std::vector<ResolveInput> inputs;
    inputs.push_back(ResolveInput{std::string(kStdlibPath), &stdlib_decls(), {}});
    std::vector<std::string_view> texts;
    texts.push_back(stdlib_text());
    for (size_t i = 0; i < order.size(); ++i) {
      FileState& fs = files.at(*order[i]);
      inputs.push_back(ResolveInput{*order[i], &fs.decls, imports[i], nullptr});
      if (!options.keep_declarations) {
        inputs.back().consumable = &fs.decls;
        fs.lowered = false;
      }
      texts.push_back(fs.text());
      for (Diagnostic d : fs.decls.syntax_errors) {
        d.path = *order[i];
        diags.push_back(std::move(d));
      }
    }
    // A one-shot analysis sorts its diagnostics in report order; a Host keeps per declaration
    // what it reported and sorts by DiagKey, which gives the same order (see DiagKey).
    if (!options.keep_declarations) {
      build_model(inputs, result.model, diags, recycle, nullptr, kParallelResolveFrom, options.collect_references);
      // What the model consumed is left as moved-from declarations: freed now, their memory
      // is there for what comes next (a large schema's lowering to tables) instead of fresh pages.
      for (const ResolveInput& in : inputs)
        if (in.consumable) *in.consumable = FileDecls{};
      // The hook gets only models without errors so far (it may still get one that validation
      // rejects: its caller decides after the analysis).
      bool clean = std::none_of(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
      size_t text_bytes = 0;
      for (size_t i = 1; i < texts.size(); ++i) text_bytes += texts[i].size();
      run_rules(result.model, texts, diags, clean ? alongside : nullptr,
                text_bytes >= kParallelRulesFrom && std::thread::hardware_concurrency() > 1);
      sort_diagnostics(result.model, diags, nullptr);
      for (auto& d : diags) result.diagnostics.push_back(std::move(d));
      return result;
    }

    std::vector<DiagKey> keys;
    keys.reserve(diags.size());
    for (const Diagnostic& d : diags) {
      uint32_t phase = d.code == "unresolved-import" ? kImportPhase : kSyntaxPhase;
      keys.push_back(DiagKey{phase, kNone, state.next_seq++});
    }
    // Resolution: in place when the edits allow it (and nobody else holds the previous model),
    // else from scratch.
    std::vector<Diagnostic> found;
    bool incremental = recycle && update_model(inputs, *recycle, found, state);
    if (incremental) {
      result.model = std::move(*recycle);
    } else {
      build_model(inputs, result.model, found, recycle, &state, kParallelResolveFrom, options.collect_references);
      kept.assign(result.model.decls.size(), {});
    }
    std::vector<DiagKey> found_keys = std::move(state.keys);
    ValidationContext ctx(result.model, texts, found);
    ctx.set_keys(&found_keys, state.next_seq);
    if (incremental) ctx.set_recheck(&state.recheck);
    uint32_t phase = kFirstRulePhase;
    for (Rule rule : validation_rules()) {
      ctx.begin_rule(phase);
      phase += kPhasesPerRule;
      // Per-declaration rules skip what need not be checked again (ValidationContext::visit);
      // the others are cheap and check the whole model.
      if (rule) rule(ctx);
    }
    state.next_seq = ctx.next_seq();
    keep_diagnostics(result.model, found, found_keys, incremental, diags, keys);
    sort_diagnostics(result.model, diags, &keys);
    for (auto& d : diags) result.diagnostics.push_back(std::move(d));
    if (alongside && !result.has_errors()) (*alongside)(result.model);
    return result;
  }

  // Sorts by file (Model::files order), then position; at one position by DiagKey, or without
  // keys in the order given (stable).
  static void sort_diagnostics(const Model& model, std::vector<Diagnostic>& diags, std::vector<DiagKey>* keys) {
    std::unordered_map<std::string_view, size_t> file_rank;
    for (size_t i = 0; i < model.files.size(); ++i) file_rank.emplace(model.files[i].path, i);
    auto rank = [&](const Diagnostic& d) {
      auto it = file_rank.find(d.path);
      return it == file_rank.end() ? model.files.size() : it->second;
    };
    auto before = [&](const Diagnostic& a, const Diagnostic& b) {
      size_t ra = rank(a), rb = rank(b);
      if (ra != rb) return ra < rb;
      if (a.range.start != b.range.start) return a.range.start < b.range.start;
      return a.range.end < b.range.end;
    };
    if (!keys) {
      // By file order, then position; stable so equal positions keep their report order.
      std::stable_sort(diags.begin(), diags.end(), before);
      return;
    }
    std::vector<size_t> order(diags.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      if (before(diags[a], diags[b])) return true;
      if (before(diags[b], diags[a])) return false;
      return (*keys)[a] < (*keys)[b];
    });
    std::vector<Diagnostic> sorted;
    sorted.reserve(diags.size());
    for (size_t i : order) sorted.push_back(std::move(diags[i]));
    diags = std::move(sorted);
  }

  // Stores the diagnostics this analysis reported for declarations in `kept` (replacing those
  // of the declarations resolved or validated again, and moving the others along with the
  // declarations they point into), then appends every diagnostic of the analysis, kept ones
  // included, to `out` (with their keys to `out_keys`).
  void keep_diagnostics(const Model& model, std::vector<Diagnostic>& found, const std::vector<DiagKey>& found_keys,
                        bool incremental, std::vector<Diagnostic>& out, std::vector<DiagKey>& out_keys) {
    const size_t n = model.decls.size();
    std::vector<bool> touched(n, !incremental);
    if (incremental) {
      for (DeclId i = 0; i < n; ++i) {
        auto& mine = kept[i];
        if (state.resolved[i]) {
          mine.clear();
          touched[i] = true;
        } else if (state.recheck[i]) {
          std::erase_if(mine, [](const KeptDiag& k) { return is_validation(k.key); });
          touched[i] = true;
        }
        for (KeptDiag& k : mine) {
          if (k.anchor != kNone && state.delta[k.anchor] != 0) shift_range(k.diag.range, state.delta[k.anchor]);
          for (size_t r = 0; r < k.related_anchors.size(); ++r) {
            DeclId a = k.related_anchors[r];
            if (a != kNone && state.delta[a] != 0) shift_range(k.diag.related[r].range, state.delta[a]);
          }
        }
      }
    }
    for (size_t i = 0; i < found.size(); ++i) {
      const DiagKey& key = found_keys[i];
      if (key.owner == kNone) {
        // Whole-model checks run every time.
        out.push_back(std::move(found[i]));
        out_keys.push_back(key);
        continue;
      }
      KeptDiag k{std::move(found[i]), key, kNone, {}};
      k.anchor = anchor_of(model, k.diag.path, k.diag.range.start);
      for (const auto& r : k.diag.related) k.related_anchors.push_back(anchor_of(model, r.path, r.range.start));
      kept[key.owner].push_back(std::move(k));
    }
    state.anchors.resize(n);
    state.unanchored.resize(n, false);
    for (DeclId i = 0; i < n; ++i) {
      if (!touched[i]) continue;
      auto& anchors = state.anchors[i];
      anchors.clear();
      bool unanchored = false;
      for (const KeptDiag& k : kept[i]) {
        unanchored |= k.anchor == kNone;
        if (k.anchor != i && k.anchor != kNone) anchors.push_back(k.anchor);
        for (DeclId a : k.related_anchors) {
          unanchored |= a == kNone;
          if (a != i && a != kNone) anchors.push_back(a);
        }
      }
      std::sort(anchors.begin(), anchors.end());
      anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());
      state.unanchored[i] = unanchored;
    }
    for (const auto& mine : kept)
      for (const KeptDiag& k : mine) {
        out.push_back(k.diag);
        out_keys.push_back(k.key);
      }
  }
};

Host::Host(HostOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = options; }
Host::~Host() = default;

void Host::set_file_text(const std::string& path, std::string text) {
  auto [it, added] = impl_->files.try_emplace(path);
  FileState& f = it->second;
  if (!added && f.text() == text) return;
  f.tree.reset();
  f.own_text = std::move(text);
  impl_->lower(f);
  ++impl_->generation;
}

bool Host::apply_edit(const std::string& path, const TextEdit& edit) {
  auto it = impl_->files.find(path);
  if (it == impl_->files.end()) return false;
  FileState& f = it->second;
  if (edit.range.start > edit.range.end || edit.range.end > f.text().size()) return false;
  ++impl_->generation;
  if (!f.tree) {
    // A file lowered without a tree: parse the edited text from scratch.
    f.own_text.replace(edit.range.start, edit.range.end - edit.range.start, edit.new_text);
    f.tree = syntax::SyntaxTree::parse(std::move(f.own_text));
    f.own_text = std::string();
    f.strings = syntax::StringScan(f.tree->text());
    impl_->relower(f);
    return true;
  }
  FileEdit fe;
  fe.start = edit.range.start;
  fe.old_end = edit.range.end;
  fe.new_end = edit.range.start + static_cast<uint32_t>(edit.new_text.size());
  fe.changed = f.tree->replace(edit.range, edit.new_text);
  f.strings.update(f.tree->text(), fe.start, fe.old_end, fe.new_end);
  if (f.lowered) impl_->relower(f, &f.decls, &fe);
  else impl_->relower(f);
  return true;
}

bool Host::remove_file(const std::string& path) {
  if (impl_->files.erase(path) == 0) return false;
  ++impl_->generation;
  return true;
}

const std::string* Host::file_text(const std::string& path) const {
  auto it = impl_->files.find(path);
  return it == impl_->files.end() ? nullptr : &it->second.text();
}

std::vector<std::string> Host::missing_imports(std::string_view entry) {
  std::vector<std::string> missing;
  const std::string* start = impl_->find_file(std::string(entry));
  if (!start) return {std::string(entry)};
  std::vector<const std::string*> todo{start};
  std::unordered_map<std::string_view, bool> seen{{*start, true}};
  while (!todo.empty()) {
    const std::string* p = todo.back();
    todo.pop_back();
    FileState& fs = impl_->files.at(*p);
    if (!fs.lowered) impl_->lower(fs);
    for (const ImportDecl& imp : fs.decls.imports) {
      std::string resolved = resolve_import_path(*p, imp.path);
      const std::string* target = impl_->find_file(resolved);
      if (!target) {
        if (std::find(missing.begin(), missing.end(), resolved) == missing.end()) missing.push_back(resolved);
        continue;
      }
      if (seen.emplace(*target, true).second) todo.push_back(target);
    }
  }
  return missing;
}

std::shared_ptr<const Analysis> Host::analyze(std::string_view entry, const ResolvedHook& alongside) {
  const ResolvedHook* hook = alongside ? &alongside : nullptr;
  if (impl_->cached && impl_->cached_generation == impl_->generation && impl_->cached_entry == entry) {
    if (hook && !impl_->cached->has_errors()) alongside(impl_->cached->model);
    return impl_->cached;
  }
  // When nobody else holds the previous snapshot, its declarations are recycled: moved into the
  // new model and reset, instead of copying every declaration and freeing the old ones.
  std::shared_ptr<Analysis> old = std::move(impl_->cached);
  Model* recycle = old && old.use_count() == 1 ? &old->model : nullptr;
  impl_->cached = std::make_shared<Analysis>(impl_->run(entry, recycle, hook));
  // Freeing a large model takes a noticeable part of a re-analysis; free what is left of the
  // previous snapshot on a short-lived thread (as rust-analyzer does).
  if (old && old.use_count() == 1 && old->model.decls.size() > 2000)
    std::thread([o = std::move(old)]() mutable { o.reset(); }).detach();
  impl_->cached_generation = impl_->generation;
  impl_->cached_entry = std::string(entry);
  return impl_->cached;
}

Analysis analyze(const std::vector<SourceInput>& files, std::string_view entry) {
  Host host(HostOptions{.keep_syntax_trees = false, .keep_declarations = false});
  for (const auto& f : files) host.set_file_text(f.path, f.text);
  return host.impl_->run(entry);
}

}  // namespace zen::analysis
