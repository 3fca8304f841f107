-- 0004 (SQLite only): the audit log keyed by its rowid. `seq BIGINT PRIMARY KEY` made SQLite keep
-- a separate unique index beside the table; `INTEGER PRIMARY KEY` is the table's own key, so
-- every audited write (every write) updates one b-tree fewer and the chain's tail is a rowid
-- lookup. Rows, hashes and the other indexes are unchanged. PostgreSQL keeps its table.
-- @sqlite
CREATE TABLE audit_log_by_rowid (
  seq            INTEGER PRIMARY KEY,
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
INSERT INTO audit_log_by_rowid (seq, at, actor_user_id, actor_username, actor_role, actor_unit_id,
  action, object_type, object_id, person_id, reason, request_id, prev_hash, hash)
  SELECT seq, at, actor_user_id, actor_username, actor_role, actor_unit_id, action, object_type,
         object_id, person_id, reason, request_id, prev_hash, hash FROM audit_log ORDER BY seq;
DROP TABLE audit_log;
ALTER TABLE audit_log_by_rowid RENAME TO audit_log;
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_person ON audit_log(person_id);
CREATE INDEX audit_log_actor ON audit_log(actor_user_id);
