-- 0006: a village's resident list in creation order straight from an index. A village's scope
-- is the equality on unit_path (Scope::Condition), and the list's order
-- (created_at, then id as the tie-break, both the same direction) is this index's order read
-- forwards or backwards, so the page needs no sort (SQLite had built a temporary b-tree for
-- every list).
DROP INDEX people_unit_path;
CREATE INDEX people_unit_path ON people(unit_path, created_at, id);
