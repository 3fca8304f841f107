// Unit tests of the security primitives: password hashing and policy, tokens, field crypto.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <set>
#include <thread>

#include "security/field_cipher.h"
#include "security/password.h"
#include "security/scope.h"
#include "security/tokens.h"
#include "testing/temp_dir.h"

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

// Ids draw their random part from a per-thread pool: across pool refills and threads they stay
// distinct, hex, and ordered by their millisecond prefix.
TEST(Tokens, IdsAreDistinctAcrossThreadsAndRefills) {
  constexpr int kPerThread = 3000;  // 10 random bytes each: several 4 KB refills per thread
  std::vector<std::string> ids[2];
  std::vector<std::thread> threads;
  for (auto& out : ids) {
    threads.emplace_back([&out] {
      for (int i = 0; i < kPerThread; ++i) out.push_back(NewId());
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> all;
  for (const auto& v : ids) {
    for (size_t i = 0; i < v.size(); ++i) {
      EXPECT_EQ(v[i].find_first_not_of("0123456789abcdef"), std::string::npos) << v[i];
      if (i > 0) EXPECT_LE(v[i - 1].substr(0, 12), v[i].substr(0, 12));
      all.insert(v[i]);
    }
  }
  EXPECT_EQ(all.size(), 2u * kPerThread);
  std::set<std::string> requests;
  for (int i = 0; i < 1000; ++i) {
    std::string r = NewRequestId();
    EXPECT_EQ(r.size(), 16u);
    EXPECT_EQ(r.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    requests.insert(r);
  }
  EXPECT_EQ(requests.size(), 1000u);
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
  testing::TempDir dir("xinan_key_");
  std::string path = (dir.path() / "sub" / "data.key").string();
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
}

// A missing key file next to data sealed with some key is an error, never a fresh key.
TEST(FieldCipher, NoNewKeyWhenDataIsSealedAlready) {
  testing::TempDir dir("xinan_key_");
  std::string path = (dir.path() / "data.key").string();
  bool created = false;
  auto refused = FieldCipher::LoadOrCreate(path, &created, [] { return Result<bool>(true); });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().kind(), StatusKind::kUnavailable);
  EXPECT_NE(refused.status().detail().find("missing"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path)) << "no key written";
  auto fresh = FieldCipher::LoadOrCreate(path, &created, [] { return Result<bool>(false); });
  ASSERT_TRUE(fresh.ok());
  EXPECT_TRUE(created) << "an empty database gets its key";
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  auto read_fails = FieldCipher::LoadOrCreate((dir.path() / "other.key").string(), &created,
                                              [] { return Result<bool>(Status::Unavailable("db down")); });
  EXPECT_FALSE(read_fails.ok()) << "unknown is not empty";
}

// The scope condition is a prefix range on the path; for a village (nothing below it) the
// equality, which both engines answer from an index on (path, time) in time order.
TEST(Scope, ConditionIsAPrefixRangeOrAVillagesEquality) {
  struct Case {
    std::string path;
    std::string condition;
    bool village;
    bool top = false;
  };
  const std::string range = "(path >= $1 AND path < $2)";
  const std::vector<Case> cases = {
      {"/330499000000/", range, false, true},
      {"/330499000000/330499001000/", range, false},
      {"/330499000000/330499001000/330499001001/", "path = $1", true},
  };
  for (const auto& c : cases) {
    store::Params params;
    Scope scope = Scope::AtPath(c.path);
    EXPECT_EQ(scope.IsVillage(), c.village) << c.path;
    EXPECT_EQ(scope.IsTop(), c.top) << c.path;
    EXPECT_EQ(scope.Condition("path", params), c.condition) << c.path;
    ASSERT_EQ(params.size(), c.village ? 1u : 2u) << c.path;
    EXPECT_EQ(std::get<std::string>(params[0]), c.path);
    if (c.village) continue;
    std::string upper = c.path.substr(0, c.path.size() - 1) + "0";  // '0' follows '/'
    EXPECT_EQ(std::get<std::string>(params[1]), upper);
  }
}

}  // namespace
}  // namespace xinan::security
