-- Each time /story update moved a story's chapters down (the first ones an older Dogear read as
-- chapters are notes now), how far. An excerpt's buttons carry the chapter number they were made
-- with and how far the story's chapters had moved by then; a press maps that number through the
-- moves since, so "I've read this" under a post acts on the chapter the member saw.
CREATE TABLE chapter_moves (
    id        INTEGER PRIMARY KEY,
    guild_id  INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    moved_by  INTEGER NOT NULL CHECK (moved_by >= 1)
);

CREATE INDEX chapter_moves_by_story ON chapter_moves (guild_id, story_id);
