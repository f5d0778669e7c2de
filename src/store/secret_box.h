#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace xlsync::store {

/// Seals and opens values with one 32-byte key (libsodium XChaCha20-Poly1305 IETF AEAD). The
/// associated data binds a sealed value to its place ("odoo_connection:7:secret"): a blob copied
/// elsewhere does not open. Copies share the key, kept in locked memory wiped on release.
/// Thread-safe.
class SecretBox {
 public:
  static constexpr size_t kKeyBytes = 32;
  static constexpr size_t kNonceBytes = 24;

  /// The key must be exactly 32 bytes.
  static core::Result<SecretBox> FromKey(std::string_view key_bytes);

  /// A random 24-byte nonce followed by the ciphertext and its 16-byte tag.
  std::string Seal(std::string_view plaintext, std::string_view associated) const;
  /// The plaintext, or PermissionDenied when the key, the associated data or a byte differs.
  core::Result<std::string> Open(std::string_view sealed, std::string_view associated) const;

 private:
  class Key;
  explicit SecretBox(std::shared_ptr<const Key> key) : key_(std::move(key)) {}

  std::shared_ptr<const Key> key_;
};

/// Calls sodium_init() once per process; false when libsodium cannot start.
bool InitSodium();

}  // namespace xlsync::store
