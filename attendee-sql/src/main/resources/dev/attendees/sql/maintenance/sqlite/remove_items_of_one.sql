-- Removes the rows of attendee ?1 from the normalized tables, before an import overwrites it:
-- found by (item, attendee_id) from its current lists, one primary-key range per item (V3).
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
DELETE FROM attendee_interests WHERE attendee_id = ?1 AND interest IN (
    SELECT j.value
    FROM attendees a, json_each('[' || replace(json_quote(a.product_interests), ';', '","') || ']') j
    WHERE a.id = ?1
);

DELETE FROM booth_visits WHERE attendee_id = ?1 AND booth IN (
    SELECT j.value
    FROM attendees a, json_each('[' || replace(json_quote(a.booth_visited), ';', '","') || ']') j
    WHERE a.id = ?1
);
