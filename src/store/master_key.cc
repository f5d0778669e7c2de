#include "store/master_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.h"

namespace xlsync::store {
namespace {

constexpr const char* kEnvOrigin = "environment variable XLSYNC_MASTER_KEY";

// Decodes standard base64 (with padding, ignoring surrounding whitespace) into exactly 32 bytes.
std::optional<std::string> DecodeKey(std::string_view text) {
  text = core::Trim(text);
  std::string key(SecretBox::kKeyBytes + 1, '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), text.data(),
                        text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      length != SecretBox::kKeyBytes) {
    sodium_memzero(key.data(), key.size());
    return std::nullopt;
  }
  key.resize(length);
  return key;
}

std::string EncodeKey(const std::string& key) {
  std::string text(sodium_base64_ENCODED_LEN(key.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(key.data()),
                    key.size(), sodium_base64_VARIANT_ORIGINAL);
  text.resize(std::strlen(text.c_str()));
  return text + "\n";
}

core::Result<MasterKey> Boxed(std::string key, std::string origin, bool generated) {
  auto box = SecretBox::FromKey(key);
  sodium_memzero(key.data(), key.size());
  if (!box) return std::move(box).error();
  return MasterKey{std::move(*box), std::move(origin), generated};
}

core::Result<MasterKey> ReadKeyFile(const std::string& path, const struct stat& info) {
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return core::InvalidInput(
        "The master key file " + path +
        " can be read or written by other users: restrict it with `chmod 600 " + path + "`.");
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    return core::Unavailable("The master key file " + path +
                             " could not be read: check that xlsync's user owns it.");
  }
  std::string contents = text.str();
  auto key = DecodeKey(contents);
  sodium_memzero(contents.data(), contents.size());
  if (!key) {
    return core::InvalidInput(
        "The master key file " + path +
        " does not hold a valid key (32 random bytes in base64): restore it from your backup.");
  }
  return Boxed(std::move(*key), path, false);
}

// O_EXCL: two processes starting together never both write a key; the loser reads the winner's.
core::Result<MasterKey> CreateKeyFile(const std::string& path) {
  auto not_created = [&path](const std::string& why) {
    core::Error error = core::Unavailable(
        "The master key file " + path +
        " could not be created: check that its folder is writable by xlsync's user.");
    error.detail = why;
    return error;
  };
  std::error_code failure;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty() && !std::filesystem::exists(parent, failure)) {
    std::filesystem::create_directories(parent, failure);
    if (failure) return not_created(failure.message());
    std::filesystem::permissions(parent, std::filesystem::perms::owner_all, failure);
  }
  std::string key(SecretBox::kKeyBytes, '\0');
  randombytes_buf(key.data(), key.size());
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) return not_created(std::strerror(errno));
  const std::string text = EncodeKey(key);
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!written) {
    ::unlink(path.c_str());
    return not_created(std::strerror(saved_errno));
  }
  return Boxed(std::move(key), path, true);
}

}  // namespace

core::Result<MasterKey> LoadMasterKey(const std::optional<std::string>& env_value,
                                      const std::string& key_file) {
  if (!InitSodium()) {
    return core::Internal(
        "The encryption library (libsodium) could not start: reinstall libsodium.");
  }
  if (env_value) {
    auto key = DecodeKey(*env_value);
    if (!key) {
      return core::InvalidInput(
          "XLSYNC_MASTER_KEY is not a valid key: it must be 32 random bytes in base64 (e.g. the "
          "output of `head "
          "-c32 /dev/urandom | base64`).");
    }
    return Boxed(std::move(*key), kEnvOrigin, false);
  }
  struct stat info {};
  if (::stat(key_file.c_str(), &info) == 0) return ReadKeyFile(key_file, info);
  if (errno != ENOENT) {
    return core::Unavailable(
        "The master key file " + key_file +
        " could not be read: check that xlsync's user may open it and its folder.");
  }
  auto created = CreateKeyFile(key_file);
  if (!created && ::stat(key_file.c_str(), &info) == 0) return ReadKeyFile(key_file, info);
  return created;
}

}  // namespace xlsync::store
