-- 0011: warning rules can bound a total from above ("total at most"), so scales where a low
-- total is the warning sign (WHO-5, 0–100: ≤ 28 suggests depression, 29–51 poor well-being) can raise
-- alerts; with min_total as well a rule covers a band. NULL = no upper bound.
ALTER TABLE warning_rules ADD COLUMN max_total REAL;
