-- Servers the bot knows, and each server's settings.
CREATE TABLE guilds (
    guild_id      INTEGER PRIMARY KEY,
    joined_at     REAL NOT NULL,
    -- Set when the bot is removed; the server's data is deleted after the retention period.
    left_at       REAL
);

CREATE TABLE guild_settings (
    guild_id              INTEGER PRIMARY KEY REFERENCES guilds(guild_id) ON DELETE CASCADE,
    club_channel_id       INTEGER,
    discussion_channel_id INTEGER,
    club_role_id          INTEGER,
    timezone              TEXT NOT NULL DEFAULT 'UTC',
    -- Discussion prompts, one per line; NULL means the defaults.
    discussion_prompts    TEXT
);
