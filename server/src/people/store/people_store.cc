#include "people/store/people_store.h"

#include <spdlog/spdlog.h>

#include "people/store/person_rows.h"

#include "people/domain/id_number.h"
#include "people/domain/phone.h"
#include "security/tokens.h"

namespace xinan::people {
namespace {

using internal::kPersonSelect;
using internal::PersonFromRow;
constexpr const char* kInsert =
    "INSERT INTO people (id, unit_id, unit_path, name, gender, birth_date, id_number_enc, "
    "id_number_bidx, id_number_masked, phone_enc, phone_bidx, phone_masked, address, tags, "
    "created_by, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
    "$10, $11, $12, $13, $14, $15, $16, $16, 1)";
constexpr const char* kUpdate =
    "UPDATE people SET unit_id = $1, unit_path = $2, name = $3, gender = $4, birth_date = $5, "
    "id_number_enc = $6, id_number_bidx = $7, id_number_masked = $8, phone_enc = $9, "
    "phone_bidx = $10, phone_masked = $11, address = $12, tags = $13, updated_at = $14, "
    "version = version + 1 WHERE id = $15 AND version = $16";


Status Decrypt(const security::FieldCipher& c, const store::Row& r, Person& p) {
  if (!r.IsNull(8)) { XINAN_ASSIGN_OR_RETURN(p.id_number, c.Decrypt(r.Text(8))); }
  if (!r.IsNull(10)) { XINAN_ASSIGN_OR_RETURN(p.phone, c.Decrypt(r.Text(10))); }
  return Status::Ok();
}

// The encrypted, indexed and masked forms of the identifiers as bind parameters.
store::Params SealedIdentifiers(const security::FieldCipher& c, const PersonInput& in) {
  auto seal = [&](const std::string& v) { return v.empty() ? store::Null() : store::SqlValue(c.Encrypt(v)); };
  auto bidx = [&](const char* domain, const std::string& v) {
    return v.empty() ? store::Null() : store::SqlValue(c.BlindIndex(domain, v));
  };
  return {seal(in.id_number), bidx("id_number", in.id_number),
          store::TextOrNull(in.id_number.empty() ? "" : MaskIdNumber(in.id_number)),
          seal(in.phone), bidx("phone", in.phone),
          store::TextOrNull(in.phone.empty() ? "" : MaskPhone(in.phone))};
}

struct UnitRef {
  std::string path, code, name;
};

// The unit a record is placed in: in scope, and active unless the record is already there
// (`current_unit_id`) — a deactivated unit keeps its residents but takes no new ones.
Result<UnitRef> UnitInScope(store::Connection& c, const security::Scope& scope,
                            const std::string& unit_id, const std::string& current_unit_id = "") {
  store::Params p{unit_id};
  XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
      "SELECT path, code, name, active FROM org_units WHERE id = $1 AND " + scope.Condition("path", p), p));
  if (rows.empty()) return Status::InvalidField("unitId", "unit_not_found");
  if (rows[0].Int(3) == 0 && unit_id != current_unit_id) return Status::InvalidField("unitId", "unit_inactive");
  return UnitRef{rows[0].Text(0), rows[0].Text(1), rows[0].Text(2)};
}

// The list view of a just-inserted person, built from what was written (no read-back).
Person Created(const std::string& id, const std::string& unit_path, const PersonInput& in, int64_t now) {
  Person p;
  p.id = id;
  p.unit_id = in.unit_id;
  p.unit_path = unit_path;
  p.name = in.name;
  p.gender = in.gender;
  p.birth_date = in.birth_date;
  p.id_number_masked = in.id_number.empty() ? "" : MaskIdNumber(in.id_number);
  p.phone_masked = in.phone.empty() ? "" : MaskPhone(in.phone);
  p.address = in.address;
  p.tags = in.tags;
  p.created_at = p.updated_at = now;
  return p;
}

Status MapUniqueToField(Status st) {
  if (st.code() == "unique_violation") return Status::ConflictField("idNumber", "id_number_exists");
  return st;
}

}  // namespace

Result<bool> HoldsSealedFields(store::Database& db) {
  bool sealed = false;
  XINAN_RETURN_IF_ERROR(db.Read([&](store::Connection& c) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
        "SELECT 1 WHERE EXISTS (SELECT 1 FROM people WHERE id_number_enc IS NOT NULL OR phone_enc IS NOT NULL) "
        "OR EXISTS (SELECT 1 FROM assessments WHERE respondent_phone_enc IS NOT NULL) "
        "OR EXISTS (SELECT 1 FROM campaign_roster WHERE phone_enc IS NOT NULL)"));
    sealed = !rows.empty();
    return Status::Ok();
  }));
  return sealed;
}

Result<PeopleStore::TagDefs> PeopleStore::Tags() {
  return tags_.Get([this]() -> Result<std::vector<TagDef>> {
    std::vector<TagDef> out;
    XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
      XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(
          "SELECT code, name_zh, name_en FROM tag_definitions WHERE active = 1 ORDER BY sort, code"));
      for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
      return Status::Ok();
    }));
    return out;
  });
}

Result<Person> PeopleStore::Create(const security::Actor& actor, const security::Scope& scope,
                                   PersonInput in) {
  XINAN_ASSIGN_OR_RETURN(auto tags, Tags());
  std::vector<std::string> codes;
  for (const auto& t : *tags) codes.push_back(t.code);
  XINAN_RETURN_IF_ERROR(ValidatePersonInput(in, ShanghaiDate(clock_.NowMillis()), codes));
  std::string id = security::NewId();
  store::Params sealed = SealedIdentifiers(cipher_, in);  // encryption off the writer thread
  std::optional<Person> out;
  Status written = db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(UnitRef unit, UnitInScope(w.conn(), scope, in.unit_id));
    const std::string& path = unit.path;
    store::Params p{id, in.unit_id, path, in.name, in.gender, in.birth_date};
    p.insert(p.end(), sealed.begin(), sealed.end());
    p.insert(p.end(), {store::TextOrNull(in.address), EncodeTags(in.tags),
                       store::TextOrNull(actor.user_id), w.NowMillis()});
    XINAN_RETURN_IF_ERROR(MapUniqueToField(w.conn().Exec(kInsert, p).status()));
    out = Created(id, path, in, w.NowMillis());
    out->unit_code = unit.code;
    out->unit_name = unit.name;
    return w.Audit(actor.Event("person.create", "person", id, id));
  });
  if (!written.ok()) return AuditIfDuplicate(actor, in.id_number, written);
  return *out;
}

// A refused duplicate tells the caller that the ID number is registered somewhere in the
// district, whatever their scope: the refusal is audited against the existing record (the
// refused write itself rolled back with its audit row), as a break-glass search would be.
Status PeopleStore::AuditIfDuplicate(const security::Actor& actor, const std::string& id_number, Status refused) {
  if (refused.code() != "id_number_exists" || id_number.empty()) return refused;
  Status audited = db_.Write([&](store::WriteContext& w) -> Status {
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT id FROM people WHERE id_number_bidx = $1", {cipher_.BlindIndex("id_number", id_number)}));
    if (rows.empty()) return Status::Ok();
    return w.Audit(actor.Event("person.duplicate_refused", "person", rows[0].Text(0), rows[0].Text(0)));
  });
  if (!audited.ok()) spdlog::warn("could not audit a refused duplicate ID number: {}", audited.ToString());
  return refused;
}

Result<Person> PeopleStore::Read(const security::Actor& actor, const security::Scope& scope,
                                 const std::string& id) {
  std::optional<Person> out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    store::Params p{id};
    std::string sql = std::string(kPersonSelect) + " WHERE p.id = $1 AND " +
                      scope.PersonCondition("p.unit_path", "p.id", w.NowMillis(), p);
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(sql, p));
    if (rows.empty()) return Status::NotFound();
    Person person = PersonFromRow(rows[0]);
    XINAN_RETURN_IF_ERROR(Decrypt(cipher_, rows[0], person));
    person.via_break_glass = !scope.Contains(person.unit_path);
    out = std::move(person);
    return w.Audit(actor.Event("person.read", "person", id, id,
                               out->via_break_glass ? "break-glass" : ""));
  }));
  return *out;
}

Result<Person> PeopleStore::Update(const security::Actor& actor, const security::Scope& scope,
                                   const std::string& id, PersonInput in) {
  XINAN_ASSIGN_OR_RETURN(auto tags, Tags());
  std::vector<std::string> codes;
  for (const auto& t : *tags) codes.push_back(t.code);
  XINAN_RETURN_IF_ERROR(ValidatePersonInput(in, ShanghaiDate(clock_.NowMillis()), codes));
  std::optional<Person> out;
  Status written = db_.Write([&](store::WriteContext& w) -> Status {
    store::Params q{id};
    XINAN_ASSIGN_OR_RETURN(store::Rows cur, w.conn().Query(
        "SELECT id, unit_id FROM people p WHERE p.id = $1 AND " + scope.Condition("p.unit_path", q), q));
    if (cur.empty()) return Status::NotFound();
    XINAN_ASSIGN_OR_RETURN(UnitRef unit, UnitInScope(w.conn(), scope, in.unit_id, cur[0].Text(1)));
    store::Params p{in.unit_id, unit.path, in.name, in.gender, in.birth_date};
    store::Params sealed = SealedIdentifiers(cipher_, in);
    p.insert(p.end(), sealed.begin(), sealed.end());
    p.insert(p.end(), {store::TextOrNull(in.address), EncodeTags(in.tags), w.NowMillis(), id,
                       in.version});
    Result<int64_t> updated = w.conn().Exec(kUpdate, p);
    XINAN_RETURN_IF_ERROR(MapUniqueToField(updated.status()));
    if (*updated == 0) return Status::Conflict("version_conflict");
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(std::string(kPersonSelect) + " WHERE p.id = $1", {id}));
    Person person = PersonFromRow(rows.at(0));
    XINAN_RETURN_IF_ERROR(Decrypt(cipher_, rows[0], person));
    out = std::move(person);
    if (on_moved_ && in.unit_id != cur[0].Text(1)) {
      XINAN_RETURN_IF_ERROR(on_moved_(w, actor, {id, in.unit_id, unit.path, unit.name}));
    }
    return w.Audit(actor.Event("person.update", "person", id, id));
  });
  if (!written.ok()) return AuditIfDuplicate(actor, in.id_number, written);
  return *out;
}

namespace internal {

Person PersonFromRow(const store::Row& r) {
  Person p;
  p.id = r.Text(0);
  p.unit_id = r.Text(1);
  p.unit_code = r.Text(2);
  p.unit_name = r.Text(3);
  p.unit_path = r.Text(4);
  p.name = r.Text(5);
  p.gender = r.Text(6);
  p.birth_date = r.Text(7);
  p.id_number_masked = r.Text(9);
  p.phone_masked = r.Text(11);
  p.address = r.Text(12);
  p.tags = DecodeTags(r.Text(13));
  p.created_at = r.Int(14);
  p.updated_at = r.Int(15);
  p.version = r.Int(16);
  return p;
}

}  // namespace internal
}  // namespace xinan::people
