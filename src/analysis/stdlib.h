// The embedded ZModel standard library (stdlib.zmodel in this folder, compiled in).
#pragma once

#include <string_view>

namespace zen::analysis {

/// The text of stdlib.zmodel. Its declarations are visible in every schema (file 0 of a Model).
std::string_view stdlib_text();

}  // namespace zen::analysis
