-- 0008: a result's alert found by the result (the result list, a resident's history and the
-- campaign export join alerts on assessment_id).
CREATE INDEX alerts_assessment ON alerts(assessment_id);
