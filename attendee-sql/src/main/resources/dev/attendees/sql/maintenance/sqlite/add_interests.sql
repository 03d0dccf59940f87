-- Fills attendee_interests for the attendees with ids ?1..?2, split from their ';'-joined lists
-- as the row triggers split them (triggers.sql). Also run one attendee at a time (?1 = ?2) for the
-- few rows a bulk write cannot hold in DerivedRows' encoding.
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
INSERT INTO attendee_interests (attendee_id, position, interest)
SELECT a.id, j.key, j.value
FROM attendees a, json_each('[' || replace(json_quote(a.product_interests), ';', '","') || ']') j
WHERE a.id BETWEEN ?1 AND ?2 AND a.product_interests <> '';
