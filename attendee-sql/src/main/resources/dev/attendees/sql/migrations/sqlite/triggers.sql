-- The triggers that keep attendee_interests, booth_visits and attendees_fts in step with every
-- write to attendees, including users' own SQL. Created (if missing) each time a store opens the
-- database, after the migrations. The store's bulk writes, regenerations and deletes drop them inside
-- their transaction and keep the derived tables in step set-based before they commit (RowTriggers,
-- SetBasedMaintenance and maintenance/sqlite/*.sql); a rollback brings them back.
-- The derived tables are keyed by (item, attendee_id, position) (V3), so an attendee's rows are
-- found item by item from its old ';'-joined list: one primary-key range per item.
-- A statement ends with ';' at the end of an unindented line.
CREATE TRIGGER IF NOT EXISTS attendees_derived_insert AFTER INSERT ON attendees BEGIN
    INSERT INTO attendee_interests (attendee_id, position, interest)
        SELECT NEW.id, j.key, j.value
        FROM json_each('[' || replace(json_quote(NEW.product_interests), ';', '","') || ']') j
        WHERE NEW.product_interests <> '';
    INSERT INTO booth_visits (attendee_id, position, booth)
        SELECT NEW.id, j.key, j.value
        FROM json_each('[' || replace(json_quote(NEW.booth_visited), ';', '","') || ']') j
        WHERE NEW.booth_visited <> '';
    INSERT INTO attendees_fts (rowid, name, company, job_title) VALUES (NEW.id, NEW.name, NEW.company, NEW.job_title);
END;

CREATE TRIGGER IF NOT EXISTS attendees_derived_delete AFTER DELETE ON attendees BEGIN
    DELETE FROM attendee_interests WHERE attendee_id = OLD.id AND interest IN
        (SELECT j.value FROM json_each('[' || replace(json_quote(OLD.product_interests), ';', '","') || ']') j);
    DELETE FROM booth_visits WHERE attendee_id = OLD.id AND booth IN
        (SELECT j.value FROM json_each('[' || replace(json_quote(OLD.booth_visited), ';', '","') || ']') j);
    INSERT INTO attendees_fts (attendees_fts, rowid, name, company, job_title)
        VALUES ('delete', OLD.id, OLD.name, OLD.company, OLD.job_title);
END;

CREATE TRIGGER IF NOT EXISTS attendees_derived_update AFTER UPDATE ON attendees BEGIN
    DELETE FROM attendee_interests WHERE attendee_id = OLD.id AND interest IN
        (SELECT j.value FROM json_each('[' || replace(json_quote(OLD.product_interests), ';', '","') || ']') j);
    DELETE FROM booth_visits WHERE attendee_id = OLD.id AND booth IN
        (SELECT j.value FROM json_each('[' || replace(json_quote(OLD.booth_visited), ';', '","') || ']') j);
    INSERT INTO attendees_fts (attendees_fts, rowid, name, company, job_title)
        VALUES ('delete', OLD.id, OLD.name, OLD.company, OLD.job_title);
    INSERT INTO attendee_interests (attendee_id, position, interest)
        SELECT NEW.id, j.key, j.value
        FROM json_each('[' || replace(json_quote(NEW.product_interests), ';', '","') || ']') j
        WHERE NEW.product_interests <> '';
    INSERT INTO booth_visits (attendee_id, position, booth)
        SELECT NEW.id, j.key, j.value
        FROM json_each('[' || replace(json_quote(NEW.booth_visited), ';', '","') || ']') j
        WHERE NEW.booth_visited <> '';
    INSERT INTO attendees_fts (rowid, name, company, job_title) VALUES (NEW.id, NEW.name, NEW.company, NEW.job_title);
END;
