#include "store/secret_box.h"

#include <sodium.h>

#include <cstring>
#include <mutex>

namespace xlsync::store {

bool InitSodium() {
  static std::once_flag once;
  static bool ready = false;
  std::call_once(once, [] { ready = sodium_init() >= 0; });
  return ready;
}

// The key lives in sodium_malloc'd memory (guarded, locked where the OS allows it, not in core
// dumps) and is wiped by sodium_free when the last SecretBox copy lets go of it.
class SecretBox::Key {
 public:
  explicit Key(std::string_view bytes)
      : bytes_(static_cast<unsigned char*>(sodium_malloc(kKeyBytes))) {
    XLSYNC_CHECK(bytes_ != nullptr);
    std::memcpy(bytes_, bytes.data(), kKeyBytes);
    sodium_mprotect_readonly(bytes_);
  }
  ~Key() { sodium_free(bytes_); }
  Key(const Key&) = delete;
  Key& operator=(const Key&) = delete;

  const unsigned char* data() const { return bytes_; }

 private:
  unsigned char* bytes_;
};

core::Result<SecretBox> SecretBox::FromKey(std::string_view key_bytes) {
  if (key_bytes.size() != kKeyBytes) {
    return core::InvalidInput(
        "The master key must be exactly 32 bytes: generate one with `head -c32 /dev/urandom | "
        "base64`.");
  }
  if (!InitSodium()) {
    return core::Internal(
        "The encryption library (libsodium) could not start: reinstall libsodium.");
  }
  return SecretBox(std::make_shared<const Key>(key_bytes));
}

std::string SecretBox::Seal(std::string_view plaintext, std::string_view associated) const {
  std::string sealed(kNonceBytes + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                     '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  randombytes_buf(out, kNonceBytes);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out + kNonceBytes, &written, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(associated.data()),
      associated.size(), nullptr, out, key_->data());
  sealed.resize(kNonceBytes + written);
  return sealed;
}

core::Result<std::string> SecretBox::Open(std::string_view sealed,
                                          std::string_view associated) const {
  const size_t overhead = kNonceBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  auto refused = [] {
    return core::PermissionDenied(
        "A sealed value could not be opened: it was sealed with another master key or altered.",
        "sealedValueRejected");
  };
  if (sealed.size() < overhead) return refused();
  const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
  std::string plain(sealed.size() - overhead, '\0');
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &written, nullptr, in + kNonceBytes,
          sealed.size() - kNonceBytes, reinterpret_cast<const unsigned char*>(associated.data()),
          associated.size(), in, key_->data()) != 0) {
    return refused();
  }
  plain.resize(written);
  return plain;
}

}  // namespace xlsync::store
