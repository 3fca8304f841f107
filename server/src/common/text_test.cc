// Text checks and the reading of uploaded CSV files (UTF-8 or GB18030).
#include "common/text.h"

#include <gtest/gtest.h>

#include "common/csv.h"

namespace xinan {
namespace {

TEST(Text, Utf8) {
  struct Case {
    std::string bytes;
    bool utf8;
  };
  const Case cases[] = {
      {"", true},
      {"abc", true},
      {"张三", true},
      {"\xF0\x9F\x98\x80", true},      // U+1F600, four bytes
      {"\xFF", false},                 // never a UTF-8 byte
      {"\xE5\xBC", false},             // cut short
      {"\xC0\xAF", false},             // overlong '/'
      {"\xED\xA0\x80", false},         // a surrogate (U+D800)
      {"\xF4\x90\x80\x80", false},     // past U+10FFFF
      {"\xD0\xC2\xB4\xE5", false},     // 新村 in GB18030
      {"a\x80" "b", false},            // a continuation byte alone
  };
  for (const auto& c : cases) EXPECT_EQ(IsUtf8(c.bytes), c.utf8) << c.bytes;
}

TEST(Text, ControlCharacters) {
  EXPECT_FALSE(HasControlCharacter("第一行\n第二行\t\r"));
  EXPECT_TRUE(HasControlCharacter(std::string("a\0b", 3)));
  EXPECT_TRUE(HasControlCharacter("a\x07" "b"));
  EXPECT_TRUE(HasControlCharacter("\x7F"));
  EXPECT_FALSE(HasControlCharacter("张三 Zhang"));
}

TEST(Text, Gb18030) {
  EXPECT_EQ(Gb18030ToUtf8("\xD0\xC2\xB4\xE5,village"), "新村,village");
  EXPECT_EQ(Gb18030ToUtf8("abc"), "abc");
  EXPECT_FALSE(Gb18030ToUtf8("\x81").has_value()) << "a lead byte without its second byte";
}

TEST(CsvText, TakesUtf8AndGb18030AndNamesBadLines) {
  EXPECT_EQ(*CsvText("code,name\n1,东湖村\n"), "code,name\n1,东湖村\n");
  EXPECT_EQ(*CsvText("code,name\n1,\xD0\xC2\xB4\xE5\n"), "code,name\n1,新村\n");
  auto bad = CsvText("code,name\n1,\x81\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), "import_failed");
  ASSERT_EQ(bad.status().fields().size(), 1u);
  EXPECT_EQ(bad.status().fields()[0].field, "file");
  EXPECT_EQ(bad.status().fields()[0].code, "file_encoding");
  auto control = CsvText(std::string("code,name\n1,a\0b\n2,ok\n3,\x01\n", 25));
  ASSERT_FALSE(control.ok());
  ASSERT_EQ(control.status().fields().size(), 2u);
  EXPECT_EQ(control.status().fields()[0].field, "line 2");
  EXPECT_EQ(control.status().fields()[1].field, "line 4");
  EXPECT_EQ(control.status().fields()[1].code, "control_character");
}

TEST(Text, Utf8Prefix) {
  struct Case { std::string text; size_t n; std::string want; };
  const Case cases[] = {
      {"abcdef", 2, "ab"}, {"张三丰", 2, "张三"}, {"a张b", 2, "a张"}, {"ab", 2, "ab"},
      {"a", 2, "a"},       {"", 2, ""},         {"张三", 0, ""},    {"\xF0\x9F\x98\x80x", 1, "\xF0\x9F\x98\x80"},
  };
  for (const auto& c : cases) EXPECT_EQ(Utf8Prefix(c.text, c.n), c.want) << c.text << " " << c.n;
}

}  // namespace
}  // namespace xinan
