// Prisma's migration script layout, shared by every dialect's renderer: a `-- StepName`
// header per step, statements ending in `;`, a blank line between steps.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "diff/step.h"

namespace zen::dialect {

/// Renders each step with `render_step` (statements without semicolons) and lays them out.
/// Steps that render to nothing are left out; a migration with nothing to render is
/// "-- This is an empty migration.\n", as Prisma prints it.
std::string assemble_script(const diff::Migration& migration,
                            const std::function<std::vector<std::string>(const diff::Step&)>& render_step);

}  // namespace zen::dialect
