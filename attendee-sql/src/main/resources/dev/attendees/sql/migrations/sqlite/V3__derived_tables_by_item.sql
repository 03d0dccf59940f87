-- Version 3: attendee_interests and booth_visits clustered by item. Their primary key becomes
-- (item, attendee_id, position) in a WITHOUT ROWID table, so the rows of one interest or booth lie
-- together in key order: questions by item read a range of the table itself, and no second index
-- is needed (version 2 had one on (item, attendee_id) beside a primary key by attendee). Bulk
-- writes append each item's rows in order; the triggers find an attendee's rows by
-- (item, attendee_id) from the attendee's own ';'-joined list. The columns keep their order.
-- The version 2 triggers (which deleted by attendee_id alone) go; triggers.sql creates the new ones.
DROP TRIGGER IF EXISTS attendees_derived_insert;
DROP TRIGGER IF EXISTS attendees_derived_delete;
DROP TRIGGER IF EXISTS attendees_derived_update;
DROP INDEX IF EXISTS attendee_interests_interest;
DROP INDEX IF EXISTS booth_visits_booth;

CREATE TABLE attendee_interests_by_item (
    attendee_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    interest TEXT NOT NULL,
    PRIMARY KEY (interest, attendee_id, position)
) WITHOUT ROWID;

INSERT INTO attendee_interests_by_item (attendee_id, position, interest)
SELECT attendee_id, position, interest FROM attendee_interests ORDER BY interest, attendee_id, position;

DROP TABLE attendee_interests;

ALTER TABLE attendee_interests_by_item RENAME TO attendee_interests;

CREATE TABLE booth_visits_by_item (
    attendee_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    booth TEXT NOT NULL,
    PRIMARY KEY (booth, attendee_id, position)
) WITHOUT ROWID;

INSERT INTO booth_visits_by_item (attendee_id, position, booth)
SELECT attendee_id, position, booth FROM booth_visits ORDER BY booth, attendee_id, position;

DROP TABLE booth_visits;

ALTER TABLE booth_visits_by_item RENAME TO booth_visits;
