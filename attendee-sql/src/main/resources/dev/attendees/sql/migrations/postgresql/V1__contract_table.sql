-- Version 1: the data contract's table in PostgreSQL's types (id BIGINT, so that several large runs
-- fit; the created_at default is UTC, like SQLite's CURRENT_TIMESTAMP).
-- A statement ends with ';' at the end of an unindented line.
CREATE TABLE attendees (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    company TEXT,
    event_name TEXT NOT NULL,
    attendance_time TIMESTAMP,
    job_title TEXT,
    industry TEXT,
    company_size TEXT,
    product_interests TEXT,
    booth_visited TEXT,
    image_path TEXT,
    created_at TIMESTAMP DEFAULT (CURRENT_TIMESTAMP AT TIME ZONE 'UTC')
);
