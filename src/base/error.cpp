// Names and rendering of zen::Error.
#include "base/error.h"

namespace zen {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::Internal: return "internal";
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::Io: return "io";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::SchemaInvalid: return "schema-invalid";
    case ErrorCode::DatabaseUnreachable: return "database-unreachable";
    case ErrorCode::DatabaseError: return "database-error";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::MigrationFailed: return "migration-failed";
    case ErrorCode::FailedMigrationFound: return "failed-migration-found";
    case ErrorCode::ChecksumMismatch: return "checksum-mismatch";
    case ErrorCode::Drift: return "drift";
    case ErrorCode::LockTimeout: return "lock-timeout";
    case ErrorCode::DataLoss: return "data-loss";
    case ErrorCode::Unexecutable: return "unexecutable";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::ProviderMismatch: return "provider-mismatch";
    case ErrorCode::DatabaseNotEmpty: return "database-not-empty";
  }
  return "unknown";
}

std::string Error::to_string() const {
  std::string out = message;
  for (const auto& note : context) {
    out += "\n  ";
    out += note;
  }
  return out;
}

}  // namespace zen
