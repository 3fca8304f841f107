-- 0007: an escalated alert stays with the unit where it was raised (and the units between):
-- the alert inbox's scope is "unit_path or origin_unit_path in scope", so both need an index.
CREATE INDEX alerts_origin_path ON alerts(origin_unit_path, status);
