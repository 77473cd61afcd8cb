-- A discussion's Discord scheduled event Dogear is about to create, recorded before Discord is asked.
--
-- `/discussion schedule event:True` (and `/discussion move event:True`) created the event on Discord
-- and then stored it with the discussion: a process killed between the two left "chapter 3
-- discussion" in every member's Events list, for a discussion that was never stored, and nothing
-- knew the event existed. Now the intent is written first (the story's title, the chapter and the
-- start time the event gets, so it can be found among the server's events) and removed once the
-- discussion holds the event or the create failed. A row an earlier process left is looked up at
-- the next start: each event of Dogear's so named and timed that no discussion holds is owed its
-- deletion (`event_deletions_owed`), in the write that settles the row.
CREATE TABLE event_creations (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    chapter     INTEGER NOT NULL,
    start_at    REAL NOT NULL,
    created_at  REAL NOT NULL
);
