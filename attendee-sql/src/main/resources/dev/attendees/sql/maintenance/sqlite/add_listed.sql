-- After a chunk of regenerated attendees overwrote the old ones: the new rows' words go into the
-- full-text index and their items into the normalized tables. ?1 is a JSON array of the chunk's ids.
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
INSERT INTO attendees_fts (rowid, name, company, job_title)
SELECT a.id, a.name, a.company, a.job_title FROM attendees a
WHERE a.id IN (SELECT value FROM json_each(?1));

INSERT INTO attendee_interests (attendee_id, position, interest)
SELECT a.id, j.key, j.value
FROM attendees a, json_each('[' || replace(json_quote(a.product_interests), ';', '","') || ']') j
WHERE a.id IN (SELECT value FROM json_each(?1)) AND a.product_interests <> '';

INSERT INTO booth_visits (attendee_id, position, booth)
SELECT a.id, j.key, j.value
FROM attendees a, json_each('[' || replace(json_quote(a.booth_visited), ';', '","') || ']') j
WHERE a.id IN (SELECT value FROM json_each(?1)) AND a.booth_visited <> '';
