// load_schema: reads a schema and its imports through a FileSystem and analyzes them.
#include "commands/load_schema.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "base/line_index.h"

namespace zen::commands {

namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The file to read for an import: the exact path, else a case-insensitive match of the file
// name in the same folder (sorted, so the choice is deterministic).
std::optional<std::pair<std::string, std::string>> read_import(const std::string& path, const FileSystem& fs) {
  if (auto text = fs.read(path)) return std::make_pair(path, std::move(*text));
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::vector<std::string> names = fs.list(dir);
  std::sort(names.begin(), names.end());
  std::string want = lower_ascii(name);
  for (const auto& n : names) {
    if (lower_ascii(n) != want) continue;
    std::string actual = slash == std::string::npos ? n : dir + "/" + n;
    if (auto text = fs.read(actual)) return std::make_pair(actual, std::move(*text));
  }
  return std::nullopt;
}

}  // namespace

const std::string* LoadedSchema::text(const std::string& path) const {
  if (!host || std::find(files.begin(), files.end(), path) == files.end()) return nullptr;
  return host->file_text(path);
}

Result<LoadedSchema> load_schema(const std::string& entry, const FileSystem& fs, const analysis::ResolvedHook& alongside) {
  auto text = fs.read(entry);
  if (!text) return fail(ErrorCode::NotFound, "cannot read the schema file `" + entry + "`; check the path or pass one with `--schema`");
  LoadedSchema out;
  out.entry = entry;
  // Analyzed once: no trees to keep for edits, declarations moved into the model, and no
  // record of name uses (what an editor's go-to-definition needs, not a command).
  auto owned_host = std::make_shared<analysis::Host>(analysis::HostOptions{
      .keep_syntax_trees = false, .keep_declarations = false, .collect_references = false});
  analysis::Host& host = *owned_host;
  out.files.push_back(entry);
  host.set_file_text(entry, std::move(*text));
  std::vector<std::string> unreadable;
  // Each round loads the imports the files loaded so far still miss; stops when a round adds
  // nothing (what remains cannot be read and is reported as unresolved-import).
  for (;;) {
    bool added = false;
    for (const std::string& path : host.missing_imports(entry)) {
      if (std::find(unreadable.begin(), unreadable.end(), path) != unreadable.end()) continue;
      auto found = read_import(path, fs);
      if (!found) {
        unreadable.push_back(path);
        continue;
      }
      out.files.push_back(found->first);
      host.set_file_text(found->first, std::move(found->second));
      added = true;
    }
    if (!added) break;
  }
  out.analysis = host.analyze(entry, alongside);
  out.host = std::move(owned_host);
  return out;
}

// The `zenstack.schema` of the nearest package.json at or above the current directory, resolved
// against that package.json's folder (a folder means its schema.zmodel), as ZenStack's CLI does.
std::optional<std::string> schema_from_package_json(const FileSystem& fs) {
  std::string up;
  for (int depth = 0; depth < 64; ++depth, up += "../") {
    auto text = fs.read(up + "package.json");
    if (!text) continue;
    nlohmann::json pkg = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (!pkg.is_object() || !pkg.contains("zenstack") || !pkg["zenstack"].is_object()) return std::nullopt;
    const nlohmann::json& schema = pkg["zenstack"]["schema"];
    if (!schema.is_string() || schema.get<std::string>().empty()) return std::nullopt;
    std::string path = schema.get<std::string>();
    if (path.front() != '/') path = up + path;
    if (!fs.read(path) && fs.read(path + "/schema.zmodel")) path += "/schema.zmodel";
    return path;
  }
  return std::nullopt;
}

std::optional<std::string> find_default_schema(const FileSystem& fs) {
  if (auto configured = schema_from_package_json(fs)) return configured;
  for (const char* p : {"schema.zmodel", "zenstack/schema.zmodel", "prisma/schema.prisma", "schema.prisma"})
    if (fs.read(p)) return std::string(p);
  return std::nullopt;
}

std::string format_diagnostic(const Diagnostic& d, std::string_view text) {
  LineCol lc{0, 0};
  if (!text.empty()) lc = LineIndex(text).line_col(d.range.start);
  std::string out = d.path + ":" + std::to_string(lc.line + 1) + ":" + std::to_string(lc.column + 1) + ": " +
                    severity_name(d.severity) + "[" + d.code + "]: " + d.message;
  return out;
}

}  // namespace zen::commands
