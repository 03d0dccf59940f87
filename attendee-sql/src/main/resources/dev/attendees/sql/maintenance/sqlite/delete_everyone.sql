-- Deletes every attendee, word and list item: what delete_chosen.sql or delete_range.sql do when
-- they would choose everyone, in a moment (FTS5's delete-all, and unconditional deletes, which
-- SQLite empties a table with at once).
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
INSERT INTO attendees_fts (attendees_fts) VALUES ('delete-all');

DELETE FROM attendee_interests;

DELETE FROM booth_visits;

DELETE FROM attendees;
