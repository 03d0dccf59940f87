-- Before a chunk of regenerated attendees overwrites the old ones: the old rows' words leave the
-- full-text index and their items the normalized tables (found by (item, attendee_id) from the old
-- lists, one primary-key range each). ?1 is a JSON array of the chunk's ids.
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
INSERT INTO attendees_fts (attendees_fts, rowid, name, company, job_title)
SELECT 'delete', a.id, a.name, a.company, a.job_title FROM attendees a
WHERE a.id IN (SELECT value FROM json_each(?1));

DELETE FROM attendee_interests WHERE (interest, attendee_id) IN (
    SELECT j.value, a.id
    FROM attendees a, json_each('[' || replace(json_quote(a.product_interests), ';', '","') || ']') j
    WHERE a.id IN (SELECT value FROM json_each(?1))
);

DELETE FROM booth_visits WHERE (booth, attendee_id) IN (
    SELECT j.value, a.id
    FROM attendees a, json_each('[' || replace(json_quote(a.booth_visited), ';', '","') || ']') j
    WHERE a.id IN (SELECT value FROM json_each(?1))
);
