// Migration script checksums as Prisma Migrate computes and compares them: lowercase hex
// SHA-256 of the file's bytes, matched regardless of LF/CRLF line endings.
#pragma once

#include <string>
#include <string_view>

namespace zen::migrate {

/// 64 lowercase hex digits of the SHA-256 of `script`.
std::string checksum(std::string_view script);

/// True when `recorded` is the checksum of `script`, of `script` with CRLF turned into LF, or
/// with LF turned into CRLF. Also accepts the unpadded hex that old Prisma versions wrote
/// (each byte without its leading zero).
bool script_matches_checksum(std::string_view script, std::string_view recorded);

}  // namespace zen::migrate
