// SHA-256 through OpenSSL's EVP interface, and Prisma's line-ending tolerant comparison.
#include "migrate/checksum.h"

#include <openssl/evp.h>

#include <array>
#include <cassert>

namespace zen::migrate {

namespace {

using Digest = std::array<unsigned char, 32>;

Digest sha256(std::string_view data) {
  Digest out{};
  unsigned int len = 0;
  int rc = EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr);
  assert(rc == 1 && len == out.size() && "EVP_Digest with SHA-256 cannot fail on valid input");
  (void)rc;
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
