-- Version 2: what makes queries fast and exact, and the store's own tables.
-- attendee_interests and booth_visits hold the ';'-joined columns one item a row (position is the
-- item's place in the list, from 0); attendees_fts indexes name, company and job title (FTS5,
-- external content). Indexes (indexes.sql) and triggers (triggers.sql) are created after the
-- migrations; the triggers keep the three in step with attendees.
CREATE TABLE attendee_interests (
    attendee_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    interest TEXT NOT NULL,
    PRIMARY KEY (attendee_id, position)
) WITHOUT ROWID;

CREATE TABLE booth_visits (
    attendee_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    booth TEXT NOT NULL,
    PRIMARY KEY (attendee_id, position)
) WITHOUT ROWID;

-- Full text with detail = 'none' and no column sizes: words and word starts is all the store asks
-- (no phrases, no ranking), and the index builds in less than half the time.
CREATE VIRTUAL TABLE attendees_fts USING fts5(
    name, company, job_title,
    content = 'attendees', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', detail = 'none', columnsize = 0
);

CREATE TABLE generation_runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    seed INTEGER,
    data_version INTEGER,
    event_name TEXT,
    event_type TEXT,
    options TEXT NOT NULL,
    first_id INTEGER NOT NULL,
    last_id INTEGER NOT NULL,
    inserted INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    replaced INTEGER NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL
);

CREATE TABLE query_history (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    sql TEXT NOT NULL,
    engine TEXT NOT NULL,
    asked_at TIMESTAMP NOT NULL,
    row_count INTEGER NOT NULL,
    starred BOOLEAN NOT NULL DEFAULT 0
);

-- Fill the derived tables from the attendees already there (a version 1 database).
INSERT INTO attendee_interests (attendee_id, position, interest)
SELECT a.id, j.key, j.value
FROM attendees a, json_each('[' || replace(json_quote(a.product_interests), ';', '","') || ']') j
WHERE a.product_interests <> '';

INSERT INTO booth_visits (attendee_id, position, booth)
SELECT a.id, j.key, j.value
FROM attendees a, json_each('[' || replace(json_quote(a.booth_visited), ';', '","') || ']') j
WHERE a.booth_visited <> '';

INSERT INTO attendees_fts (attendees_fts) VALUES ('rebuild');
