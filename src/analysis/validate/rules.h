// The validation hook: rules that run on a resolved Model and report diagnostics.
// Engineer H3 owns src/analysis/validate/: add one rule per file (a free function with the
// `Rule` signature) and list it in validation_rules() in rules.cpp. The analyzer (H2) calls
// every rule after name resolution; resolution diagnostics (unknown-type, unknown-attribute,
// unresolved-reference, duplicate-*, unresolved-import, cycles) are already reported by then,
// so rules should skip unresolved things (decl == kNone / target.kind == None) silently.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/model.h"
#include "base/diagnostic.h"

namespace zen::analysis {

class ValidationContext {
 public:
  ValidationContext(const Model& model, const std::vector<std::string_view>& texts,
                    std::vector<Diagnostic>& sink)
      : model_(model), texts_(texts), sink_(sink) {}

  const Model& model() const { return model_; }
  /// The text of a file (for precise ranges or quoting source); empty for unknown ids.
  std::string_view text(FileId file) const { return file < texts_.size() ? texts_[file] : std::string_view(); }

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
    return sink_.back();
  }
  Diagnostic& error(std::string code, FileId file, TextRange range, std::string message) {
    return report(Severity::Error, std::move(code), file, range, std::move(message));
  }
  Diagnostic& warning(std::string code, FileId file, TextRange range, std::string message) {
    return report(Severity::Warning, std::move(code), file, range, std::move(message));
  }

 private:
  const Model& model_;
  const std::vector<std::string_view>& texts_;
  std::vector<Diagnostic>& sink_;
};

using Rule = void (*)(ValidationContext&);

/// Every validation rule, in the order they run (defined in rules.cpp).
std::span<const Rule> validation_rules();

}  // namespace zen::analysis
