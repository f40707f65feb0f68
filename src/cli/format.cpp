// `zen format [--schema FILE] [--check] [FILE...]`: formats a schema and the files it imports
// in place, or with --check lists the files that would change and exits 1.
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "analysis/analysis.h"
#include "base/line_index.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "ide/format.h"

namespace zen::cli {
namespace {

namespace fs = std::filesystem;

const std::vector<FlagSpec> kFormatFlags = {
    {"schema", true, {}, "the schema file (default: ./schema.zmodel, ./zenstack/schema.zmodel or ./prisma/schema.prisma)"},
    {"check", false, {}, "do not write; list the files that would change and exit 1 if there are any"},
    {"help", false, {"h"}, "show this help"},
};

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<std::string> default_schema() {
  for (const char* p : {"schema.zmodel", "zenstack/schema.zmodel", "prisma/schema.prisma", "schema.prisma"})
    if (fs::exists(p)) return std::string(p);
  return std::nullopt;
}

// The entry file and every file it imports (transitively) that exists on disk.
std::vector<std::string> collect_files(const std::string& entry) {
  // Only the imports are needed: no trees, and the files are formatted from their text later.
  analysis::Host host(analysis::HostOptions{.keep_syntax_trees = false});
  std::vector<std::string> files;
  auto text = read_file(entry);
  if (!text) return {entry};
  host.set_file_text(entry, std::move(*text));
  files.push_back(entry);
  for (int round = 0; round < 100; ++round) {
    bool loaded = false;
    for (const std::string& path : host.missing_imports(entry)) {
      auto t = read_file(path);
      if (!t) continue;
      host.set_file_text(path, std::move(*t));
      files.push_back(path);
      loaded = true;
    }
    if (!loaded) break;
  }
  return files;
}

}  // namespace

int run_format(const std::vector<std::string>& args, Console& console) {
  auto parsed = parse_args(args, kFormatFlags);
  if (!parsed) {
    console.err << "error: " << parsed.error().message << "\n";
    return 2;
  }
  if (parsed->has("help")) {
    console.out << "Usage: zen format [--schema FILE] [--check] [FILE...]\n\n"
                   "Formats a schema and the files it imports in place.\n\nOptions:\n"
                << render_flags_help(kFormatFlags);
    return 0;
  }
  std::vector<std::string> files;
  if (auto schema = parsed->get("schema")) {
    files = collect_files(*schema);
  } else if (!parsed->positional.empty()) {
    files = parsed->positional;
  } else if (auto found = default_schema()) {
    files = collect_files(*found);
  } else {
    console.err << "error: no schema found in the current directory; pass one with `--schema FILE`\n";
    return 2;
  }
  bool check = parsed->has("check");
  int would_change = 0, failed = 0;
  for (const std::string& path : files) {
    auto text = read_file(path);
    if (!text) {
      console.err << "error: cannot read `" << path << "`\n";
      ++failed;
      continue;
    }
    auto result = ide::format_document(path, *text, ide::FormatOptions{ide::default_indent_for(path)});
    if (!result.text) {
      LineIndex index(*text);
      for (const Diagnostic& d : result.errors) {
        LineCol lc = index.line_col(d.range.start);
        console.err << path << ":" << lc.line + 1 << ":" << lc.column + 1 << ": error[" << d.code
                    << "]: " << d.message << "\n";
      }
      console.err << "error: `" << path << "` has syntax errors and was not formatted; fix them first\n";
      ++failed;
      continue;
    }
    if (*result.text == *text) continue;
    ++would_change;
    if (check) {
      console.out << "would reformat " << path << "\n";
      continue;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << *result.text;
    if (!out) {
      console.err << "error: cannot write `" << path << "`\n";
      ++failed;
      continue;
    }
    console.out << "formatted " << path << "\n";
  }
  if (failed) return 1;
  if (check && would_change) return 1;
  if (!would_change) console.out << files.size() << (files.size() == 1 ? " file" : " files") << " already formatted\n";
  return 0;
}

}  // namespace zen::cli
