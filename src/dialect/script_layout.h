// Prisma's migration script layout, shared by every dialect's renderer: a `-- StepName`
// header per step, statements ending in `;`, a blank line between steps.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/step.h"

namespace zen::dialect {

/// Builds a script in Prisma's layout in one string. Renderers append the text of common
/// statements straight into `out()` between begin_statement() and end_statement(), and hand
/// the rest over as finished statements with add_statements().
class ScriptWriter {
 public:
  explicit ScriptWriter(size_t reserve = 0) { out_.reserve(reserve); }

  /// Writes the header of a step with exactly one statement; the statement's text follows.
  void begin_statement(std::string_view step_name) {
    if (!out_.empty()) out_ += '\n';
    out_ += "-- ";
    out_ += step_name;
    out_ += '\n';
  }
  std::string& out() { return out_; }
  void end_statement() { out_ += ";\n"; }

  /// A step's statements (without semicolons); a step without statements is left out.
  void add_statements(std::string_view step_name, const std::vector<std::string>& statements);

  /// The script; "-- This is an empty migration.\n" (as Prisma prints it) when empty.
  std::string finish() &&;

 private:
  std::string out_;
};

/// Renders each step with `render_step` (statements without semicolons) and lays them out.
/// Steps that render to nothing are left out; a migration with nothing to render is
/// "-- This is an empty migration.\n", as Prisma prints it.
std::string assemble_script(const diff::Migration& migration,
                            const std::function<std::vector<std::string>(const diff::Step&)>& render_step);

}  // namespace zen::dialect
