-- Reading progress, member privacy and member preferences, per server.
--
-- Sized for a club of 10,000 members reading 20 stories (200,000 progress rows): every
-- command reads one contiguous range of a primary key or index, never the whole table.

-- Members are the people who ever set progress or preferences in a server: without the
-- privileged members intent the bot cannot list a server, so this is who "the club" is.
-- The display name is refreshed whenever the member uses a command, for the progress chart.
CREATE TABLE club_members (
    guild_id     INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    display_name TEXT,
    -- Hidden members are counted in club views and reminders, never named.
    hidden       INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    joined_at    REAL NOT NULL,
    updated_at   REAL NOT NULL,
    PRIMARY KEY (guild_id, user_id)
) WITHOUT ROWID;

-- The last chapter a member has read, per story; 0 means not started.
-- Keyed story-first so a club view is one range scan of the primary key.
CREATE TABLE reading_progress (
    guild_id   INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    chapter    INTEGER NOT NULL CHECK (chapter >= 0),
    updated_at REAL NOT NULL,
    PRIMARY KEY (guild_id, story_id, user_id)
) WITHOUT ROWID;

-- One member's stories (/progress show).
CREATE INDEX reading_progress_by_member ON reading_progress (guild_id, user_id);
-- Removing a story cascades here; without this index that delete scans the whole table.
CREATE INDEX reading_progress_by_story ON reading_progress (story_id);

-- Warning ids (default taxonomy or a server's custom category) a member prefers to avoid.
CREATE TABLE member_avoided_warnings (
    guild_id   INTEGER NOT NULL REFERENCES guilds(guild_id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    warning_id TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (guild_id, user_id, warning_id)
) WITHOUT ROWID;

-- Who avoids a given warning (reminders leave them out).
CREATE INDEX member_avoided_by_warning ON member_avoided_warnings (guild_id, warning_id, user_id);
