-- 0010: a notification is read per user, not per unit. Before, one user marking the unit's
-- notifications read cleared the bell for every colleague of the unit, who then never saw a new
-- red alert announced. A read is now a row (notification, user); notifications.read_at is no
-- longer written or read. What was read for the unit stays read for the unit's users of today.
CREATE TABLE notification_reads (
  notification_id TEXT NOT NULL REFERENCES notifications(id),
  user_id         TEXT NOT NULL REFERENCES users(id),
  read_at         BIGINT NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
INSERT INTO notification_reads (notification_id, user_id, read_at)
  SELECT n.id, u.id, n.read_at FROM notifications n JOIN users u ON u.unit_id = n.unit_id
  WHERE n.read_at > 0;
CREATE INDEX notifications_unit_created ON notifications(unit_id, created_at);
DROP INDEX notifications_unit;
