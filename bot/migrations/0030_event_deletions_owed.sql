-- A Discord scheduled event owed a deletion, until Discord has deleted it.
--
-- `/story remove` deleted the story with its discussions in one write and then, from memory, their
-- scheduled events; `/discussion cancel` likewise. A process killed or stopped between the write and
-- Discord's answer (or Discord failing then) left the event in every member's Events list for a
-- discussion that no longer exists, and nothing ever removed it. Now the deletion is owed in the
-- write that removes or cancels the discussion, tried at once, and tried again by the discussion
-- timer after 1, 5, 15 and 60 minutes (`attempts`, `retry_at`); the row goes once Discord deleted
-- the event (or it was gone already), or refused for good.
CREATE TABLE event_deletions_owed (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    event_id    INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    retry_at    REAL NOT NULL,
    created_at  REAL NOT NULL,
    UNIQUE (guild_id, event_id)
);

CREATE INDEX event_deletions_owed_due ON event_deletions_owed (retry_at);
