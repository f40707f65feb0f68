// Loading libpq with dlopen/dlsym on the first PostgreSQL connection (see libpq_loader.h).
#include "dialect/postgres/libpq_loader.h"

#include <dlfcn.h>

#include <fmt/format.h>

#include <string>

namespace zen::db::postgres {

namespace {

constexpr const char* kInstallHint =
    "install the PostgreSQL client library (Debian/Ubuntu: `apt install libpq5`, Fedora/RHEL: `dnf install libpq`)";

std::string last_dl_error() {
  const char* why = dlerror();
  return why ? why : "unknown error";
}

/// Resolves every function of the table from `lib`; on failure returns the missing name.
const char* resolve(void* lib, Libpq& pq) {
#define ZEN_LIBPQ_RESOLVE(name)                                  \
  pq.name = reinterpret_cast<decltype(pq.name)>(dlsym(lib, #name)); \
  if (!pq.name) return #name;
  ZEN_LIBPQ_FUNCTIONS(ZEN_LIBPQ_RESOLVE)
#undef ZEN_LIBPQ_RESOLVE
  return nullptr;
}

}  // namespace

Result<Libpq> load_libpq(std::span<const std::string_view> names) {
  std::string tried;
  std::string first_error;
  for (std::string_view name : names) {
    std::string file(name);
    tried += tried.empty() ? file : ", " + file;
    // RTLD_NOW: a library that cannot bind all its symbols fails here, not in the middle of a
    // migration. RTLD_LOCAL: libpq's symbols stay out of the global namespace.
    void* lib = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      // The first name is the runtime library itself; its error (not installed, or one of its
      // own dependencies missing) is the one that tells the user what to fix.
      if (first_error.empty()) first_error = last_dl_error();
      continue;
    }
    Libpq pq;
    if (const char* missing = resolve(lib, pq)) {
      // Never dlclose a library that was opened: libpq and OpenSSL register exit handlers.
      return fail(ErrorCode::DatabaseUnreachable,
                  fmt::format("`{}` is not a usable PostgreSQL client library: it has no `{}`; {}", file, missing,
                              kInstallHint));
    }
    return pq;
  }
  return fail(ErrorCode::DatabaseUnreachable,
              fmt::format("cannot load the PostgreSQL client library libpq (tried {}: {}); {}", tried,
                          first_error.empty() ? "no names given" : first_error, kInstallHint));
}

Result<const Libpq*> libpq() {
  // Initialised once, by the first thread that connects; the others wait for it.
  static const Result<Libpq> loaded = load_libpq(kLibpqNames);
  if (!loaded.ok()) return fail(loaded.error());
  return &loaded.value();
}

}  // namespace zen::db::postgres
