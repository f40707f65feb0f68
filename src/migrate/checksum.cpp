// SHA-256 (Nettle's) and Prisma's line-ending tolerant comparison.
// Nettle rather than OpenSSL: libcrypto (4.7 MB, some 4,000 symbol lookups bound at load time)
// cost every `zen` command its loading, `zen --version` included, for the checksum of a few
// migration files; Nettle is linked from its static archive when installed (src/CMakeLists.txt).
#include "migrate/checksum.h"

#include <nettle/sha2.h>

#include <array>
#include <cstdint>

namespace zen::migrate {

namespace {

using Digest = std::array<unsigned char, 32>;

Digest sha256(std::string_view data) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, data.size(), reinterpret_cast<const uint8_t*>(data.data()));
  Digest out;
  sha256_digest(&ctx, out.size(), out.data());
  return out;
}

std::string hex(const Digest& d, bool padded) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned char b : d) {
    if (padded || b >= 0x10) out += digits[b >> 4];
    out += digits[b & 0xF];
  }
  return out;
}

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  size_t pos = 0;
  while (true) {
    size_t hit = text.find(from, pos);
    if (hit == std::string_view::npos) break;
    out.append(text.substr(pos, hit - pos));
    out.append(to);
    pos = hit + from.size();
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

std::string checksum(std::string_view script) { return hex(sha256(script), /*padded=*/true); }

bool script_matches_checksum(std::string_view script, std::string_view recorded) {
  bool legacy = !recorded.empty() && recorded.size() != 64;
  auto matches = [&](std::string_view variant) { return hex(sha256(variant), !legacy) == recorded; };
  if (matches(script)) return true;
  if (matches(replace_all(script, "\r\n", "\n"))) return true;
  return matches(replace_all(script, "\n", "\r\n"));
}

}  // namespace zen::migrate
