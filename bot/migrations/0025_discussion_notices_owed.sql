-- A notice the club's channel is owed after a discussion item changed state, until it is there.
--
-- A discussion marked missed (due while Dogear was offline past the grace period) and then its
-- channel told, once, with no nonce and no retry; members whose DMs refused a reminder's copy marked
-- as never to be tried again and then told, once, under the reminder: a process killed between the
-- write and the post, or Discord failing on its side, and nobody was ever told. Now the notice is
-- stored in the state change's own write, tried at once, and tried again by the discussion timer
-- after 1, 5, 15 and 60 minutes (``attempts``, ``retry_at``), each retry looking for its text among
-- the channel's recent messages first and sending with the row's nonce. A row is deleted once the
-- notice is posted, or at once when Discord refuses it for good (channel gone, permission missing).
CREATE TABLE discussion_notices_owed (
    id            INTEGER PRIMARY KEY,
    guild_id      INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    discussion_id INTEGER NOT NULL REFERENCES discussions(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('missed', 'closed_dms')),
    -- The discussion's channel (a forum sends it to the club channel) or the reminder's channel.
    channel_id    INTEGER NOT NULL,
    content       TEXT NOT NULL,
    reply_to      INTEGER,
    nonce         TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    retry_at      REAL NOT NULL,
    created_at    REAL NOT NULL
);

CREATE INDEX discussion_notices_owed_due ON discussion_notices_owed (retry_at);
