// `zen db push`: makes the database match the schema without migration files, as
// `prisma db push` does: introspect, diff, check for data loss, apply.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analysis/model.h"
#include "base/result.h"
#include "migrate/target.h"

namespace zen::commands {

struct DbPushInput {
  /// The analysed schema; it must be free of errors.
  const analysis::Model* model = nullptr;
  migrate::MigrateTarget target;
  bool accept_data_loss = false;
  /// Drop everything first (also the way past unexecutable changes).
  bool force_reset = false;
};

enum class DbPushStatus {
  Applied,              // changes were applied
  AlreadyInSync,        // nothing to do
  DataLossRefused,      // warnings, not accepted (use --accept-data-loss)
  Unexecutable,         // steps that cannot run on the current data (use --force-reset)
};

struct DbPushOutput {
  DbPushStatus status = DbPushStatus::AlreadyInSync;
  /// The SQLite file or PostgreSQL database did not exist and was created.
  bool created_database = false;
  bool reset = false;
  std::vector<std::string> warnings;      // data-loss warnings (accepted when Applied)
  std::vector<std::string> unexecutable;  // for Unexecutable
  size_t steps = 0;
  std::string script;                     // what was (or would have been) run
};

/// Asked before applying changes with data-loss warnings when --accept-data-loss is not
/// given; returns true to go on. Empty = non-interactive (refuse).
using ConfirmDataLoss = std::function<bool(const std::vector<std::string>& warnings)>;

/// Fails with Unsupported (provider), DatabaseUnreachable (never printing the password),
/// DatabaseError, SchemaInvalid (lowering errors) or Cancelled (the user said no).
Result<DbPushOutput> db_push(const DbPushInput& input, const ConfirmDataLoss& confirm = {});

}  // namespace zen::commands
