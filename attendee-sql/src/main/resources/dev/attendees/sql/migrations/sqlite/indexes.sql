-- Indexes for the common filters and rankings. (attendee_interests and booth_visits need none:
-- their primary keys start with the item, see V3.) Created (if missing) each time a store opens the
-- database, after the migrations. A bulk write that grows the table a lot drops them inside its
-- transaction and creates them again before it commits (building an index from sorted data is
-- several times faster than keeping it up to date row by row); a rollback brings them back.
-- A statement ends with ';' at the end of an unindented line.
CREATE INDEX IF NOT EXISTS attendees_email ON attendees (email);
CREATE INDEX IF NOT EXISTS attendees_company ON attendees (company);
CREATE INDEX IF NOT EXISTS attendees_industry ON attendees (industry);
CREATE INDEX IF NOT EXISTS attendees_job_title ON attendees (job_title);
CREATE INDEX IF NOT EXISTS attendees_attendance_time ON attendees (attendance_time);
