#include "people/domain/person.h"

#include <algorithm>
#include <string_view>

#include "common/text.h"

#include "people/domain/id_number.h"
#include "people/domain/phone.h"

namespace xinan::people {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

void AddIfError(const Status& st, std::vector<FieldError>& out) {
  for (const auto& f : st.fields()) out.push_back(f);
}

void CheckIdentity(PersonInput& in, const std::string& today, std::vector<FieldError>& errs) {
  if (in.id_number.empty()) return;
  in.id_number = NormalizeIdNumber(in.id_number);
  Status st = ValidateIdNumber(in.id_number, today);
  if (!st.ok()) return AddIfError(st, errs);
  if (IsValidDate(in.birth_date) && IdNumberBirthDate(in.id_number) != in.birth_date) {
    errs.push_back({"birthDate", "birth_date_mismatch"});
  }
  if ((in.gender == "male" || in.gender == "female") && IdNumberGender(in.id_number) != in.gender) {
    errs.push_back({"gender", "gender_mismatch"});
  }
}

}  // namespace

Status ValidatePersonInput(PersonInput& in, const std::string& today,
                           const std::vector<std::string>& known_tags) {
  std::vector<FieldError> errs;
  in.name = Trim(in.name);
  in.address = Trim(in.address);
  if (in.name.empty()) errs.push_back({"name", "required"});
  else if (CodePoints(in.name) > 50) errs.push_back({"name", "name_too_long"});
  if (in.gender != "male" && in.gender != "female") errs.push_back({"gender", "gender_invalid"});
  if (!IsValidDate(in.birth_date) || in.birth_date > today || in.birth_date < "1900-01-01") {
    errs.push_back({"birthDate", "birth_date_invalid"});
  }
  CheckIdentity(in, today, errs);
  if (!in.phone.empty()) {
    in.phone = NormalizePhone(in.phone);
    AddIfError(ValidatePhone(in.phone), errs);
  }
  if (CodePoints(in.address) > 200) errs.push_back({"address", "address_too_long"});
  if (in.unit_id.empty()) errs.push_back({"unitId", "required"});
  for (const auto& t : in.tags) {
    if (std::find(known_tags.begin(), known_tags.end(), t) == known_tags.end()) {
      errs.push_back({"tags", "tag_invalid"});
      break;
    }
  }
  std::sort(in.tags.begin(), in.tags.end());
  in.tags.erase(std::unique(in.tags.begin(), in.tags.end()), in.tags.end());
  if (errs.empty()) return Status::Ok();
  return Status::Invalid("validation_failed", std::move(errs));
}

std::string EncodeTags(const std::vector<std::string>& tags) {
  std::string out = ",";
  for (const auto& t : tags) out += t + ",";
  return out;
}

std::vector<std::string> DecodeTags(const std::string& stored) {
  std::vector<std::string> out;
  std::string_view rest = stored;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace xinan::people
