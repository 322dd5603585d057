// Passwords: argon2id with the documented parameters, a fresh salt per hash, and verification
// of hashes made with other parameters (accounts created before the parameters changed).
#include <gtest/gtest.h>

#include <sodium.h>

#include <cstring>

#include "accounts/password.h"

namespace kc::test {
namespace {

TEST(Password, HashesWithArgon2idAtNineteenMebibytesAndTwoPasses) {
  std::string hash = hash_password("mật-khẩu-đủ-dài");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_NE(hash, hash_password("mật-khẩu-đủ-dài"));  // a new salt each time
  EXPECT_TRUE(verify_password(hash, "mật-khẩu-đủ-dài"));
  EXPECT_FALSE(verify_password(hash, "mật-khẩu-đủ-dàI"));
}

TEST(Password, VerifiesHashesMadeWithOtherParameters) {
  char older[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str(older, "cũ-nhưng-còn-dùng", std::strlen("cũ-nhưng-còn-dùng"),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE),
            0);
  EXPECT_TRUE(verify_password(older, "cũ-nhưng-còn-dùng"));
  EXPECT_FALSE(verify_password(older, "khác"));
}

TEST(Password, RefusesWeakPasswordsInVietnamese) {
  EXPECT_EQ(password_problem("ngắn"), "mật khẩu phải có ít nhất 10 ký tự");
  EXPECT_EQ(password_problem("đủ mười ký tự rồi"), "");
  EXPECT_EQ(password_problem(std::string("\xff\xfe", 2) + "0123456789"), "mật khẩu phải là văn bản UTF-8");
}

}  // namespace
}  // namespace kc::test
