-- A delete's chosen ids go into a temporary table of the store's connection first: the filter
-- may search the full-text index, which the deletes that follow change. SetBasedMaintenance fills
-- it from the filter (INSERT INTO temp.attendees_doomed (id) SELECT ...) and drops it afterwards.
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
DROP TABLE IF EXISTS temp.attendees_doomed;

CREATE TABLE temp.attendees_doomed (id INTEGER PRIMARY KEY);
