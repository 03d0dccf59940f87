-- The secondary indexes of attendees and of the derived tables, as version 2 created them (the
-- full-text one as version 5 did). A bulk
-- write into an empty attendees table drops them inside its transaction and creates them again
-- from this script before it commits (PostgresDialect): building an index from the loaded table is
-- several times faster than keeping it up to date row by row, the GIN index most of all. A
-- rollback brings them back.
-- A statement ends with ';' at the end of an unindented line.
CREATE INDEX IF NOT EXISTS attendees_email ON attendees (email);
CREATE INDEX IF NOT EXISTS attendees_company ON attendees (company);
CREATE INDEX IF NOT EXISTS attendees_industry ON attendees (industry);
CREATE INDEX IF NOT EXISTS attendees_company_size ON attendees (company_size);
CREATE INDEX IF NOT EXISTS attendees_job_title ON attendees (job_title);
CREATE INDEX IF NOT EXISTS attendees_attendance_time ON attendees (attendance_time);
CREATE INDEX IF NOT EXISTS attendee_interests_interest ON attendee_interests (interest, attendee_id);
CREATE INDEX IF NOT EXISTS booth_visits_booth ON booth_visits (booth, attendee_id);
CREATE INDEX IF NOT EXISTS attendees_search ON attendees USING GIN (to_tsvector('simple', attendees_search_words(coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(job_title, ''))));
