#include "demo/seed.h"

#include <cstdio>
#include <random>

#include "identity/domain/roles.h"
#include "people/domain/id_number.h"
#include "security/tokens.h"

namespace xinan::demo {
namespace {

constexpr const char* kDistrictCode = "330499000000";
constexpr const char* kTowns[] = {"清溪镇", "云湖街道", "桃源镇", "枫桥街道", "石门镇", "梅林镇", "新港街道"};
constexpr const char* kVillageSuffixes[] = {"村", "社区"};
constexpr const char* kVillageNames[] = {"东湖", "南塘", "西岭", "北港", "青竹", "白沙", "金桥", "柳岸", "荷花"};
constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
constexpr const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "桂兰", "建华", "晓东", "雨欣"};
constexpr const char* kTags[] = {"minor", "community_corrections", "shidu_family", "disabled",
                                 "entitled_group", "child_in_difficulty", "marriage_dispute", "elderly_alone"};

std::vector<org::ImportLine> DistrictLines() {
  std::vector<org::ImportLine> lines;
  int n = 2;
  lines.push_back({n++, kDistrictCode, "心安区", "district", "", "0573-96525"});
  for (int t = 1; t <= 7; ++t) {
    char town[13];
    std::snprintf(town, sizeof town, "330499%03d000", t);
    lines.push_back({n++, town, kTowns[t - 1], "town", kDistrictCode, ""});
    int villages = t <= 4 ? 9 : 8;  // 36 + 24 = 60
    for (int v = 1; v <= villages; ++v) {
      char code[13];
      std::snprintf(code, sizeof code, "330499%03d%03d", t, v);
      std::string name = std::string(kVillageNames[v - 1]) + kVillageSuffixes[(t + v) % 2];
      lines.push_back({n++, code, name, "village", town, ""});
    }
  }
  return lines;
}

struct DemoUser {
  std::string role, unit_code;
};

std::vector<DemoUser> DemoUsers(const std::vector<org::ImportLine>& units) {
  std::vector<DemoUser> out;
  for (const char* role : {"district_admin", "hotline_operator", "crisis_team", "partner_department",
                           "psych_prevention", "station_staff"}) {
    out.push_back({role, kDistrictCode});
  }
  for (const auto& u : units) {
    if (u.level == "town") {
      out.push_back({"station_staff", u.code});
      out.push_back({"psych_prevention", u.code});
    } else if (u.level == "village") {
      out.push_back({"community_counsellor", u.code});
    }
  }
  return out;
}

Status SeedUsers(cli::Services& s, const SeedOptions& o, const std::vector<DemoUser>& users,
                 std::ostream& out) {
  auto root = security::Scope::AtPath("/");
  auto actor = security::Actor::System("seed-demo");
  std::string shared_hash;
  if (!o.password.empty()) { XINAN_ASSIGN_OR_RETURN(shared_hash, security::HashPassword(o.password, o.cost)); }
  out << "\nDemo logins (username / password / role / unit):\n";
  for (const auto& du : users) {
    const auto* role = identity::FindRole(du.role);
    std::string username = role->username_prefix + "_" + du.unit_code;
    std::string password = o.password.empty() ? security::RandomToken(9) : o.password;
    std::string hash = shared_hash;
    if (hash.empty()) { XINAN_ASSIGN_OR_RETURN(hash, security::HashPassword(password, o.cost)); }
    XINAN_ASSIGN_OR_RETURN(org::OrgUnit unit, s.org->GetByCode(root, du.unit_code));
    XINAN_RETURN_IF_ERROR(s.users->Create(actor, root, {username, role->name_zh + " " + unit.name,
                                                        unit.id, {du.role}, hash}).status());
    out << "  " << username << "  " << password << "  " << role->name_zh << "  " << unit.name << "\n";
  }
  return Status::Ok();
}

Status SeedResidents(cli::Services& s, const SeedOptions& o, const std::vector<org::ImportLine>& units) {
  std::mt19937 rng(20261123);
  std::vector<std::string> villages;
  for (const auto& u : units) if (u.level == "village") villages.push_back(u.code);
  auto root = security::Scope::AtPath("/");
  auto actor = security::Actor::System("seed-demo");
  std::vector<std::string> unit_ids;
  for (const auto& code : villages) {
    XINAN_ASSIGN_OR_RETURN(org::OrgUnit unit, s.org->GetByCode(root, code));
    unit_ids.push_back(unit.id);
  }
  FictionalIds ids;
  for (int i = 0; i < o.residents; ++i) {
    bool male = rng() % 2 == 0;
    char birth[9];
    std::snprintf(birth, sizeof birth, "%04d%02d%02d", 1940 + static_cast<int>(rng() % 75),
                  1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
    people::PersonInput in;
    in.name = std::string(kSurnames[rng() % 16]) + kGiven[rng() % 20];
    in.id_number = ids.Next(birth, male);
    in.gender = male ? "male" : "female";
    in.birth_date = people::IdNumberBirthDate(in.id_number);
    in.phone = "139" + std::to_string(10000000 + static_cast<int>(rng() % 89999999));
    in.address = "心安区" + std::to_string(1 + rng() % 200) + "号";
    in.unit_id = unit_ids[i % unit_ids.size()];
    if (rng() % 3 == 0) in.tags = {kTags[rng() % 8]};
    XINAN_RETURN_IF_ERROR(s.people->Create(actor, root, in).status());
  }
  return Status::Ok();
}

}  // namespace

std::string FictionalIdNumber(const std::string& birth_yyyymmdd, int sequence, bool male) {
  char seq[8];
  int s = (sequence % 500) * 2 + (male ? 1 : 0);
  std::snprintf(seq, sizeof seq, "%03d", s % 1000);
  std::string first17 = std::string("330499") + birth_yyyymmdd + seq;
  return first17 + people::IdNumberCheckChar(first17);
}

Status SeedDemo(cli::Services& s, const SeedOptions& o, std::ostream& out) {
  if (s.org->GetByCode(security::Scope::AtPath("/"), kDistrictCode).ok()) {
    return Status::Conflict("demo_already_seeded", "the demo district exists already");
  }
  auto lines = DistrictLines();
  XINAN_ASSIGN_OR_RETURN(int units, s.org->Import(security::Actor::System("seed-demo"), lines));
  XINAN_RETURN_IF_ERROR(SeedUsers(s, o, DemoUsers(lines), out));
  XINAN_RETURN_IF_ERROR(SeedResidents(s, o, lines));
  out << "\nSeeded " << units << " org units and " << o.residents << " fictional residents.\n";
  return Status::Ok();
}

}  // namespace xinan::demo
