// Times `zen migrate diff --from-empty --to-schema SCHEMA --script` in-process.
// Usage: bench_migrate_diff SCHEMA [--provider sqlite|postgresql] [--repeat N] [--cpu] [--phases]
//
// By default each run is the command itself (commands::migrate_diff, what the CLI calls):
// read and analyse the schema with its imports, lower it to tables while the validation rules
// run, normalise, diff against empty, render SQL. Prints one line:
//   zen-time {"first_ms":..,"warm_min_ms":..,"warm_median_ms":..,"first_faults":..,"tables":..,...}
// --phases runs the same steps one after another instead, each timed on its own (load =
// read + analyse, lower = lower + normalise, diff, render), and adds per phase the first
// run's time (`first_<phase>_ms`), its minor page faults (`first_<phase>_faults`: memory the
// process touches for the first time, which warm runs find already mapped) and the fastest
// warm run's time (`<phase>_ms`); `last_faults` are the last run's faults per phase.
// Each call starts once the previous one's background freeing is done (untimed): a warm call
// is the command's own time, not shared with the clean-up of the call before.
// --provider (phases only) lowers for another provider than the datasource's.
// --cpu measures process CPU time (user + system of all threads, page faults included)
// instead of wall time: on a shared, loaded machine it leaves out the time spent waiting
// for a core, but it counts both threads' work where the command uses two.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "base/dispose.h"
#include "commands/datasource_url.h"
#include "commands/file_system.h"
#include "commands/load_schema.h"
#include "commands/migrate_diff.h"
#include "dialect/dialect.h"
#include "schema/lower_zmodel.h"

#include <time.h>

namespace {

bool use_cpu_time = false;

/// Milliseconds on the chosen clock (wall, or this process's CPU time).
double now_ms() {
  timespec ts{};
  clock_gettime(use_cpu_time ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double ms_since(double t) { return now_ms() - t; }

/// Resident memory of the process in MiB (pages it has touched and still holds).
double resident_mb() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(resident) * 4096.0 / (1024.0 * 1024.0);
}

long minor_faults() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt;
}

struct Phases {
  double load = 0, lower = 0, diff = 0, render = 0, total = 0;
  long load_faults = 0, lower_faults = 0, diff_faults = 0, render_faults = 0;
  // Resident MiB before the run and after each phase.
  double rss_start = 0, rss_load = 0, rss_lower = 0, rss_diff = 0, rss_render = 0;
  size_t sql_bytes = 0, tables = 0;
};

bool run_once(const std::string& path, std::optional<zen::Provider> provider, Phases& out, std::string& error) {
  out.rss_start = resident_mb();
  long f0 = minor_faults();
  double t0 = now_ms();
  zen::commands::DiskFileSystem fs;
  auto loaded = zen::commands::load_schema(path, fs);
  if (!loaded.ok()) {
    error = loaded.error().message;
    return false;
  }
  out.load = ms_since(t0);
  long f1 = minor_faults();
  out.load_faults = f1 - f0;
  out.rss_load = resident_mb();
  double t1 = now_ms();
  zen::schema::LowerOptions opts;
  opts.provider = provider;
  if (!provider && loaded->model().datasource && loaded->model().datasource->provider)
    opts.provider = loaded->model().datasource->provider;
  auto lowered = zen::schema::lower_zmodel(loaded->model(), opts);
  auto dialect = zen::dialect::make_dialect(lowered.schema.provider);
  if (!dialect) {
    error = "no dialect for this provider";
    return false;
  }
  dialect->normalize(lowered.schema);
  out.lower = ms_since(t1);
  long f2 = minor_faults();
  out.lower_faults = f2 - f1;
  out.rss_lower = resident_mb();
  double t2 = now_ms();
  auto empty = dialect->empty_schema();
  auto migration = dialect->diff(empty, lowered.schema);
  out.diff = ms_since(t2);
  long f3 = minor_faults();
  out.diff_faults = f3 - f2;
  out.rss_diff = resident_mb();
  double t3 = now_ms();
  std::string sql = dialect->render_script(migration, {empty, lowered.schema});
  out.render = ms_since(t3);
  out.render_faults = minor_faults() - f3;
  out.rss_render = resident_mb();
  out.total = ms_since(t0);
  out.sql_bytes = sql.size();
  out.tables = lowered.schema.tables.size();
  return true;
}

// One run of the command; out.total and out.load_faults (all of the run's faults) are set.
bool run_command(const std::string& path, Phases& out, std::string& error) {
  long f0 = minor_faults();
  double t0 = now_ms();
  zen::commands::DiskFileSystem fs;
  zen::commands::MapEnvironment env({}, std::filesystem::current_path());
  zen::commands::MigrateDiffInput input;
  input.from.kind = zen::commands::DiffSourceKind::Empty;
  input.to = {zen::commands::DiffSourceKind::Schema, path};
  input.script = true;
  auto result = zen::commands::migrate_diff(input, fs, env);
  out.total = ms_since(t0);
  out.load_faults = minor_faults() - f0;
  if (!result.ok()) {
    error = result.error().message;
    return false;
  }
  out.sql_bytes = result->text.size();
  for (size_t at = 0; (at = result->text.find("CREATE TABLE ", at)) != std::string::npos; at += 13)
    if (at == 0 || result->text[at - 1] == '\n') ++out.tables;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  std::optional<zen::Provider> provider;
  int repeat = 10;
  bool phases = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--provider" && i + 1 < argc) {
      provider = zen::parse_provider(argv[++i]);
      if (!provider) {
        std::cerr << "error: unknown provider `" << argv[i] << "`\n";
        return 2;
      }
    } else if (a == "--cpu") {
      use_cpu_time = true;
    } else if (a == "--phases") {
      phases = true;
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (path.empty() && a[0] != '-') {
      path = a;
    } else {
      std::cerr << "usage: bench_migrate_diff SCHEMA [--provider sqlite|postgresql] [--repeat N] [--cpu] [--phases]\n";
      return 2;
    }
  }
  if (path.empty()) {
    std::cerr << "usage: bench_migrate_diff SCHEMA [--provider sqlite|postgresql] [--repeat N] [--cpu] [--phases]\n";
    return 2;
  }
  std::vector<Phases> runs;
  for (int i = 0; i < repeat; ++i) {
    Phases p;
    std::string error;
    if (!(phases ? run_once(path, provider, p, error) : run_command(path, p, error))) {
      std::cerr << "error: " << error << "\n";
      return 1;
    }
    runs.push_back(p);
    // A large model is freed on a thread of its own once the command has returned; the next
    // timed call starts after that, not sharing the cores with it (untimed).
    zen::wait_for_background_disposals();
  }
  std::vector<double> warm;
  for (size_t i = 1; i < runs.size(); ++i) warm.push_back(runs[i].total);
  if (warm.empty()) warm.push_back(runs[0].total);
  std::sort(warm.begin(), warm.end());
  // Per phase, the fastest warm run (the first run when there is only one).
  Phases best = runs.size() > 1 ? runs[1] : runs[0];
  for (size_t i = 2; i < runs.size(); ++i) {
    best.load = std::min(best.load, runs[i].load);
    best.lower = std::min(best.lower, runs[i].lower);
    best.diff = std::min(best.diff, runs[i].diff);
    best.render = std::min(best.render, runs[i].render);
  }
  const Phases& first = runs[0];
  if (!phases) {
    std::printf(
        "zen-time {\"first_ms\":%.3f,\"warm_min_ms\":%.3f,\"warm_median_ms\":%.3f,\"first_faults\":%ld,"
        "\"last_faults\":%ld,\"tables\":%zu,\"sql_bytes\":%zu,\"repeat\":%d,\"clock\":\"%s\"}\n",
        first.total, warm.front(), warm[warm.size() / 2], first.load_faults, runs.back().load_faults, first.tables,
        first.sql_bytes, repeat, use_cpu_time ? "cpu" : "wall");
    return 0;
  }
  std::printf(
      "zen-time {\"first_ms\":%.3f,\"warm_min_ms\":%.3f,\"warm_median_ms\":%.3f,\"load_ms\":%.3f,\"lower_ms\":%.3f,"
      "\"diff_ms\":%.3f,\"render_ms\":%.3f,\"first_load_ms\":%.3f,\"first_lower_ms\":%.3f,\"first_diff_ms\":%.3f,"
      "\"first_render_ms\":%.3f,\"first_load_faults\":%ld,\"first_lower_faults\":%ld,\"first_diff_faults\":%ld,"
      "\"first_render_faults\":%ld,\"first_rss_mb\":[%.1f,%.1f,%.1f,%.1f,%.1f],\"last_faults\":[%ld,%ld,%ld,%ld],\"tables\":%zu,\"sql_bytes\":%zu,\"repeat\":%d,\"clock\":\"%s\"}\n",
      first.total, warm.front(), warm[warm.size() / 2], best.load, best.lower, best.diff, best.render, first.load,
      first.lower, first.diff, first.render, first.load_faults, first.lower_faults, first.diff_faults,
      first.render_faults, first.rss_start, first.rss_load, first.rss_lower, first.rss_diff, first.rss_render,
      runs.back().load_faults, runs.back().lower_faults, runs.back().diff_faults,
      runs.back().render_faults, first.tables, first.sql_bytes, repeat, use_cpu_time ? "cpu" : "wall");
  return 0;
}
