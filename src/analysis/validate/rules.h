// The validation hook: rules that run on a resolved Model and report diagnostics.
// Engineer H3 owns src/analysis/validate/: add one rule per file (a free function with the
// `Rule` signature) and list it in validation_rules() in rules.cpp. The analyzer (H2) calls
// every rule after name resolution; resolution diagnostics (unknown-type, unknown-attribute,
// unresolved-reference, duplicate-*, unresolved-import, cycles) are already reported by then,
// so rules should skip unresolved things (decl == kNone / target.kind == None) silently.
// Checks that read the same data of each declaration may run as one rule, one declaration at a
// time, each with its own loop number (per_declaration.cpp): a big model does not stay in the cache
// from one pass over every declaration to the next.
//
// Incremental validation (analysis::Host after an edit): a rule that loops over declarations
// calls ValidationContext::visit for each one and skips it when visit says so; what it reports
// until the next visit is kept with that declaration until it is checked again. Such a rule
// may read, besides the declaration checked, only the declarations that one refers to (types,
// bases, mixins, attributes, functions, the targets of its names, the auth declaration) and
// the datasource. A rule that does not call visit checks the whole model every time (keep it
// cheap).
#pragma once

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/model.h"
#include "base/diagnostic.h"

namespace zen::analysis {

/// Where a diagnostic comes from in a full analysis: the stage that reported it (`phase`), the
/// declaration being checked then (`owner`, kNone for whole-model checks) and its order among
/// the reports (`seq`). Stages check declarations in Model::decls order, so sorting by this key
/// gives the order of a full analysis even when only some declarations were checked again
/// (the Host keeps the other ones' diagnostics from the previous analysis).
struct DiagKey {
  uint32_t phase = 0;
  DeclId owner = kNone;
  uint64_t seq = 0;
  auto operator<=>(const DiagKey&) const = default;
};

class ValidationContext {
 public:
  ValidationContext(const Model& model, const std::vector<std::string_view>& texts,
                    std::vector<Diagnostic>& sink)
      : model_(model), texts_(texts), sink_(sink) {}

  const Model& model() const { return model_; }
  /// The text of a file (for precise ranges or quoting source); empty for unknown ids.
  std::string_view text(FileId file) const { return file < texts_.size() ? texts_[file] : std::string_view(); }

  /// Per-declaration rules call this before checking a declaration (`loop` numbers a rule's
  /// passes over the declarations); the rule skips the declaration when it returns false: its
  /// diagnostics from the previous analysis still hold (incremental validation, see
  /// set_recheck). What is reported until the next visit belongs to `d`.
  bool visit(const Decl& d, uint32_t loop = 0) {
    owner_ = d.id;
    loop_ = loop;
    return !recheck_ || (d.id < recheck_->size() && (*recheck_)[d.id]);
  }

  /// Reports a diagnostic; fills `path` from `file`. Returns it so data/related can be added.
  Diagnostic& report(Severity severity, std::string code, FileId file, TextRange range,
                     std::string message) {
    Diagnostic d;
    d.code = std::move(code);
    d.severity = severity;
    d.path = file < model_.files.size() ? model_.files[file].path : std::string();
    d.range = range;
    d.message = std::move(message);
    sink_.push_back(std::move(d));
    if (keys_) keys_->push_back(DiagKey{phase_ + loop_, owner_, seq_++});
    return sink_.back();
  }
  Diagnostic& error(std::string code, FileId file, TextRange range, std::string message) {
    return report(Severity::Error, std::move(code), file, range, std::move(message));
  }
  Diagnostic& warning(std::string code, FileId file, TextRange range, std::string message) {
    return report(Severity::Warning, std::move(code), file, range, std::move(message));
  }

  /// True when every declaration is checked (no incremental recheck set): a rule may then
  /// prepare what it needs of the whole model in one pass.
  bool checks_everything() const { return recheck_ == nullptr; }

  // For the analyzer that runs the rules.
  /// Only declarations with `(*recheck)[id]` are visited; nullptr: all of them.
  void set_recheck(const std::vector<bool>* recheck) { recheck_ = recheck; }
  /// Keys of the reported diagnostics, parallel to the sink's new entries.
  void set_keys(std::vector<DiagKey>* keys, uint64_t first_seq) {
    keys_ = keys;
    seq_ = first_seq;
  }
  /// Starts a rule: its diagnostics get phases from `phase` on (one per loop).
  void begin_rule(uint32_t phase) {
    phase_ = phase;
    loop_ = 0;
    owner_ = kNone;
  }
  uint64_t next_seq() const { return seq_; }

 private:
  const Model& model_;
  const std::vector<std::string_view>& texts_;
  std::vector<Diagnostic>& sink_;
  const std::vector<bool>* recheck_ = nullptr;
  std::vector<DiagKey>* keys_ = nullptr;
  uint32_t phase_ = 0;
  uint32_t loop_ = 0;
  DeclId owner_ = kNone;
  uint64_t seq_ = 0;
};

using Rule = void (*)(ValidationContext&);

/// Every validation rule, in the order they run (defined in rules.cpp).
std::span<const Rule> validation_rules();

}  // namespace zen::analysis
