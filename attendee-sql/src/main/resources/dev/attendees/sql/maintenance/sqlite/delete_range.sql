-- Deletes the attendees with ids ?1..?2 (a run) with their words and list items; the row triggers
-- are dropped meanwhile. An id range is one key range of each item in the normalized tables, so
-- their rows go item by item without reading the lists.
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
INSERT INTO attendees_fts (attendees_fts, rowid, name, company, job_title)
SELECT 'delete', a.id, a.name, a.company, a.job_title FROM attendees a
WHERE a.id BETWEEN ?1 AND ?2;

DELETE FROM attendee_interests
WHERE interest IN (SELECT DISTINCT interest FROM attendee_interests) AND attendee_id BETWEEN ?1 AND ?2;

DELETE FROM booth_visits
WHERE booth IN (SELECT DISTINCT booth FROM booth_visits) AND attendee_id BETWEEN ?1 AND ?2;

DELETE FROM attendees WHERE id BETWEEN ?1 AND ?2;
