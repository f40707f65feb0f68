// Schema discovery, database and folder resolution, and error printing for `zen migrate`.
#include "cli/migrate_common.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "base/line_index.h"
#include "cli/system_environment.h"
#include "commands/datasource_url.h"
#include "commands/file_system.h"
#include "commands/load_schema.h"

namespace zen::cli {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<std::string> find_schema(const ParsedArgs& args, const commands::FileSystem& files) {
  if (auto s = args.get("schema")) return s;
  return commands::find_default_schema(files);
}

}  // namespace

std::vector<FlagSpec> migrate_flags(std::vector<FlagSpec> extra) {
  std::vector<FlagSpec> flags = {
      {"schema", true, {}, "the schema file (default: package.json `zenstack.schema`, ./schema.zmodel or ./zenstack/schema.zmodel)"},
      {"url", true, {}, "the database URL (default: the datasource `url`, with `.env` loaded)"},
      {"migrations", true, {}, "the migrations folder (default: `migrations` beside the schema)"},
      {"lock-timeout", true, {}, "milliseconds to wait for another migration run to finish (default 10000)"},
      {"no-advisory-lock", false, {}, "PostgreSQL: do not take the advisory lock (for connection poolers); also ZEN_DISABLE_ADVISORY_LOCK=1"},
  };
  for (auto& f : extra) flags.push_back(std::move(f));
  flags.push_back({"help", false, {"h"}, "show this help"});
  return flags;
}

Result<LoadedProject> load_project(const ParsedArgs& args, Console& console, bool need_valid_schema) {
  SystemEnvironment env;
  LoadedProject out;
  commands::DiskFileSystem files;
  out.schema_path = find_schema(args, files);
  const analysis::Datasource* datasource = nullptr;
  if (out.schema_path) {
    auto loaded = commands::load_schema(*out.schema_path, files);
    if (!loaded)
      return fail(ErrorCode::NotFound, fmt::format("cannot read the schema `{}`; check the path given with --schema",
                                                   *out.schema_path));
    out.analysis = loaded->analysis;
    if (need_valid_schema && out.analysis->has_errors()) {
      print_diagnostics(console, *out.analysis);
      return fail(ErrorCode::SchemaInvalid,
                  fmt::format("the schema `{}` has errors; fix them and run the command again", *out.schema_path));
    }
    if (out.analysis->model.datasource) datasource = &*out.analysis->model.datasource;
  } else if (!args.get("url") || !args.get("migrations")) {
    return fail(ErrorCode::NotFound,
                "no schema found (./schema.zmodel, ./zenstack/schema.zmodel or package.json `zenstack.schema`); pass "
                "`--schema FILE`, or both `--url` and `--migrations`");
  }
  fs::path schema_path = out.schema_path ? fs::path(*out.schema_path) : fs::path("schema.zmodel");
  ZEN_ASSIGN_OR_RETURN(auto layered, commands::load_dotenv(env, schema_path.parent_path()));
  ZEN_ASSIGN_OR_RETURN(auto db, commands::resolve_database_url({datasource, schema_path, args.get("url")}, *layered));
  out.target.url = db.url;
  out.target.provider = db.provider;
  out.shadow_url = db.shadow_url;
  if (auto m = args.get("migrations")) {
    out.target.migrations_dir = fs::path(*m);
  } else {
    out.target.migrations_dir = schema_path.parent_path() / "migrations";
  }
  if (auto t = args.get("lock-timeout")) {
    char* end = nullptr;
    long ms = std::strtol(t->c_str(), &end, 10);
    if (!end || *end || ms < 0)
      return fail(ErrorCode::InvalidArgument, fmt::format("--lock-timeout takes milliseconds, not `{}`", *t));
    out.target.lock.timeout = std::chrono::milliseconds(ms);
  }
  auto env_flag = [&](const char* name) {
    auto v = env.get(name);
    return v && !v->empty() && *v != "0" && *v != "false";
  };
  if (args.has("no-advisory-lock") || env_flag("ZEN_DISABLE_ADVISORY_LOCK") ||
      env_flag("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK"))
    out.target.lock.advisory_lock = false;
  return out;
}

int report_error(Console& console, const Error& error) {
  console.err << "error: " << error.message << "\n";
  for (const auto& note : error.context) console.err << "  " << note << "\n";
  switch (error.code) {
    case ErrorCode::InvalidArgument: return kExitUsage;
    case ErrorCode::DatabaseUnreachable: return kExitUnreachable;
    case ErrorCode::LockTimeout: return kExitLocked;
    default: return kExitFailure;
  }
}

void print_diagnostics(Console& console, const analysis::Analysis& analysis) {
  for (const auto& d : analysis.diagnostics) {
    if (d.severity != Severity::Error) continue;
    auto text = read_text(d.path);
    console.err << commands::format_diagnostic(d, text ? std::string_view(*text) : std::string_view()) << "\n";
  }
}

struct ProgressTicker::State {
  Console& console;
  std::chrono::milliseconds every;
  std::mutex mutex;
  std::condition_variable wake;
  std::string name;  // empty: idle
  bool quit = false;
  std::chrono::steady_clock::time_point started;
  std::thread thread;

  State(Console& c, std::chrono::milliseconds e) : console(c), every(e) {}
  void run() {
    std::unique_lock lock(mutex);
    while (!quit) {
      if (name.empty()) {
        wake.wait(lock);
        continue;
      }
      std::string current = name;
      if (wake.wait_for(lock, every, [&] { return quit || name != current; })) continue;
      auto secs = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
      console.out << fmt::format("  still applying `{}` ({} s)\n", current, secs) << std::flush;
    }
  }
};

ProgressTicker::ProgressTicker(Console& console, std::chrono::milliseconds every)
    : state_(std::make_unique<State>(console, every)) {
  state_->thread = std::thread([s = state_.get()] { s->run(); });
}

ProgressTicker::~ProgressTicker() {
  {
    std::lock_guard lock(state_->mutex);
    state_->quit = true;
  }
  state_->wake.notify_all();
  state_->thread.join();
}

void ProgressTicker::start(const std::string& name) {
  {
    std::lock_guard lock(state_->mutex);
    state_->name = name;
    state_->started = std::chrono::steady_clock::now();
  }
  state_->wake.notify_all();
}

void ProgressTicker::stop() {
  {
    std::lock_guard lock(state_->mutex);
    state_->name.clear();
  }
  state_->wake.notify_all();
}

bool confirm(Console& console, const std::string& question) {
  std::string answer = ask_line(console, question + " [y/N] ");
  return answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes";
}

std::string ask_line(Console& console, const std::string& prompt) {
  console.out << prompt << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) return "";
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

}  // namespace zen::cli
