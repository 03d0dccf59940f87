-- Removes attendee ?1 from the full-text index, before an import overwrites it (FTS5 needs the
-- values it indexed, so this runs while the row still holds them).
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
INSERT INTO attendees_fts (attendees_fts, rowid, name, company, job_title)
SELECT 'delete', a.id, a.name, a.company, a.job_title FROM attendees a
WHERE a.id = ?1;
