-- A member Dogear could not add to a discussion thread they had reached (Discord down, a missing
-- permission fixed later): one row per discussion and member until the add is made.
--
-- Reading on adds a member only to the threads of the chapters newly reached (one request per
-- newly reached discussion, not per earlier one), so an add that failed would otherwise never be
-- tried again. The discussion timer tries a row again at ``retry_at`` a few times; after that
-- ``retry_at`` is NULL and the member's next step in the story tries it (a few rows per step).
-- A row goes with its discussion, and with its server.
CREATE TABLE discussion_joins_owed (
    guild_id      INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    discussion_id INTEGER NOT NULL REFERENCES discussions(id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 1,
    retry_at      REAL,
    failure       TEXT NOT NULL,
    PRIMARY KEY (discussion_id, user_id)
);

CREATE INDEX discussion_joins_owed_due ON discussion_joins_owed (retry_at) WHERE retry_at IS NOT NULL;
CREATE INDEX discussion_joins_owed_member ON discussion_joins_owed (guild_id, user_id);
