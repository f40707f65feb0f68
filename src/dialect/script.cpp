// A small SQL lexer that finds statement boundaries.
#include "dialect/script.h"

#include <cctype>

namespace zen::db {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Skips one comment starting at `i` (which must start one); returns the offset after it.
size_t skip_comment(std::string_view sql, size_t i) {
  if (sql[i] == '-') {
    while (i < sql.size() && sql[i] != '\n') ++i;
    return i;
  }
  // PostgreSQL block comments nest.
  int depth = 0;
  while (i < sql.size()) {
    if (sql[i] == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      ++depth;
      i += 2;
    } else if (sql[i] == '*' && i + 1 < sql.size() && sql[i + 1] == '/') {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return i;
}

bool starts_comment(std::string_view sql, size_t i) {
  return i + 1 < sql.size() && ((sql[i] == '-' && sql[i + 1] == '-') || (sql[i] == '/' && sql[i + 1] == '*'));
}

/// At a `$`: returns the length of a dollar-quote tag (`$$`, `$tag$`), or 0.
size_t dollar_tag(std::string_view sql, size_t i) {
  size_t j = i + 1;
  while (j < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_')) ++j;
  if (j < sql.size() && sql[j] == '$') {
    // `$1` is a parameter, not a tag.
    if (j > i + 1 && std::isdigit(static_cast<unsigned char>(sql[i + 1]))) return 0;
    return j - i + 1;
  }
  return 0;
}

size_t skip_to_token(std::string_view sql, size_t i) {
  while (i < sql.size()) {
    if (is_space(sql[i])) {
      ++i;
    } else if (starts_comment(sql, i)) {
      i = skip_comment(sql, i);
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

std::vector<ScriptStatement> split_script(std::string_view sql) {
  std::vector<ScriptStatement> out;
  size_t line = 1;
  size_t i = 0;
  auto advance_to = [&](size_t target) {
    for (; i < target && i < sql.size(); ++i)
      if (sql[i] == '\n') ++line;
  };
  while (true) {
    advance_to(skip_to_token(sql, i));
    if (i >= sql.size()) break;
    if (sql[i] == ';') {
      advance_to(i + 1);
      continue;
    }
    size_t start = i;
    size_t start_line = line;
    size_t end = sql.size();
    while (i < sql.size()) {
      char c = sql[i];
      if (c == ';') {
        end = i;
        break;
      }
      if (starts_comment(sql, i)) {
        advance_to(skip_comment(sql, i));
        continue;
      }
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        // E'...' strings take backslash escapes.
        bool backslash = c == '\'' && i > start && (sql[i - 1] == 'E' || sql[i - 1] == 'e');
        size_t j = i + 1;
        while (j < sql.size()) {
          if (backslash && sql[j] == '\\') {
            j += 2;
            continue;
          }
          if (sql[j] == close) {
            if (close != ']' && j + 1 < sql.size() && sql[j + 1] == close) {
              j += 2;
              continue;
            }
            break;
          }
          ++j;
        }
        advance_to(j + 1);
        continue;
      }
      if (c == '$') {
        if (size_t tag = dollar_tag(sql, i)) {
          std::string_view t = sql.substr(i, tag);
          size_t close = sql.find(t, i + tag);
          advance_to(close == std::string_view::npos ? sql.size() : close + tag);
          continue;
        }
      }
      advance_to(i + 1);
    }
    std::string_view text = sql.substr(start, end - start);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    out.push_back({text, start_line});
    if (end < sql.size()) advance_to(end + 1);
  }
  return out;
}

bool is_blank_script(std::string_view sql) {
  size_t i = 0;
  while (true) {
    i = skip_to_token(sql, i);
    if (i >= sql.size()) return true;
    if (sql[i] != ';') return false;
    ++i;
  }
}

}  // namespace zen::db
