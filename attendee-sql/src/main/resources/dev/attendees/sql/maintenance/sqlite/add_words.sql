-- Adds the attendees with ids ?1..?2 to the full-text index, from the attendees table: after a
-- bulk write (one statement for all its rows), and after an attendee is overwritten.
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
INSERT INTO attendees_fts (rowid, name, company, job_title)
SELECT a.id, a.name, a.company, a.job_title FROM attendees a
WHERE a.id BETWEEN ?1 AND ?2;
