// Helpers shared by the diff tests: txtar parsing and ZModel text -> normalised schema.
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "dialect/dialect.h"
#include "schema/lower_zmodel.h"

namespace zen::testing {

struct Txtar {
  std::string header;
  std::vector<std::string> order;
  std::map<std::string, std::string> sections;
  bool has(const std::string& name) const { return sections.count(name) > 0; }
  const std::string& get(const std::string& name) const {
    static const std::string kEmpty;
    auto it = sections.find(name);
    return it == sections.end() ? kEmpty : it->second;
  }
};

inline Txtar parse_txtar(const std::string& text) {
  Txtar t;
  std::istringstream in(text);
  std::string line;
  std::string* cur = nullptr;
  while (std::getline(in, line)) {
    if (line.size() > 6 && line.rfind("-- ", 0) == 0 && line.substr(line.size() - 3) == " --") {
      std::string name = line.substr(3, line.size() - 6);
      t.order.push_back(name);
      cur = &t.sections[name];
      continue;
    }
    std::string& target = cur ? *cur : t.header;
    target += line;
    target += "\n";
  }
  return t;
}

inline std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Lowered {
  schema::Schema schema;
  std::string errors;  // analysis/lowering errors, one per line
};

/// Analyzes and lowers `text` (an empty text is an empty schema) and normalises it.
inline Lowered lower_text(const std::string& text, const dialect::Dialect& d) {
  Lowered out;
  bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank) {
    out.schema = d.empty_schema();
    return out;
  }
  auto analysis = analysis::analyze({{"/schema.zmodel", text}}, "/schema.zmodel");
  for (const auto& diag : analysis.diagnostics)
    if (diag.severity == Severity::Error) out.errors += diag.code + ": " + diag.message + "\n";
  schema::LowerOptions opts;
  opts.provider = d.provider();
  auto lowered = schema::lower_zmodel(analysis.model, opts);
  for (const auto& diag : lowered.diagnostics) out.errors += diag.code + ": " + diag.message + "\n";
  out.schema = std::move(lowered.schema);
  d.normalize(out.schema);
  return out;
}

}  // namespace zen::testing
