-- A reminder's DM copies, recorded per member as each goes out.
--
-- The copies were sent after the reminder was recorded 'posted', with nothing kept per member: a
-- process killed between two members' copies left the rest unsent for good (a restart could not tell
-- who had theirs, so it sent none). Now the reminder is recorded with its copies owed
-- (copies_pending), each member's copy is recorded just before it is sent (so nobody gets two), and
-- a start finishes the copies of a reminder still owing them, within the reminder's grace. The rows
-- are kept only while the copies are owed: the write that ends them deletes them.
ALTER TABLE discussion_reminders ADD COLUMN copies_pending INTEGER NOT NULL DEFAULT 0 CHECK (copies_pending IN (0, 1));
CREATE INDEX discussion_reminders_copies_pending ON discussion_reminders (id) WHERE copies_pending = 1;

CREATE TABLE reminder_dm_copies (
    reminder_id INTEGER NOT NULL REFERENCES discussion_reminders(id) ON DELETE CASCADE,
    guild_id    INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    refused     INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1)), -- the member's DMs are closed to the bot
    sent_at     REAL NOT NULL,
    PRIMARY KEY (reminder_id, user_id)
) WITHOUT ROWID;
