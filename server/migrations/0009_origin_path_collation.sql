-- 0009: alerts.origin_unit_path (0007) compares byte-wise on PostgreSQL, like every other path
-- column (0001-0003): the scope condition is a range (path >= '/a/b/' AND path < '/a/b0'),
-- which a linguistic collation (en_US.UTF-8, zh_CN.UTF-8) would order differently, so a town
-- could miss the alerts escalated from its own villages. SQLite compares TEXT byte-wise already.
-- @postgres
ALTER TABLE alerts ALTER COLUMN origin_unit_path TYPE TEXT COLLATE "C";
