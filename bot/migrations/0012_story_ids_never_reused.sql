-- A story's id is never given to another story. SQLite hands a deleted row's id to the next row
-- when it was the highest, and ids outlive their story in places the database does not reach:
-- the buttons under excerpts posted months ago (mark read, read privately), a removal's
-- confirmation, a review's buttons. A press there must find nothing, not a newer story.
-- bot.story.store.insert_story takes the next id from here (stories has no AUTOINCREMENT, and
-- adding one would mean rebuilding the table under its foreign keys).
CREATE TABLE id_high_water (
    name TEXT PRIMARY KEY,
    last INTEGER NOT NULL CHECK (last >= 0)
);

INSERT INTO id_high_water (name, last) SELECT 'stories', coalesce(max(id), 0) FROM stories;
