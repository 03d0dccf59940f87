-- Drops the table of a delete's chosen ids (choose.sql) once the delete is done.
-- Read once by SetBasedMaintenance; a statement ends with ';' at the end of an unindented line.
DROP TABLE temp.attendees_doomed;
