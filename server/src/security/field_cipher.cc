#include "security/field_cipher.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "security/sodium_init.h"

namespace xinan::security {
namespace {
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'x', 'i', 'n', 'a', 'n', 'f', 'l', 'd'};

std::string ToHex(const unsigned char* p, size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), p, n);
  hex.pop_back();
  return hex;
}

Result<FieldCipher::Key> ReadKeyFile(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return Status::Internal("cannot stat data key file");
  if ((st.st_mode & 077) != 0) {
    return Status::Internal("data key file " + path + " must not be readable by group/others (chmod 600)");
  }
  std::ifstream in(path);
  std::string hex;
  in >> hex;
  FieldCipher::Key key{};
  size_t len = 0;
  if (hex.size() != 64 ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != key.size()) {
    return Status::Internal("data key file " + path + " must hold 64 hex characters");
  }
  return key;
}

// Writes the key durably: a temporary file created 0600 (never through a link), synced, renamed
// into place, and the directory synced, so a crash never leaves an empty key file behind rows
// already encrypted with it.
Status WriteKeyFile(const std::string& path, const FieldCipher::Key& key) {
  std::filesystem::path p(path);
  std::error_code ec;
  std::filesystem::path dir = p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
  std::filesystem::create_directories(dir, ec);
  std::string tmp = path + ".tmp";
  ::unlink(tmp.c_str());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Internal("cannot write data key file " + path);
  std::string text = ToHex(key.data(), key.size()) + "\n";
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return Status::Internal("cannot write data key file " + path);
  }
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::Ok();
}
}  // namespace

FieldCipher::FieldCipher(const Key& master_key) {
  EnsureSodium();
  crypto_kdf_derive_from_key(box_key_.data(), box_key_.size(), 1, kKdfContext, master_key.data());
  crypto_kdf_derive_from_key(index_key_.data(), index_key_.size(), 2, kKdfContext,
                             master_key.data());
}

Result<FieldCipher> FieldCipher::LoadOrCreate(const std::string& path, bool* created,
                                              const std::function<Result<bool>()>& data_sealed) {
  EnsureSodium();
  *created = false;
  if (std::filesystem::exists(path)) {
    XINAN_ASSIGN_OR_RETURN(Key key, ReadKeyFile(path));
    return FieldCipher(key);
  }
  if (data_sealed) {
    XINAN_ASSIGN_OR_RETURN(bool sealed, data_sealed());
    if (sealed) {
      return Status::Unavailable(
          "data key file " + path + " is missing, but the database holds ID numbers and phones "
          "encrypted with a key: restore that key file (see docs/operations.md) or point "
          "--data-key-file / XINAN_DATA_KEY_FILE at it. A new key would make them unreadable.");
    }
  }
  Key key{};
  crypto_kdf_keygen(key.data());
  XINAN_RETURN_IF_ERROR(WriteKeyFile(path, key));
  *created = true;
  return FieldCipher(key);
}

FieldCipher FieldCipher::Random() {
  EnsureSodium();
  Key key{};
  crypto_kdf_keygen(key.data());
  return FieldCipher(key);
}

std::string FieldCipher::Encrypt(const std::string& plain) const {
  std::vector<unsigned char> buf(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plain.size());
  randombytes_buf(buf.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(buf.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                        buf.data(), box_key_.data());
  std::string out(sodium_base64_ENCODED_LEN(buf.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), buf.data(), buf.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

Result<std::string> FieldCipher::Decrypt(const std::string& sealed) const {
  std::vector<unsigned char> buf(sealed.size());
  size_t len = 0;
  if (sodium_base642bin(buf.data(), buf.size(), sealed.data(), sealed.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return Status::Internal("decrypt_failed");
  }
  size_t plain_len = len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
  std::string plain(plain_len, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 buf.data() + crypto_secretbox_NONCEBYTES,
                                 len - crypto_secretbox_NONCEBYTES, buf.data(),
                                 box_key_.data()) != 0) {
    return Status::Internal("decrypt_failed");
  }
  return plain;
}

std::string FieldCipher::BlindIndex(const std::string& domain, const std::string& normalized) const {
  std::string input = domain + '\0' + normalized;
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(input.data()),
                     input.size(), index_key_.data(), index_key_.size());
  return ToHex(out, sizeof out);
}

}  // namespace xinan::security
