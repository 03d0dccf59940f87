-- Version 1: the data contract's table, exactly as the original specification creates it.
-- Databases made by other tools from the contract are at this version.
-- A statement ends with ';' at the end of an unindented line.
CREATE TABLE attendees (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    company TEXT,
    event_name TEXT NOT NULL,
    attendance_time TIMESTAMP,
    job_title TEXT,
    industry TEXT,
    company_size TEXT,        -- inferred from company name/domain
    product_interests TEXT,
    booth_visited TEXT,
    image_path TEXT,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
