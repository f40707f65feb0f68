// Splitting SQL scripts into statements, for running them one at a time and for naming the
// line of a failing statement. Understands quotes, PostgreSQL dollar quotes and comments.
#pragma once

#include <string_view>
#include <vector>

namespace zen::db {

struct ScriptStatement {
  std::string_view text;  // without the terminating `;`, starting at its first token
  size_t line = 1;        // 1-based line of the first token in the script
};

/// Splits on top-level `;`. Comment-only pieces are dropped. Unterminated quotes or comments
/// run to the end of the script (the database reports them when the statement runs).
std::vector<ScriptStatement> split_script(std::string_view sql);

/// Whether `sql` holds nothing but whitespace and comments.
bool is_blank_script(std::string_view sql);

}  // namespace zen::db
