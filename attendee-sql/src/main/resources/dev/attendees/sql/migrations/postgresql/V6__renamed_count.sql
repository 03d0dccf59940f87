-- Version 6: a run counts the attendees it added under another e-mail address than the one they
-- came with, because the store held that address already (a generation into a store with
-- attendees, an import with --on-duplicate rename).
-- A statement ends with ';' at the end of an unindented line.
ALTER TABLE generation_runs ADD COLUMN renamed BIGINT NOT NULL DEFAULT 0;
