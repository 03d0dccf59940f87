-- Deletes the attendees of temp.attendees_doomed (choose.sql) with their words and list items,
-- one statement each; the row triggers are dropped meanwhile.
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
INSERT INTO attendees_fts (attendees_fts, rowid, name, company, job_title)
SELECT 'delete', a.id, a.name, a.company, a.job_title FROM attendees a
WHERE a.id IN (SELECT id FROM temp.attendees_doomed);

DELETE FROM attendee_interests WHERE (interest, attendee_id) IN (
    SELECT j.value, a.id
    FROM attendees a, json_each('[' || replace(json_quote(a.product_interests), ';', '","') || ']') j
    WHERE a.id IN (SELECT id FROM temp.attendees_doomed)
);

DELETE FROM booth_visits WHERE (booth, attendee_id) IN (
    SELECT j.value, a.id
    FROM attendees a, json_each('[' || replace(json_quote(a.booth_visited), ';', '","') || ']') j
    WHERE a.id IN (SELECT id FROM temp.attendees_doomed)
);

DELETE FROM attendees WHERE id IN (SELECT id FROM temp.attendees_doomed);
