-- A discussion's scheduled event Discord refused to start or end owes the moderation channel a
-- notice ('event').
--
-- Dogear's role lost Create Events (or Manage Events): the event stayed "Scheduled" (or live) in
-- every member's Events list after the meeting, and only the log said why. Now the refusal's own
-- write (the event's ending stored or marked 'failed', see discussion_event_ends) owes the
-- moderation channel, when one is set, a notice saying which discussion, what happened to its event
-- and what works. SQLite cannot widen a CHECK in place: the table is rebuilt with its rows, as 0037
-- did (nothing references it).
CREATE TABLE discussion_notices_owed_new (
    id            INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    discussion_id INTEGER NOT NULL REFERENCES discussions(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('missed', 'closed_dms', 'failed', 'event')),
    -- The discussion's channel (a forum sends it to the club channel), the reminder's channel, or
    -- the moderation channel ('failed', 'event').
    channel_id    INTEGER NOT NULL,
    content       TEXT NOT NULL,
    reply_to      INTEGER,
    nonce         TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    retry_at      REAL NOT NULL,
    created_at    REAL NOT NULL
);

INSERT INTO discussion_notices_owed_new
    (id, guild_id, discussion_id, kind, channel_id, content, reply_to, nonce, attempts, retry_at, created_at)
SELECT id, guild_id, discussion_id, kind, channel_id, content, reply_to, nonce, attempts, retry_at, created_at
FROM discussion_notices_owed;

DROP TABLE discussion_notices_owed;

ALTER TABLE discussion_notices_owed_new RENAME TO discussion_notices_owed;

CREATE INDEX discussion_notices_owed_due ON discussion_notices_owed (retry_at);
