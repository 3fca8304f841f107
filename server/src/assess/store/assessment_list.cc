// The unit's result list (every result in scope, filtered and paged, contacts masked) and the
// audited read of an identified respondent's contact.
#include "assess/store/assessment_store.h"
#include "people/domain/phone.h"

namespace xinan::assess {
namespace {

std::string Next(store::Params& p, store::SqlValue v) {
  p.push_back(std::move(v));
  return "$" + std::to_string(p.size());
}

// The WHERE clause of a filtered list over `a` (assessments), scope first.
std::string ListWhere(const security::Scope& scope, const ResultFilter& f, store::Params& p) {
  std::string where = " WHERE " + scope.Condition("a.unit_path", p);
  if (!f.scale_code.empty()) where += " AND a.scale_code = " + Next(p, f.scale_code);
  if (!f.source.empty()) where += " AND a.source = " + Next(p, f.source);
  if (f.concerning_only) where += " AND (a.positive = 1 OR a.critical = 1)";
  if (f.identified_only) where += " AND (a.person_id IS NOT NULL OR a.respondent_name IS NOT NULL)";
  return where;
}

}  // namespace

Result<ResultPage> AssessmentStore::List(const security::Scope& scope, const ResultFilter& f) {
  ResultPage page;
  XINAN_RETURN_IF_ERROR(db_.Read([&](store::Connection& c) -> Status {
    store::Params p;
    std::string where = ListWhere(scope, f, p);
    XINAN_ASSIGN_OR_RETURN(store::Rows n, c.Query("SELECT COUNT(*) FROM assessments a" + where, p));
    page.total = n[0].Int(0);
    std::string sql =
        "SELECT a.id, u.name, a.person_id, r.name, a.respondent_name, a.respondent_phone_enc, a.scale_code, "
        "a.total_score, a.band, a.positive, a.critical, a.source, c.name, l.level, a.created_at, a.scale_version "
        "FROM assessments a JOIN org_units u ON u.id = a.unit_id "
        "LEFT JOIN people r ON r.id = a.person_id AND " + scope.Condition("r.unit_path", p) +
        " LEFT JOIN campaigns c ON c.id = a.campaign_id LEFT JOIN alerts l ON l.assessment_id = a.id" + where;
    sql += " ORDER BY a.created_at DESC, a.id DESC LIMIT " + Next(p, int64_t{f.limit}) + " OFFSET " +
           Next(p, int64_t{f.offset});
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, c.Query(sql, p));
    for (const auto& r : rows) {
      ResultRow row{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), "", r.Text(6), r.Text(8), r.Text(11),
                    r.Text(12), r.Text(13), r.Real(7), r.Text(15), r.Int(9) != 0, r.Int(10) != 0, r.Int(14)};
      if (!r.IsNull(5)) {
        XINAN_ASSIGN_OR_RETURN(std::string phone, cipher_.Decrypt(r.Text(5)));
        row.phone_masked = people::MaskPhone(phone);
      }
      page.items.push_back(std::move(row));
    }
    return Status::Ok();
  }));
  return page;
}

Result<Respondent> AssessmentStore::RespondentOf(const security::Actor& actor, const security::Scope& scope,
                                                 const std::string& id) {
  Respondent out;
  XINAN_RETURN_IF_ERROR(db_.Write([&](store::WriteContext& w) -> Status {
    store::Params p{id};
    XINAN_ASSIGN_OR_RETURN(store::Rows rows, w.conn().Query(
        "SELECT a.respondent_name, a.respondent_phone_enc, a.person_id FROM assessments a WHERE a.id = $1 AND " +
            scope.Condition("a.unit_path", p), p));
    if (rows.empty()) return Status::NotFound();
    out.name = rows[0].Text(0);
    if (!rows[0].IsNull(1)) {
      XINAN_ASSIGN_OR_RETURN(out.phone, cipher_.Decrypt(rows[0].Text(1)));
    }
    return w.Audit(actor.Event("assessment.respondent_read", "assessment", id, rows[0].Text(2)));
  }));
  return out;
}

}  // namespace xinan::assess
