// Test helpers for the analyzer: multi-file fixtures (`//- /path` headers), inline expected
// diagnostics (`//  ^^^ error[code]: message` under the offending text), and a text dump of
// the semantic model for snapshot tests.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analysis.h"

namespace zen::analysis::testing {

/// Splits `//- /a.zmodel` sections; a fixture without headers is one file `/schema.zmodel`.
inline std::vector<SourceInput> split_fixture(std::string_view text) {
  std::vector<SourceInput> files;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (line.substr(0, 4) == "//- ") {
      files.push_back(SourceInput{std::string(line.substr(4)), ""});
    } else if (files.empty() && line.empty() && text.find("\n//- ") != std::string_view::npos) {
      // Blank lines before the first `//- ` header.
    } else {
      if (files.empty()) files.push_back(SourceInput{"/schema.zmodel", ""});
      files.back().text += std::string(line);
      files.back().text += '\n';
    }
    pos = eol + 1;
  }
  return files;
}

struct ExpectedDiag {
  std::string path;
  TextRange range;
  std::string severity;
  std::string code;     // empty: not checked
  std::string message;  // empty: not checked
};

/// Reads annotation lines: `//` + spaces + `^`+ then ` error[code]: message`. The carets mark
/// columns of the closest preceding line that is not an annotation.
inline std::vector<ExpectedDiag> read_annotations(const SourceInput& f) {
  std::vector<ExpectedDiag> out;
  const std::string& t = f.text;
  size_t pos = 0, prev_start = std::string::npos;
  while (pos < t.size()) {
    size_t eol = t.find('\n', pos);
    if (eol == std::string::npos) eol = t.size();
    std::string_view line(t.data() + pos, eol - pos);
    size_t caret = line.find('^');
    bool annotation = line.substr(0, 2) == "//" && caret != std::string_view::npos &&
                      line.substr(2, caret - 2).find_first_not_of(' ') == std::string_view::npos;
    if (annotation && prev_start != std::string::npos) {
      size_t end = line.find_first_not_of('^', caret);
      if (end == std::string_view::npos) end = line.size();
      ExpectedDiag e;
      e.path = f.path;
      e.range = TextRange{static_cast<uint32_t>(prev_start + caret), static_cast<uint32_t>(prev_start + end)};
      std::string_view rest = line.substr(end);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      size_t sev_end = rest.find_first_of("[:");
      e.severity = std::string(rest.substr(0, sev_end));
      rest.remove_prefix(sev_end == std::string_view::npos ? rest.size() : sev_end);
      if (!rest.empty() && rest.front() == '[') {
        size_t close = rest.find(']');
        e.code = std::string(rest.substr(1, close - 1));
        rest.remove_prefix(close + 1);
      }
      if (!rest.empty() && rest.front() == ':') {
        rest.remove_prefix(1);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        e.message = std::string(rest);
      }
      out.push_back(std::move(e));
    } else if (!annotation) {
      prev_start = pos;
    }
    pos = eol + 1;
  }
  return out;
}

/// Diagnostic codes produced by name resolution (the rest belongs to validation rules).
inline bool is_resolution_code(const std::string& code) {
  static const std::set<std::string> kCodes = {
      "syntax-error",        "unresolved-import",   "duplicate-declaration", "duplicate-field",
      "duplicate-enum-value", "unknown-type",       "unknown-attribute",     "unknown-function",
      "unresolved-reference", "cyclic-inheritance", "cyclic-mixin",          "extends-not-a-model",
      "mixin-not-a-type",      "extends-non-delegate", "file-not-found"};
  return kCodes.count(code) > 0;
}

inline std::string describe(const Diagnostic& d) {
  std::ostringstream s;
  s << d.path << "@" << d.range.start << ".." << d.range.end << " " << severity_name(d.severity) << "["
    << d.code << "]: " << d.message;
  return s.str();
}

/// Analyzes the fixture (entry: its first file) and checks that the resolution diagnostics are
/// exactly the annotated ones.
inline Analysis check_diagnostics(std::string_view fixture) {
  auto files = split_fixture(fixture);
  std::vector<ExpectedDiag> expected;
  for (const auto& f : files) {
    auto e = read_annotations(f);
    expected.insert(expected.end(), e.begin(), e.end());
  }
  Analysis a = analyze(files, files.front().path);
  std::vector<const Diagnostic*> actual;
  for (const auto& d : a.diagnostics)
    if (is_resolution_code(d.code)) actual.push_back(&d);
  std::vector<bool> matched(actual.size(), false);
  for (const auto& e : expected) {
    bool found = false;
    for (size_t i = 0; i < actual.size() && !found; ++i) {
      const Diagnostic& d = *actual[i];
      if (matched[i] || d.path != e.path || !(d.range == e.range) || e.severity != severity_name(d.severity)) continue;
      if (!e.code.empty() && e.code != d.code) continue;
      if (!e.message.empty() && e.message != d.message) continue;
      matched[i] = found = true;
    }
    INFO("expected: " << e.path << "@" << e.range.start << ".." << e.range.end << " " << e.severity << "[" << e.code
                      << "]: " << e.message);
    std::string all;
    for (const auto* d : actual) all += "  " + describe(*d) + "\n";
    INFO("actual:\n" << all);
    CHECK(found);
  }
  for (size_t i = 0; i < actual.size(); ++i) {
    INFO("unexpected: " << describe(*actual[i]));
    CHECK(matched[i]);
  }
  return a;
}

// ----- Model dump

inline std::string dump_expr(const Model& m, const Expr& e);

inline std::string dump_target(const Model& m, const Symbol& s) {
  switch (s.kind) {
    case SymbolKind::None: return "?";
    case SymbolKind::Decl: return std::string(decl_kind_name(m.decl(s.decl).kind)) + " " + m.decl(s.decl).name;
    case SymbolKind::Field: return m.decl(s.decl).name + "." + m.decl(s.decl).fields[s.member].name;
    case SymbolKind::EnumValue: return m.decl(s.decl).name + "." + m.decl(s.decl).values[s.member].name;
    case SymbolKind::Param: return m.decl(s.decl).name + "(" + m.decl(s.decl).params[s.member].name + ")";
    case SymbolKind::ConfigField: return m.decl(s.decl).name + "." + m.decl(s.decl).config[s.member].name;
    case SymbolKind::Binding: return "binding@" + std::to_string(s.binding_range.start);
  }
  return "?";
}

inline std::string dump_args(const Model& m, const std::vector<Argument>& args) {
  std::string s;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) s += ", ";
    if (!args[i].param.empty()) s += std::string(args[i].param) + "=";
    else if (!args[i].name.empty()) s += args[i].name + ":";
    s += dump_expr(m, args[i].value);
  }
  return s;
}

inline std::string dump_expr(const Model& m, const Expr& e) {
  switch (e.kind) {
    case ExprKind::Error: return "<error>";
    case ExprKind::String: return "\"" + e.text + "\"";
    case ExprKind::Number:
    case ExprKind::Boolean: return e.text;
    case ExprKind::Null: return "null";
    case ExprKind::This: return "this";
    case ExprKind::Reference: return e.text + "{" + dump_target(m, e.target) + "}";
    case ExprKind::Member:
      return dump_expr(m, e.children[0]) + "." + e.text + "{" + dump_target(m, e.target) + "}";
    case ExprKind::Call:
      return e.text + "{" + dump_target(m, e.target) + "}(" + dump_args(m, e.args) + ")";
    case ExprKind::Array: {
      std::string s = "[";
      for (size_t i = 0; i < e.children.size(); ++i) s += (i ? ", " : "") + dump_expr(m, e.children[i]);
      return s + "]";
    }
    case ExprKind::Object: return "{" + dump_args(m, e.args) + "}";
    case ExprKind::Binary: return "(" + dump_expr(m, e.children[0]) + " " + e.text + " " + dump_expr(m, e.children[1]) + ")";
    case ExprKind::Unary: return "!" + dump_expr(m, e.children[0]);
    case ExprKind::Predicate:
      return dump_expr(m, e.children[0]) + e.text + "[" + (e.binding.empty() ? "" : e.binding + ", ") +
             dump_expr(m, e.children[1]) + "]";
  }
  return "?";
}

inline std::string dump_attr(const Model& m, const AttributeApp& a) {
  std::string s = a.name;
  if (a.decl == kNone) s += "{?}";
  if (!a.args.empty()) s += "(" + dump_args(m, a.args) + ")";
  return s;
}

/// One line per model/view/type field (all_fields, with origin) and per model attribute.
inline std::string dump_decl(const Model& m, const Decl& d) {
  std::string s = std::string(decl_kind_name(d.kind)) + " " + d.name + (d.is_abstract ? " (abstract)" : "") + "\n";
  for (const auto& slot : d.all_fields) {
    const Field& f = *slot.field;
    s += "  " + f.name + " " + f.type.name + (f.type.list ? "[]" : "") + (f.type.optional ? "?" : "");
    if (slot.inherited) s += " <" + m.decl(slot.origin).name;
    for (const auto& a : f.attributes) s += " " + dump_attr(m, a);
    s += "\n";
  }
  for (const auto& a : d.all_attributes) {
    s += "  " + dump_attr(m, a);
    if (a.origin != d.id && a.origin != kNone) s += " <" + m.decl(a.origin).name;
    s += "\n";
  }
  for (const auto& v : d.values) {
    s += "  " + v.name;
    for (const auto& a : v.attributes) s += " " + dump_attr(m, a);
    s += "\n";
  }
  return s;
}

}  // namespace zen::analysis::testing
