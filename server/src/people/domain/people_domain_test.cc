// Table-driven tests of resident validation: ID numbers (GB 11643), phones, person input.
#include <gtest/gtest.h>

#include "people/domain/id_number.h"
#include "people/domain/person.h"
#include "people/domain/phone.h"

namespace xinan::people {
namespace {

std::string FieldCode(const Status& st) { return st.fields().empty() ? "" : st.fields()[0].code; }

TEST(IdNumber, ValidationTable) {
  // 11010519491231002X is the specification's published example (GB 11643-1999 annex).
  struct Case { std::string id; std::string code; };
  const Case cases[] = {
      {"11010519491231002X", ""},
      {"110105194912310021", "id_number_checksum"},
      {"11010519491331002X", "id_number_birth_date"},  // month 13
      {"110105190002290025", "id_number_birth_date"},  // 1900 is not a leap year
      {"110105203001010011", "id_number_birth_date"},  // in the future
      {"110105491231002", "id_number_legacy_15"},
      {"1101051949123100", "id_number_length"},
      {"11010519491231002Y", "id_number_format"},
      {"1101051949123100AX", "id_number_format"},
  };
  for (const auto& c : cases) {
    Status st = ValidateIdNumber(c.id, "2026-11-23");
    EXPECT_EQ(FieldCode(st), c.code) << c.id;
    if (!c.code.empty()) EXPECT_EQ(st.fields()[0].field, "idNumber");
  }
}

TEST(IdNumber, CheckCharAndDerivedFields) {
  EXPECT_EQ(IdNumberCheckChar("11010519491231002"), 'X');
  EXPECT_EQ(IdNumberCheckChar("44052418800101001"), '4');
  EXPECT_EQ(IdNumberBirthDate("11010519491231002X"), "1949-12-31");
  EXPECT_EQ(IdNumberGender("11010519491231002X"), "female");
  EXPECT_EQ(IdNumberGender("110105194912310010"), "male");
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "1101**********002X");
  EXPECT_EQ(NormalizeIdNumber(" 11010519491231002x "), "11010519491231002X");
}

TEST(Phone, Table) {
  EXPECT_TRUE(ValidatePhone("13812345678").ok());
  EXPECT_EQ(FieldCode(ValidatePhone("12812345678")), "phone_format");
  EXPECT_EQ(FieldCode(ValidatePhone("1381234567")), "phone_format");
  EXPECT_EQ(NormalizePhone("+86 138-1234-5678"), "13812345678");
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
}

PersonInput Valid() {
  PersonInput in;
  in.name = " 张三 ";
  in.gender = "female";
  in.birth_date = "1949-12-31";
  in.id_number = "11010519491231002x";
  in.phone = "138 1234 5678";
  in.unit_id = "u1";
  in.tags = {"minor", "minor"};
  return in;
}

TEST(PersonInput, ValidNormalises) {
  PersonInput in = Valid();
  ASSERT_TRUE(ValidatePersonInput(in, "2026-11-23", {"minor"}).ok());
  EXPECT_EQ(in.name, "张三");
  EXPECT_EQ(in.id_number, "11010519491231002X");
  EXPECT_EQ(in.phone, "13812345678");
  EXPECT_EQ(in.tags, std::vector<std::string>{"minor"});
}

TEST(PersonInput, CollectsEveryFieldError) {
  PersonInput in = Valid();
  in.name = "";
  in.gender = "male";          // ID says female
  in.birth_date = "1950-01-01";  // ID says 1949-12-31
  in.phone = "123";
  in.unit_id = "";
  in.tags = {"nope"};
  Status st = ValidatePersonInput(in, "2026-11-23", {"minor"});
  ASSERT_FALSE(st.ok());
  std::vector<std::string> got;
  for (const auto& f : st.fields()) got.push_back(f.field + ":" + f.code);
  std::vector<std::string> want = {"name:required", "birthDate:birth_date_mismatch",
                                   "gender:gender_mismatch", "phone:phone_format",
                                   "unitId:required", "tags:tag_invalid"};
  EXPECT_EQ(got, want);
}

TEST(Tags, EncodeDecode) {
  EXPECT_EQ(EncodeTags({"a", "b"}), ",a,b,");
  EXPECT_EQ(DecodeTags(",a,b,"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(DecodeTags(",").empty());
}

}  // namespace
}  // namespace xinan::people
