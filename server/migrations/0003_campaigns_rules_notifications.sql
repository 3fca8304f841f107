-- 0003 screening campaigns with rosters, warning rules as data, in-app notifications, and
-- identified self-assessments (respondent name, encrypted phone with a blind index).

CREATE TABLE warning_rules (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  level             TEXT NOT NULL,             -- red | orange | yellow
  scale_code        TEXT,                      -- NULL = any scale
  min_total         REAL,
  min_rise          REAL,
  requires_critical INTEGER NOT NULL DEFAULT 0,
  required_tags     TEXT NOT NULL DEFAULT ',', -- ",minor,elderly_alone,"
  active            INTEGER NOT NULL DEFAULT 1,
  created_at        BIGINT NOT NULL,
  updated_at        BIGINT NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1
);
INSERT INTO warning_rules (id, name, level, scale_code, min_total, min_rise, requires_critical, created_at, updated_at) VALUES
  ('default-critical', '任一危机条目阳性', 'red', NULL, NULL, NULL, 1, 0, 0),
  ('default-phq9-20', 'PHQ-9 ≥ 20', 'orange', 'phq9', 20, NULL, 0, 0, 0),
  ('default-gad7-15', 'GAD-7 ≥ 15', 'orange', 'gad7', 15, NULL, 0, 0, 0),
  ('default-phq9-10', 'PHQ-9 ≥ 10', 'yellow', 'phq9', 10, NULL, 0, 0, 0);

CREATE TABLE campaigns (
  id            TEXT PRIMARY KEY,
  unit_id       TEXT NOT NULL REFERENCES org_units(id),
  unit_path     TEXT NOT NULL,
  name          TEXT NOT NULL,
  target_group  TEXT,
  scale_codes   TEXT NOT NULL,                 -- ",phq9,gad7,"
  starts_on     TEXT NOT NULL,                 -- YYYY-MM-DD, Asia/Shanghai
  ends_on       TEXT NOT NULL,
  consent_text  TEXT,
  show_result   INTEGER NOT NULL DEFAULT 1,
  target_size   INTEGER NOT NULL DEFAULT 0,
  created_by    TEXT,
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX campaigns_unit_path ON campaigns(unit_path, created_at);

CREATE TABLE campaign_roster (
  id           TEXT PRIMARY KEY,
  campaign_id  TEXT NOT NULL REFERENCES campaigns(id),
  unit_id      TEXT NOT NULL REFERENCES org_units(id),
  unit_path    TEXT NOT NULL,
  name         TEXT NOT NULL,
  phone_enc    TEXT,
  phone_bidx   TEXT,
  phone_masked TEXT,
  group_label  TEXT,
  line_no      INTEGER NOT NULL
);
CREATE INDEX campaign_roster_campaign ON campaign_roster(campaign_id, line_no);
CREATE INDEX campaign_roster_phone ON campaign_roster(campaign_id, phone_bidx);

ALTER TABLE assessments ADD COLUMN campaign_id TEXT REFERENCES campaigns(id);
ALTER TABLE assessments ADD COLUMN respondent_name TEXT;
ALTER TABLE assessments ADD COLUMN respondent_phone_enc TEXT;
ALTER TABLE assessments ADD COLUMN respondent_phone_bidx TEXT;
-- One respondent: the person id, else the phone's blind index, else the assessment id.
ALTER TABLE assessments ADD COLUMN respondent_key TEXT;
CREATE INDEX assessments_campaign ON assessments(campaign_id, respondent_key);

CREATE TABLE notifications (
  id          TEXT PRIMARY KEY,
  unit_id     TEXT NOT NULL REFERENCES org_units(id),   -- the unit whose users are notified
  kind        TEXT NOT NULL,                            -- alert_raised | alert_escalated
  alert_id    TEXT REFERENCES alerts(id),
  level       TEXT,
  created_at  BIGINT NOT NULL,
  read_at     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notifications_unit ON notifications(unit_id, read_at, created_at);

-- @postgres
ALTER TABLE campaigns ALTER COLUMN unit_path TYPE TEXT COLLATE "C";
ALTER TABLE campaign_roster ALTER COLUMN unit_path TYPE TEXT COLLATE "C";
