-- 0002 screening and early warning: scored assessments and the alerts they raise.
-- An assessment keeps the scale version it was scored with; an alert keeps its owner unit
-- (unit_path, which moves up on escalation) and the unit it came from (origin_unit_path).

CREATE TABLE assessments (
  id             TEXT PRIMARY KEY,
  unit_id        TEXT NOT NULL REFERENCES org_units(id),
  unit_path      TEXT NOT NULL,
  person_id      TEXT REFERENCES people(id),   -- NULL for an anonymous self-assessment
  scale_code     TEXT NOT NULL,
  scale_version  TEXT NOT NULL,
  answers        TEXT NOT NULL,                -- JSON object item id -> value
  raw_score      REAL NOT NULL,
  total_score    REAL NOT NULL,
  band           TEXT NOT NULL,
  positive       INTEGER NOT NULL,
  critical       INTEGER NOT NULL,
  source         TEXT NOT NULL,                -- counsellor | self
  created_by     TEXT,
  created_at     BIGINT NOT NULL
);
CREATE INDEX assessments_unit_path ON assessments(unit_path, created_at);
CREATE INDEX assessments_person ON assessments(person_id, scale_code, created_at);

CREATE TABLE alerts (
  id                TEXT PRIMARY KEY,
  assessment_id     TEXT NOT NULL REFERENCES assessments(id),
  person_id         TEXT REFERENCES people(id),
  unit_id           TEXT NOT NULL REFERENCES org_units(id),  -- owner unit
  unit_path         TEXT NOT NULL,
  origin_unit_path  TEXT NOT NULL,
  level             TEXT NOT NULL,                           -- red | orange | yellow
  level_rank        INTEGER NOT NULL,                        -- 3 | 2 | 1
  status            TEXT NOT NULL,                           -- new | acknowledged | in_progress | closed
  outcome           TEXT,
  deadline          BIGINT NOT NULL,
  escalations       INTEGER NOT NULL DEFAULT 0,
  created_at        BIGINT NOT NULL,
  updated_at        BIGINT NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX alerts_unit_path ON alerts(unit_path, status);
CREATE INDEX alerts_due ON alerts(status, deadline);

CREATE TABLE alert_events (
  id         TEXT PRIMARY KEY,
  alert_id   TEXT NOT NULL REFERENCES alerts(id),
  seq        INTEGER NOT NULL,                 -- 1, 2, … within the alert
  at         BIGINT NOT NULL,
  actor      TEXT,
  action     TEXT NOT NULL,                    -- raised | acknowledged | escalated | closed
  detail     TEXT
);
CREATE UNIQUE INDEX alert_events_alert ON alert_events(alert_id, seq);

-- @postgres
ALTER TABLE assessments ALTER COLUMN unit_path TYPE TEXT COLLATE "C";
ALTER TABLE alerts ALTER COLUMN unit_path TYPE TEXT COLLATE "C";
