-- 0005: indexes that leave out the rows without a key. An anonymous self-assessment by a unit's
-- link has no person and no campaign, and neither have its two audit rows: four index entries
-- nobody looks up, written at every submission (four b-trees touched per transaction, ~20 % of
-- the pages a batch of submissions writes). Every lookup through these indexes is an equality
-- on the column (`person_id = $1`, `campaign_id = $1`), which the partial indexes serve.
-- The audit log's actor index was on actor_user_id, which no query uses; the audit viewer filters
-- by actor_username, so the index is on that now (same cost per write).
DROP INDEX assessments_campaign;
CREATE INDEX assessments_campaign ON assessments(campaign_id, respondent_key) WHERE campaign_id IS NOT NULL;
DROP INDEX assessments_person;
CREATE INDEX assessments_person ON assessments(person_id, scale_code, created_at) WHERE person_id IS NOT NULL;
DROP INDEX audit_log_person;
CREATE INDEX audit_log_person ON audit_log(person_id) WHERE person_id IS NOT NULL;
DROP INDEX audit_log_actor;
CREATE INDEX audit_log_actor ON audit_log(actor_username);
