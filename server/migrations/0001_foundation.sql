-- 0001 foundation: org tree, users and sessions, residents, break-glass grants, audit chain.
-- Engine-neutral SQL (SQLite and PostgreSQL): ids are text, instants are epoch milliseconds
-- in BIGINT, booleans are 0/1 INTEGER. Every person-bearing table carries unit_path, the
-- materialised path of the owning unit, indexed for the scope condition.
-- Lines after "-- @postgres" (or "-- @sqlite") run on that engine only, up to "-- @all".

CREATE TABLE org_units (
  id          TEXT PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,          -- 12-digit statistical division code
  name        TEXT NOT NULL,
  level       TEXT NOT NULL,                 -- district | town | village
  parent_id   TEXT REFERENCES org_units(id),
  path        TEXT NOT NULL UNIQUE,          -- "/<district code>/<town code>/<village code>/"
  active      INTEGER NOT NULL DEFAULT 1,
  hotline     TEXT,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX org_units_parent ON org_units(parent_id);

CREATE TABLE users (
  id                  TEXT PRIMARY KEY,
  username            TEXT NOT NULL UNIQUE,
  display_name        TEXT NOT NULL,
  unit_id             TEXT NOT NULL REFERENCES org_units(id),
  unit_path           TEXT NOT NULL,
  roles               TEXT NOT NULL,         -- comma-separated role codes
  password_hash       TEXT NOT NULL,
  active              INTEGER NOT NULL DEFAULT 1,
  failed_logins       INTEGER NOT NULL DEFAULT 0,
  locked_until        BIGINT NOT NULL DEFAULT 0,
  password_changed_at BIGINT NOT NULL,
  created_at          BIGINT NOT NULL,
  updated_at          BIGINT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_unit_path ON users(unit_path);

CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,         -- SHA-256 of the opaque token; the token is never stored
  user_id      TEXT NOT NULL REFERENCES users(id),
  csrf_token   TEXT NOT NULL,
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL,              -- absolute expiry
  revoked_at   BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE tag_definitions (
  code     TEXT PRIMARY KEY,                 -- "minor", "community_corrections", ...
  name_zh  TEXT NOT NULL,
  name_en  TEXT NOT NULL,
  active   INTEGER NOT NULL DEFAULT 1,
  sort     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO tag_definitions (code, name_zh, name_en, sort) VALUES
  ('minor', '未成年人', 'Minor', 1),
  ('community_corrections', '社区矫正对象', 'Community corrections', 2),
  ('shidu_family', '失独家庭', 'Family who lost their only child', 3),
  ('disabled', '残疾人', 'Disabled person', 4),
  ('entitled_group', '优抚对象', 'Entitled group (veterans and families)', 5),
  ('child_in_difficulty', '困境儿童', 'Child in difficulty', 6),
  ('marriage_dispute', '婚姻家庭纠纷', 'Marriage or family dispute', 7),
  ('elderly_alone', '独居老人', 'Elderly living alone', 8);

CREATE TABLE people (
  id               TEXT PRIMARY KEY,
  unit_id          TEXT NOT NULL REFERENCES org_units(id),
  unit_path        TEXT NOT NULL,
  name             TEXT NOT NULL,
  gender           TEXT NOT NULL,            -- male | female
  birth_date       TEXT NOT NULL,            -- YYYY-MM-DD
  id_number_enc    TEXT,                     -- libsodium secretbox, base64
  id_number_bidx   TEXT,                     -- keyed blind index (exact lookup)
  id_number_masked TEXT,
  phone_enc        TEXT,
  phone_bidx       TEXT,
  phone_masked     TEXT,
  address          TEXT,
  tags             TEXT NOT NULL DEFAULT ',',  -- ",minor,elderly_alone,"
  created_by       TEXT,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX people_unit_path ON people(unit_path, created_at);
CREATE INDEX people_name ON people(name);
CREATE UNIQUE INDEX people_id_number_bidx ON people(id_number_bidx);
CREATE INDEX people_created ON people(created_at);

CREATE TABLE break_glass_grants (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users(id),
  person_id   TEXT NOT NULL REFERENCES people(id),
  reason      TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);
CREATE INDEX break_glass_user ON break_glass_grants(user_id, person_id);
CREATE INDEX break_glass_created ON break_glass_grants(created_at);

-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical encoding of the row).
CREATE TABLE audit_log (
  seq            BIGINT PRIMARY KEY,
  at             BIGINT NOT NULL,
  actor_user_id  TEXT,
  actor_username TEXT,
  actor_role     TEXT,
  actor_unit_id  TEXT,
  action         TEXT NOT NULL,
  object_type    TEXT,
  object_id      TEXT,
  person_id      TEXT,
  reason         TEXT,
  request_id     TEXT,
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_person ON audit_log(person_id);
CREATE INDEX audit_log_actor ON audit_log(actor_user_id);

-- @postgres
-- Path columns compare byte by byte (the "C" collation), so the scope condition
-- (path >= '/a/b/' AND path < '/a/b0') is an index range whatever the database's locale.
-- Changing the collation rebuilds the indexes on these columns.
ALTER TABLE people ALTER COLUMN unit_path TYPE TEXT COLLATE "C";
ALTER TABLE users ALTER COLUMN unit_path TYPE TEXT COLLATE "C";
ALTER TABLE org_units ALTER COLUMN path TYPE TEXT COLLATE "C";
