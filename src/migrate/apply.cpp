// The apply loop: one transaction per migration, holding both the script and its history row.
#include "migrate/apply.h"

#include <fmt/format.h>

#include <cctype>

#include "dialect/script.h"
#include "migrate/checksum.h"
#include "migrate/history_table.h"

namespace zen::migrate {

namespace {

std::string upper_words(std::string_view text, size_t max_words) {
  std::string out;
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool word_char = std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    if (word_char) {
      if (!in_word) {
        if (words == max_words) break;
        if (!out.empty()) out += ' ';
        ++words;
      }
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    in_word = word_char;
  }
  return out;
}

bool has_word(const std::string& words, std::string_view w) {
  size_t pos = 0;
  while ((pos = words.find(w, pos)) != std::string::npos) {
    bool start = pos == 0 || words[pos - 1] == ' ';
    bool end = pos + w.size() == words.size() || words[pos + w.size()] == ' ';
    if (start && end) return true;
    pos += w.size();
  }
  return false;
}

/// SQLite ignores `PRAGMA foreign_keys` inside a transaction, so a script that switches
/// foreign keys off (Prisma's table redefinitions) gets them switched off around it.
bool switches_foreign_keys_off(std::string_view script) {
  for (const auto& st : db::split_script(script)) {
    std::string w = upper_words(st.text, 4);
    if (w == "PRAGMA FOREIGN_KEYS OFF" || w == "PRAGMA FOREIGN_KEYS 0" || w == "PRAGMA FOREIGN_KEYS FALSE") return true;
  }
  return false;
}

/// "line 3: x" from a statement starting on line `base` -> "line base+2: x"; other messages
/// get the statement's line.
std::string relocate(const std::string& message, size_t base) {
  if (message.starts_with("line ")) {
    size_t colon = message.find(':');
    if (colon != std::string::npos) {
      size_t inner = std::strtoul(message.c_str() + 5, nullptr, 10);
      if (inner > 0) return fmt::format("line {}{}", base + inner - 1, message.substr(colon));
    }
  }
  return fmt::format("line {}: {}", base, message);
}

Result<void> run_statements(db::Connection& conn, std::string_view script) {
  for (const auto& st : db::split_script(script)) {
    auto r = conn.execute_script(st.text);
    if (!r.ok()) {
      Error e = std::move(r).error();
      e.message = relocate(e.message, st.line);
      return e;
    }
  }
  return ok();
}

Error failure(std::string_view name, const Error& cause, bool in_transaction) {
  std::string what = in_transaction
                         ? "nothing of it was applied (it ran in a transaction)"
                         : "it ran statement by statement, so the statements before the failing one stay applied";
  Error e(ErrorCode::MigrationFailed,
          fmt::format("migration `{}` failed: {}", name, cause.to_string()));
  e.with_context(fmt::format("{}; fix the script, mark it with `zen migrate resolve --rolled-back {}`, then run "
                             "`zen migrate deploy` again",
                             what, name));
  return e;
}

}  // namespace

std::optional<std::string> non_transactional_reason(std::string_view script, Provider provider) {
  for (const auto& st : db::split_script(script)) {
    std::string w = upper_words(st.text, 6);
    auto first = w.substr(0, w.find(' '));
    if (first == "BEGIN" || first == "COMMIT" || first == "END" || first == "ROLLBACK" ||
        w.starts_with("START TRANSACTION"))
      return fmt::format("it manages its own transactions (`{}`)", first);
    if (first == "VACUUM") return std::string("VACUUM cannot run in a transaction");
    if (provider == Provider::Postgresql) {
      if ((w.starts_with("CREATE") || w.starts_with("DROP") || w.starts_with("REINDEX")) && has_word(w, "CONCURRENTLY"))
        return fmt::format("`{}` cannot run in a transaction", w.substr(0, w.find("CONCURRENTLY") + 12));
      if (w.starts_with("CREATE DATABASE") || w.starts_with("DROP DATABASE") || w.starts_with("ALTER SYSTEM") ||
          w.starts_with("CREATE TABLESPACE") || w.starts_with("DROP TABLESPACE"))
        return fmt::format("`{}` cannot run in a transaction", upper_words(st.text, 2));
    } else {
      if (first == "ATTACH" || first == "DETACH") return fmt::format("`{}` cannot run in a transaction", first);
      if (w.starts_with("PRAGMA JOURNAL_MODE")) return std::string("`PRAGMA journal_mode` cannot change in a transaction");
    }
  }
  return std::nullopt;
}

Result<void> run_script(db::Connection& conn, std::string_view script) {
  if (non_transactional_reason(script, conn.provider())) return run_statements(conn, script);
  bool fk_off = conn.provider() == Provider::Sqlite && switches_foreign_keys_off(script);
  if (fk_off) ZEN_TRY(conn.execute_script("PRAGMA foreign_keys = OFF"));
  auto r = conn.execute_script(script);
  if (fk_off) (void)conn.execute_script("PRAGMA foreign_keys = ON");
  return r;
}

Result<void> apply_migrations(db::Connection& conn, const std::vector<MigrationDirectory>& pending,
                              std::vector<AppliedMigration>& applied, const ApplyObserver& observer) {
  auto notify = [&](const ApplyEvent& e) {
    if (observer) observer(e);
  };
  for (size_t i = 0; i < pending.size(); ++i) {
    const auto& m = pending[i];
    ZEN_ASSIGN_OR_RETURN(std::string script, read_script(m));
    std::string sum = checksum(script);
    std::string id = new_migration_id();
    notify({ApplyEvent::Kind::Starting, m.name, i + 1, pending.size(), {}, {}});
    auto start = std::chrono::steady_clock::now();
    auto reason = non_transactional_reason(script, conn.provider());
    if (reason) {
      notify({ApplyEvent::Kind::NoTransaction, m.name, i + 1, pending.size(), {}, *reason});
      // Recorded first, as Prisma does: a crash part-way leaves a failed row to resolve.
      ZEN_TRY(record_started(conn, id, m.name, sum));
      auto r = run_statements(conn, script);
      if (!r.ok()) {
        (void)record_logs(conn, id, r.error().to_string());
        return failure(m.name, r.error(), /*in_transaction=*/false);
      }
      ZEN_TRY(record_finished(conn, id));
    } else {
      bool fk_off = conn.provider() == Provider::Sqlite && switches_foreign_keys_off(script);
      if (fk_off) ZEN_TRY(conn.execute_script("PRAGMA foreign_keys = OFF"));
      ZEN_TRY(conn.begin());
      // The history row is written in the same transaction as the script, so a process killed
      // at any point leaves either both or neither.
      auto r = record_started(conn, id, m.name, sum);
      if (r.ok()) r = conn.execute_script(script);
      if (r.ok()) r = record_finished(conn, id);
      if (r.ok()) r = conn.commit();
      if (!r.ok()) {
        (void)conn.rollback();
        if (fk_off) (void)conn.execute_script("PRAGMA foreign_keys = ON");
        if (r.error().code == ErrorCode::DatabaseUnreachable) return Unexpected{std::move(r).error()};
        // Record the failure on its own, after the rollback, so `status` and `deploy` see it.
        ZEN_TRY(record_failed(conn, new_migration_id(), m.name, sum, r.error().to_string()));
        return failure(m.name, r.error(), /*in_transaction=*/true);
      }
      if (fk_off) ZEN_TRY(conn.execute_script("PRAGMA foreign_keys = ON"));
    }
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    applied.push_back({m.name, took, !reason});
    notify({ApplyEvent::Kind::Applied, m.name, i + 1, pending.size(), took, reason.value_or("")});
  }
  return ok();
}

}  // namespace zen::migrate
