-- A member's warning report owed to the moderation channel: a due item, tried again like a
-- discussion's post, not one send that a kill or a Discord failure loses.
--
-- The report was saved and then posted once: a process killed between the two, or Discord failing
-- on its side, and the moderators never saw it (only /warnings review showed it). Now a row is
-- stored in the report's own transaction when a moderation channel is set; the post is tried at
-- once and, until it succeeds, again at ``retry_at`` (a try in flight holds it off until then too).
-- A retry looks for the report in the channel first (its "Warning report #id"), so a post Discord
-- took before a kill is not made twice. States: pending -> posted, or failed (the reason kept, the
-- tries spent or the channel gone), or dropped (decided, or no moderation channel any more).
CREATE TABLE report_posts (
    report_id  INTEGER PRIMARY KEY REFERENCES warning_reports(id) ON DELETE CASCADE,
    guild_id   INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'posted', 'failed', 'dropped')),
    nonce      TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    retry_at   REAL,
    message_id INTEGER,
    failure    TEXT
);

CREATE INDEX report_posts_due ON report_posts (retry_at) WHERE state = 'pending';
