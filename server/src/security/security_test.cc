// Unit tests of the security primitives: password hashing and policy, tokens, field crypto.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "security/field_cipher.h"
#include "security/password.h"
#include "security/tokens.h"

namespace xinan::security {
namespace {

TEST(Password, HashVerifiesOnlyTheSamePassword) {
  auto hash = HashPassword("correct horse battery", PasswordCost::kMinimum);
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("", "x"));
}

TEST(Password, PolicyTable) {
  struct Case { std::string user; std::string pw; std::string code; };
  const Case cases[] = {
      {"zhang", "123456789", "password_too_short"},       // 9 chars
      {"zhang", "1234567890", ""},                        // exactly 10
      {"zhang", "心安心安心安心安心安", ""},               // 10 code points, 30 bytes
      {"zhang", "心安心安心安心安心", "password_too_short"},  // 9 code points
      {"zhang", "myZHANGpassword", "password_contains_username"},
      {"zhang", std::string(129, 'a'), "password_too_long"},
  };
  for (const auto& c : cases) {
    Status st = CheckPasswordPolicy(c.user, c.pw);
    if (c.code.empty()) {
      EXPECT_TRUE(st.ok()) << c.pw;
    } else {
      ASSERT_FALSE(st.ok()) << c.pw;
      ASSERT_EQ(st.fields().size(), 1u);
      EXPECT_EQ(st.fields()[0].code, c.code) << c.pw;
      EXPECT_EQ(st.fields()[0].field, "password");
    }
  }
}

TEST(Tokens, RandomAndHashed) {
  std::string a = RandomToken(), b = RandomToken();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);  // 32 bytes base64url without padding
  EXPECT_EQ(NewId().size(), 32u);
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(FieldCipher, RoundTripAndTamper) {
  FieldCipher c = FieldCipher::Random();
  std::string sealed = c.Encrypt("33049919900101123X");
  EXPECT_EQ(sealed.find("1990"), std::string::npos);
  EXPECT_NE(sealed, c.Encrypt("33049919900101123X"));  // fresh nonce
  auto plain = c.Decrypt(sealed);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "33049919900101123X");
  sealed[sealed.size() / 2] = sealed[sealed.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(c.Decrypt(sealed).ok());
  EXPECT_FALSE(FieldCipher::Random().Decrypt(c.Encrypt("x")).ok());
}

TEST(FieldCipher, BlindIndexIsKeyedAndDomainSeparated) {
  FieldCipher c = FieldCipher::Random();
  EXPECT_EQ(c.BlindIndex("id_number", "1"), c.BlindIndex("id_number", "1"));
  EXPECT_NE(c.BlindIndex("id_number", "1"), c.BlindIndex("phone", "1"));
  EXPECT_NE(c.BlindIndex("id_number", "1"), FieldCipher::Random().BlindIndex("id_number", "1"));
}

TEST(FieldCipher, KeyFileCreatedPrivateAndReloaded) {
  auto dir = std::filesystem::temp_directory_path() / ("xinan_key_" + NewId());
  std::string path = (dir / "sub" / "data.key").string();
  bool created = false;
  auto first = FieldCipher::LoadOrCreate(path, &created);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(created);
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto again = FieldCipher::LoadOrCreate(path, &created);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(created);
  EXPECT_EQ(*again->Decrypt(first->Encrypt("same key")), "same key");
  chmod(path.c_str(), 0644);
  EXPECT_FALSE(FieldCipher::LoadOrCreate(path, &created).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace xinan::security
