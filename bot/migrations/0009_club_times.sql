-- Times as people write them, and reminders members control (issue 14, points 2 and 5).
--
-- How the server writes numeric dates: 'dmy' (12/04 is 12 April) or 'mdy' (12/04 is
-- December 4). NULL while unset: an ambiguous numeric date is then refused with both readings.
ALTER TABLE guild_settings ADD COLUMN date_order TEXT CHECK (date_order IN ('dmy', 'mdy'));

-- A member's reminder choices in one server. No row: the defaults (named in channel
-- reminders, no DM copy). dm_failed_at is set when a DM copy was refused because the
-- member's DMs are closed: no DM is tried again until they turn DM copies on again.
CREATE TABLE member_reminder_prefs (
    guild_id     INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    dm           INTEGER NOT NULL DEFAULT 0 CHECK (dm IN (0, 1)),
    off          INTEGER NOT NULL DEFAULT 0 CHECK (off IN (0, 1)),
    dm_failed_at REAL,
    updated_at   REAL NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;

-- Who wants a DM copy (read when a reminder goes out): a short range of one server's rows.
CREATE INDEX member_reminder_prefs_dm ON member_reminder_prefs (guild_id) WHERE dm = 1 AND off = 0 AND dm_failed_at IS NULL;
